package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The placement cache and the totals collector are fast paths: they must give exactly what matching every item
 * and adding up its rows gives, whatever the tag history (a resource re-tagged mid-month places its items by the
 * tags at each item's charge time).
 */
@org.junit.jupiter.api.Tag("ALLOC-3")
@org.junit.jupiter.api.Tag("ALLOC-6")
@DisplayName("ALLOC-3 ALLOC-6 cached placements and primitive totals equal the plain path")
class PlacementCacheTest {
    @Test
    void cachedPlacement_equalsMatchingEveryItem() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            RetaggedPeriod p = RetaggedPeriod.of(random, seed, 120);
            PlacementCache cache = new PlacementCache(allocator, p.history());
            for (LineItem item : p.items()) {
                assertThat(cache.placementOf(item))
                        .as("seed %s, item %s", seed, item.id())
                        .isEqualTo(AllocationRun.placement(allocator, new ItemView(item, p.history())));
            }
        });
    }

    @Test
    void totals_equalTheRowsAddedUp() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            RetaggedPeriod p = RetaggedPeriod.of(random, seed, 120);
            assertTotalsEqualRows(seed, allocator, p);
        });
    }

    /**
     * Shared items are added to the totals as units, without rows: amounts of 0 to 12 decimals (more than the
     * allocation scale, trailing zeros too), near the largest long, negative, give what their rows add up to.
     */
    @Test
    void totals_equalTheRowsAddedUp_forAmountsOfAnySize() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            RetaggedPeriod p = RetaggedPeriod.of(random, seed, 120);
            Random r = new Random(seed);
            List<LineItem> items = new ArrayList<>();
            for (LineItem item : p.items()) {
                long units = switch (r.nextInt(4)) {
                    case 0 -> Long.MAX_VALUE - r.nextInt(1000);
                    case 1 -> r.nextLong() >>> r.nextInt(64);
                    case 2 -> r.nextInt(1000) * 10_000L;
                    default -> r.nextInt(1_000_000);
                };
                Money amount = Money.ofUnscaled(RandomRuleSetsCny.CNY, r.nextBoolean() ? -units : units, r.nextInt(13));
                items.add(LineItem.builder()
                        .from(item)
                        .listCost(amount)
                        .totalCost(amount)
                        .build());
            }
            assertTotalsEqualRows(seed, allocator, new RetaggedPeriod(items, p.history()));
        });
    }

    private static void assertTotalsEqualRows(long seed, Allocator allocator, RetaggedPeriod p) {
        {
            AllocationRun run = allocator.prepare(p.items(), p.history());
            Map<Optional<UnitId>, Map<AllocationType, Money>> expected = new HashMap<>();
            long rows = 0;
            for (LineItem item : p.items()) {
                for (AllocatedRow row : run.allocate(item)) {
                    expected.computeIfAbsent(row.unit(), u -> new EnumMap<>(AllocationType.class))
                            .merge(row.type(), row.amount(), Money::plus);
                    rows++;
                }
            }
            AllocationTotals totals = p.items().parallelStream().collect(run.toTotals());
            assertThat(totals.rowCount()).isEqualTo(rows);
            assertThat(totals.itemCount()).isEqualTo(p.items().size());
            for (UnitId unit : allocator.unitOrder) {
                for (AllocationType type : AllocationType.values()) {
                    Optional<Money> want = Optional.ofNullable(
                            expected.getOrDefault(Optional.of(unit), Map.of()).get(type));
                    Optional<Money> got = totals.total(Optional.of(unit), type, RandomRuleSetsCny.CNY);
                    assertThat(got.map(m -> m.amount().toPlainString()))
                            .as("seed %s, %s %s", seed, unit, type)
                            .isEqualTo(want.map(m -> m.amount().toPlainString()));
                }
            }
            Optional<Money> unallocated = Optional.ofNullable(
                    expected.getOrDefault(Optional.empty(), Map.of()).get(AllocationType.UNALLOCATED));
            assertThat(totals.total(Optional.empty(), AllocationType.UNALLOCATED, RandomRuleSetsCny.CNY)
                            .map(m -> m.amount().toPlainString()))
                    .isEqualTo(unallocated.map(m -> m.amount().toPlainString()));
        }
    }

    /**
     * ALLOC-8: the summary, whose cells are found by dictionary numbers and merged across threads, gives for every
     * breakdown exactly the rows grouped by unit, type and the breakdown's value read from the item by hand.
     */
    @Test
    @org.junit.jupiter.api.Tag("ALLOC-8")
    void summary_equalsTheRowsGroupedByHand() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            RetaggedPeriod p = RetaggedPeriod.of(random, seed, 120);
            AllocationRun run = allocator.prepare(p.items(), p.history());
            org.cloudbilling.core.time.BillingCalendar calendar = org.cloudbilling.core.time.BillingCalendar.TENCENT;
            AllocationSummary summary = p.items().parallelStream().collect(run.toSummary(calendar));
            for (Breakdown b : Breakdown.values()) {
                Map<String, Money> expected = new HashMap<>();
                for (LineItem item : p.items()) {
                    String value = switch (b) {
                        case PRODUCT -> item.businessCode().value();
                        case RESOURCE -> item.resourceId().map(r -> r.value()).orElse(null);
                        case COMPONENT -> item.itemCode().map(c -> c.value()).orElse(null);
                        case DAY -> calendar.dayOf(item.feePeriod().start()).toString();
                        case MONTH -> calendar.monthOf(item.feePeriod().start()).toString();
                    };
                    for (AllocatedRow row : run.allocate(item)) {
                        expected.merge(
                                row.unit().map(UnitId::value).orElse("-") + " " + row.type() + " " + value,
                                row.amount(),
                                Money::plus);
                    }
                }
                Map<String, String> want = new HashMap<>();
                expected.forEach((k, v) -> want.put(k, v.amount().toPlainString()));
                Map<String, String> got = new HashMap<>();
                for (SummaryRow row : summary.by(b)) {
                    got.put(
                            row.unit().map(UnitId::value).orElse("-") + " " + row.type() + " "
                                    + row.value().orElse(null),
                            row.amount().amount().toPlainString());
                }
                assertThat(got).as("seed %s, by %s", seed, b).isEqualTo(want);
            }
        });
    }

    /** The currency of the generated items. */
    private static final class RandomRuleSetsCny {
        static final java.util.Currency CNY = java.util.Currency.getInstance("CNY");
    }
}
