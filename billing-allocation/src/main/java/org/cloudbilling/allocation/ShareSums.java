package org.cloudbilling.allocation;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.money.Money;

/**
 * Shared rows summed by unit, that can be taken out again: each unit's exact sum (as {@link TotalsAccumulator}
 * sums) and how many rows of each scale it holds, so that the sum, added to totals, has the scale of the rows left in
 * it, as if the rows taken out had never been added (the largest scale of a row is the scale of a sum of rows, as
 * {@link Money#plus} gives). {@link HeldShares} adds a held item's shares as the item is followed, and takes out those
 * of an item that turns out to carry a rounding correction. Confined to one thread.
 */
final class ShareSums implements AllocationRun.Shares {
    /** Rows are counted at the scales below this (every scale of {@code Money}). */
    static final int SCALES = Money.MAX_SCALE + 1;

    private final int units;
    private final SumsByCurrency sums;
    /** Per currency of {@link #sums}: per unit, how many rows of each scale its sum holds. */
    private final List<int[]> counts = new ArrayList<>(1);

    /** The same sums, rows taken out. */
    private final AllocationRun.Shares removing =
            (currency, unitIndex, value, scale) -> add(currency, unitIndex, Math.negateExact(value), scale, -1);

    /** Sums for the units of dense index 0 to {@code units} - 1. */
    ShareSums(int units) {
        this.units = units;
        this.sums = new SumsByCurrency(units);
    }

    /** Adds a row of {@code value} at {@code scale} (below {@link #SCALES}) to the unit of dense index {@code unitIndex}. */
    @Override
    public void addShare(Currency currency, int unitIndex, long value, int scale) {
        add(currency, unitIndex, value, scale, 1);
    }

    /** These sums as a sink that takes out each row it is given, as it was added. */
    AllocationRun.Shares removing() {
        return removing;
    }

    private void add(Currency currency, int unitIndex, long value, int scale, int rows) {
        int c = sums.indexOf(currency);
        if (c == counts.size()) {
            counts.add(new int[units * SCALES]);
        }
        sums.all().get(c).add(unitIndex, value, scale);
        counts.get(c)[unitIndex * SCALES + scale] += rows;
    }

    /**
     * Adds to {@code totals} each unit's sum of the rows left in it, as shared rows, at the largest scale of those
     * rows; a unit with no row left adds nothing.
     */
    void addTo(TotalsAccumulator totals) {
        for (int c = 0; c < sums.all().size(); c++) {
            TotalsAccumulator.Sums s = sums.all().get(c);
            int[] count = counts.get(c);
            for (int unit = 0; unit < units; unit++) {
                long rows = 0;
                int scale = -1;
                for (int k = 0; k < SCALES; k++) {
                    int n = count[unit * SCALES + k];
                    rows += n;
                    if (n != 0) {
                        scale = k;
                    }
                }
                if (rows == 0) {
                    continue;
                }
                Money total = s.total(unit);
                // exact: what is left is a sum of rows of at most this scale
                totals.addShares(
                        unit,
                        Money.of(total.currency(), total.amount().setScale(scale, RoundingMode.UNNECESSARY)),
                        rows);
            }
        }
    }
}
