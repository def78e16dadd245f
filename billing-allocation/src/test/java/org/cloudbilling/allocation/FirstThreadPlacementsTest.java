package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The first thread of a one-pass collection keeps its placements in a table of its own, unsynchronized, until a
 * second thread comes; then it copies its keys to the table of all the threads at its next miss. Every placement is
 * the matched one throughout.
 */
@org.junit.jupiter.api.Tag("ALLOC-3")
@org.junit.jupiter.api.Tag("ALLOC-6")
@DisplayName("ALLOC-3 ALLOC-6 a collection's first thread keeps its own placements until a second thread comes")
class FirstThreadPlacementsTest {

    @Test
    void firstThread_keepsItsOwnTable_untilAnotherThreadComes_thenSharesItsKeys() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            TagBindings tags = TagBindings.empty();
            List<LineItem> items = random.items(300);
            // the index of the item that brings the last new key, so that the first thread misses after the join
            PlacementCache counting = new PlacementCache(allocator, tags);
            int last = -1;
            for (int i = 0; i < items.size(); i++) {
                int before = counting.size();
                counting.placementOf(items.get(i));
                if (counting.size() > before) {
                    last = i;
                }
            }
            if (last <= 0) {
                return; // one key only: nothing to share after the join
            }
            int lastNew = last;
            OnePassTotals.Caches caches = new OnePassTotals.Caches(allocator, tags);
            PlacementCache first = caches.ofCurrentThread();
            for (LineItem item : items.subList(0, last)) {
                assertThat(first.placementOf(item)).isEqualTo(matched(allocator, item, tags));
            }
            assertThat(caches.shared().size())
                    .as("seed %s: nothing shared on one thread", seed)
                    .isZero();
            assertThat(caches.ofCurrentThread()).isSameAs(first);

            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread second = new Thread(() -> {
                try {
                    PlacementCache other = caches.ofCurrentThread();
                    assertThat(other).isNotSameAs(first);
                    LineItem item = items.get(lastNew);
                    assertThat(other.placementOf(item)).isEqualTo(matched(allocator, item, tags));
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            second.start();
            try {
                second.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(failure.get()).isNull();
            assertThat(caches.shared().size()).isEqualTo(1);

            for (LineItem item : items.subList(last, items.size())) {
                assertThat(first.placementOf(item)).isEqualTo(matched(allocator, item, tags));
            }
            // the first thread missed the last key after the join: all its keys are now in the shared table
            assertThat(caches.shared().size()).as("seed %s", seed).isEqualTo(counting.size());
        });
    }

    private static int matched(Allocator allocator, LineItem item, TagBindings tags) {
        return AllocationRun.placement(allocator, new ItemView(item, tags));
    }
}
