package org.cloudbilling.reseller.channel;

/** The instant whose identity decides whom a charge belongs to. */
public enum AttributionBasis {
    /**
     * A prepaid charge: the time its order was placed (ATTR-1). The order time is the one the caller gives for
     * the order, else the item's deduction time, else the start of its fee period.
     */
    ORDER_TIME,
    /**
     * A postpaid charge settled hourly or daily, or with no settlement cycle reported: the settlement of its fee
     * cycle, which is the end of the cycle (ATTR-2). Late data keeps the instant of its fee cycle.
     */
    SETTLEMENT_TIME,
    /** A postpaid charge settled monthly: 00:00 on the 1st of the following month in the calendar's zone (ATTR-3). */
    BILLING_TIME
}
