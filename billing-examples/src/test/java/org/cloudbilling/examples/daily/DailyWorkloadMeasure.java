package org.cloudbilling.examples.daily;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.allocation.Allocation;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.daily.RunningAllocation;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.RunningRollup;
import org.cloudbilling.core.daily.BatchId;
import org.cloudbilling.core.daily.ChargeBatch;
import org.cloudbilling.core.daily.MonthLedger;
import org.cloudbilling.examples.bench.Workload;
import org.junit.jupiter.api.Test;

/**
 * Not a test (no assertion, not run by default): the benchmark month applied day by day, printing each batch's
 * cost and the heap after it, for docs/performance.md. Run with
 * {@code -Dtest=DailyWorkloadMeasure -Ddaily.items=100000}.
 */
class DailyWorkloadMeasure {
    @Test
    void measure() {
        int items = Integer.getInteger("daily.items", 100_000);
        Workload w = Workload.generate(42, items, 1_000);
        List<List<LineItem>> days = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            days.add(new ArrayList<>());
        }
        for (LineItem item : w.items()) {
            days.get(Workload.CALENDAR.dayOf(item.feePeriod().start()).getDayOfMonth() - 1)
                    .add(item);
        }
        Allocator allocator = Allocator.compile(w.rules());
        MonthLedger ledger = MonthLedger.open(Workload.MONTH, Workload.CNY, Workload.CALENDAR);
        RunningRollup rollup = RunningRollup.empty(Grouping.by(Dimension.OWNER, Dimension.BUSINESS));
        RunningAllocation allocation = RunningAllocation.start(allocator, w.tags(), Workload.CALENDAR);
        Instant start = Workload.CALENDAR.start(Workload.MONTH);
        long totalLedger = 0;
        long totalAllocation = 0;
        for (int d = 0; d < 30; d++) {
            ChargeBatch batch =
                    ChargeBatch.daily(BatchId.of("day-" + (d + 1)), Workload.MONTH, Workload.CNY, days.get(d));
            Instant at = start.plusSeconds(86_400L * (d + 1) + 3600);
            long t0 = System.nanoTime();
            MonthLedger.Update u = ledger.apply(batch, at);
            ledger = u.ledger();
            rollup = rollup.apply(u.removed(), u.added());
            long t1 = System.nanoTime();
            allocation = allocation.apply(u);
            long t2 = System.nanoTime();
            totalLedger += t1 - t0;
            totalAllocation += t2 - t1;
            days.set(d, null);
            System.gc();
            long heap =
                    Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf(
                    "day %2d: %6d items, ledger+rollup %5d ms, allocation %6d ms (%d shared items re-allocated), heap %4d MB%n",
                    d + 1,
                    batch.added().size(),
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    allocation.sharedItems().size(),
                    heap >> 20);
        }
        System.out.printf(
                "total: ledger+rollup %d ms, allocation %d ms%n", totalLedger / 1_000_000, totalAllocation / 1_000_000);
        List<LineItem> all = ledger.charges();
        long t0 = System.nanoTime();
        Allocation.allocate(w.rules(), all, w.tags(), Workload.CALENDAR);
        System.out.printf(
                "one pass over the month (Allocation.allocate): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }
}
