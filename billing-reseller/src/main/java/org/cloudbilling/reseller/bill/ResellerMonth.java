package org.cloudbilling.reseller.bill;

import static java.util.Objects.requireNonNull;

/**
 * Bill A and Bill B of one reseller's month, computed from the same attributed charges, and the
 * reconciliations of their totals.
 *
 * @param billA the provider-to-reseller bill, not null
 * @param billB the reseller-to-customer bills, not null
 */
public record ResellerMonth(BillA billA, BillB billB) {
    public ResellerMonth {
        requireNonNull(billA, "billA");
        requireNonNull(billB, "billB");
    }

    /** Returns why the original-price totals of A and B differ, never null. */
    public Reconciliation originalPriceReconciliation() {
        return Reconciliation.of(billA, billB, Reconciliation.Measure.ORIGINAL_PRICE);
    }

    /** Returns why A's cost total and B's customer total differ, never null. */
    public Reconciliation totalReconciliation() {
        return Reconciliation.of(billA, billB, Reconciliation.Measure.TOTAL);
    }
}
