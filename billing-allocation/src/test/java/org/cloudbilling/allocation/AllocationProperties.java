package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Invariants of allocation over random rule sets and items, refunds included. A failure prints its seed. */
class AllocationProperties {
    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    @Tag("ALLOC-2")
    @Tag("ALLOC-3")
    void index_findsTheSameFirstAndAllMatchesAsALinearScan() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            List<Condition> conditions = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                conditions.add(random.condition(3));
            }
            RuleIndex index = new RuleIndex(conditions);
            List<CompiledCondition> linear = conditions.stream()
                    .map(c -> CompiledCondition.of(c, new TagKey[0]))
                    .toList();
            // the same index over views made from placement keys, whose tags are read by their place
            AllocationDimension[] dimensions = java.util.Arrays.stream(AllocationDimension.values())
                    .filter(d -> d != AllocationDimension.TAG)
                    .toArray(AllocationDimension[]::new);
            TagKey[] keyTags = conditions.stream()
                    .flatMap(c -> tagKeysOf(c).stream())
                    .distinct()
                    .sorted(java.util.Comparator.comparing(TagKey::value))
                    .toArray(TagKey[]::new);
            RuleIndex byPlace = new RuleIndex(conditions, keyTags);
            for (LineItem item : random.items(50)) {
                ItemView view = new ItemView(item, TagBindings.empty());
                String[] key = new String[dimensions.length + keyTags.length];
                for (int d = 0; d < dimensions.length; d++) {
                    key[d] = dimensions[d].valueOf(item);
                }
                for (int t = 0; t < keyTags.length; t++) {
                    key[dimensions.length + t] = item.tags().get(keyTags[t]);
                }
                ItemView keyView = new ItemView(item, dimensions, key, new RuleIndex.MatchScratch());
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < linear.size(); i++) {
                    if (linear.get(i).test(view)) {
                        all.add(i);
                    }
                }
                assertThat(index.allMatches(view)).isEqualTo(all);
                assertThat(index.firstMatch(view)).isEqualTo(all.isEmpty() ? -1 : all.get(0));
                assertThat(byPlace.firstMatch(keyView)).isEqualTo(all.isEmpty() ? -1 : all.get(0));
            }
        });
    }

    private static List<TagKey> tagKeysOf(Condition c) {
        if (c instanceof Condition.In in) {
            return in.tagKey().stream().toList();
        }
        List<Condition> parts = c instanceof Condition.And and ? and.conditions() : ((Condition.Or) c).conditions();
        return parts.stream().flatMap(p -> tagKeysOf(p).stream()).toList();
    }

    @Test
    @Tag("ALLOC-6")
    @Tag("ALLOC-4")
    void everyItem_andThePeriod_areConservedExactly() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            AllocationRuleSet rules = random.ruleSet();
            List<LineItem> items = random.items(60);
            AllocationBill bill = Allocation.allocate(rules, items, TagBindings.empty(), BillingCalendar.TENCENT);
            for (LineItem item : items) {
                List<AllocatedRow> rows = bill.rowsOf(item.id());
                assertThat(rows).as("every item is kept").isNotEmpty();
                assertThat(Money.total(
                                CNY, rows.stream().map(AllocatedRow::amount).toList()))
                        .isEqualTo(item.totalCost());
                // a share has the item's decimals, or up to the allocation scale's when it needs them (MONEY-6)
                rows.forEach(r -> assertThat(r.amount().scale())
                        .isBetween(
                                item.totalCost().scale(),
                                Math.max(
                                        Allocator.DEFAULT_ALLOCATION_SCALE,
                                        item.totalCost().scale())));
            }
            Money source =
                    Money.total(CNY, items.stream().map(LineItem::totalCost).toList());
            assertThat(bill.summary().allocatedTotal(CNY)).isEqualTo(source);
            for (Breakdown b : Breakdown.values()) {
                assertThat(Money.total(
                                CNY,
                                bill.summary().by(b).stream()
                                        .map(SummaryRow::amount)
                                        .toList()))
                        .isEqualTo(source);
            }
        });
    }

    @Test
    void results_doNotDependOnItemOrder_norOnParallelism() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            AllocationRuleSet rules = random.ruleSet();
            List<LineItem> items = random.items(200);
            List<LineItem> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, new Random(seed));
            Allocator allocator = Allocator.compile(rules);

            AllocationRun run = allocator.prepare(items, TagBindings.empty());
            AllocationSummary sequential = run.allocateAll(items, BillingCalendar.TENCENT, row -> {});
            AllocationRun shuffledRun = allocator.prepare(shuffled, TagBindings.empty());
            AllocationSummary reordered = shuffledRun.allocateAll(shuffled, BillingCalendar.TENCENT, row -> {});
            AllocationSummary parallel = shuffled.parallelStream().collect(run.toSummary(BillingCalendar.TENCENT));

            assertThat(reordered).isEqualTo(sequential);
            assertThat(parallel).isEqualTo(sequential);
            for (LineItem item : items) {
                assertThat(shuffledRun.allocate(item)).isEqualTo(run.allocate(item));
            }
        });
    }

    @Test
    @Tag("ALLOC-5")
    void prepare_onAParallelStream_givesTheBasesAndRowsOfASequentialPass() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            List<LineItem> items = random.items(300);

            AllocationRun sequential = allocator.prepare(items, TagBindings.empty());
            AllocationRun parallel = allocator.prepare(items.parallelStream(), TagBindings.empty());

            assertThat(parallel.collectedCost(java.util.Currency.getInstance("CNY")))
                    .isEqualTo(sequential.collectedCost(java.util.Currency.getInstance("CNY")));
            for (LineItem item : items) {
                assertThat(parallel.allocate(item)).isEqualTo(sequential.allocate(item));
            }
        });
    }

    @Test
    @Tag("ALLOC-5")
    @Tag("MONEY-4")
    void evenSharing_givesPartsWithinOneSmallestUnit() {
        qt().forAll(
                        longs().between(-10_000_000_000L, 10_000_000_000L),
                        integers().between(1, 9))
                .checkAssert((units, n) -> {
                    List<AllocationUnit> tree = new ArrayList<>(List.of(AllocationUnit.root("root", "Root")));
                    List<UnitId> targets = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        tree.add(AllocationUnit.child("t" + i, "T", "root"));
                        targets.add(UnitId.of("t" + i));
                    }
                    AllocationRuleSet rules = AllocationRuleSet.of(
                            tree,
                            List.of(),
                            List.of(SharingRule.even(
                                    "s",
                                    SharingSource.matching(Condition.in(AllocationDimension.OWNER_UIN, "o")),
                                    targets)),
                            Set.of());
                    LineItem item = WorkedExample.item(
                            "i",
                            "o",
                            "p",
                            null,
                            "2024-09-05T10:00",
                            BigDecimal.valueOf(units, 8).toPlainString(),
                            null);
                    List<AllocatedRow> rows = Allocator.compile(rules)
                            .prepare(List.of(item), TagBindings.empty())
                            .allocate(item);
                    long max = rows.stream()
                            .mapToLong(r -> r.amount().amount().unscaledValue().longValueExact())
                            .max()
                            .orElseThrow();
                    long min = rows.stream()
                            .mapToLong(r -> r.amount().amount().unscaledValue().longValueExact())
                            .min()
                            .orElseThrow();
                    assertThat(rows).hasSize(n);
                    assertThat(max - min).isLessThanOrEqualTo(1);
                });
    }

    @Test
    @Tag("ALLOC-5")
    void ratios_areAccepted_exactlyWhenTheyAddUpTo100() {
        qt().forAll(
                        integers().between(0, 10_000),
                        integers().between(0, 10_000),
                        integers().between(-3, 3))
                .checkAssert((a, b, off) -> {
                    int c = 10_000 - Math.min(10_000, a + b) + off;
                    Map<UnitId, BigDecimal> pct = new LinkedHashMap<>();
                    pct.put(UnitId.of("x"), BigDecimal.valueOf(a, 2));
                    pct.put(UnitId.of("y"), BigDecimal.valueOf(Math.min(b, 10_000 - Math.min(a, 10_000)), 2));
                    pct.put(UnitId.of("z"), BigDecimal.valueOf(c, 2));
                    BigDecimal sum = pct.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    List<AllocationUnit> units = List.of(
                            AllocationUnit.root("r", "R"),
                            AllocationUnit.child("x", "X", "r"),
                            AllocationUnit.child("y", "Y", "r"),
                            AllocationUnit.child("z", "Z", "r"));
                    SharingRule rule = SharingRule.ratio(
                            "s", SharingSource.matching(Condition.in(AllocationDimension.OWNER_UIN, "o")), pct);
                    boolean negative = pct.values().stream().anyMatch(p -> p.signum() < 0);
                    if (sum.compareTo(BigDecimal.valueOf(100)) == 0 && !negative) {
                        assertThat(AllocationRuleSet.of(units, List.of(), List.of(rule), Set.of())
                                        .sharingRules())
                                .containsExactly(rule);
                    } else {
                        assertThatThrownBy(() -> AllocationRuleSet.of(units, List.of(), List.of(rule), Set.of()))
                                .isInstanceOf(RuleSetException.class);
                    }
                });
    }
}
