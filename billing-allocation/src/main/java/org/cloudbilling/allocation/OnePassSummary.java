package org.cloudbilling.allocation;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * A period summarized in one pass over its items ({@link Allocator#toSummary(BillingCalendar, TagBindings)}): each
 * item is placed once, by the values its rules test ({@link PlacementCache}). A collected item whose unit passes
 * nothing on, and an Unallocated item, goes to the summary's cells at once; a unit's proportional base is read from
 * its collected cells at the end, with the cost of the items it collected and passes on. An item that enters the
 * sharing graph is kept (by reference, with its entry rule) until the period's
 * proportional bases and rounding (ALLOC-5, ALLOC-12) are known; at the end the run is made from the bases and the
 * kept items, as {@code prepare} makes it, and the kept items are allocated into the same cells. A summary's cells
 * are exact sums and its rows sorted, so the order in which rows arrive changes nothing: the summary is that of
 * {@code prepare} followed by {@link AllocationRun#toSummary}, exactly, on any number of threads.
 */
final class OnePassSummary {
    private final Allocator allocator;
    private final OnePassTotals.Caches caches;
    private final SummaryAccumulator summary;
    /**
     * The proportional bases per currency, by dense unit index; only with a proportional rule: the cost of the held
     * items collected by a unit that passes costs on, then, at the end, every unit's collected cells.
     */
    private final CollectedBases bases;
    /** The items that enter the sharing graph, and beside each, the sharing rule it enters by. */
    private final List<LineItem> held = new ArrayList<>();

    private int[] heldEntries = new int[16];
    /** The items taken but not placed yet ({@link #add}). */
    private final ItemGroup group;

    private OnePassSummary(Allocator allocator, OnePassTotals.Caches caches, BillingCalendar calendar) {
        this.allocator = allocator;
        this.bases = new CollectedBases(allocator.unitOrder.size());
        this.caches = caches;
        this.group = new ItemGroup(caches, this::add);
        this.summary = new SummaryAccumulator(allocator.rules.units(), allocator.unitOrder, calendar, null);
    }

    static Collector<LineItem, ?, AllocationSummary> collector(
            Allocator allocator, BillingCalendar calendar, TagBindings tags) {
        OnePassTotals.Caches caches = new OnePassTotals.Caches(allocator, tags);
        return Collector.of(
                () -> new OnePassSummary(allocator, caches, calendar),
                OnePassSummary::add,
                OnePassSummary::merge,
                acc -> acc.finish(tags),
                Collector.Characteristics.UNORDERED);
    }

    /** Takes {@code item} into the group waiting to be placed ({@link ItemGroup}), placing the group when it is full. */
    void add(LineItem item) {
        group.add(item);
    }

    private void add(LineItem item, int placement) {
        summary.addItem(item);
        int entry = placement <= -2 ? -2 - placement : placement >= 0 ? allocator.onwardOfCollection[placement] : -1;
        if (entry >= 0 && placement >= 0 && allocator.hasProportionalRules) {
            // collected by a unit that passes it on: held, so its unit's base has no row of it until the end
            Money cost = item.totalCost();
            bases.of(cost.currency()).add(allocator.unitOfCollection[placement], cost);
        }
        if (entry < 0) { // its one row, added directly: the row of AllocationRun.allocatePlaced, exactly
            if (placement >= 0) {
                summary.add(item, allocator.unitOfCollection[placement], AllocationType.COLLECTED, item.totalCost());
            } else {
                summary.add(item, -1, AllocationType.UNALLOCATED, item.totalCost());
            }
            return;
        }
        int n = held.size();
        if (n == heldEntries.length) {
            heldEntries = java.util.Arrays.copyOf(heldEntries, n * 2);
        }
        heldEntries[n] = entry;
        held.add(item);
    }

    OnePassSummary merge(OnePassSummary other) {
        group.place();
        other.group.place();
        summary.combine(other.summary);
        bases.merge(other.bases);
        int n = held.size();
        int m = other.held.size();
        if (n + m > heldEntries.length) {
            heldEntries = java.util.Arrays.copyOf(heldEntries, Math.max(n + m, n * 2));
        }
        System.arraycopy(other.heldEntries, 0, heldEntries, n, m);
        held.addAll(other.held);
        return this;
    }

    AllocationSummary finish(TagBindings tags) {
        group.place();
        caches.clear();
        if (allocator.hasProportionalRules) {
            summary.addCollectedTo(bases); // the collected rows added so far: every collected item not held
        }
        Map<Currency, Map<UnitId, Money>> collected = bases.byCurrency(allocator.unitOrder);
        List<AllocationRun.Held> entered = new ArrayList<>(held.size());
        for (int i = 0; i < held.size(); i++) {
            LineItem item = held.get(i);
            entered.add(new AllocationRun.Held(item.id(), item.totalCost(), heldEntries[i]));
        }
        AllocationRun run = AllocationRun.ofPeriod(allocator, tags, collected, entered);
        AllocationRun.GraphScratch scratch = new AllocationRun.GraphScratch(allocator);
        for (int i = 0; i < held.size(); i++) {
            LineItem item = held.get(i);
            // in units when the item's shares fit, as the one-pass totals add them; else its rows
            if (!run.addSharesThroughGraph(
                    item.id(), item.totalCost(), heldEntries[i], summary.sharesOf(item), scratch)) {
                run.allocateEntered(item, heldEntries[i], summary);
            }
        }
        return summary.toSummary();
    }
}
