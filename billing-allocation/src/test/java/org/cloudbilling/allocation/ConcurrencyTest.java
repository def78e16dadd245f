package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Test;

/**
 * One compiled rule set and one prepared run, shared by many threads that allocate at the same moment: every
 * thread gets the same rows and the same summary as a single-threaded run.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;

    @Test
    void sharedAllocatorAndRun_giveIdenticalResults_fromManyThreadsAtOnce() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            RandomRuleSets random = new RandomRuleSets(seed);
            AllocationRuleSet rules = random.ruleSet();
            List<LineItem> items = random.items(400);
            Allocator allocator = Allocator.compile(rules);
            AllocationRun run = allocator.prepare(items, TagBindings.empty());
            List<AllocatedRow> expectedRows = new ArrayList<>();
            AllocationSummary expected = run.allocateAll(items, BillingCalendar.TENCENT, expectedRows::add);

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Object>>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    boolean viaCollector = t % 2 == 0;
                    results.add(pool.submit(() -> {
                        start.await();
                        List<AllocatedRow> rows = new ArrayList<>();
                        AllocationSummary summary = viaCollector
                                ? items.parallelStream().collect(run.toSummary(BillingCalendar.TENCENT))
                                : run.allocateAll(items, BillingCalendar.TENCENT, rows::add);
                        if (viaCollector) {
                            items.forEach(item -> rows.addAll(run.allocate(item)));
                        }
                        AllocationBill bill =
                                Allocation.allocate(rules, items, TagBindings.empty(), BillingCalendar.TENCENT);
                        return List.of(rows, summary, bill.rows(), bill.summary());
                    }));
                }
                start.countDown();
                for (Future<List<Object>> f : results) {
                    List<Object> r = f.get(60, TimeUnit.SECONDS);
                    assertThat(r.get(0)).as("rows, seed %s", seed).isEqualTo(expectedRows);
                    assertThat(r.get(1)).as("summary, seed %s", seed).isEqualTo(expected);
                    assertThat(r.get(2)).as("one-call rows, seed %s", seed).isEqualTo(expectedRows);
                    assertThat(r.get(3)).as("one-call summary, seed %s", seed).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
