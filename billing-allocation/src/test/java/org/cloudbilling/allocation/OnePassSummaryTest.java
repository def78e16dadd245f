package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.allocation.OnePassFixtures.items;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link Allocator#toSummary(BillingCalendar, TagBindings)} reads a period once; preparing the run and summarizing
 * every item reads it twice. Both must give the same summary, every row in the same order with the same amount to
 * the last decimal, scale included, whatever the order of the items and however they are split between containers:
 * random rule sets with even, ratio and proportional sharing (with either fallback), chains of sharing rules,
 * refunds, two scales of amounts, two currencies, and allocation scales 0, 2 and 8.
 */
@Tag("ALLOC-5")
@Tag("ALLOC-8")
@Tag("ALLOC-12")
@DisplayName("ALLOC-5 ALLOC-8 ALLOC-12 one pass to the summary equals preparing then summarizing")
class OnePassSummaryTest {
    /** Every row of every table of {@code summary}, amounts written with their scale, and its source totals. */
    static List<String> strict(AllocationSummary summary) {
        List<String> out = new ArrayList<>();
        out.add("items " + summary.itemCount());
        summary.sourceTotals().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.comparing(Currency::getCurrencyCode)))
                .forEach(e -> out.add(
                        "source " + e.getKey() + " " + e.getValue().amount().toPlainString()));
        summary.byUnit().forEach(r -> out.add("unit " + row(r)));
        for (Breakdown b : Breakdown.values()) {
            summary.by(b).forEach(r -> out.add(b + " " + row(r)));
        }
        return out;
    }

    private static String row(SummaryRow r) {
        return r.unit().map(UnitId::value).orElse("-") + " " + r.type() + " "
                + r.value().orElse("-") + " " + r.amount().currency() + " "
                + r.amount().amount().toPlainString();
    }

    @Test
    void onePass_givesTheSummaryOfPreparingThenSummarizing_toTheLastDecimal() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Random r = new Random(seed);
            Allocator allocator = OnePassFixtures.allocator(random, r);
            List<LineItem> items = OnePassFixtures.items(random, r, 1 + r.nextInt(200));
            BillingCalendar calendar = r.nextBoolean() ? BillingCalendar.UTC : BillingCalendar.TENCENT;

            AllocationRun run = allocator.prepare(items, TagBindings.empty());
            AllocationSummary expected = items.stream().collect(run.toSummary(calendar));

            AllocationSummary sequential = items.stream().collect(allocator.toSummary(calendar, TagBindings.empty()));
            assertThat(strict(sequential)).as("seed %s", seed).isEqualTo(strict(expected));
            assertThat(sequential).isEqualTo(expected);

            List<LineItem> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, r);
            AllocationSummary parts = OnePassFixtures.inParts(
                    allocator.toSummary(calendar, TagBindings.empty()), shuffled, 1 + r.nextInt(7));
            assertThat(strict(parts)).as("seed %s, shuffled, in parts", seed).isEqualTo(strict(expected));

            AllocationSummary parallel =
                    shuffled.parallelStream().collect(allocator.toSummary(calendar, TagBindings.empty()));
            assertThat(strict(parallel)).as("seed %s, parallel", seed).isEqualTo(strict(expected));
        });
    }

    @Test
    @Tag("ALLOC-13")
    void heldItem_followedThroughTheSharingGraphInUnits_addsTheCellsOfItsRows() {
        int[] inUnits = {0};
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Random r = new Random(seed);
            Allocator allocator = OnePassFixtures.allocator(random, r);
            List<LineItem> items = new ArrayList<>();
            for (LineItem item : items(random, r, 1 + r.nextInt(200))) {
                // some amounts whose shares' sums go beyond a long: the cells add them as money
                Money cost = r.nextInt(10) > 0
                        ? item.totalCost()
                        : Money.ofUnscaled(item.currency(), Long.MAX_VALUE / (1 + r.nextInt(3)), 8);
                items.add(LineItem.builder()
                        .from(item)
                        .listCost(cost)
                        .totalCost(cost)
                        .build());
            }
            BillingCalendar calendar = r.nextBoolean() ? BillingCalendar.UTC : BillingCalendar.TENCENT;
            AllocationRun run = allocator.prepare(items, TagBindings.empty());
            PlacementCache placements = run.placements();
            AllocationRun.GraphScratch scratch = new AllocationRun.GraphScratch(allocator);
            SummaryAccumulator byUnits =
                    new SummaryAccumulator(allocator.rules.units(), allocator.unitOrder, calendar, null);
            SummaryAccumulator byRows =
                    new SummaryAccumulator(allocator.rules.units(), allocator.unitOrder, calendar, null);
            for (LineItem item : items) {
                int entry = OnePassFixtures.entry(allocator, placements, item);
                if (entry < 0) {
                    continue;
                }
                if (run.addSharesThroughGraph(item.id(), item.totalCost(), entry, byUnits.sharesOf(item), scratch)) {
                    inUnits[0]++;
                } else {
                    run.allocateEntered(item, entry, byUnits);
                }
                run.allocateEntered(item, entry, byRows);
            }
            assertThat(strict(byUnits.toSummary())).as("seed %s", seed).isEqualTo(strict(byRows.toSummary()));
        });
        assertThat(inUnits[0]).isGreaterThan(1000);
    }

    /**
     * The fast summary against the plainest one: every item allocated row by row ({@link AllocationRun#allocate}),
     * each row added to a map keyed by (unit, type, breakdown value, currency) with {@link Money#plus}, each table
     * sorted by the documented order (Unallocated first, then units by id; type; no value first, then values;
     * currency code). The items carry resources and components (some none), starts on many days of two months in
     * UTC, some starts with nanoseconds, and some amounts whose sums go beyond a long; summarized in one pass on one
     * thread, in parts and in parallel. Fails if a cell's key loses or mixes any of its parts.
     */
    @Test
    void fastSummary_equalsTheRowsGroupedOneByOne() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Random r = new Random(seed);
            Allocator allocator = OnePassFixtures.allocator(random, r);
            List<LineItem> items = new ArrayList<>();
            for (LineItem item : items(random, r, 1 + r.nextInt(250))) {
                LineItem.Builder b = LineItem.builder().from(item);
                if (r.nextInt(4) > 0) {
                    b.resourceId(ResourceId.of("ins-" + r.nextInt(1 + r.nextInt(40))));
                }
                if (r.nextInt(3) > 0) {
                    b.itemCode(ItemCode.of("c" + r.nextInt(5)));
                }
                if (r.nextInt(10) == 0) {
                    Instant start = item.feePeriod().start().plusNanos(1 + r.nextInt(999_999_999));
                    b.feePeriod(Interval.of(start, start.plusSeconds(3600)));
                }
                if (r.nextInt(20) == 0) {
                    Money cost = Money.ofUnscaled(item.currency(), Long.MAX_VALUE / (1 + r.nextInt(3)), 8);
                    b.listCost(cost).totalCost(cost);
                }
                items.add(b.build());
            }
            BillingCalendar calendar = r.nextBoolean() ? BillingCalendar.UTC : BillingCalendar.TENCENT;

            List<String> expected = groupedOneByOne(allocator, items, calendar);
            assertThat(strict(items.stream().collect(allocator.toSummary(calendar, TagBindings.empty()))))
                    .as("seed %s", seed)
                    .isEqualTo(expected);
            List<LineItem> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, r);
            assertThat(strict(OnePassFixtures.inParts(
                            allocator.toSummary(calendar, TagBindings.empty()), shuffled, 1 + r.nextInt(7))))
                    .as("seed %s, in parts", seed)
                    .isEqualTo(expected);
            assertThat(strict(shuffled.parallelStream().collect(allocator.toSummary(calendar, TagBindings.empty()))))
                    .as("seed %s, parallel", seed)
                    .isEqualTo(expected);
        });
    }

    /** A row's key in the plain summary: unit (null for Unallocated), type, value (null for none), currency. */
    private record PlainKey(String unit, AllocationType type, String value, Currency currency) {}

    private static final java.util.Comparator<String> NULLS_FIRST =
            java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());

    private static final java.util.Comparator<PlainKey> DOCUMENTED_ORDER = java.util.Comparator.comparing(
                    PlainKey::unit, NULLS_FIRST)
            .thenComparing(PlainKey::type)
            .thenComparing(PlainKey::value, NULLS_FIRST)
            .thenComparing(k -> k.currency().getCurrencyCode());

    /** {@link #strict} of the summary made row by row, without the library's cells. */
    private static List<String> groupedOneByOne(Allocator allocator, List<LineItem> items, BillingCalendar calendar) {
        AllocationRun run = allocator.prepare(items, TagBindings.empty());
        java.util.Map<Currency, Money> sources =
                new java.util.TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
        java.util.Map<PlainKey, Money> byUnit = new java.util.TreeMap<>(DOCUMENTED_ORDER);
        java.util.Map<Breakdown, java.util.Map<PlainKey, Money>> by = new java.util.EnumMap<>(Breakdown.class);
        for (Breakdown b : Breakdown.values()) {
            by.put(b, new java.util.TreeMap<>(DOCUMENTED_ORDER));
        }
        for (LineItem item : items) {
            sources.merge(item.currency(), item.totalCost(), Money::plus);
            for (AllocatedRow row : run.allocate(item)) {
                String unit = row.unit().map(UnitId::value).orElse(null);
                Currency currency = row.amount().currency();
                byUnit.merge(new PlainKey(unit, row.type(), null, currency), row.amount(), Money::plus);
                for (Breakdown b : Breakdown.values()) {
                    String value = switch (b) {
                        case PRODUCT -> item.businessCode().value();
                        case RESOURCE ->
                            item.resourceId().map(ResourceId::value).orElse(null);
                        case COMPONENT -> item.itemCode().map(ItemCode::value).orElse(null);
                        case DAY -> calendar.dayOf(item.feePeriod().start()).toString();
                        case MONTH -> calendar.monthOf(item.feePeriod().start()).toString();
                    };
                    by.get(b).merge(new PlainKey(unit, row.type(), value, currency), row.amount(), Money::plus);
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add("items " + items.size());
        sources.forEach((c, m) -> out.add("source " + c + " " + m.amount().toPlainString()));
        byUnit.forEach((k, m) -> out.add("unit " + plainRow(k, m)));
        for (Breakdown b : Breakdown.values()) {
            by.get(b).forEach((k, m) -> out.add(b + " " + plainRow(k, m)));
        }
        return out;
    }

    private static String plainRow(PlainKey k, Money m) {
        return (k.unit() == null ? "-" : k.unit()) + " " + k.type() + " " + (k.value() == null ? "-" : k.value()) + " "
                + k.currency() + " " + m.amount().toPlainString();
    }

    /**
     * A breakdown's rows are made when first asked for: read from several threads at once, every thread gets the same
     * rows (one list, made once), equal to those of a summary whose rows are read one breakdown at a time, and equal
     * summaries stay equal with equal hash codes whichever rows were read before.
     */
    @Test
    void breakdownRows_madeWhenAskedFor_areTheSameFromEveryThread() throws Exception {
        RandomRuleSets random = new RandomRuleSets(11);
        Random r = new Random(11);
        Allocator allocator = Allocator.compile(random.ruleSet(), 2);
        List<LineItem> items = items(random, r, 400);
        AllocationSummary shared =
                items.stream().collect(allocator.toSummary(BillingCalendar.UTC, TagBindings.empty()));
        AllocationSummary alone = items.stream().collect(allocator.toSummary(BillingCalendar.UTC, TagBindings.empty()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<List<List<SummaryRow>>>> reads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    List<List<SummaryRow>> rows = new ArrayList<>();
                    for (Breakdown b : Breakdown.values()) {
                        rows.add(shared.by(b));
                    }
                    return rows;
                }));
            }
            start.countDown();
            List<List<SummaryRow>> first = reads.get(0).get();
            for (java.util.concurrent.Future<List<List<SummaryRow>>> read : reads) {
                List<List<SummaryRow>> rows = read.get();
                for (int b = 0; b < rows.size(); b++) {
                    assertThat(rows.get(b)).isSameAs(first.get(b));
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(alone.by(Breakdown.DAY)).isEqualTo(shared.by(Breakdown.DAY));
        assertThat(alone.hashCode()).isEqualTo(shared.hashCode());
        assertThat(alone).isEqualTo(shared);
        assertThat(strict(alone)).isEqualTo(strict(shared));
        assertThat(shared.by(Breakdown.MONTH)).isNotEmpty();
    }

    @Test
    void onePass_ofNoItems_isTheEmptySummary() {
        RandomRuleSets random = new RandomRuleSets(7);
        Allocator allocator = Allocator.compile(random.ruleSet());
        AllocationSummary empty =
                List.<LineItem>of().stream().collect(allocator.toSummary(BillingCalendar.UTC, TagBindings.empty()));

        assertThat(empty.itemCount()).isZero();
        assertThat(empty.byUnit()).isEmpty();
        assertThat(strict(empty))
                .isEqualTo(strict(List.<LineItem>of().stream()
                        .collect(allocator
                                .prepare(List.of(), TagBindings.empty())
                                .toSummary(BillingCalendar.UTC))));
    }
}
