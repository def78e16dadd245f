package org.cloudbilling.reseller.bill;

import org.cloudbilling.core.bill.LineItem;

/** How Bill A and Bill B show a row (RES-4, RES-5). */
public enum RowKind {
    /** An ordinary charge: both bills show its list price as the original price. */
    CHARGE,
    /** A refund: Bill A shows the reseller's post-discount refund, Bill B the end customer's refund (RES-4). */
    REFUND,
    /**
     * A configuration change (upgrade or downgrade): its refund part (a negative list cost) shows like a refund,
     * its purchase part like a charge (RES-4).
     */
    CONFIGURATION_CHANGE,
    /** A bill adjustment: only in Bill A, at the post-discount adjusted amount (RES-5). */
    ADJUSTMENT;

    /** Returns the kind of {@code item}'s row. */
    public static RowKind of(LineItem item) {
        return switch (item.actionType()) {
            case REFUND -> REFUND;
            case UPGRADE, DOWNGRADE -> CONFIGURATION_CHANGE;
            case ADJUSTMENT -> ADJUSTMENT;
            default -> CHARGE;
        };
    }
}
