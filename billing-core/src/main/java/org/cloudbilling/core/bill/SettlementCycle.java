package org.cloudbilling.core.bill;

/** How often a postpaid charge is settled; attribution depends on it (ATTR-2, ATTR-3). */
public enum SettlementCycle {
    /** Settled every hour. */
    HOURLY,
    /** Settled every day. */
    DAILY,
    /** Settled once a month, at billing time: 00:00 on the 1st of the following month. */
    MONTHLY
}
