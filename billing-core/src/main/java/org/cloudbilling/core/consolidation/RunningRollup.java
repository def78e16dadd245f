package org.cloudbilling.core.consolidation;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.daily.internal.PersistentMap;

/**
 * A roll-up that items leave as well as join (DAILY-1): a month's consolidation kept up to date by the changes
 * of each daily batch. Taking an item out subtracts exactly what adding it added, and a group whose last item
 * leaves is gone, so after any changes the {@link #rollup()} equals {@link Consolidation#consolidate} over the
 * items that are in. A change costs time in the number of items it adds or removes, not in the month's size.
 * Immutable: {@link #apply} returns a new value that shares the untouched groups with this one.
 */
public final class RunningRollup {
    private final Grouping grouping;
    private final PersistentMap<GroupKey, Totals> groups;

    private RunningRollup(Grouping grouping, PersistentMap<GroupKey, Totals> groups) {
        this.grouping = grouping;
        this.groups = groups;
    }

    /**
     * Returns the running roll-up of no items.
     *
     * @param grouping the grouping, not null
     * @return the empty running roll-up, never null
     */
    public static RunningRollup empty(Grouping grouping) {
        return new RunningRollup(requireNonNull(grouping, "grouping"), PersistentMap.empty());
    }

    /** Returns the grouping, never null. */
    public Grouping grouping() {
        return grouping;
    }

    /**
     * Returns this roll-up with {@code removed} taken out and {@code added} put in.
     *
     * @param removed items that were rolled up before, not null
     * @param added items to roll up, not null
     * @return the new running roll-up, never null
     * @throws IllegalArgumentException if a removed item's group has no items left to remove
     */
    public RunningRollup apply(Iterable<LineItem> removed, Iterable<LineItem> added) {
        Map<GroupKey, Totals> touched = new HashMap<>();
        for (LineItem item : removed) {
            GroupKey key = grouping.keyOf(item);
            Totals before = touched.containsKey(key) ? touched.get(key) : groups.get(key);
            if (before == null || before.itemCount() == 0) {
                throw new IllegalArgumentException(
                        "item " + item.id() + " is not in the roll-up: group " + key + " has no item to take out");
            }
            touched.put(
                    key,
                    Totals.of(
                            before.itemCount() - 1,
                            before.listCost().minus(item.listCost()),
                            before.totalCost().minus(item.totalCost())));
        }
        for (LineItem item : added) {
            GroupKey key = grouping.keyOf(item);
            Totals before = touched.containsKey(key) ? touched.get(key) : groups.get(key);
            touched.put(key, before == null ? Totals.of(item) : before.plus(Totals.of(item)));
        }
        PersistentMap<GroupKey, Totals> next = groups;
        for (Map.Entry<GroupKey, Totals> e : touched.entrySet()) {
            next = e.getValue().itemCount() == 0 ? next.remove(e.getKey()) : next.put(e.getKey(), e.getValue());
        }
        return next == groups ? this : new RunningRollup(grouping, next);
    }

    /** Returns the number of groups. */
    public int groupCount() {
        return groups.size();
    }

    /**
     * Returns the roll-up of the items that are in: equal to {@link Consolidation#consolidate} over them. Costs
     * time in the number of groups.
     *
     * @return the roll-up, never null
     */
    public Rollup rollup() {
        Map<GroupKey, Totals> out = new HashMap<>();
        groups.forEach(out::put);
        return new Rollup(grouping, out);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RunningRollup r && r.grouping.equals(grouping) && r.groups.equals(groups);
    }

    @Override
    public int hashCode() {
        return grouping.hashCode() * 31 + groups.hashCode();
    }

    @Override
    public String toString() {
        return "RunningRollup[" + grouping + ", " + groups.size() + " groups]";
    }
}
