package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.allocation.TotalsCells.cells;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.io.CostClassCollector;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link Allocator#toTotals(TagBindings)} reads a period once; preparing the run (bases, then the rounding tally)
 * and allocating every item reads it two or three times. Both must give the same totals to the last decimal,
 * scale included, whatever the order of the items and however they are split between containers: random rule
 * sets with even, ratio and proportional sharing (with either fallback), chains of sharing rules, refunds, two
 * scales of amounts, two currencies, and allocation scales 0, 2 and 8.
 */
@Tag("ALLOC-5")
@Tag("ALLOC-6")
@Tag("ALLOC-8")
@Tag("ALLOC-12")
@DisplayName("ALLOC-5 ALLOC-6 ALLOC-8 ALLOC-12 one pass to totals equals preparing then allocating")
class OnePassTotalsTest {
    @Test
    void onePass_givesTheTotalsOfPreparingThenAllocating_toTheLastDecimal() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Random r = new Random(seed);
            Allocator allocator = OnePassFixtures.allocator(random, r);
            List<LineItem> items = OnePassFixtures.items(random, r, 1 + r.nextInt(200));

            AllocationRun run = allocator.prepare(items, TagBindings.empty());
            AllocationTotals plain = items.stream().collect(run.toTotals());
            Map<String, String> expected = cells(plain, allocator);
            assertThat(cells(run.allocateAll(items, BillingCalendar.UTC, row -> {})))
                    .as("seed %s: the summary's cells", seed)
                    .isEqualTo(expected);

            AllocationTotals sequential = items.stream().collect(allocator.toTotals(TagBindings.empty()));
            assertThat(cells(sequential, allocator)).as("seed %s", seed).isEqualTo(expected);
            assertThat(sequential.rowCount()).isEqualTo(plain.rowCount());
            assertThat(sequential.itemCount()).isEqualTo(items.size());

            List<LineItem> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, r);
            AllocationTotals parts =
                    OnePassFixtures.inParts(allocator.toTotals(TagBindings.empty()), shuffled, 1 + r.nextInt(7));
            assertThat(cells(parts, allocator))
                    .as("seed %s, shuffled, in parts", seed)
                    .isEqualTo(expected);
            assertThat(parts.rowCount()).isEqualTo(plain.rowCount());

            AllocationTotals parallel = shuffled.parallelStream().collect(allocator.toTotals(TagBindings.empty()));
            assertThat(cells(parallel, allocator)).as("seed %s, parallel", seed).isEqualTo(expected);
        });
    }

    @Test
    void heldItem_sharedByIdAndCostAlone_addsTheTotalsOfItsRows() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Random r = new Random(seed);
            Allocator allocator = OnePassFixtures.allocator(random, r);
            List<LineItem> items = OnePassFixtures.items(random, r, 1 + r.nextInt(200));
            AllocationRun run = allocator.prepare(items, TagBindings.empty());
            TotalsAccumulator byShares = new TotalsAccumulator(allocator);
            TotalsAccumulator byRows = new TotalsAccumulator(allocator);
            for (AllocationRun.Held held : OnePassFixtures.held(allocator, run, items)) {
                if (!run.addShares(held.id(), held.amount(), held.entry(), byShares)) {
                    run.allocate(held, byShares);
                }
                run.allocate(held, byRows);
            }
            assertThat(cells(byShares.toTotals(), allocator))
                    .as("seed %s", seed)
                    .isEqualTo(cells(byRows.toTotals(), allocator));
            assertThat(byShares.toTotals().rowCount())
                    .isEqualTo(byRows.toTotals().rowCount());
        });
    }

    @Test
    @org.junit.jupiter.api.Tag("ALLOC-13")
    void heldItem_followedThroughTheSharingGraphInUnits_addsTheTotalsOfItsRows() {
        int[] throughChains = {0};
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Random r = new Random(seed);
            Allocator allocator = OnePassFixtures.allocator(random, r);
            List<LineItem> items = OnePassFixtures.items(random, r, 1 + r.nextInt(200));
            AllocationRun run = allocator.prepare(items, TagBindings.empty());
            AllocationRun.GraphScratch scratch = new AllocationRun.GraphScratch(allocator);
            TotalsAccumulator byUnits = new TotalsAccumulator(allocator);
            TotalsAccumulator byRows = new TotalsAccumulator(allocator);
            for (AllocationRun.Held held : OnePassFixtures.held(allocator, run, items)) {
                if (run.addSharesThroughGraph(held.id(), held.amount(), held.entry(), byUnits, scratch)) {
                    if (!allocator.terminal[held.entry()]) {
                        throughChains[0]++;
                    }
                } else {
                    run.allocate(held, byUnits);
                }
                run.allocate(held, byRows);
            }
            assertThat(cells(byUnits.toTotals(), allocator))
                    .as("seed %s", seed)
                    .isEqualTo(cells(byRows.toTotals(), allocator));
            assertThat(byUnits.toTotals().rowCount())
                    .as("seed %s", seed)
                    .isEqualTo(byRows.toTotals().rowCount());
        });
        // the path in units was taken by items whose entry rule passes shares on
        assertThat(throughChains[0]).isGreaterThan(200);
    }

    /**
     * A period with thousands of held items: the end of a collection in parts (the held items' rounding tally and
     * their shares) runs in parts on a parallel stream of the caller's pool; the totals are the sequential ones, to
     * the last decimal and scale, on pools of one, two and three threads and in parts on the calling thread.
     */
    @Test
    @Tag("ALLOC-13")
    void manyHeldItems_endedInParts_onAnyThreads_giveTheSequentialTotals() {
        java.util.concurrent.ForkJoinPool[] pools = {
            new java.util.concurrent.ForkJoinPool(1),
            new java.util.concurrent.ForkJoinPool(2),
            new java.util.concurrent.ForkJoinPool(3)
        };
        int[] inParts = {0};
        try {
            qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
                RandomRuleSets random = new RandomRuleSets(seed);
                Random r = new Random(seed);
                Allocator allocator = OnePassFixtures.allocator(random, r);
                List<LineItem> items = OnePassFixtures.items(random, r, 12_000);
                Map<String, String> expected =
                        cells(items.stream().collect(allocator.toTotals(TagBindings.empty())), allocator);
                AllocationRun run = allocator.prepare(items, TagBindings.empty());
                assertThat(cells(items.stream().collect(run.toTotals()), allocator))
                        .as("seed %s: prepared", seed)
                        .isEqualTo(expected);
                if (OnePassFixtures.held(allocator, run, items).size() >= UnitsTally.PARALLEL_MIN) {
                    inParts[0]++;
                }
                List<LineItem> shuffled = new ArrayList<>(items);
                Collections.shuffle(shuffled, r);
                for (java.util.concurrent.ForkJoinPool pool : pools) {
                    AllocationTotals parallel = pool.submit(
                                    () -> shuffled.parallelStream().collect(allocator.toTotals(TagBindings.empty())))
                            .join();
                    assertThat(cells(parallel, allocator))
                            .as("seed %s, %d threads", seed, pool.getParallelism())
                            .isEqualTo(expected);
                    assertThat(parallel.itemCount()).isEqualTo(items.size());
                }
                AllocationTotals parts =
                        OnePassFixtures.inParts(allocator.toTotals(TagBindings.empty()), shuffled, 2 + r.nextInt(6));
                assertThat(cells(parts, allocator))
                        .as("seed %s, in parts", seed)
                        .isEqualTo(expected);
            });
        } finally {
            for (java.util.concurrent.ForkJoinPool pool : pools) {
                pool.shutdown();
            }
        }
        // the end in parts was taken
        assertThat(inParts[0]).isGreaterThanOrEqualTo(2);
    }

    @Test
    void onePass_ofNoItems_isEmpty() {
        Allocator allocator = Allocator.compile(new RandomRuleSets(7).ruleSet());

        AllocationTotals totals = List.<LineItem>of().stream().collect(allocator.toTotals(TagBindings.empty()));

        assertThat(totals.currencies()).isEmpty();
        assertThat(totals.itemCount()).isZero();
        assertThat(totals.rowCount()).isZero();
    }

    @Test
    void aContainerMadeAfterTheFirstCurrencyWasMet_givesOnlyTheCurrenciesOfItsOwnItems() {
        RandomRuleSets random = new RandomRuleSets(11);
        Random r = new Random(11);
        Allocator allocator = OnePassFixtures.allocator(random, r);
        @SuppressWarnings("unchecked")
        CostClassCollector<Object, AllocationTotals> collector = (CostClassCollector<Object, AllocationTotals>)
                (CostClassCollector<?, ?>) allocator.toTotals(TagBindings.empty());
        List<LineItem> placed = OnePassFixtures.items(random, r, 400).stream()
                .filter(i -> collector.classOf(i) >= 0 && !collector.needsId(collector.classOf(i)))
                .toList();
        LineItem cny = placed.stream()
                .filter(i -> i.currency().getCurrencyCode().equals("CNY"))
                .findFirst()
                .orElseThrow();
        LineItem usd = placed.stream()
                .filter(i -> i.currency().getCurrencyCode().equals("USD"))
                .findFirst()
                .orElseThrow();

        // as a file's reader does: a container per part, each row given by its class and cost; the second container
        // is made once the collection met CNY, and takes a USD row only
        Object first = collector.supplier().get();
        collector.addCost(first, collector.classOf(cny), cny.totalCost());
        Object second = collector.supplier().get();
        collector.addCost(second, collector.classOf(usd), usd.totalCost());
        AllocationTotals totals = collector.finisher().apply(second);

        assertThat(totals.currencies()).containsExactly(usd.currency());
        assertThat(cells(totals, allocator))
                .isEqualTo(cells(List.of(usd).stream().collect(allocator.toTotals(TagBindings.empty())), allocator));
    }
}
