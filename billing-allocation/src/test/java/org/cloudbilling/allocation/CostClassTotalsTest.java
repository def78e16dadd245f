package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.allocation.TotalsCells.cells;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.ClassValues;
import org.cloudbilling.core.io.CostClassCollector;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.LineItemCsv;
import org.cloudbilling.core.io.LineItemCsvWriter;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LineItemCsv.collect} of a canonical file into {@link Allocator#toTotals(TagBindings)} places each distinct
 * combination of the cells the rules test once and adds the other rows of a collected or Unallocated placement by
 * their cost alone, without making their items ({@link CostClassCollector}); the rows that enter the sharing graph
 * are told by their id and cost, still without items, and split as before. The totals must be those of the item path to the last decimal, scale
 * included: random rule sets with even, ratio and proportional sharing and chains, refunds, Unallocated items, tags,
 * two currencies and two scales; with a tag history the placement depends on the charge time, and the item path is
 * taken.
 */
@org.junit.jupiter.api.Tag("ALLOC-3")
@org.junit.jupiter.api.Tag("ALLOC-4")
@org.junit.jupiter.api.Tag("ALLOC-5")
@org.junit.jupiter.api.Tag("ALLOC-6")
@org.junit.jupiter.api.Tag("ALLOC-12")
@DisplayName("ALLOC-3 ALLOC-4 ALLOC-5 ALLOC-6 ALLOC-12 totals of a canonical file by cost class equal the item path")
class CostClassTotalsTest {
    private static final Currency USD = Currency.getInstance("USD");

    @TempDir
    Path dir;

    /** The generated items, about one in five moved to USD, one in three given one of a few resources. */
    private static List<LineItem> items(RandomRuleSets random, Random r, int count) {
        List<LineItem> items = new ArrayList<>();
        for (LineItem item : random.items(count)) {
            LineItem.Builder b = LineItem.builder().from(item);
            if (r.nextInt(5) == 0) {
                Money usd = Money.of(USD, item.totalCost().amount());
                b.listCost(usd).totalCost(usd);
            }
            if (r.nextInt(3) == 0) {
                b.resourceId(ResourceId.of("ins-" + r.nextInt(4)));
            }
            items.add(b.build());
        }
        return items;
    }

    private Path write(List<LineItem> items, String name) throws IOException {
        Path csv = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                LineItemCsvWriter writer = LineItemCsv.writer(out)) {
            items.forEach(writer::write);
        }
        return csv;
    }

    /** {@code collector} counting the rows it is given by their cost alone in {@code costs}. */
    private static <A, R> CostClassCollector<A, R> counted(CostClassCollector<A, R> collector, LongAdder costs) {
        return counted(collector, costs, new LongAdder(), new LongAdder(), true);
    }

    /**
     * {@code collector} counting the rows it is given by their cost alone in {@code costs}, those given by their
     * id and cost in {@code byId}, and the combinations it classes by their values in {@code byValues}; with
     * {@code values} false it asks for an item of each combination instead ({@link CostClassCollector#ASK_ITEM}) and
     * passes each cost on as {@code Money} rather than as the parts of a decimal.
     */
    private static <A, R> CostClassCollector<A, R> counted(
            CostClassCollector<A, R> collector, LongAdder costs, LongAdder byId, LongAdder byValues, boolean values) {
        return new CostClassCollector<>() {
            @Override
            public Set<LineItemField> classFields() {
                return collector.classFields();
            }

            @Override
            public int classOf(LineItem item) {
                return collector.classOf(item);
            }

            @Override
            public int classOf(ClassValues v) {
                if (!values) {
                    return ASK_ITEM;
                }
                byValues.increment();
                return collector.classOf(v);
            }

            @Override
            public void addCost(A container, int costClass, Money totalCost) {
                costs.increment();
                collector.addCost(container, costClass, totalCost);
            }

            /**
             * The run that classes by values passes the cost on as the reader gives it, the parts of a decimal; the
             * run that classes by items passes it on as {@code Money}: both ways of adding a cost are compared.
             */
            @Override
            public void addCost(A container, int costClass, Currency currency, long unscaled, int scale) {
                costs.increment();
                if (values) {
                    collector.addCost(container, costClass, currency, unscaled, scale);
                } else {
                    collector.addCost(container, costClass, Money.ofUnscaled(currency, unscaled, scale));
                }
            }

            @Override
            public boolean needsId(int costClass) {
                return collector.needsId(costClass);
            }

            @Override
            public void addCost(A container, int costClass, LineItemId id, Money totalCost) {
                byId.increment();
                collector.addCost(container, costClass, id, totalCost);
            }

            @Override
            public Supplier<A> supplier() {
                return collector.supplier();
            }

            @Override
            public BiConsumer<A, LineItem> accumulator() {
                return collector.accumulator();
            }

            @Override
            public BinaryOperator<A> combiner() {
                return collector.combiner();
            }

            @Override
            public Function<A, R> finisher() {
                return collector.finisher();
            }

            @Override
            public Set<Characteristics> characteristics() {
                return collector.characteristics();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static CostClassCollector<Object, AllocationTotals> classed(Allocator allocator, TagBindings tags) {
        Collector<LineItem, ?, AllocationTotals> c = allocator.toTotals(tags);
        assertThat(c).isInstanceOf(CostClassCollector.class);
        return (CostClassCollector<Object, AllocationTotals>) c;
    }

    @Test
    void totalsOfAFile_byCostClass_areTheItemPaths_toTheLastDecimal() throws IOException {
        long classedRows = 0;
        long sharedRows = 0;
        LongAdder byValues = new LongAdder();
        for (long seed = 1; seed <= 120; seed++) {
            RandomRuleSets random = new RandomRuleSets(seed);
            Random r = new Random(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            List<LineItem> items = items(random, r, 1 + r.nextInt(300));
            Path csv = write(items, "items" + seed + ".csv");

            // the item path: every row made an item (a plain collector), and the items in memory
            AllocationTotals plain = LineItemCsv.collect(
                    csv,
                    StandardCharsets.UTF_8,
                    FormulaGuard.ON,
                    Collectors.mapping(i -> i, allocator.toTotals(TagBindings.empty())));
            Map<String, String> expected = cells(plain, allocator);
            assertThat(cells(items.stream().collect(allocator.toTotals(TagBindings.empty())), allocator))
                    .as("seed %s: the items in memory", seed)
                    .isEqualTo(expected);

            LongAdder costs = new LongAdder();
            LongAdder byId = new LongAdder();
            AllocationTotals byClass = LineItemCsv.collect(
                    csv,
                    StandardCharsets.UTF_8,
                    FormulaGuard.ON,
                    counted(classed(allocator, TagBindings.empty()), costs, byId, byValues, true));

            assertThat(cells(byClass, allocator)).as("seed %s", seed).isEqualTo(expected);
            // and each combination classed from an item of it, as a collector that asks for items does
            AllocationTotals byItemClass = LineItemCsv.collect(
                    csv,
                    StandardCharsets.UTF_8,
                    FormulaGuard.ON,
                    counted(
                            classed(allocator, TagBindings.empty()),
                            new LongAdder(),
                            new LongAdder(),
                            new LongAdder(),
                            false));
            assertThat(cells(byItemClass, allocator))
                    .as("seed %s: classed by items", seed)
                    .isEqualTo(expected);
            // and the plain Allocator path: prepare over the items, its rounding tallied item by item as Money
            AllocationRun run = allocator.prepare(items, TagBindings.empty());
            assertThat(cells(items.stream().collect(run.toTotals()), allocator))
                    .as("seed %s: prepare", seed)
                    .isEqualTo(expected);
            assertThat(byClass.itemCount()).isEqualTo(items.size());
            assertThat(byClass.rowCount()).isEqualTo(plain.rowCount());
            classedRows += costs.sum();
            sharedRows += byId.sum();
        }
        // the fast path was taken, and the sharing graph reached by rows told by their id and cost, without items
        assertThat(classedRows).isGreaterThan(5_000);
        assertThat(sharedRows).isGreaterThan(1_000);
        assertThat(byValues.sum()).as("combinations classed by their values").isGreaterThan(1_000);
    }

    /** The values of an item's class fields, as a reader gives them. */
    private static ClassValues valuesOf(LineItem item) {
        return new ClassValues() {
            @Override
            public String text(LineItemField field) {
                return field.text(item);
            }

            @Override
            public Map<org.cloudbilling.core.id.TagKey, String> tags() {
                return item.tags();
            }
        };
    }

    @Test
    void theClassOfAnItemsValues_isTheClassOfTheItem() {
        long compared = 0;
        for (long seed = 1; seed <= 200; seed++) {
            RandomRuleSets random = new RandomRuleSets(seed);
            Random r = new Random(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            CostClassCollector<Object, AllocationTotals> classed = classed(allocator, TagBindings.empty());
            for (LineItem item : items(random, r, 50)) {
                assertThat(classed.classOf(valuesOf(item)))
                        .as("seed %s, item %s", seed, item.id())
                        .isEqualTo(classed.classOf(item));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(200 * 50);
    }

    @Test
    void totalsOfAFile_withATagHistory_takeTheItemPath_andAreTheSame() throws IOException {
        for (long seed = 1; seed <= 40; seed++) {
            RandomRuleSets random = new RandomRuleSets(seed);
            Random r = new Random(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            List<LineItem> items = items(random, r, 1 + r.nextInt(200));
            // ins-0 is tagged team=data until mid-September, team=ml after: the charge time decides
            Instant mid = Instant.parse("2024-09-15T00:00:00Z");
            TagBindings history = TagBindings.of(List.of(
                    TagBinding.of(ResourceId.of("ins-0"), Tag.of("team", "data"), Instant.EPOCH)
                            .endedAt(mid, TagBinding.End.UNBOUND),
                    TagBinding.of(ResourceId.of("ins-0"), Tag.of("team", "ml"), mid)));
            Path csv = write(items, "items" + seed + ".csv");

            Collector<LineItem, ?, AllocationTotals> totals = allocator.toTotals(history);
            AllocationTotals fromFile = LineItemCsv.collect(csv, StandardCharsets.UTF_8, FormulaGuard.ON, totals);

            if (allocator.keyTags.length > 0) {
                assertThat(totals).as("seed %s", seed).isNotInstanceOf(CostClassCollector.class);
            }
            AllocationRun run = allocator.prepare(items, history);
            assertThat(cells(fromFile, allocator))
                    .as("seed %s", seed)
                    .isEqualTo(cells(items.stream().collect(run.toTotals()), allocator));
        }
    }

    @Test
    void aBadRow_afterRowsTotalledByClass_isRefusedAsByTheItemPath() throws IOException {
        RandomRuleSets random = new RandomRuleSets(3);
        Allocator allocator = Allocator.compile(random.ruleSet());
        Path csv = write(random.items(500), "items.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        lines.set(400, lines.get(400).replace(",CNY,", ",XXQ,"));
        Files.write(csv, lines, StandardCharsets.UTF_8);

        BillingInputException plain = (BillingInputException) catchFrom(() -> LineItemCsv.collect(
                csv,
                StandardCharsets.UTF_8,
                FormulaGuard.ON,
                Collectors.mapping(i -> i, allocator.toTotals(TagBindings.empty()))));
        assertThatThrownBy(() -> LineItemCsv.collect(
                        csv, StandardCharsets.UTF_8, FormulaGuard.ON, classed(allocator, TagBindings.empty())))
                .isInstanceOf(BillingInputException.class)
                .hasMessage(plain.getMessage())
                .hasMessageContaining("401");
    }

    private static Throwable catchFrom(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("no error");
    }
}
