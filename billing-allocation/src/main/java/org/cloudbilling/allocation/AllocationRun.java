package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
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
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.Split;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * The allocation of one period: a compiled rule set, the tag history, and, for proportional sharing, each
 * unit's collected cost in the period. Allocates items one at a time, so a month of any size streams through
 * in memory bounded by units, rules and resources.
 *
 * <p>Each item's rows depend only on the item and this run, never on other items or their order: allocating
 * in parallel gives exactly the sequential result. Immutable and safe to share between threads.
 */
public final class AllocationRun {
    private final Allocator allocator;
    private final TagBindings tags;
    /** Each unit's collected cost in the period, per currency; only when a rule is proportional. */
    private final ImmutableMap<Currency, ImmutableMap<UnitId, Money>> collected;
    /** Proportional splits by rule and currency; absent when every target's base is zero. */
    private final ImmutableMap<RuleId, ImmutableMap<Currency, Split>> proportionalSplits;

    private AllocationRun(
            Allocator allocator,
            TagBindings tags,
            ImmutableMap<Currency, ImmutableMap<UnitId, Money>> collected,
            ImmutableMap<RuleId, ImmutableMap<Currency, Split>> proportionalSplits) {
        this.allocator = allocator;
        this.tags = tags;
        this.collected = collected;
        this.proportionalSplits = proportionalSplits;
    }

    static AllocationRun prepare(Allocator allocator, Iterable<LineItem> items, TagBindings tags) {
        if (!allocator.hasProportionalRules) {
            return new AllocationRun(allocator, tags, ImmutableMap.of(), ImmutableMap.of());
        }
        Bases bases = new Bases(allocator, tags);
        for (LineItem item : items) {
            bases.add(item);
        }
        return withBases(allocator, tags, bases.totals);
    }

    static AllocationRun prepare(Allocator allocator, Stream<LineItem> items, TagBindings tags) {
        if (!allocator.hasProportionalRules) {
            return new AllocationRun(allocator, tags, ImmutableMap.of(), ImmutableMap.of());
        }
        Bases bases = items.collect(() -> new Bases(allocator, tags), Bases::add, Bases::merge);
        return withBases(allocator, tags, bases.totals);
    }

    /** Each unit's collected cost per currency, summed over part of a period; confined to one thread. */
    private static final class Bases {
        private final Allocator allocator;
        private final TagBindings tags;
        final Map<Currency, Map<UnitId, Money>> totals = new HashMap<>();

        Bases(Allocator allocator, TagBindings tags) {
            this.allocator = allocator;
            this.tags = tags;
        }

        void add(LineItem item) {
            ItemView view = new ItemView(item, tags);
            if (allocator.sharingSources.firstMatch(view) >= 0) {
                return;
            }
            int rule = allocator.collection.firstMatch(view);
            if (rule >= 0) {
                UnitId unit = allocator.rules.collectionRules().get(rule).unit();
                totals.computeIfAbsent(item.currency(), c -> new HashMap<>())
                        .merge(unit, item.totalCost(), Money::plus);
            }
        }

        void merge(Bases other) {
            other.totals.forEach((currency, byUnit) -> byUnit.forEach((unit, amount) ->
                    totals.computeIfAbsent(currency, c -> new HashMap<>()).merge(unit, amount, Money::plus)));
        }
    }

    private static AllocationRun withBases(
            Allocator allocator, TagBindings tags, Map<Currency, Map<UnitId, Money>> totals) {
        ImmutableMap.Builder<Currency, ImmutableMap<UnitId, Money>> frozen = ImmutableMap.builder();
        totals.forEach((c, m) -> frozen.put(c, ImmutableMap.copyOf(m)));
        ImmutableMap<Currency, ImmutableMap<UnitId, Money>> collected = frozen.build();

        ImmutableMap.Builder<RuleId, ImmutableMap<Currency, Split>> splits = ImmutableMap.builder();
        for (SharingRule r : allocator.rules.sharingRules()) {
            if (r.method() != SharingMethod.PROPORTIONAL) {
                continue;
            }
            ImmutableMap.Builder<Currency, Split> perCurrency = ImmutableMap.builder();
            for (Map.Entry<Currency, ImmutableMap<UnitId, Money>> e : collected.entrySet()) {
                List<BigDecimal> weights = new ArrayList<>();
                boolean anyPositive = false;
                for (UnitId t : allocator.sortedTargets.get(r.id())) {
                    Money base = e.getValue().get(t);
                    // a unit whose refunds outweigh its costs has no positive base: it takes no share
                    BigDecimal w = base == null || !base.isPositive() ? BigDecimal.ZERO : base.amount();
                    anyPositive |= w.signum() > 0;
                    weights.add(w);
                }
                if (anyPositive) {
                    perCurrency.put(e.getKey(), Split.byWeights(weights));
                }
            }
            splits.put(r.id(), perCurrency.build());
        }
        return new AllocationRun(allocator, tags, collected, splits.build());
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
        int source = allocator.sharingSources.firstMatch(view);
        if (source >= 0) {
            share(
                    item,
                    item.totalCost(),
                    allocator.rules.sharingRules().get(allocator.sharingRuleOfSource[source]),
                    sink);
            return;
        }
        int rule = allocator.collection.firstMatch(view);
        if (rule >= 0) {
            AllocationRule r = allocator.rules.collectionRules().get(rule);
            place(item, r.unit(), AllocationType.COLLECTED, item.totalCost(), r.id(), sink);
            return;
        }
        sink.accept(new AllocatedRow(
                item, Optional.empty(), AllocationType.UNALLOCATED, item.totalCost(), Optional.empty()));
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

    /** Puts {@code amount} in {@code unit}, or passes it on when the unit shares its costs. */
    private void place(
            LineItem item, UnitId unit, AllocationType type, Money amount, RuleId rule, Consumer<AllocatedRow> sink) {
        SharingRule onward = allocator.bySourceUnit.get(unit);
        if (onward != null) {
            share(item, amount, onward, sink);
        } else {
            sink.accept(new AllocatedRow(item, Optional.of(unit), type, amount, Optional.of(rule)));
        }
    }

    private void share(LineItem item, Money amount, SharingRule rule, Consumer<AllocatedRow> sink) {
        ImmutableList<UnitId> targets = allocator.sortedTargets.get(rule.id());
        Split split = allocator.fixedSplits.get(rule.id());
        if (split == null) {
            split = proportionalSplits.get(rule.id()).get(amount.currency());
            if (split == null) { // no target has a positive base (ALLOC-7)
                if (rule.fallback() == ZeroBaseFallback.UNALLOCATED) {
                    sink.accept(new AllocatedRow(
                            item, Optional.empty(), AllocationType.UNALLOCATED, amount, Optional.of(rule.id())));
                    return;
                }
                split = Split.evenly(targets.size());
            }
        }
        List<Money> parts = split.apply(amount);
        for (int i = 0; i < parts.size(); i++) {
            place(item, targets.get(i), AllocationType.SHARED, parts.get(i), rule.id(), sink);
        }
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
     * Allocates every item in order, passing each row to {@code sink}, and summarizes them.
     *
     * @param items the period's items, not null
     * @param calendar cuts days and months for the summaries, not null
     * @param sink receives every row, not null
     * @return the summary, never null
     */
    public AllocationSummary allocateAll(
            Iterable<LineItem> items, BillingCalendar calendar, Consumer<AllocatedRow> sink) {
        SummaryAccumulator acc = new SummaryAccumulator(allocator.rules.units(), calendar);
        for (LineItem item : items) {
            acc.addItem(item);
            allocate(item, row -> {
                acc.add(row);
                sink.accept(row);
            });
        }
        return acc.toSummary();
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
                () -> new SummaryAccumulator(allocator.rules.units(), calendar),
                (acc, item) -> {
                    acc.addItem(item);
                    allocate(item, acc::add);
                },
                SummaryAccumulator::combine,
                SummaryAccumulator::toSummary,
                Collector.Characteristics.UNORDERED);
    }
}
