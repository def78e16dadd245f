package org.cloudbilling.allocation;

import org.cloudbilling.core.bill.LineItem;

/**
 * The items a one-pass collector ({@link OnePassTotals}, {@link OnePassSummary}) has taken but not placed yet, in their
 * order: they are placed together ({@link PlacementCache#placementsOf}), so that their reads of memory overlap, then
 * handed on one by one, in their order. Scratch of one collector's container, reused.
 */
final class ItemGroup {
    /** Where a placed item goes. */
    @FunctionalInterface
    interface Placed {
        void add(LineItem item, int placement);
    }

    private final LineItem[] items = new LineItem[PlacementCache.GROUP];
    private final int[] placements = new int[PlacementCache.GROUP];
    private int size;

    /** Takes {@code item}; returns whether the group is full, so that it must be placed before the next. */
    boolean add(LineItem item) {
        items[size++] = item;
        return size == items.length;
    }

    /** Places the items waiting with {@code cache}, hands each with its placement to {@code to}, and empties. */
    void place(PlacementCache cache, Placed to) {
        if (size == 0) {
            return;
        }
        cache.placementsOf(items, size, placements);
        for (int i = 0; i < size; i++) {
            to.add(items[i], placements[i]);
            items[i] = null;
        }
        size = 0;
    }
}
