package org.cloudbilling.allocation;

import org.cloudbilling.core.bill.LineItem;

/**
 * The items a one-pass collector's container ({@link OnePassTotals}, {@link OnePassSummary}) has taken but not placed
 * yet, in their order: they are placed together ({@link PlacementCache#placementsOf}), with the placement cache of the
 * thread that places them, so that their reads of memory overlap, then handed on one by one, in their order. Scratch
 * of one container, reused.
 */
final class ItemGroup {
    /** Where a placed item goes. */
    @FunctionalInterface
    interface Placed {
        void add(LineItem item, int placement);
    }

    private final OnePassTotals.Caches caches;
    private final Placed to;
    private final LineItem[] items = new LineItem[PlacementCache.GROUP];
    private final int[] placements = new int[PlacementCache.GROUP];
    private int size;
    /** The placement cache of {@link #owner}. */
    private PlacementCache cache;
    /** The thread that placed the last group: a container may be filled by one thread, then merged on another. */
    private Thread owner;

    /** A group placed with the caches of {@code caches}, each item then handed with its placement to {@code to}. */
    ItemGroup(OnePassTotals.Caches caches, Placed to) {
        this.caches = caches;
        this.to = to;
    }

    /** Takes {@code item}, placing the group once it is full. */
    void add(LineItem item) {
        items[size++] = item;
        if (size == items.length) {
            place();
        }
    }

    /** Places the items waiting, hands each with its placement on, and empties. */
    void place() {
        if (size == 0) {
            return;
        }
        if (owner != Thread.currentThread()) {
            owner = Thread.currentThread();
            cache = caches.ofCurrentThread();
        }
        cache.placementsOf(items, size, placements);
        for (int i = 0; i < size; i++) {
            to.add(items[i], placements[i]);
            items[i] = null;
        }
        size = 0;
    }
}
