package org.cloudbilling.reseller.bill;

import static java.util.Objects.requireNonNull;

/**
 * Bill A and Bill B of one reseller's month, computed from the same attributed charges, and why their totals
 * differ ({@link BillDifference}).
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
    public BillDifference originalPriceDifference() {
        return BillDifference.of(billA, billB, BillDifference.Measure.ORIGINAL_PRICE);
    }

    /** Returns why A's cost total and B's customer total differ, never null. */
    public BillDifference totalDifference() {
        return BillDifference.of(billA, billB, BillDifference.Measure.TOTAL);
    }
}
