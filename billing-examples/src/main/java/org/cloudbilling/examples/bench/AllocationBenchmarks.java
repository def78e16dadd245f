package org.cloudbilling.examples.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.AllocationSummary;
import org.cloudbilling.allocation.AllocationTotals;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.Breakdown;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.allocation.backtracking.AllocationHistory;
import org.cloudbilling.allocation.backtracking.BacktrackListener;
import org.cloudbilling.allocation.backtracking.BacktrackOutcome;
import org.cloudbilling.allocation.backtracking.BacktrackPlan;
import org.cloudbilling.allocation.backtracking.BacktrackRequest;
import org.cloudbilling.allocation.backtracking.Backtracking;
import org.cloudbilling.allocation.backtracking.MonthInputs;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.Split;
import org.cloudbilling.core.time.BillingMonth;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the hot paths, over the benchmark month ({@link Workload}). Run them from the shaded jar:
 *
 * <pre>{@code
 * java -cp billing-examples/target/billing.jar org.openjdk.jmh.Main AllocationBenchmarks
 * }</pre>
 *
 * <p>Per-item costs ({@link #moneySplit}, {@link #allocateOneItem}, {@link #allocateOneItemToTotals}) are in
 * nanoseconds per operation; whole months ({@link #allocateMonth}, {@link #summarizeMonth}, {@link #summarizeMonthRows}, {@link #consolidateMonth}, {@link #backtrackOneMonth}, {@link
 * #backtrackTwelveMonths}) in milliseconds. The month is built only for the benchmarks that take it ({@link
 * Month}), not for the split benchmarks. See docs/performance.md.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AllocationBenchmarks {
    private static final Instant SUBMITTED = Instant.parse("2025-01-10T00:00:00Z");

    private Split sevenWays;
    private Money amount;

    /** {@link #amount} in units of its scale. */
    private static final long AMOUNT_UNITS = 12_345_678_901L;

    private final long[] units = new long[7];

    /**
     * The benchmark month and what is prepared from it, built once per trial, only for the benchmarks that take it:
     * the split benchmarks do not build it, so that its generation and allocation (the whole engine compiled and
     * profiled with other splits) do not delay and skew the compilation of the split they measure.
     */
    @State(Scope.Benchmark)
    public static class Month {
        /** Collection rules: matching cost should barely grow with them. */
        @Param({"1000"})
        public int rules;

        /** Items in the month of the whole-month benchmarks. */
        @Param({"100000"})
        public int items;

        Workload workload;
        List<LineItem> month;
        Allocator allocator;
        AllocationRun run;
        RuleSchedule schedule;
        MonthInputs inputs;
        Cycle everyItem;
        Object totals;
        Cycle collectedItems;
        java.util.function.BiConsumer<Object, LineItem> totalsAccumulator;

        /** Builds the month once per trial. */
        @Setup(Level.Trial)
        public void setUp() {
            workload = Workload.generate(42, items, rules);
            month = workload.materialize();
            allocator = Allocator.compile(workload.rules());
            run = allocator.prepare(month, workload.tags());
            @SuppressWarnings("unchecked") // the collector's accumulation type is hidden: Object is enough here
            java.util.stream.Collector<LineItem, Object, AllocationTotals> collector =
                    (java.util.stream.Collector<LineItem, Object, AllocationTotals>) (Object) run.toTotals();
            totals = collector.supplier().get();
            everyItem = new Cycle(month);
            collectedItems = new Cycle(month.stream()
                    .filter(i -> {
                        List<org.cloudbilling.allocation.AllocatedRow> rows = run.allocate(i);
                        return rows.size() == 1
                                && rows.get(0).type() == org.cloudbilling.allocation.AllocationType.COLLECTED;
                    })
                    .toList());
            totalsAccumulator = collector.accumulator();
            schedule =
                    RuleSchedule.activated(Instant.parse("2023-01-01T00:00:00Z"), Workload.CALENDAR, workload.rules());
            inputs = new MonthInputs() {
                @Override
                public Iterable<LineItem> items(BillingMonth m) {
                    return month;
                }

                @Override
                public TagBindings tags(BillingMonth m) {
                    return workload.tags();
                }
            };
        }
    }

    /** Items handed out one after another, from the first again after the last: the per-item benchmarks' input. */
    static final class Cycle {
        private final List<LineItem> items;
        private int next;

        Cycle(List<LineItem> items) {
            this.items = items;
        }

        LineItem next() {
            LineItem item = items.get(next);
            next = next + 1 == items.size() ? 0 : next + 1;
            return item;
        }
    }

    /** Prepares the split once per trial (the month is {@link Month}'s). */
    @Setup(Level.Trial)
    public void setUp() {
        sevenWays = Split.byWeights(List.of(
                new BigDecimal("1234.56789012"),
                new BigDecimal("98765.4321"),
                new BigDecimal("5"),
                new BigDecimal("0.00000001"),
                new BigDecimal("777.7"),
                new BigDecimal("31415.92653589"),
                new BigDecimal("2718.28182845")));
        amount = Money.ofUnscaled(Workload.CNY, AMOUNT_UNITS, 8);
    }

    /** Splits one amount seven ways by largest remainder (MONEY-4). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public List<Money> moneySplit() {
        return sevenWays.apply(amount);
    }

    /**
     * Splits the same amount seven ways into units ({@link Split#applyToUnits}), as a caller that only adds the parts
     * up does: the same parts as {@link #moneySplit}, without {@code Money} or a list.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long[] moneySplitToUnits() {
        sevenWays.applyToUnits(AMOUNT_UNITS, units);
        return units;
    }

    /** Matches one item against the rules and places it (rows to a black hole): the per-item hot path. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void allocateOneItem(Month m, Blackhole bh) {
        m.run.allocate(m.everyItem.next(), bh::consume);
    }

    /**
     * Allocates one item into a month's running totals ({@link AllocationRun#toTotals()}), the per-item path of
     * {@link #allocateMonth}: with {@code -prof gc}, what allocating a collected item allocates.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void allocateOneItemToTotals(Month m) {
        m.totalsAccumulator.accept(m.totals, m.everyItem.next());
    }

    /**
     * Like {@link #allocateOneItemToTotals}, over the month's items that one collection rule collects (no sharing):
     * with {@code -prof gc}, what allocating a collected item allocates once its placement is cached.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void allocateCollectedItemToTotals(Month m) {
        m.totalsAccumulator.accept(m.totals, m.collectedItems.next());
    }

    /**
     * Summarizes the month on one thread (ALLOC-8: by unit, product, resource, component, day, month), in one pass
     * ({@link Allocator#toSummary}), as {@link #allocateMonth} allocates it to totals.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AllocationSummary summarizeMonth(Month m) {
        return m.month.stream().collect(m.allocator.toSummary(Workload.CALENDAR, m.workload.tags()));
    }

    /**
     * {@link #summarizeMonth}, then every breakdown's rows read once: the whole ALLOC-8 summary as a caller that
     * shows all of it pays for it (a breakdown's rows are made when first asked for).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long summarizeMonthRows(Month m) {
        AllocationSummary summary = summarizeMonth(m);
        long rows = 0;
        for (Breakdown breakdown : Breakdown.values()) {
            rows += summary.by(breakdown).size();
        }
        return rows;
    }

    /**
     * Summarizes the month on one thread in two passes, as {@link #summarizeMonth} did before: {@link #prepareMonth},
     * then every item with the run's summary collector ({@link AllocationRun#toSummary}).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AllocationSummary summarizeMonthPrepared(Month m) {
        AllocationRun prepared = m.allocator.prepare(m.month, m.workload.tags());
        return m.month.stream().collect(prepared.toSummary(Workload.CALENDAR));
    }

    /**
     * Prepares the month on one thread ({@link Allocator#prepare}: the proportional bases and the rounding over the
     * run), the part of {@link #allocateMonth} that {@link #allocateOneItem} and {@link #allocateOneItemToTotals} do
     * not measure: they allocate with a run prepared once, in the set-up.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AllocationRun prepareMonth(Month m) {
        return m.allocator.prepare(m.month, m.workload.tags());
    }

    /**
     * Allocates the month on one thread, to each unit's totals, in one pass ({@link Allocator#toTotals}): each item
     * read and placed once, the shared ones kept until the bases are known.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object allocateMonth(Month m) {
        return LibraryPass.allocate(m.allocator, m.month, m.workload.tags(), null);
    }

    /**
     * Allocates the month on one thread in two passes, as {@link #allocateMonth} did before: {@link #prepareMonth},
     * then every item with the run's totals collector ({@link AllocationRun#toTotals()}).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object allocateMonthPrepared(Month m) {
        return LibraryPass.allocatePrepared(m.allocator, m.month, m.workload.tags(), null);
    }

    /** Consolidates the month by owner and product. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Rollup consolidateMonth(Month m) {
        return Consolidation.consolidate(m.month, Grouping.by(Dimension.OWNER, Dimension.BUSINESS));
    }

    /** Backtracks one month: the unit the twelve-month backtrack is compared with. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BacktrackOutcome backtrackOneMonth(Month m) {
        return backtrack(m, BillingMonth.of(2024, 12));
    }

    /** Backtracks twelve months (2024-01..2024-12), each with the month's items. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BacktrackOutcome backtrackTwelveMonths(Month m) {
        return backtrack(m, BillingMonth.of(2024, 1));
    }

    private static BacktrackOutcome backtrack(Month m, BillingMonth from) {
        BacktrackPlan plan = Backtracking.plan(
                new BacktrackRequest(OperatorUin.of("op-1"), SUBMITTED, from, BillingMonth.of(2024, 12)),
                m.schedule,
                Workload.CALENDAR);
        return Backtracking.run(
                plan,
                AllocationHistory.empty(),
                m.inputs,
                Workload.CALENDAR,
                Clock.fixed(SUBMITTED, ZoneOffset.UTC),
                BacktrackListener.NONE);
    }
}
