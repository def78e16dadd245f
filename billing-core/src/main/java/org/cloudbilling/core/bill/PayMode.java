package org.cloudbilling.core.bill;

/** How a charge is paid: in advance for a subscription, or after use. */
public enum PayMode {
    /** Paid in advance: yearly or monthly subscriptions (Tencent {@code prePay}). */
    PREPAID,
    /** Paid after use, pay-as-you-go, settled per {@link SettlementCycle} (Tencent {@code postPay}). */
    POSTPAID
}
