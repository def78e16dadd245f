package org.cloudbilling.allocation;

import java.util.ArrayList;
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
    private final int units;
    private final List<TotalsAccumulator.Sums> sums = new ArrayList<>(1);
    /** The last currency's sums: a month has one currency, mostly. */
    private TotalsAccumulator.Sums last;

    CollectedBases(int units) {
        this.units = units;
    }

    /** The sums of {@code currency}, made empty the first time. */
    TotalsAccumulator.Sums of(Currency currency) {
        if (last != null && last.currency == currency) {
            return last;
        }
        for (TotalsAccumulator.Sums s : sums) {
            if (s.currency.equals(currency)) {
                last = s;
                return s;
            }
        }
        TotalsAccumulator.Sums s = new TotalsAccumulator.Sums(currency, units);
        sums.add(s);
        last = s;
        return s;
    }

    /** Adds {@code other}'s sums to these. */
    void merge(CollectedBases other) {
        for (TotalsAccumulator.Sums s : other.sums) {
            TotalsAccumulator.Sums mine = of(s.currency);
            for (int i = 0; i < s.touched.length; i++) {
                if (s.touched[i]) {
                    mine.add(i, s.total(i));
                }
            }
        }
    }

    /** The sums by currency and unit, as {@link AllocationRun#ofPeriod} takes them; {@code unitOrder} names unit i. */
    Map<Currency, Map<UnitId, Money>> byCurrency(List<UnitId> unitOrder) {
        Map<Currency, Map<UnitId, Money>> collected = new HashMap<>();
        for (TotalsAccumulator.Sums s : sums) {
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
