package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collector;
import java.util.stream.Stream;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.internal.MoneyInternals;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.Split;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * The allocation of one period: a compiled rule set, the tag history, and, for proportional sharing, each
 * unit's collected cost in the period. Allocates items one at a time, so a month of any size streams through
 * in memory bounded by units, rules, currencies and resources.
 *
 * <p>Each item's rows depend only on the item and this run, never on other items or their order: allocating
 * in parallel gives exactly the sequential result. Immutable and safe to share between threads.
 *
 * <p><b>Rounding over the run (ALLOC-12).</b> Each item's split is largest remainder at the allocation scale,
 * equal remainders broken by a hash of the item, rule and target. Preparing the run tallies, per sharing rule and
 * currency, the pool and what that rounding gives each target; the pool split once gives each target's total,
 * and the difference is carried by one designated item (the largest input, then the smallest id). So each
 * target's total from a rule over the run is within one unit of the allocation scale of its exact share of the
 * rule's pool, while each item's rows add up to it exactly. The tallies hold no items and merge
 * ({@link RoundingTally}): {@link #tally} and {@link #rounded} build the run from tallies of a period's parts made
 * anywhere. See docs/decisions/0007-rounding-over-a-run.md.
 */
public final class AllocationRun {
    private final Allocator allocator;
    private final TagBindings tags;
    /** Each unit's collected cost in the period, per currency; only when a rule is proportional. */
    private final ImmutableMap<Currency, ImmutableMap<UnitId, Money>> collected;
    /** Proportional splits by rule and currency; absent when every target's base is zero. */
    private final ImmutableMap<RuleId, ImmutableMap<Currency, Split>> proportionalSplits;
    /** The rounding corrections of the run (ALLOC-12), by sharing rule index and currency. */
    private final ImmutableMap<Integer, ImmutableMap<Currency, Correction>> corrections;
    /**
     * The placements found while preparing, never changed after: every thread allocating looks here first, so an
     * item placed while preparing matches no rule again. Null when preparing read no item.
     */
    private final PlacementCache prepared;
    /** Per sharing rule index, whether {@link #corrections} holds a correction of the rule. */
    private final boolean[] corrected;
    /**
     * Per sharing rule index, a proportional rule's splits as {@link #proportionalSplits} holds them: its currencies
     * and beside each its split; null for the other rules. An item's flow finds each rule's split by index.
     */
    private final Currency[][] splitCurrencies;

    private final Split[][] currencySplits;

    /**
     * What one item, the designated item of a rule and currency, adds to each target's share so that the
     * targets' totals over the run are the rule's pool rounded once (ALLOC-12).
     *
     * @param item the designated item: the one with the largest input to the rule, the smallest id among equals
     * @param delta per target in ascending id order, what the item's share gets on top of its own rounding
     */
    record Correction(LineItemId item, Money[] delta) {}

    private AllocationRun(
            Allocator allocator,
            TagBindings tags,
            ImmutableMap<Currency, ImmutableMap<UnitId, Money>> collected,
            ImmutableMap<RuleId, ImmutableMap<Currency, Split>> proportionalSplits,
            ImmutableMap<Integer, ImmutableMap<Currency, Correction>> corrections,
            PlacementCache prepared) {
        this.allocator = allocator;
        this.tags = tags;
        this.collected = collected;
        this.proportionalSplits = proportionalSplits;
        this.corrections = corrections;
        this.prepared = prepared;
        this.corrected = new boolean[allocator.terminal.length];
        corrections.keySet().forEach(rule -> corrected[rule] = true);
        int m = allocator.terminal.length;
        this.splitCurrencies = new Currency[m][];
        this.currencySplits = new Split[m][];
        for (int i = 0; i < m; i++) {
            ImmutableMap<Currency, Split> splits =
                    proportionalSplits.get(allocator.rules.sharingRules().get(i).id());
            if (splits != null) {
                splitCurrencies[i] = splits.keySet().toArray(new Currency[0]);
                currencySplits[i] = splits.values().toArray(new Split[0]);
            }
        }
    }

    static AllocationRun prepare(Allocator allocator, Iterable<LineItem> items, TagBindings tags) {
        if (!needsItems(allocator)) {
            return new Preparation(allocator, tags, false).finish();
        }
        // with a proportional rule, items can be tallied only once the bases are known: items already held in
        // memory keep their shared ones by reference (one read, no second placement of every item); any other
        // iterable, such as a file read as it goes, is read a second time, so that no item is kept
        if (allocator.hasProportionalRules && items instanceof java.util.Collection<?>) {
            Preparation preparation = new Preparation(allocator, tags, true);
            for (LineItem item : items) {
                preparation.add(item);
            }
            return preparation.finish();
        }
        Preparation preparation = new Preparation(allocator, tags, false);
        for (LineItem item : items) {
            preparation.add(item);
        }
        if (!allocator.hasProportionalRules) {
            return preparation.finish();
        }
        AllocationRun bases = preparation.bases();
        RoundingTally tally = bases.tally(items);
        return tally.isEmpty() ? bases : bases.reconciled(tally);
    }

    static AllocationRun prepare(Allocator allocator, Stream<LineItem> items, TagBindings tags) {
        if (!needsItems(allocator)) {
            return new Preparation(allocator, tags, false).finish();
        }
        // a stream is read once: with a proportional rule, the shared items wait for the bases
        return items.collect(
                        () -> new Preparation(allocator, tags, allocator.hasProportionalRules),
                        Preparation::add,
                        Preparation::merge)
                .finish();
    }

    static AllocationRun prepare(
            Allocator allocator, AllocationBases bases, Iterable<LineItem> items, TagBindings tags) {
        // the bases as a pass over the items would find them: none kept when no rule is proportional
        ImmutableMap<Currency, ImmutableMap<UnitId, Money>> collected =
                allocator.hasProportionalRules ? bases.collected : ImmutableMap.of();
        AllocationRun run = new AllocationRun(
                allocator, tags, collected, proportionalSplits(allocator, collected), ImmutableMap.of(), null);
        if (!needsItems(allocator)) {
            return run;
        }
        RoundingTally tally = run.tally(items);
        return tally.isEmpty() ? run : run.reconciled(tally);
    }

    /** A run reads the items first when a rule is proportional or a rule splits among several targets. */
    private static boolean needsItems(Allocator allocator) {
        if (allocator.hasProportionalRules) {
            return true;
        }
        for (SharingRule r : allocator.rules.sharingRules()) {
            if (r.targets().size() > 1) {
                return true;
            }
        }
        return false;
    }

    /** Where an item enters the sharing graph: the item and the index of its first sharing rule. */
    private record Entry(LineItem item, int rule) {}

    /** Returns where {@code item}, placed at {@code placement}, enters the sharing graph, or null when it does not. */
    private static Entry entry(Allocator allocator, LineItem item, int placement) {
        if (placement <= -2) {
            return new Entry(item, -2 - placement);
        }
        if (placement < 0) {
            return null;
        }
        int onward = allocator.onwardOfCollection[placement];
        return onward < 0 ? null : new Entry(item, onward);
    }

    /**
     * Returns where an item goes, from its values: the index of the collection rule that collects it
     * ({@code >= 0}), {@link PlacementCache#UNALLOCATED}, or {@code -2 - r} when sharing rule {@code r} takes it
     * from the start. Matches the rules; {@link PlacementCache} keeps the answer for items with the same values.
     */
    static int placement(Allocator allocator, ItemView view) {
        int first = allocator.matching.firstMatch(view);
        int sources = allocator.sharingRuleOfSource.length;
        if (first < sources) { // -1 is Unallocated
            return first < 0 ? PlacementCache.UNALLOCATED : -2 - allocator.sharingRuleOfSource[first];
        }
        return first - sources;
    }

    /**
     * The first pass over a period, confined to one thread: each unit's collected cost per currency and, when
     * every split is known before the pass (no proportional rule), the rounding tally of the shared items, item
     * by item. Only a stream with a proportional rule keeps its shared items, until the bases are known.
     */
    private static final class Preparation {
        private final Allocator allocator;
        private final TagBindings tags;
        private final PlacementCache placements;
        final Map<Currency, Map<UnitId, Money>> totals = new HashMap<>();
        /**
         * The collected costs added since they were last moved to {@link #totals}: exact primitive sums per currency
         * by dense unit index, so that adding an item's cost makes no {@code Money} and looks nothing up by key.
         */
        private SumsByCurrency collectedSums;
        /** The tally, when the splits are known during the pass; else null. */
        final RoundingTally tally;
        /** The run the tally follows items with: fixed splits only; null with a proportional rule. */
        private final AllocationRun fixed;
        /** The shared items waiting for the bases; null unless asked to keep them. */
        final List<Entry> shared;

        Preparation(Allocator allocator, TagBindings tags, boolean keepShared) {
            this.allocator = allocator;
            this.tags = tags;
            this.placements = new PlacementCache(allocator, tags);
            this.collectedSums = new SumsByCurrency(allocator.unitOrder.size());
            if (allocator.hasProportionalRules) {
                this.fixed = null;
                this.tally = null;
            } else {
                this.fixed = new AllocationRun(
                        allocator, tags, ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of(), null);
                this.tally = RoundingTally.of(allocator);
            }
            this.shared = keepShared ? new ArrayList<>() : null;
        }

        void add(LineItem item) {
            int placement = placements.placementOf(item);
            if (placement >= 0 && allocator.hasProportionalRules) {
                Money cost = item.totalCost();
                collectedSums.of(cost.currency()).add(allocator.unitOfCollection[placement], cost);
            }
            Entry e = entry(allocator, item, placement);
            if (e == null) {
                return;
            }
            if (tally != null) {
                fixed.tally(e, tally, ImmutableMap.of(), +1);
            } else if (shared != null) {
                shared.add(e);
            }
        }

        /** Moves the collected costs summed since last time into {@link #totals}. */
        private void moveCollectedSums() {
            for (TotalsAccumulator.Sums s : collectedSums.all()) {
                Map<UnitId, Money> byUnit = totals.computeIfAbsent(s.currency, c -> new HashMap<>());
                for (int u = 0; u < s.touched.length; u++) {
                    if (s.touched[u]) {
                        byUnit.merge(allocator.unitOrder.get(u), s.total(u), Money::plus);
                    }
                }
            }
            collectedSums = new SumsByCurrency(allocator.unitOrder.size());
        }

        Preparation merge(Preparation other) {
            moveCollectedSums();
            other.moveCollectedSums();
            other.totals.forEach((currency, byUnit) -> byUnit.forEach((unit, amount) ->
                    totals.computeIfAbsent(currency, c -> new HashMap<>()).merge(unit, amount, Money::plus)));
            placements.absorb(other.placements);
            if (tally != null) {
                tally.mergeInPlace(other.tally);
            }
            if (shared != null) {
                shared.addAll(other.shared);
            }
            return this;
        }

        /** Returns the run of the bases found, without rounding corrections. */
        AllocationRun bases() {
            moveCollectedSums();
            ImmutableMap.Builder<Currency, ImmutableMap<UnitId, Money>> frozen = ImmutableMap.builder();
            totals.forEach((c, m) -> frozen.put(c, ImmutableMap.copyOf(m)));
            ImmutableMap<Currency, ImmutableMap<UnitId, Money>> collected = frozen.build();
            return new AllocationRun(
                    allocator,
                    tags,
                    collected,
                    proportionalSplits(allocator, collected),
                    ImmutableMap.of(),
                    placements.size() == 0 ? null : placements);
        }

        AllocationRun finish() {
            AllocationRun bases = bases();
            RoundingTally found = tally;
            if (found == null) {
                found = RoundingTally.of(allocator);
                if (shared != null) {
                    for (Entry e : shared) {
                        bases.tally(e, found, ImmutableMap.of(), +1);
                    }
                }
            }
            return found.isEmpty() ? bases : bases.reconciled(found);
        }
    }

    private static ImmutableMap<RuleId, ImmutableMap<Currency, Split>> proportionalSplits(
            Allocator allocator, ImmutableMap<Currency, ImmutableMap<UnitId, Money>> collected) {
        ImmutableMap.Builder<RuleId, ImmutableMap<Currency, Split>> splits = ImmutableMap.builder();
        for (SharingRule r : allocator.rules.sharingRules()) {
            if (r.method() != SharingMethod.PROPORTIONAL) {
                continue;
            }
            ImmutableMap.Builder<Currency, Split> perCurrency = ImmutableMap.builder();
            for (Map.Entry<Currency, ImmutableMap<UnitId, Money>> e : collected.entrySet()) {
                List<Money> weights = new ArrayList<>();
                Money zero = Money.zero(e.getKey());
                boolean anyPositive = false;
                for (UnitId t : allocator.sortedTargets.get(r.id())) {
                    Money base = e.getValue().get(t);
                    // a unit whose refunds outweigh its costs has no positive base: it takes no share
                    Money w = base == null || !base.isPositive() ? zero : base;
                    anyPositive |= w.isPositive();
                    weights.add(w);
                }
                if (anyPositive) {
                    perCurrency.put(e.getKey(), Split.byAmounts(weights)); // any amount Money holds (IO-3)
                }
            }
            splits.put(r.id(), perCurrency.build());
        }
        return splits.build();
    }

    /**
     * Sees each split of an item's flow: the rule index, its input and its parts; {@code parts} is null when the
     * rule falls back to Unallocated (no target has a positive base), and the flow stops there.
     */
    interface SplitObserver {
        void saw(int rule, Money input, List<Money> parts);
    }

    /**
     * Tallies the rounding of {@code items} under this run's bases (ALLOC-12): the items that enter the sharing
     * graph, each followed once without corrections. Memory grows with rules, targets and currencies, not with
     * the items. The tallies of the parts of a period {@linkplain RoundingTally#merge merge} into the period's,
     * and {@link #rounded(RoundingTally)} turns that into the run {@code prepare} over the whole period gives.
     *
     * <p>This run must hold the period's proportional bases: prepared from the period's items, or from bases
     * computed elsewhere ({@link Allocator#prepare(AllocationBases, TagBindings)}); its own rounding corrections,
     * if any, play no part.
     *
     * @param items some of the period's items, each in exactly one part, not null
     * @return the tally of those items, never null
     */
    public RoundingTally tally(Iterable<LineItem> items) {
        requireNonNull(items, "items");
        RoundingTally tally = RoundingTally.of(allocator);
        PlacementCache placements = placements();
        for (LineItem item : items) {
            Entry e = entry(allocator, requireNonNull(item, "item"), placements.placementOf(item));
            if (e != null) {
                tally(e, tally, ImmutableMap.of(), +1);
            }
        }
        return tally;
    }

    /**
     * Returns this run with the rounding corrections of a whole period's {@code tally}: the run {@code prepare}
     * over the period gives, when this run holds the period's bases and {@code tally} merges the tallies of all
     * its items.
     *
     * @param tally the period's tally, made by {@link #tally(Iterable)} of a run with the same rule set and bases,
     *     not null
     * @return the run, never null
     * @throws IllegalArgumentException if the tally was made with other sharing rules or another allocation scale
     */
    public AllocationRun rounded(RoundingTally tally) {
        requireNonNull(tally, "tally");
        if (tally.fingerprint != allocator.sharingFingerprint) {
            throw new IllegalArgumentException("the rounding tally belongs to other sharing rules or another"
                    + " allocation scale than this run's: tally and run must come from the same rule set and scale");
        }
        return tally.isEmpty() ? this : bare().reconciled(tally.copy());
    }

    /** Returns this run without rounding corrections: its bases only. */
    AllocationRun bare() {
        return corrections.isEmpty()
                ? this
                : new AllocationRun(allocator, tags, collected, proportionalSplits, ImmutableMap.of(), prepared);
    }

    /**
     * Returns this run with the rounding corrections of {@code tally}, which it changes: rules in topological
     * order; for each rule and currency, the pool rounded once gives each target's total, and the designated
     * item makes up the difference to what the items' own rounding gave. A correction changes what the
     * designated item passes on, so its flow is tallied again before the rules after it.
     */
    AllocationRun reconciled(RoundingTally tally) {
        int m = allocator.rules.sharingRules().size();
        Map<Integer, Map<Currency, Correction>> found = new HashMap<>();
        for (int position = 0; position < m; position++) {
            int rule = allocator.topologicalOrder[position];
            Map<Currency, RoundingTally.RuleTally> byCurrency = tally.byRule.get(rule);
            if (byCurrency == null) {
                continue;
            }
            List<Currency> currencies = new ArrayList<>(byCurrency.keySet());
            currencies.sort(java.util.Comparator.comparing(Currency::getCurrencyCode));
            for (Currency currency : currencies) {
                RoundingTally.RuleTally t = byCurrency.get(currency);
                Split split = splitOf(rule, currency);
                if (split == null || split.parts() < 2) {
                    continue;
                }
                List<Money> rounded = split.apply(t.pool, t.scale, new long[split.parts()]);
                Money[] delta = new Money[rounded.size()];
                boolean any = false;
                for (int k = 0; k < delta.length; k++) {
                    delta[k] = rounded.get(k).minus(t.toTarget[k]);
                    any |= !delta[k].isZero();
                }
                if (!any) {
                    continue;
                }
                LineItemId designated = t.designated;
                Money amount = t.designatedAmount;
                int entry = t.designatedEntry;
                tally(designated, amount, entry, tally, found, -1);
                found.computeIfAbsent(rule, r -> new HashMap<>()).put(currency, new Correction(designated, delta));
                tally(designated, amount, entry, tally, found, +1);
            }
        }
        ImmutableMap.Builder<Integer, ImmutableMap<Currency, Correction>> frozen = ImmutableMap.builder();
        found.forEach((rule, byCurrency) -> frozen.put(rule, ImmutableMap.copyOf(byCurrency)));
        return new AllocationRun(allocator, tags, collected, proportionalSplits, frozen.build(), prepared);
    }

    private void tally(
            Entry e, RoundingTally tally, Map<Integer, ? extends Map<Currency, Correction>> corrections, int sign) {
        tally(e.item().id(), e.item().totalCost(), e.rule(), tally, corrections, sign);
    }

    /** Follows an item's cost from its entry rule and adds (sign +1) or takes back (-1) each split it meets. */
    private void tally(
            LineItemId id,
            Money amount,
            int entry,
            RoundingTally tally,
            Map<Integer, ? extends Map<Currency, Correction>> corrections,
            int sign) {
        int scale = Split.allocationScale(amount, allocator.allocationScale);
        flow(null, id, entry, amount, corrections, null, (rule, input, parts) -> {
            if (parts != null) {
                tally.add(rule, id, amount, entry, input, parts, scale, sign);
            }
        });
    }

    /** Tallies (sign +1, no correction) an item's cost from its entry rule by the path of {@code Money}. */
    void tallyMoney(LineItemId id, Money amount, int entry, RoundingTally tally) {
        tally(id, amount, entry, tally, ImmutableMap.of(), +1);
    }

    /**
     * Follows an item's cost from its entry rule without rounding corrections, as a tally does, showing each split
     * to {@code observer} (also a rule that falls back to Unallocated, with null parts).
     */
    void follow(LineItemId id, Money amount, int entry, SplitObserver observer) {
        flow(null, id, entry, amount, ImmutableMap.of(), null, observer);
    }

    /**
     * Returns the sharing rule index {@code item} enters the sharing graph by, or -1 when it does not enter it.
     */
    int entryRule(LineItem item) {
        Entry e = entry(allocator, item, placement(allocator, new ItemView(item, tags)));
        return e == null ? -1 : e.rule();
    }

    /** Returns the rounding corrections of this run, by sharing rule index and currency. */
    ImmutableMap<Integer, ImmutableMap<Currency, Correction>> corrections() {
        return corrections;
    }

    /** Returns the tag history this run reads. */
    TagBindings tags() {
        return tags;
    }

    /** Returns the allocator this run uses, never null. */
    public Allocator allocator() {
        return allocator;
    }

    /**
     * Returns each unit's collected cost in the period, the base of proportional sharing; empty when no rule is
     * proportional.
     *
     * @param currency the currency, not null
     * @return each unit's collected cost, never null
     */
    public ImmutableMap<UnitId, Money> collectedCost(Currency currency) {
        return collected.getOrDefault(currency, ImmutableMap.of());
    }

    /**
     * Allocates one item: its rows add up to its total cost exactly.
     *
     * @param item the item, not null
     * @param sink receives the rows, not null
     */
    public void allocate(LineItem item, Consumer<AllocatedRow> sink) {
        requireNonNull(sink, "sink");
        ItemView view = new ItemView(requireNonNull(item, "item"), tags);
        allocate(item, placement(allocator, view), rowsTo(sink));
    }

    /** Where rows go inside the library: plain values, so that callers after totals make no row objects. */
    interface RowSink {
        /**
         * Receives one row of {@code item}.
         *
         * @param unit the unit, null for Unallocated
         * @param unitIndex the unit's index in {@link Allocator#unitOrder}, -1 for Unallocated
         * @param rule the rule, null when none placed the cost
         */
        void row(LineItem item, UnitId unit, int unitIndex, AllocationType type, Money amount, RuleId rule);
    }

    /**
     * Where the shares of an item followed in units go ({@link #addShares}, {@link #addSharesThroughGraph}): each
     * share a target keeps, as its row would be written ({@link #written}), in units of its scale; and scratch arrays
     * for the splits, of the sink's thread.
     */
    interface ShareSink extends Shares {
        /** Scratch tie-break keys for a split into {@code n} parts: an array of exactly {@code n}. */
        long[] keys(int n);

        /** Scratch parts for a split into {@code n} parts: an array of at least {@code n}. */
        long[] parts(int n);
    }

    /** Where shared rows go, each in units of its scale. */
    @FunctionalInterface
    interface Shares {
        /** Receives one shared row of {@code units} at {@code scale} for the unit of dense index {@code unitIndex}. */
        void addShare(Currency currency, int unitIndex, long units, int scale);
    }

    private static RowSink rowsTo(Consumer<AllocatedRow> sink) {
        return (item, unit, unitIndex, type, amount, rule) ->
                sink.accept(new AllocatedRow(item, Optional.ofNullable(unit), type, amount, Optional.ofNullable(rule)));
    }

    /** Allocates {@code item}, already placed (see {@link #placement}), passing plain rows to {@code sink}. */
    void allocate(LineItem item, int placement, RowSink sink) {
        if (placement <= -2) {
            flow(item, item.id(), -2 - placement, item.totalCost(), corrections, sink, null);
            return;
        }
        if (placement >= 0) {
            int onward = allocator.onwardOfCollection[placement];
            if (onward >= 0) {
                flow(item, item.id(), onward, item.totalCost(), corrections, sink, null);
                return;
            }
        }
        allocatePlaced(allocator, item, placement, sink);
    }

    /**
     * Allocates {@code item}, placed Unallocated or by collection rule {@code placement} whose unit passes nothing on:
     * its one row, which depends on no run.
     */
    static void allocatePlaced(Allocator allocator, LineItem item, int placement, RowSink sink) {
        if (placement >= 0) {
            AllocationRule r = allocator.rules.collectionRules().get(placement);
            sink.row(
                    item,
                    r.unit(),
                    allocator.unitOfCollection[placement],
                    AllocationType.COLLECTED,
                    item.totalCost(),
                    r.id());
            return;
        }
        sink.row(item, null, -1, AllocationType.UNALLOCATED, item.totalCost(), null);
    }

    /** Allocates {@code item}, which enters the sharing graph by sharing rule {@code entry}, as {@link #allocate}. */
    void allocateEntered(LineItem item, int entry, RowSink sink) {
        flow(item, item.id(), entry, item.totalCost(), corrections, sink, null);
    }

    /**
     * An item that enters the sharing graph, as a one-pass allocation keeps it until the period's bases are known:
     * its id (the tie-break of its splits and of the designated item), its cost, and the sharing rule it enters by.
     */
    record Held(LineItemId id, Money amount, int entry) {}

    /**
     * Returns the run {@code prepare} gives over a period read once: {@code collected} is each unit's collected
     * cost per currency (the proportional bases; ignored without a proportional rule), and {@code held} every item
     * of the period that enters the sharing graph. The rounding of the held items is tallied here, as
     * {@code prepare} tallies the same items, so the corrections are the same (ALLOC-12).
     */
    static AllocationRun ofPeriod(
            Allocator allocator, TagBindings tags, Map<Currency, Map<UnitId, Money>> collected, List<Held> held) {
        AllocationRun bases = basesOfPeriod(allocator, tags, collected);
        RoundingTally tally = HeldShares.tallyOf(bases, held, false);
        return tally.isEmpty() ? bases : bases.reconciled(tally);
    }

    /**
     * The run of a period read once before its rounding is tallied: its proportional splits made from {@code
     * collected}, each unit's collected cost per currency, and no correction yet. {@link #ofPeriod} is this run
     * {@linkplain #reconciled reconciled} with the tally of the held items.
     */
    static AllocationRun basesOfPeriod(
            Allocator allocator, TagBindings tags, Map<Currency, Map<UnitId, Money>> collected) {
        Preparation preparation = new Preparation(allocator, tags, false);
        if (allocator.hasProportionalRules) {
            collected.forEach((currency, byUnit) -> preparation.totals.put(currency, new HashMap<>(byUnit)));
        }
        return preparation.bases();
    }

    /** The items that carry a rounding correction, of any rule and currency: few, at most one a rule and currency. */
    java.util.Set<LineItemId> correctedItems() {
        java.util.Set<LineItemId> items = new java.util.HashSet<>();
        corrections.values().forEach(byCurrency -> byCurrency.values().forEach(c -> items.add(c.item())));
        return items;
    }

    /** Allocates a held item (see {@link #ofPeriod}), passing its rows, without an item, to {@code sink}. */
    void allocate(Held held, RowSink sink) {
        flow(null, held.id(), held.entry(), held.amount(), corrections, sink, null);
    }

    /** Returns a placement cache for one thread of this run. */
    PlacementCache placements() {
        return new PlacementCache(allocator, tags, prepared);
    }

    /**
     * Allocates one item.
     *
     * @param item the item, not null
     * @return its rows, never empty
     */
    public ImmutableList<AllocatedRow> allocate(LineItem item) {
        ImmutableList.Builder<AllocatedRow> rows = ImmutableList.builder();
        allocate(item, rows::add);
        return rows.build();
    }

    /**
     * Follows {@code amount} of {@code item} through the sharing graph from rule {@code first} (ALLOC-13): rules
     * in topological order, each sharing at once everything that reached its source unit by any path. Work is
     * linear in the rules reached, with no recursion; each (unit, rule) gets one row. With no {@code sink} (a
     * tally), or a sink that reads no item, {@code item} may be null: only its id and amount are followed.
     */
    private void flow(
            LineItem item,
            LineItemId id,
            int first,
            Money amount,
            Map<Integer, ? extends Map<Currency, Correction>> corrections,
            RowSink sink,
            SplitObserver observer) {
        int scale = Split.allocationScale(amount, allocator.allocationScale);
        java.util.TreeMap<Integer, Money> pending = new java.util.TreeMap<>();
        pending.put(allocator.positionOf[first], amount);
        while (!pending.isEmpty()) {
            Map.Entry<Integer, Money> next = pending.pollFirstEntry();
            int ruleIndex = allocator.topologicalOrder[next.getKey()];
            Money input = next.getValue();
            SharingRule rule = allocator.rules.sharingRules().get(ruleIndex);
            Split split = splitOf(ruleIndex, input.currency());
            if (split == null) { // no target has a positive base, and the rule falls back to Unallocated (ALLOC-7)
                if (sink != null) {
                    sink.row(item, null, -1, AllocationType.UNALLOCATED, input, rule.id());
                }
                if (observer != null) {
                    observer.saw(ruleIndex, input, null);
                }
                continue;
            }
            List<Money> parts = split.apply(input, scale, TieBreak.keys(id, allocator.targetSalt[ruleIndex]));
            Map<Currency, Correction> byCurrency = corrections.get(ruleIndex);
            Correction correction = byCurrency == null ? null : byCurrency.get(input.currency());
            if (correction != null && correction.item().equals(id)) {
                List<Money> corrected = new ArrayList<>(parts.size());
                for (int k = 0; k < parts.size(); k++) {
                    corrected.add(parts.get(k).plus(correction.delta()[k]));
                }
                parts = corrected;
            }
            if (observer != null) {
                observer.saw(ruleIndex, input, parts);
            }
            ImmutableList<UnitId> targets = allocator.sortedTargets.get(rule.id());
            int[] onward = allocator.onward[ruleIndex];
            for (int k = 0; k < parts.size(); k++) {
                if (onward[k] >= 0) {
                    pending.merge(allocator.positionOf[onward[k]], parts.get(k), Money::plus);
                } else if (sink != null) {
                    sink.row(
                            item,
                            targets.get(k),
                            allocator.targetUnit[ruleIndex][k],
                            AllocationType.SHARED,
                            written(parts.get(k), amount.scale()),
                            rule.id());
                }
            }
        }
    }

    /**
     * Writes a share with the item's own decimals when it needs no more (a share of 8.00 is 2.00, not 2.00000000),
     * else with the decimals it needs: the value is the same, and rows read like the bill they come from.
     */
    static Money written(Money share, int itemScale) {
        if (MoneyInternals.isCompact(share)) { // the same, from the units: no BigDecimal
            int s = share.scale();
            if (s <= itemScale) {
                return s == itemScale ? share : share.withScale(itemScale);
            }
            long u = MoneyInternals.unscaledValue(share);
            while (s > itemScale && u % 10 == 0) {
                u /= 10;
                s--;
            }
            return s == share.scale() ? share : Money.ofUnscaled(share.currency(), u, s);
        }
        int needed = share.isZero()
                ? 0
                : Math.max(0, share.amount().stripTrailingZeros().scale());
        int scale = Math.max(needed, itemScale);
        return share.scale() == scale ? share : share.withScale(scale);
    }

    /**
     * Adds to {@code totals} the shares of {@code item}, which enters the sharing graph by rule {@code entry}, when
     * that rule's targets share no further and the item is not a designated item of a rounding correction: the split
     * is made in units ({@link Split#applyToUnits}) into the accumulator's scratch arrays, and each share is added
     * as it would be written as a row ({@link #written}), so the sums are those of the rows exactly. Makes no
     * object. Returns false, having added nothing, for any other item: those take the path of rows.
     */
    boolean addShares(LineItem item, int entry, TotalsAccumulator totals) {
        return addShares(item.id(), item.totalCost(), entry, totals);
    }

    /**
     * Adds to {@code totals} the shares of {@code amount} of the item {@code id}, which enters the sharing graph by
     * rule {@code entry}, as {@link #addShares(LineItem, int, TotalsAccumulator)} does for an item: a held item
     * (see {@link #ofPeriod}) needs no item for it.
     */
    boolean addShares(LineItemId id, Money amount, int entry, ShareSink totals) {
        if (!allocator.terminal[entry]) {
            return false;
        }
        if (!MoneyInternals.isCompact(amount)) {
            return false;
        }
        Currency currency = amount.currency();
        Split split = splitOf(entry, currency);
        if (split == null) {
            return false; // falls back to Unallocated: one row, by the path of rows
        }
        if (corrected[entry]) {
            Map<Currency, Correction> byCurrency = corrections.get(entry);
            Correction correction = byCurrency == null ? null : byCurrency.get(currency);
            if (correction != null && correction.item().equals(id)) {
                return false;
            }
        }
        int itemScale = amount.scale();
        int scale = Split.allocationScale(amount, allocator.allocationScale);
        if (scale < itemScale) {
            return false; // more decimals than the shares, all trailing zeros: written back at the item's scale
        }
        long units = ExactSum.scaleUp(MoneyInternals.unscaledValue(amount), scale - itemScale);
        if (units == Long.MIN_VALUE) {
            return false;
        }
        int n = split.parts();
        long[] keys = totals.keys(n);
        long[] parts = totals.parts(n);
        TieBreak.keys(id, allocator.targetSalt[entry], keys);
        split.applyToUnits(units, keys, parts);
        int[] targets = allocator.targetUnit[entry];
        for (int k = 0; k < n; k++) {
            addShare(totals, currency, targets[k], parts[k], scale, itemScale);
        }
        return true;
    }

    /**
     * Scratch arrays for {@link #addSharesThroughGraph}, of one thread: what is pending at each rule (by position in
     * the topological order) and the shares made, in units.
     */
    static final class GraphScratch {
        final long[] pending;
        final boolean[] reached;
        final int[] shareUnit;
        final long[] shareUnits;

        GraphScratch(Allocator allocator) {
            int m = allocator.topologicalOrder.length;
            this.pending = new long[m];
            this.reached = new boolean[m];
            int targets = 0;
            for (int[] t : allocator.targetUnit) {
                targets += t.length;
            }
            this.shareUnit = new int[targets];
            this.shareUnits = new long[targets];
        }
    }

    /**
     * Adds to {@code totals} the shares of {@code amount} of the item {@code id}, which enters the sharing graph by
     * rule {@code entry}, followed through every rule it reaches (ALLOC-13) as {@link #flow} follows it, but in
     * units: each split made by {@link Split#applyToUnits} with the item's tie-break keys, what reaches a rule by
     * several paths added up before the rule splits it once, and each share a target keeps added as it would be
     * written as a row ({@link #written}); so the sums and the row count are those of the rows exactly. Makes no
     * object. Returns false, having added nothing, when the item takes the path of rows: an amount not compact or
     * with more decimals than its shares, a rule it reaches that falls back to Unallocated, a rule whose rounding
     * correction it carries (ALLOC-12), or a sum beyond a long.
     */
    boolean addSharesThroughGraph(LineItemId id, Money amount, int entry, ShareSink totals, GraphScratch scratch) {
        if (allocator.terminal[entry]) {
            return addShares(id, amount, entry, totals);
        }
        if (!MoneyInternals.isCompact(amount)) {
            return false;
        }
        int itemScale = amount.scale();
        int scale = Split.allocationScale(amount, allocator.allocationScale);
        if (scale < itemScale) {
            return false;
        }
        long units = ExactSum.scaleUp(MoneyInternals.unscaledValue(amount), scale - itemScale);
        if (units == Long.MIN_VALUE) {
            return false;
        }
        Currency currency = amount.currency();
        long[] pending = scratch.pending;
        boolean[] reached = scratch.reached;
        int shares = 0;
        boolean ok = true;
        int first = allocator.positionOf[entry];
        pending[first] = units;
        reached[first] = true;
        for (int position = first; position < pending.length; position++) {
            if (!reached[position]) {
                continue;
            }
            reached[position] = false; // the scratch is left clean, whatever happens
            long input = pending[position];
            if (!ok) {
                continue;
            }
            int ruleIndex = allocator.topologicalOrder[position];
            Split split = splitOf(ruleIndex, currency);
            if (split == null || input == Long.MIN_VALUE || carriesCorrection(ruleIndex, currency, id)) {
                ok = false;
                continue;
            }
            int n = split.parts();
            long[] keys = totals.keys(n);
            long[] parts = totals.parts(n);
            TieBreak.keys(id, allocator.targetSalt[ruleIndex], keys);
            split.applyToUnits(input, keys, parts);
            int[] onward = allocator.onward[ruleIndex];
            int[] targets = allocator.targetUnit[ruleIndex];
            for (int k = 0; k < n; k++) {
                if (onward[k] >= 0) {
                    int next = allocator.positionOf[onward[k]];
                    if (reached[next]) {
                        long sum = pending[next] + parts[k];
                        if (((pending[next] ^ sum) & (parts[k] ^ sum)) < 0) {
                            ok = false; // beyond a long: the path of rows adds it as Money
                        }
                        pending[next] = sum;
                    } else {
                        pending[next] = parts[k];
                        reached[next] = true;
                    }
                } else {
                    scratch.shareUnit[shares] = targets[k];
                    scratch.shareUnits[shares++] = parts[k];
                }
            }
        }
        if (!ok) {
            return false;
        }
        for (int i = 0; i < shares; i++) {
            addShare(totals, currency, scratch.shareUnit[i], scratch.shareUnits[i], scale, itemScale);
        }
        return true;
    }

    /**
     * Adds a share of {@code units} at the allocation {@code scale} to {@code totals} as the rows write it: with the
     * item's own decimals ({@code itemScale}) when the share needs no more.
     */
    static void addShare(Shares totals, Currency currency, int unitIndex, long units, int scale, int itemScale) {
        long u = units;
        int s = scale;
        while (s > itemScale && u % 10 == 0) {
            u /= 10;
            s--;
        }
        totals.addShare(currency, unitIndex, u, s);
    }

    /** Whether the item {@code id} is the designated item of a rounding correction of rule {@code rule}. */
    private boolean carriesCorrection(int rule, Currency currency, LineItemId id) {
        if (!corrected[rule]) {
            return false;
        }
        Map<Currency, Correction> byCurrency = corrections.get(rule);
        Correction correction = byCurrency == null ? null : byCurrency.get(currency);
        return correction != null && correction.item().equals(id);
    }

    /**
     * Returns the split of the sharing rule of index {@code ruleIndex} for {@code currency}, or null when it falls back
     * to Unallocated: read from arrays, as every split of every held item's flow asks it.
     */
    Split splitOf(int ruleIndex, Currency currency) {
        Split fixed = allocator.fixedSplit[ruleIndex];
        if (fixed != null) {
            return fixed;
        }
        Currency[] currencies = splitCurrencies[ruleIndex];
        for (int i = 0; i < currencies.length; i++) {
            if (currencies[i] == currency || currencies[i].equals(currency)) {
                return currencySplits[ruleIndex][i];
            }
        }
        return allocator.fallbackSplit[ruleIndex];
    }

    /**
     * Returns whether a proportional rule falls back for {@code currency} because no target has a positive base.
     *
     * @param rule a sharing rule of the rule set, not null
     * @param currency the currency, not null
     */
    public boolean isFallingBack(RuleId rule, Currency currency) {
        ImmutableMap<Currency, Split> splits = proportionalSplits.get(rule);
        return splits != null && !splits.containsKey(currency);
    }

    /**
     * Allocates every item in order, passing each row to {@code sink}, without a summary: each item is placed once
     * by the values its rules test, as {@link #toTotals()} places them.
     *
     * @param items the period's items, not null
     * @param sink receives every row, not null
     */
    public void allocateAll(Iterable<LineItem> items, Consumer<AllocatedRow> sink) {
        requireNonNull(sink, "sink");
        PlacementCache placements = placements();
        RowSink rows = rowsTo(sink);
        for (LineItem item : items) {
            allocate(item, placements.placementOf(item), rows);
        }
    }

    /**
     * Allocates every item in order, passing each row to {@code sink}, and summarizes them.
     *
     * @param items the period's items, not null
     * @param calendar cuts days and months for the summaries, not null
     * @param sink receives every row, not null
     * @return the summary, never null
     */
    public AllocationSummary allocateAll(
            Iterable<LineItem> items, BillingCalendar calendar, Consumer<AllocatedRow> sink) {
        SummaryAccumulator acc =
                new SummaryAccumulator(allocator.rules.units(), allocator.unitOrder, calendar, placements());
        RowSink both = (item, unit, unitIndex, type, amount, rule) -> {
            acc.add(item, unitIndex, type, amount);
            sink.accept(new AllocatedRow(item, Optional.ofNullable(unit), type, amount, Optional.ofNullable(rule)));
        };
        for (LineItem item : items) {
            acc.addItem(item);
            allocate(item, acc.placements.placementOf(item), both);
        }
        return acc.toSummary();
    }

    /**
     * Returns a collector that allocates a stream of items and adds up each unit's rows by allocation type and
     * currency, without making the rows: for callers that need only totals. Each item is placed once, by the values
     * its rules test (items with the same values share a placement), and a collected item's cost is added to a
     * primitive sum; {@link Money} is made once per total, at the end. On a parallel stream the result is
     * identical to a sequential run.
     *
     * <pre>{@code
     * AllocationTotals totals = items.parallelStream().collect(run.toTotals());
     * }</pre>
     *
     * @return the collector, never null
     */
    public Collector<LineItem, ?, AllocationTotals> toTotals() {
        return Collector.of(
                () -> new TotalsAccumulator(this),
                TotalsAccumulator::add,
                TotalsAccumulator::merge,
                TotalsAccumulator::toTotals,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * Returns a collector that allocates a stream of items and summarizes the rows; on a parallel stream the
     * result is identical to a sequential run.
     *
     * @param calendar cuts days and months for the summaries, not null
     * @return the collector, never null
     */
    public Collector<LineItem, ?, AllocationSummary> toSummary(BillingCalendar calendar) {
        requireNonNull(calendar, "calendar");
        return Collector.of(
                () -> new SummaryAccumulator(allocator.rules.units(), allocator.unitOrder, calendar, placements()),
                (acc, item) -> {
                    acc.addItem(item);
                    allocate(item, acc.placements.placementOf(item), acc);
                },
                SummaryAccumulator::combine,
                SummaryAccumulator::toSummary,
                Collector.Characteristics.UNORDERED);
    }
}
