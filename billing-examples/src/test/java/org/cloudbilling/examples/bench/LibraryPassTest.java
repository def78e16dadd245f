package org.cloudbilling.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.cloudbilling.allocation.Allocator;
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
}
