package org.cloudbilling.core.consolidation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consolidated totals: one {@link Totals} per group of a {@link Grouping}, in key order.
 *
 * <p>Roll-ups merge: {@code a.merge(b)} equals the roll-up of the items of both, and merging is associative
 * and commutative, so partial roll-ups computed apart (per file, per thread, per worker) combine into the
 * same result in any order. Instances are immutable and safe to share between threads.
 */
public final class Rollup {
    private final Grouping grouping;
    private final ImmutableSortedMap<GroupKey, Totals> groups;

    Rollup(Grouping grouping, Map<GroupKey, Totals> groups) {
        this.grouping = grouping;
        this.groups = ImmutableSortedMap.copyOf(groups);
    }

    /**
     * Returns the roll-up of the given groups' totals: for a reader that totals rows without making items.
     *
     * @param grouping the grouping, not null
     * @param groups each group's totals, not null; each key of as many values as the grouping has dimensions
     * @return the roll-up, never null
     * @throws IllegalArgumentException if a key does not fit the grouping
     */
    public static Rollup of(Grouping grouping, Map<GroupKey, Totals> groups) {
        int size = requireNonNull(grouping, "grouping").dimensions().size();
        for (GroupKey key : groups.keySet()) {
            checkArgument(key.size() == size, "group key %s does not fit %s", key, grouping);
        }
        return new Rollup(grouping, groups);
    }

    /**
     * Returns a roll-up without any group.
     *
     * @param grouping the grouping, not null
     * @return the empty roll-up, never null
     */
    public static Rollup empty(Grouping grouping) {
        return new Rollup(requireNonNull(grouping, "grouping"), Map.of());
    }

    /** Returns the grouping, never null. */
    public Grouping grouping() {
        return grouping;
    }

    /** Returns each group's totals, in key order, never null. */
    public ImmutableSortedMap<GroupKey, Totals> groups() {
        return groups;
    }

    /**
     * Returns the totals over every group, per currency.
     *
     * @return each currency's totals, by currency code, never null
     */
    public Map<Currency, Totals> grandTotals() {
        Map<Currency, Totals> out = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
        for (Map.Entry<GroupKey, Totals> e : groups.entrySet()) {
            out.merge(e.getKey().currency(), e.getValue(), Totals::plus);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Returns the roll-up of the items of this one and {@code other}.
     *
     * @param other a roll-up of the same grouping, not null
     * @return the merged roll-up, never null
     * @throws IllegalArgumentException if the groupings differ
     */
    public Rollup merge(Rollup other) {
        checkArgument(
                grouping.equals(other.grouping),
                "cannot merge roll-ups of different groupings: %s and %s",
                grouping,
                other.grouping);
        Map<GroupKey, Totals> merged = new HashMap<>(groups);
        for (Map.Entry<GroupKey, Totals> e : other.groups.entrySet()) {
            merged.merge(e.getKey(), e.getValue(), Totals::plus);
        }
        return new Rollup(grouping, merged);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Rollup
                && ((Rollup) obj).grouping.equals(grouping)
                && ((Rollup) obj).groups.equals(groups);
    }

    @Override
    public int hashCode() {
        return grouping.hashCode() * 31 + groups.hashCode();
    }

    @Override
    public String toString() {
        return "Rollup[" + grouping + ", " + groups.size() + " groups]";
    }
}
