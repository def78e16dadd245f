package org.cloudbilling.core.bill;

/**
 * What produced a line item, as a provider's detailed bill shows it.
 *
 * <p>A configuration change is billed as a refund of the old configuration plus a new purchase (RES-4);
 * providers that show it as one row use {@link #UPGRADE} or {@link #DOWNGRADE}.
 */
public enum ActionType {
    /** A new prepaid purchase. */
    NEW_PURCHASE,
    /** The renewal of a prepaid subscription. */
    RENEWAL,
    /** A configuration upgrade of a prepaid resource. */
    UPGRADE,
    /** A configuration downgrade of a prepaid resource. */
    DOWNGRADE,
    /** A refund or unsubscription; its amounts are usually negative. */
    REFUND,
    /** Pay-as-you-go usage settled by the hour, day or month. */
    USAGE,
    /** A bill adjustment by the provider: a correction of an earlier charge. */
    ADJUSTMENT,
    /** A deduction from a reserved instance or a savings plan. */
    COMMITMENT_DEDUCTION,
    /** The purchase of a resource package, reserved instance or savings plan. */
    COMMITMENT_PURCHASE,
    /** A tax line. */
    TAX,
    /** A credit granted by the provider. */
    CREDIT,
    /** Anything else the provider reports. */
    OTHER
}
