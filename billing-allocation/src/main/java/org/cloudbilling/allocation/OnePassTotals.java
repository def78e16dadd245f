package org.cloudbilling.allocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.ClassValues;
import org.cloudbilling.core.io.CostClassCollector;
import org.cloudbilling.core.money.Money;

/**
 * A period allocated to totals in one pass over its items ({@link Allocator#toTotals(TagBindings)}): each item is
 * placed once, by the values its rules test ({@link PlacementCache}). A collected item whose unit passes nothing on,
 * and an Unallocated item, is added to its unit's exact sum at once; a unit's collected sum is its base, read at the
 * end with the cost of the held items it collected. An item that enters the sharing graph is kept as its id, cost and
 * entry rule only ({@link AllocationRun.Held}), since its split needs the period's bases; at the end the run is made
 * from the bases and the held items, as {@code prepare} makes it, and the held items are allocated. Memory grows with
 * the items that enter the sharing graph, not with the others.
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
    /**
     * The collected cost of the held items collected by a unit that passes costs on, per currency, by dense unit
     * index; only with a proportional rule. The other collected items' cost is in their units' collected rows, added
     * to these at the end ({@link #bases}).
     */
    private final CollectedBases bases;

    private final List<AllocationRun.Held> held = new ArrayList<>();
    /** The items taken but not placed yet ({@link #add}). */
    private final ItemGroup group;

    /** Whether another container was merged into this one: the items were collected in parts. */
    private boolean parallel;

    private OnePassTotals(Allocator allocator, Caches caches) {
        this.allocator = allocator;
        this.bases = new CollectedBases(allocator.unitOrder.size());
        this.caches = caches;
        this.group = new ItemGroup(caches, this::add);
        this.rows = new TotalsAccumulator(allocator, caches.firstCurrency);
    }

    /**
     * The collector of {@link Allocator#toTotals(TagBindings)}: a {@link CostClassCollector} (see {@link Classed})
     * when an item's placement depends on its own fields alone, no tag history telling its tags.
     */
    static Collector<LineItem, ?, AllocationTotals> collector(Allocator allocator, TagBindings tags) {
        Caches caches = new Caches(allocator, tags);
        if (allocator.keyTags.length == 0 || tags.size() == 0) {
            return new Classed(allocator, caches, tags);
        }
        return Collector.of(
                () -> new OnePassTotals(allocator, caches),
                OnePassTotals::add,
                OnePassTotals::merge,
                acc -> acc.finish(tags),
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The collector of {@link Allocator#toTotals(TagBindings)} as a {@link CostClassCollector}: an item's class is
     * its placement. A collection rule's index {@code p} when the item is collected by it (its unit's collected
     * sum; when that unit passes costs on, the item enters the sharing graph by the unit's rule); the number of
     * collection rules {@code C} for Unallocated; {@code C + 1 + s} when the item matches the source of sharing rule
     * {@code s}. An item that enters the sharing graph is told by its id and cost ({@link #needsId}), since its split
     * needs its id (the tie-break of its splits, ALLOC-12): it is held as {@link #add} holds its item. The class
     * fields are the item's values the rules test (with no tag history, its tags are those it carries), so a
     * canonical file's rows are placed once per distinct combination of those cells, and a row of a class is added
     * by its cost (and id) alone, exactly as {@link #add} adds its item.
     */
    private static final class Classed implements CostClassCollector<OnePassTotals, AllocationTotals> {
        private final Allocator allocator;
        private final Caches caches;
        private final TagBindings tags;
        private final Set<LineItemField> fields;

        Classed(Allocator allocator, Caches caches, TagBindings tags) {
            this.allocator = allocator;
            this.caches = caches;
            this.tags = tags;
            Set<LineItemField> f = EnumSet.noneOf(LineItemField.class);
            for (AllocationDimension d : allocator.keyDimensions) {
                f.add(d.field());
            }
            if (allocator.keyTags.length > 0) {
                f.add(LineItemField.TAGS);
            }
            this.fields = Collections.unmodifiableSet(f);
        }

        @Override
        public Set<LineItemField> classFields() {
            return fields;
        }

        /**
         * Matches the rules for {@code item} directly, not through a {@link PlacementCache}: a reader that classes
         * rows by their cells asks once per combination of the class cells, which are the values the rules test, so
         * a cache of placements would only miss, and hold a copy of every key.
         */
        @Override
        public int classOf(LineItem item) {
            return classOf(new ItemView(item, tags));
        }

        /**
         * Matches the rules for the values of the class fields alone: the values the rules test, so the class is the
         * one {@link #classOf(LineItem)} gives any item of them (with no tag history, an item's tags are its own).
         */
        @Override
        public int classOf(ClassValues values) {
            AllocationDimension[] dimensions = allocator.keyDimensions;
            TagKey[] keyTags = allocator.keyTags;
            // the values of the key dimensions, then of the key tags in their order: a placement key, no map of tags
            String[] key = new String[dimensions.length + keyTags.length];
            for (int d = 0; d < dimensions.length; d++) {
                key[d] = values.text(dimensions[d].field());
            }
            for (int t = 0; t < keyTags.length; t++) {
                key[dimensions.length + t] = values.tag(keyTags[t]);
            }
            return classOf(new ItemView(null, dimensions, key, scratch.get()));
        }

        /**
         * The scratch arrays of matching, one per thread that classes combinations (a reader's threads): so that
         * matching a combination's values allocates nothing but their view.
         */
        private final ThreadLocal<RuleIndex.MatchScratch> scratch =
                ThreadLocal.withInitial(RuleIndex.MatchScratch::new);

        private int classOf(ItemView view) {
            int placement = AllocationRun.placement(allocator, view);
            if (placement == PlacementCache.UNALLOCATED) {
                return allocator.unitOfCollection.length;
            }
            if (placement >= 0) {
                return placement;
            }
            return allocator.unitOfCollection.length + 1 + (-2 - placement);
        }

        @Override
        public boolean needsId(int costClass) {
            int collectionRules = allocator.unitOfCollection.length;
            return costClass > collectionRules
                    || (costClass < collectionRules && allocator.onwardOfCollection[costClass] >= 0);
        }

        @Override
        public void addCost(OnePassTotals container, int costClass, Money totalCost) {
            if (needsId(costClass)) {
                throw new IllegalArgumentException("bug: cost class " + costClass + " needs the item's id");
            }
            container.rows.items++;
            container.addPlaced(placementOf(costClass), totalCost);
        }

        /** As {@link #addCost(OnePassTotals, int, Money)}, adding the decimal's parts to the sums: no {@code Money}. */
        @Override
        public void addCost(OnePassTotals container, int costClass, Currency currency, long unscaled, int scale) {
            if (needsId(costClass)) {
                throw new IllegalArgumentException("bug: cost class " + costClass + " needs the item's id");
            }
            container.rows.items++;
            container.addPlaced(placementOf(costClass), currency, unscaled, scale);
        }

        /** The placement of a class told by its cost alone: its collection rule, or Unallocated. */
        private int placementOf(int costClass) {
            return costClass == allocator.unitOfCollection.length ? PlacementCache.UNALLOCATED : costClass;
        }

        @Override
        public void addCost(OnePassTotals container, int costClass, LineItemId id, Money totalCost) {
            if (!needsId(costClass)) {
                throw new IllegalArgumentException("bug: cost class " + costClass + " is told by its cost alone");
            }
            container.rows.items++;
            int collectionRules = allocator.unitOfCollection.length;
            container.addHeld(
                    id, totalCost, costClass > collectionRules ? -2 - (costClass - collectionRules - 1) : costClass);
        }

        @Override
        public Supplier<OnePassTotals> supplier() {
            return () -> new OnePassTotals(allocator, caches);
        }

        @Override
        public BiConsumer<OnePassTotals, LineItem> accumulator() {
            return OnePassTotals::add;
        }

        @Override
        public BinaryOperator<OnePassTotals> combiner() {
            return OnePassTotals::merge;
        }

        @Override
        public Function<OnePassTotals, AllocationTotals> finisher() {
            return acc -> acc.finish(tags);
        }

        @Override
        public Set<Characteristics> characteristics() {
            return EnumSet.of(Characteristics.UNORDERED);
        }
    }

    /**
     * The placement caches of one collector, one per thread that accumulates, all keeping their placements in one
     * table ({@link SharedPlacements}): a cache only remembers what matching the rules gives, so every container a
     * thread fills may share the thread's cache, and a key is matched about once per collection rather than once per
     * thread or per container (a file is read in many parts). A concurrent map, so threads can start at any time;
     * each cache (its scratch) is used by its own thread only, the table by all of them.
     */
    static final class Caches {
        private final Allocator allocator;
        private final TagBindings tags;
        private final SharedPlacements shared;
        private final ResourcePlacements byResource;
        private final ConcurrentHashMap<Thread, PlacementCache> byThread = new ConcurrentHashMap<>();
        /** The currency the collection's rows came in first: each new container's sums of it are made at once. */
        final SumsByCurrency.First firstCurrency = new SumsByCurrency.First();

        Caches(Allocator allocator, TagBindings tags) {
            this.allocator = allocator;
            this.tags = tags;
            this.shared = new SharedPlacements(PlacementCache.keyWidth(allocator));
            this.byResource = PlacementCache.byResource(allocator);
        }

        PlacementCache ofCurrentThread() {
            return byThread.computeIfAbsent(
                    Thread.currentThread(), t -> new PlacementCache(allocator, tags, shared, byResource));
        }

        /**
         * Drops the placements kept by resource, at the end of the collection ({@link ResourcePlacements#clear}); a
         * collection after it starts empty.
         */
        void clear() {
            if (byResource != null) {
                byResource.clear();
            }
        }

        /** The table of the placements found so far by every thread (for tests). */
        SharedPlacements shared() {
            return shared;
        }
    }

    /** Takes {@code item} into the group waiting to be placed ({@link ItemGroup}), placing the group when it is full. */
    void add(LineItem item) {
        group.add(item);
    }

    private void add(LineItem item, int placement) {
        rows.items++;
        Money cost = item.totalCost();
        if (placement <= -2 || (placement >= 0 && allocator.onwardOfCollection[placement] >= 0)) {
            addHeld(item.id(), cost, placement);
        } else {
            addPlaced(placement, cost);
        }
    }

    /**
     * Holds a cost that enters the sharing graph by its placement: by the sharing rule whose source it matches
     * ({@code placement} at most -2), or collected by collection rule {@code placement} whose unit passes costs on
     * (its cost added to the unit's base).
     */
    private void addHeld(LineItemId id, Money cost, int placement) {
        if (placement <= -2) {
            held.add(new AllocationRun.Held(id, cost, -2 - placement));
            return;
        }
        if (allocator.hasProportionalRules) {
            bases.of(cost.currency()).add(allocator.unitOfCollection[placement], cost);
        }
        held.add(new AllocationRun.Held(id, cost, allocator.onwardOfCollection[placement]));
    }

    /**
     * Adds a cost placed Unallocated ({@link PlacementCache#UNALLOCATED}) or by collection rule {@code placement}
     * whose unit passes nothing on: to its unit's collected sum, which is its base too.
     */
    private void addPlaced(int placement, Money cost) {
        if (placement < 0) {
            rows.addRow(-1, AllocationType.UNALLOCATED, cost);
            return;
        }
        rows.addRow(allocator.unitOfCollection[placement], AllocationType.COLLECTED, cost);
    }

    /** {@link #addPlaced(int, Money)} of a cost given as an exact decimal's parts, making no {@code Money}. */
    private void addPlaced(int placement, Currency currency, long unscaled, int scale) {
        if (placement < 0) {
            rows.addRow(-1, AllocationType.UNALLOCATED, currency, unscaled, scale);
            return;
        }
        rows.addRow(allocator.unitOfCollection[placement], AllocationType.COLLECTED, currency, unscaled, scale);
    }

    OnePassTotals merge(OnePassTotals other) {
        group.place();
        other.group.place();
        rows.merge(other.rows);
        bases.merge(other.bases);
        held.addAll(other.held);
        parallel = true;
        return this;
    }

    /**
     * The totals: the held items' shares added ({@link HeldShares}), from the run made from the bases and the held
     * items. When containers were merged (a parallel stream, or a file read in parts), the held items are followed in
     * parts on parallel streams too, on the threads of the caller's pool, so the end of the period is not one
     * thread's; the totals are the same exactly, as every part's sums are exact and merge in any order.
     */
    AllocationTotals finish(TagBindings tags) {
        group.place();
        caches.clear();
        HeldShares.addTo(rows, allocator, tags, bases(), held, parallel);
        return rows.toTotals();
    }

    /**
     * Each unit's collected cost per currency, the proportional bases: the cost of the held items collected by a unit
     * that passes costs on, and the collected rows of the others, read once at the end rather than added twice per
     * item.
     */
    private Map<Currency, Map<UnitId, Money>> bases() {
        if (allocator.hasProportionalRules) {
            for (TotalsAccumulator.Sums s : rows.usedSums()) {
                TotalsAccumulator.Sums base = bases.of(s.currency);
                for (int unit = 0; unit < allocator.unitOrder.size(); unit++) {
                    int slot = TotalsAccumulator.slot(unit, AllocationType.COLLECTED);
                    if (s.touched[slot]) {
                        base.add(unit, s.total(slot));
                    }
                }
            }
        }
        return bases.byCurrency(allocator.unitOrder);
    }
}
