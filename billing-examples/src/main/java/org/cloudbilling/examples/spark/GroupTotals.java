package org.cloudbilling.examples.spark;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;

/**
 * One group of a consolidation computed on Spark: the group's dimension values, its currency and its totals,
 * the same content as one entry of {@link Rollup#groups()}.
 *
 * @param values the dimension values in the grouping's order; an absent value is null (as in {@link
 *     GroupKey#values()}); unmodifiable
 * @param currency the currency of the amounts
 * @param totals the group's item count, list cost and total cost
 */
public record GroupTotals(List<String> values, Currency currency, Totals totals) {
    /** Orders as {@link GroupKey} does: values (an absent value first), then currency code. */
    static final Comparator<GroupTotals> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.values.size(); i++) {
            String x = a.values.get(i);
            String y = b.values.get(i);
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? -1 : 1;
                }
            } else if (!x.equals(y)) {
                return x.compareTo(y);
            }
        }
        return a.currency.getCurrencyCode().compareTo(b.currency.getCurrencyCode());
    };

    /** Checks that no component is null and makes {@code values} unmodifiable. */
    public GroupTotals {
        values = Collections.unmodifiableList(new ArrayList<>(requireNonNull(values, "values")));
        requireNonNull(currency, "currency");
        requireNonNull(totals, "totals");
    }

    /**
     * Returns the groups of an in-process roll-up, in key order: what {@link SparkConsolidation#consolidate}
     * returns for the same items and grouping.
     *
     * @param rollup the roll-up, not null
     * @return its groups, never null
     */
    public static List<GroupTotals> of(Rollup rollup) {
        List<GroupTotals> out = new ArrayList<>();
        for (Map.Entry<GroupKey, Totals> e : rollup.groups().entrySet()) {
            out.add(new GroupTotals(e.getKey().values(), e.getKey().currency(), e.getValue()));
        }
        return List.copyOf(out);
    }
}
