package org.cloudbilling.examples.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;

/** The measured passes over a month held in memory: the library's allocation and the floor. */
final class LibraryPass {
    private LibraryPass() {}

    /**
     * Allocates a month as a host application after totals would: in one pass, with the library's one-pass totals
     * collector ({@link Allocator#toTotals(TagBindings)}), which places each item once, adds up each unit's rows
     * without making them, and keeps only the items that enter the sharing graph until the month's proportional
     * bases are known. The same totals as {@link #allocatePrepared}, exactly.
     *
     * @param pool the threads to use, or null for the calling thread alone
     */
    static UnitTotals allocate(Allocator allocator, List<LineItem> items, TagBindings tags, ForkJoinPool pool) {
        if (pool == null) {
            return UnitTotals.of(items.stream().collect(allocator.toTotals(tags)));
        }
        return pool.submit(() -> UnitTotals.of(items.parallelStream().collect(allocator.toTotals(tags))))
                .join();
    }

    /**
     * Allocates a month in two passes, as the benchmark did before the one-pass collector: prepares the run (the
     * proportional bases and the rounding over the run), then allocates every item with the run's totals
     * collector ({@link AllocationRun#toTotals()}).
     *
     * @param pool the threads to use, or null for the calling thread alone
     */
    static UnitTotals allocatePrepared(Allocator allocator, List<LineItem> items, TagBindings tags, ForkJoinPool pool) {
        if (pool == null) {
            AllocationRun run = allocator.prepare(items, tags);
            return UnitTotals.of(items.stream().collect(run.toTotals()));
        }
        return pool.submit(() -> {
                    AllocationRun run = allocator.prepare(items.parallelStream(), tags);
                    return UnitTotals.of(items.parallelStream().collect(run.toTotals()));
                })
                .join();
    }

    /**
     * The floor: one plain pass over the same items that only sums their amounts by owner, exactly.
     *
     * @param pool the threads to use, or null for the calling thread alone
     */
    static Map<OwnerUin, Money> floor(List<LineItem> items, ForkJoinPool pool) {
        if (pool == null) {
            Map<OwnerUin, Money> byOwner = new HashMap<>();
            for (LineItem item : items) {
                byOwner.merge(item.ownerUin(), item.totalCost(), Money::plus);
            }
            return byOwner;
        }
        return pool.submit(() -> items.parallelStream()
                        .collect(Collectors.toMap(LineItem::ownerUin, LineItem::totalCost, Money::plus)))
                .join();
    }
}
