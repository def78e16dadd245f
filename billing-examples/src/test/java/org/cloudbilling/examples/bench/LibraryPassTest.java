package org.cloudbilling.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.cloudbilling.allocation.AllocationSummary;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.Breakdown;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The benchmark's library pass: one pass over the month gives the totals of the two-pass run, exactly. */
class LibraryPassTest {
    @Test
    @Tag("ALLOC-5")
    @Tag("ALLOC-12")
    @Tag("ALLOC-13")
    void allocate_inOnePass_givesTheTotalsOfPrepareThenAllocate_onOneAndTwoThreads() {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            for (long seed : new long[] {1, 2, 3}) {
                Workload w = Workload.generate(seed, 6_000, 150, 1_500);
                List<LineItem> items = w.materialize();
                Allocator allocator = Allocator.compile(w.rules());
                for (TagBindings tags : List.of(w.tags(), TagBindings.empty())) {
                    var expected = LibraryPass.allocatePrepared(allocator, items, tags, null)
                            .toDecimals();

                    assertThat(expected).hasSizeGreaterThan(20);
                    assertThat(LibraryPass.allocate(allocator, items, tags, null)
                                    .toDecimals())
                            .isEqualTo(expected);
                    assertThat(LibraryPass.allocate(allocator, items, tags, pool)
                                    .toDecimals())
                            .isEqualTo(expected);
                    assertThat(LibraryPass.allocatePrepared(allocator, items, tags, pool)
                                    .toDecimals())
                            .isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The benchmark's full summary in one pass, over a month with a tag history: that of prepare, then summarize. */
    @Test
    @Tag("ALLOC-8")
    @Tag("ALLOC-12")
    void summary_inOnePass_isTheSummaryOfPrepareThenSummarize_onOneAndTwoThreads() {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            for (long seed : new long[] {1, 2}) {
                Workload w = Workload.generate(seed, 6_000, 150, 1_500);
                List<LineItem> items = w.materialize();
                Allocator allocator = Allocator.compile(w.rules());
                AllocationSummary expected = items.stream()
                        .collect(allocator.prepare(items, w.tags()).toSummary(Workload.CALENDAR));

                assertThat(expected.by(Breakdown.RESOURCE)).hasSizeGreaterThan(1_000);
                assertThat(strict(items.stream().collect(allocator.toSummary(Workload.CALENDAR, w.tags()))))
                        .isEqualTo(strict(expected));
                assertThat(strict(pool.submit(() -> items.parallelStream()
                                        .collect(allocator.toSummary(Workload.CALENDAR, w.tags())))
                                .join()))
                        .isEqualTo(strict(expected));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Every row of every table, amounts written with their scale. */
    private static List<String> strict(AllocationSummary summary) {
        List<String> out = new java.util.ArrayList<>();
        out.add("items " + summary.itemCount() + " " + summary.sourceTotals());
        summary.byUnit()
                .forEach(r -> out.add("unit " + r + " " + r.amount().amount().toPlainString()));
        for (Breakdown b : Breakdown.values()) {
            summary.by(b)
                    .forEach(
                            r -> out.add(b + " " + r + " " + r.amount().amount().toPlainString()));
        }
        return out;
    }
}
