package org.cloudbilling.core.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.io.internal.ByteDictionary;
import org.cloudbilling.core.money.Money;

/**
 * The totals of the rows of one part of a canonical CSV file that {@link CanonicalChunkParser} proved valid without
 * making their items: per group, the count and the exact sums of list cost, total cost and usage quantity, in longs
 * at the largest scale seen (a {@link BigDecimal} past a long). Such an item's effective cost is its total cost
 * and its contracted cost its list cost (a canonical row reports no amortization, and rows with a discount rate
 * take the item path), so {@link #toRollup} gives exactly what consolidating the items gives.
 */
final class CanonicalTally {
    /** The canonical columns of the grouping's dimensions, in order. */
    final int[] columns;
    /** The groups by the bytes of their key cells. */
    final ByteDictionary keys = new ByteDictionary();

    final List<Sums> groups = new ArrayList<>();
    byte[] scratch = new byte[256];

    CanonicalTally(int[] columns) {
        this.columns = columns;
        keys.tagsLike = true; // never dropped for direct making: the groups live here
    }

    /** One group's sums. */
    static final class Sums {
        final String[] values;
        final Currency currency;
        long count;
        final Sum list = new Sum();
        final Sum total = new Sum();
        final Sum quantity = new Sum();

        Sums(String[] values, Currency currency) {
            this.values = values;
            this.currency = currency;
        }
    }

    /** An exact sum of decimals, at the largest scale added, as {@link Money#plus} keeps it. */
    static final class Sum {
        private boolean any;
        private long units;
        private int scale;
        private BigDecimal big;

        void add(long u, int s) {
            any = true;
            if (big == null) {
                try {
                    int to = Math.max(scale, s);
                    units = Math.addExact(scaled(units, to - scale), scaled(u, to - s));
                    scale = to;
                    return;
                } catch (ArithmeticException overflow) {
                    big = BigDecimal.valueOf(units, scale);
                }
            }
            big = big.add(BigDecimal.valueOf(u, s));
        }

        BigDecimal decimal() {
            return !any ? null : big != null ? big : BigDecimal.valueOf(units, scale);
        }

        Money money(Currency currency) {
            return big != null ? Money.of(currency, big) : Money.ofUnscaled(currency, units, scale);
        }
    }

    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** {@code value} times ten to {@code digits} (0 to 18); throws {@link ArithmeticException} past a long. */
    static long scaled(long value, int digits) {
        return digits == 0 ? value : Math.multiplyExact(value, POWERS[digits]);
    }

    /** The totals of the groups: ListCost, BilledCost, EffectiveCost and ContractedCost, and ConsumedQuantity. */
    Rollup toRollup(Grouping grouping) {
        Map<GroupKey, Totals> totals = new HashMap<>();
        for (Sums g : groups) {
            Money list = g.list.money(g.currency);
            Money total = g.total.money(g.currency);
            Totals t = Totals.of(g.count, list, total, total, list, g.quantity.decimal(), null);
            totals.merge(GroupKey.of(Arrays.asList(g.values), g.currency), t, Totals::plus);
        }
        return Rollup.of(grouping, totals);
    }
}
