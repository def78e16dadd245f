package org.cloudbilling.core.consolidation;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.Bill;
import org.cloudbilling.core.bill.LineItem;

/**
 * Rolls line items and bills up into totals by any dimensions: pure functions, exact sums.
 *
 * <pre>{@code
 * Rollup byProduct = Consolidation.consolidate(items, Grouping.by(Dimension.PAYER, Dimension.BUSINESS));
 * Rollup same = items.parallelStream().collect(Consolidation.toRollup(grouping));   // identical result
 * }</pre>
 */
public final class Consolidation {
    private Consolidation() {}

    /**
     * Rolls {@code items} up by {@code grouping}.
     *
     * @param items the items, in any order, not null
     * @param grouping the grouping, not null
     * @return the roll-up, never null; empty for no items
     */
    public static Rollup consolidate(Iterable<LineItem> items, Grouping grouping) {
        requireNonNull(grouping, "grouping");
        Accumulator acc = new Accumulator(grouping);
        for (LineItem item : items) {
            acc.add(item);
        }
        return acc.toRollup();
    }

    /**
     * Rolls the items of every bill in {@code bills} up by {@code grouping}: the consolidated bill of many
     * accounts or months.
     *
     * @param bills the bills, not null
     * @param grouping the grouping, not null
     * @return the roll-up, never null
     */
    public static Rollup consolidateBills(Iterable<Bill> bills, Grouping grouping) {
        requireNonNull(grouping, "grouping");
        Accumulator acc = new Accumulator(grouping);
        for (Bill bill : bills) {
            for (LineItem item : bill.items()) {
                acc.add(item);
            }
        }
        return acc.toRollup();
    }

    /**
     * Returns a collector that rolls a stream of items up by {@code grouping}; on a parallel stream the
     * partial roll-ups merge into the same result as a sequential run.
     *
     * @param grouping the grouping, not null
     * @return the collector, never null
     */
    public static Collector<LineItem, ?, Rollup> toRollup(Grouping grouping) {
        requireNonNull(grouping, "grouping");
        return Collector.of(
                () -> new Accumulator(grouping),
                Accumulator::add,
                Accumulator::combine,
                Accumulator::toRollup,
                Collector.Characteristics.UNORDERED);
    }

    /** The mutable state of one consolidation; confined to the thread that runs it. */
    static final class Accumulator {
        private final Grouping grouping;
        private final Map<GroupKey, Totals> groups = new HashMap<>();

        Accumulator(Grouping grouping) {
            this.grouping = grouping;
        }

        void add(LineItem item) {
            groups.merge(grouping.keyOf(item), Totals.of(item), Totals::plus);
        }

        Accumulator combine(Accumulator other) {
            other.groups.forEach((k, v) -> groups.merge(k, v, Totals::plus));
            return this;
        }

        Rollup toRollup() {
            return new Rollup(grouping, groups);
        }
    }
}
