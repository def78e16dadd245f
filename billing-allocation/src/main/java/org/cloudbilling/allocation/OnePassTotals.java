package org.cloudbilling.allocation;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;

/**
 * A period allocated to totals in one pass over its items ({@link Allocator#toTotals(TagBindings)}): each item is
 * placed once, by the values its rules test ({@link PlacementCache}). A collected item whose unit passes nothing on,
 * and an Unallocated item, is added to its unit's exact sum at once; a collected item's cost is added to its unit's
 * base too. An item that enters the sharing graph is kept as its id, cost and entry rule only
 * ({@link AllocationRun.Held}), since its split needs the period's bases; at the end the run is made from the bases
 * and the held items, as {@code prepare} makes it, and the held items are allocated. Memory grows with the items
 * that enter the sharing graph, not with the others.
 *
 * <p>One container per thread (or per part of a file); containers merge in any order, with exactly the
 * sequential result. Containers filled on one thread share that thread's placement cache, so a file read in many
 * parts does not match the rules again for every part.
 */
final class OnePassTotals {
    private final Allocator allocator;
    private final Caches caches;
    /** Rows of collected and Unallocated items, and at the end of the held items. */
    private final TotalsAccumulator rows;
    /** Each unit's collected cost per currency, by dense unit index; only with a proportional rule. */
    private final List<TotalsAccumulator.Sums> bases = new ArrayList<>(1);

    private TotalsAccumulator.Sums lastBases;
    private final List<AllocationRun.Held> held = new ArrayList<>();
    private PlacementCache placements;
    /** The thread {@link #placements} belongs to. */
    private Thread owner;

    private OnePassTotals(Allocator allocator, Caches caches) {
        this.allocator = allocator;
        this.caches = caches;
        this.rows = new TotalsAccumulator(allocator);
    }

    /** The collector of {@link Allocator#toTotals(TagBindings)}. */
    static Collector<LineItem, ?, AllocationTotals> collector(Allocator allocator, TagBindings tags) {
        Caches caches = new Caches(allocator, tags);
        return Collector.of(
                () -> new OnePassTotals(allocator, caches),
                OnePassTotals::add,
                OnePassTotals::merge,
                acc -> acc.finish(tags),
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The placement caches of one collector, one per thread that accumulates: a cache only remembers what matching
     * the rules gives, so every container a thread fills may share the thread's cache, and a key is matched about
     * once per thread rather than once per container (a file is read in many parts). A concurrent map, so threads
     * can start at any time; each cache is used by its own thread only.
     */
    private static final class Caches {
        private final Allocator allocator;
        private final TagBindings tags;
        private final ConcurrentHashMap<Thread, PlacementCache> byThread = new ConcurrentHashMap<>();

        Caches(Allocator allocator, TagBindings tags) {
            this.allocator = allocator;
            this.tags = tags;
        }

        PlacementCache ofCurrentThread() {
            return byThread.computeIfAbsent(Thread.currentThread(), t -> new PlacementCache(allocator, tags));
        }
    }

    void add(LineItem item) {
        if (owner != Thread.currentThread()) {
            owner = Thread.currentThread();
            placements = caches.ofCurrentThread();
        }
        rows.items++;
        int placement = placements.placementOf(item);
        Money cost = item.totalCost();
        if (placement <= -2) {
            held.add(new AllocationRun.Held(item.id(), cost, -2 - placement));
            return;
        }
        if (placement < 0) {
            rows.addRow(-1, AllocationType.UNALLOCATED, cost);
            return;
        }
        int unit = allocator.unitOfCollection[placement];
        if (allocator.hasProportionalRules) {
            bases(cost.currency()).add(unit, cost);
        }
        int onward = allocator.onwardOfCollection[placement];
        if (onward >= 0) {
            held.add(new AllocationRun.Held(item.id(), cost, onward));
        } else {
            rows.addRow(unit, AllocationType.COLLECTED, cost);
        }
    }

    private TotalsAccumulator.Sums bases(Currency currency) {
        if (lastBases != null && lastBases.currency == currency) {
            return lastBases;
        }
        for (TotalsAccumulator.Sums s : bases) {
            if (s.currency.equals(currency)) {
                lastBases = s;
                return s;
            }
        }
        TotalsAccumulator.Sums s = new TotalsAccumulator.Sums(currency, allocator.unitOrder.size());
        bases.add(s);
        lastBases = s;
        return s;
    }

    OnePassTotals merge(OnePassTotals other) {
        rows.merge(other.rows);
        for (TotalsAccumulator.Sums s : other.bases) {
            TotalsAccumulator.Sums mine = bases(s.currency);
            for (int i = 0; i < s.touched.length; i++) {
                if (s.touched[i]) {
                    mine.add(i, s.total(i));
                }
            }
        }
        held.addAll(other.held);
        return this;
    }

    AllocationTotals finish(TagBindings tags) {
        Map<Currency, Map<UnitId, Money>> collected = new HashMap<>();
        for (TotalsAccumulator.Sums s : bases) {
            Map<UnitId, Money> byUnit = new HashMap<>();
            for (int i = 0; i < s.touched.length; i++) {
                if (s.touched[i]) {
                    byUnit.put(allocator.unitOrder.get(i), s.total(i));
                }
            }
            collected.put(s.currency, byUnit);
        }
        AllocationRun run = AllocationRun.ofPeriod(allocator, tags, collected, held);
        for (AllocationRun.Held h : held) {
            run.allocate(h, rows);
        }
        return rows.toTotals();
    }
}
