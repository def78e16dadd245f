package org.cloudbilling.allocation;

import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.money.Money;

/**
 * The collected cost per unit, per currency, of a one-pass collector ({@link OnePassTotals}, {@link OnePassSummary}):
 * the proportional bases (ALLOC-5) the period's run is made from once every item is seen.
 */
final class CollectedBases {
    private final SumsByCurrency sums;

    CollectedBases(int units) {
        this.sums = new SumsByCurrency(units);
    }

    /** The sums of {@code currency}, made empty the first time. */
    TotalsAccumulator.Sums of(Currency currency) {
        return sums.of(currency);
    }

    /** Adds {@code other}'s sums to these. */
    void merge(CollectedBases other) {
        sums.add(other.sums);
    }

    /** The sums by currency and unit, as {@link AllocationRun#ofPeriod} takes them; {@code unitOrder} names unit i. */
    Map<Currency, Map<UnitId, Money>> byCurrency(List<UnitId> unitOrder) {
        Map<Currency, Map<UnitId, Money>> collected = new HashMap<>();
        for (TotalsAccumulator.Sums s : sums.all()) {
            Map<UnitId, Money> byUnit = new HashMap<>();
            for (int i = 0; i < s.touched.length; i++) {
                if (s.touched[i]) {
                    byUnit.put(unitOrder.get(i), s.total(i));
                }
            }
            collected.put(s.currency, byUnit);
        }
        return collected;
    }
}
