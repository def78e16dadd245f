package org.cloudbilling.examples.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.cloudbilling.allocation.Allocation;
import org.cloudbilling.allocation.AllocationBill;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.Breakdown;
import org.cloudbilling.allocation.daily.RunningAllocation;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.RunningRollup;
import org.cloudbilling.core.daily.BatchId;
import org.cloudbilling.core.daily.BatchKind;
import org.cloudbilling.core.daily.ChargeBatch;
import org.cloudbilling.core.daily.MonthLedger;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code billing bench-daily}: the benchmark month applied day by day, as a host's daily job would. The items of
 * {@code Workload.generate(generated.seed, generated.items, generated.rules)} are split by the day their fee period starts into daily batches;
 * from the third day on, each batch also restates and withdraws a few charges of earlier days. Each batch goes
 * through a {@link MonthLedger}, a {@link RunningRollup} and a {@link RunningAllocation}; the command prints each
 * batch's time and the live heap after it, then checks the final consolidation and allocation summary against one
 * pass over the month's final charges, to the last decimal, and refuses to report otherwise.
 */
@Command(
        name = "bench-daily",
        mixinStandardHelpOptions = true,
        description = {
            "The benchmark month applied as daily batches (with restatements and withdrawals) through MonthLedger,"
                    + " RunningRollup and RunningAllocation; per-batch time, heap, and the final totals checked"
                    + " against one pass.",
            "The last line reads: bench-daily: items=N batches=N allocation_median_ms=X allocation_max_ms=X"
                    + " batch_median_ms=X batch_max_ms=X live_heap_max_mb=X"
        })
public final class DailyBenchCommand implements Callable<Integer> {
    @Mixin
    MonthOptions generated = new MonthOptions(400);

    @Option(names = "--days", description = "daily batches, at most 30 (default: ${DEFAULT-VALUE})")
    int days = 30;

    @Option(
            names = "--restate",
            description = "charges of earlier days restated per batch, per 1,000 items of the batch; half as many"
                    + " withdrawn (default: ${DEFAULT-VALUE})")
    int restatePerMille = 2;

    @Option(names = "--no-check", description = "skip the final one-pass check")
    boolean noCheck;

    private final PrintWriter out = new PrintWriter(System.out, true);

    public static void main(String[] args) {
        System.exit(new CommandLine(new DailyBenchCommand()).execute(args));
    }

    @Override
    public Integer call() {
        if (days < 1 || days > 30) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--days must be from 1 to 30, got " + days);
        }
        Workload w = Workload.generate(generated.seed, generated.items, generated.rules);
        List<List<LineItem>> byDay = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            byDay.add(new ArrayList<>());
        }
        for (LineItem item : w.items()) {
            int day = Workload.CALENDAR.dayOf(item.feePeriod().start()).getDayOfMonth() - 1;
            byDay.get(day * days / 30).add(item);
        }
        Allocator allocator = Allocator.compile(w.rules());
        Grouping grouping = Grouping.by(Dimension.OWNER, Dimension.BUSINESS);
        MonthLedger ledger = MonthLedger.open(Workload.MONTH, Workload.CNY, Workload.CALENDAR);
        RunningRollup rollup = RunningRollup.empty(grouping);
        RunningAllocation allocation = RunningAllocation.start(allocator, w.tags(), Workload.CALENDAR);
        Instant monthStart = Workload.CALENDAR.start(Workload.MONTH);
        SplittableRandom random = new SplittableRandom(generated.seed ^ 0x5eed);
        List<LineItem> earlier = new ArrayList<>();
        Set<LineItemId> withdrawn = new HashSet<>();
        long[] allocationMs = new long[days];
        long[] batchMs = new long[days];
        long liveMax = 0;
        out.printf(
                Locale.ROOT,
                "bench-daily: %,d items, %d rules, %d batches, load average %.2f%n",
                generated.items,
                generated.rules,
                days,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int d = 0; d < days; d++) {
            List<LineItem> added = byDay.get(d);
            byDay.set(d, null);
            List<LineItem> restated = new ArrayList<>();
            List<LineItemId> gone = new ArrayList<>();
            if (d >= 2 && !earlier.isEmpty()) {
                int n = Math.max(1, added.size() * restatePerMille / 1000);
                Set<LineItemId> picked = new HashSet<>();
                for (int k = 0; k < n + n / 2; k++) {
                    int at = random.nextInt(earlier.size());
                    LineItem old = earlier.get(at);
                    if (withdrawn.contains(old.id()) || !picked.add(old.id())) {
                        continue;
                    }
                    if (k < n) {
                        // a recalculation: the usage was 10% lower
                        Money amount = Money.ofUnscaled(
                                Workload.CNY,
                                old.totalCost().amount().unscaledValue().longValueExact() / 10 * 9,
                                old.totalCost().scale());
                        LineItem fixed = LineItem.builder()
                                .from(old)
                                .totalCost(amount)
                                .listCost(amount)
                                .build();
                        restated.add(fixed);
                        earlier.set(at, fixed);
                    } else {
                        gone.add(old.id());
                        withdrawn.add(old.id());
                    }
                }
            }
            ChargeBatch batch = new ChargeBatch(
                    BatchId.of(String.format("day-%02d", d + 1)),
                    BatchKind.DAILY,
                    Workload.MONTH,
                    Workload.CNY,
                    added,
                    restated,
                    gone);
            Instant at = monthStart.plusSeconds(86_400L * (d + 1) + 3_600);
            long t0 = System.nanoTime();
            MonthLedger.Update u = ledger.apply(batch, at);
            ledger = u.ledger();
            long t1 = System.nanoTime();
            rollup = rollup.apply(u.removed(), u.added());
            long t2 = System.nanoTime();
            allocation = allocation.apply(u);
            long t3 = System.nanoTime();
            earlier.addAll(added);
            allocationMs[d] = (t3 - t2) / 1_000_000;
            batchMs[d] = (t3 - t0) / 1_000_000;
            long live = liveHeap();
            liveMax = Math.max(liveMax, live);
            out.printf(
                    Locale.ROOT,
                    "day %2d: +%,d ~%d -%d charges; ledger %,d ms, roll-up %,d ms, allocation %,d ms"
                            + " (%,d items allocated of %,d shared); live heap %,d MB%n",
                    d + 1,
                    added.size(),
                    restated.size(),
                    gone.size(),
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    allocationMs[d],
                    allocation.allocatedByLastApply(),
                    allocation.sharedItems().size(),
                    live >> 20);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        out.printf(
                Locale.ROOT,
                "heap: live after a batch at most %,d MB; peak of the heap pools %,d MB; -Xmx %,d MB%n",
                liveMax >> 20,
                peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        if (!noCheck) {
            List<LineItem> charges = ledger.charges();
            long t0 = System.nanoTime();
            AllocationBill once = Allocation.allocate(w.rules(), charges, w.tags(), Workload.CALENDAR);
            long onePassMs = (System.nanoTime() - t0) / 1_000_000;
            boolean same = rollup.rollup().equals(Consolidation.consolidate(charges, grouping))
                    && allocation.byUnit().equals(once.summary().byUnit())
                    && allocation.sourceTotals().equals(once.summary().sourceTotals())
                    && allocation.itemCount() == once.summary().itemCount();
            for (Breakdown b : Breakdown.values()) {
                same &= allocation.by(b).equals(once.summary().by(b));
            }
            same &= allocation.rows().equals(once.rows());
            if (!same) {
                out.println("bench-daily: the month applied day by day differs from one pass: not reported");
                return 1;
            }
            out.printf(
                    Locale.ROOT,
                    "checked: %,d charges; roll-up, allocation rows and every summary equal one pass (%,d ms)%n",
                    charges.size(),
                    onePassMs);
        }
        out.printf(
                Locale.ROOT,
                "bench-daily: items=%d batches=%d allocation_median_ms=%d allocation_max_ms=%d batch_median_ms=%d"
                        + " batch_max_ms=%d live_heap_max_mb=%d%n",
                generated.items,
                days,
                median(allocationMs),
                max(allocationMs),
                median(batchMs),
                max(batchMs),
                liveMax >> 20);
        return 0;
    }

    private static long liveHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
