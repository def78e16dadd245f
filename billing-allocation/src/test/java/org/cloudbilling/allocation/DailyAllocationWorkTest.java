package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cloudbilling.allocation.daily.RunningAllocation;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.RunningRollup;
import org.cloudbilling.core.daily.BatchId;
import org.cloudbilling.core.daily.ChargeBatch;
import org.cloudbilling.core.daily.MonthLedger;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DAILY-1: the work of a batch is the batch, not the month. Shared items keep their rows unless they change, a
 * proportional base they are split by changes, or they carry a rule's rounding correction (ALLOC-12) that
 * changes; counted by {@link RunningAllocation#allocatedByLastApply()}, and the results still equal one pass.
 */
class DailyAllocationWorkTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final BillingCalendar CALENDAR = BillingCalendar.TENCENT;
    private static final Instant START = CALENDAR.start(SEPTEMBER);
    private static final Grouping GROUPING = Grouping.by(Dimension.OWNER, Dimension.BUSINESS);

    /**
     * web collects p_cvm, data p_cdb, ops p_mon; the network (p_vpc) is shared evenly among web, data and ops, the
     * storage (p_cos) in proportion to web's and data's collected cost, and ops passes everything it gets on
     * 70 : 30 to web and data: three rules, two of them fed by others' shares.
     */
    private static final AllocationRuleSet RULES = AllocationRuleSet.of(
            List.of(
                    AllocationUnit.root("acme", "Acme"),
                    AllocationUnit.child("web", "Web", "acme"),
                    AllocationUnit.child("data", "Data", "acme"),
                    AllocationUnit.child("ops", "Ops", "acme")),
            List.of(
                    AllocationRule.of("r-web", "web", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cvm")),
                    AllocationRule.of("r-data", "data", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cdb")),
                    AllocationRule.of("r-ops", "ops", Condition.in(AllocationDimension.BUSINESS_CODE, "p_mon"))),
            List.of(
                    SharingRule.even(
                            "s-network",
                            SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_vpc")),
                            List.of(UnitId.of("web"), UnitId.of("data"), UnitId.of("ops"))),
                    SharingRule.proportional(
                            "s-storage",
                            SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_cos")),
                            List.of(UnitId.of("web"), UnitId.of("data")),
                            ZeroBaseFallback.EVEN),
                    SharingRule.ratio(
                            "s-ops",
                            SharingSource.collectedBy("ops"),
                            Map.of(
                                    UnitId.of("web"),
                                    new java.math.BigDecimal("70"),
                                    UnitId.of("data"),
                                    new java.math.BigDecimal("30")))),
            Set.of());

    /** At most the batch's items plus, per sharing rule and currency, the old and the new designated item. */
    private static final int CORRECTION_ITEMS = 2 * 3;

    private final Random random = new Random(20);
    private int next;

    private LineItem item(String product, int day) {
        // 8 decimals: a third of most amounts is not on the grid, so the rules' pools carry corrections
        Money amount = Money.ofUnscaled(CNY, 1 + random.nextInt(10_000_000), 8);
        Instant start = START.plus(Duration.ofDays(day)).plusSeconds(3600L * random.nextInt(24));
        return LineItem.builder()
                .id(LineItemId.of(String.format("li-%05d", next++)))
                .ownerUin(OwnerUin.of("o" + random.nextInt(5)))
                .payerUin(PayerUin.of("payer"))
                .businessCode(BusinessCode.of(product))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(start, start.plusSeconds(3600)))
                .listCost(amount)
                .totalCost(amount)
                .build();
    }

    private static LineItem restated(LineItem item, String total) {
        Money amount = Money.of("CNY", total);
        return LineItem.builder().from(item).totalCost(amount).listCost(amount).build();
    }

    private static final String[] PRODUCTS = {"p_cvm", "p_cdb", "p_mon", "p_vpc", "p_vpc", "p_cos"};

    private final class Month {
        MonthLedger ledger = MonthLedger.open(SEPTEMBER, CNY, CALENDAR);
        RunningRollup rollup = RunningRollup.empty(GROUPING);
        RunningAllocation allocation = RunningAllocation.start(Allocator.compile(RULES), TagBindings.empty(), CALENDAR);
        int batches;

        void apply(ChargeBatch batch) {
            MonthLedger.Update u = ledger.apply(batch, START.plus(Duration.ofDays(batches++ + 1)));
            ledger = u.ledger();
            rollup = rollup.apply(u.removed(), u.added());
            allocation = allocation.apply(u);
        }

        void assertSameAsOnePass() {
            List<LineItem> charges = ledger.charges();
            assertThat(rollup.rollup()).isEqualTo(Consolidation.consolidate(charges, GROUPING));
            AllocationBill once = Allocation.allocate(RULES, charges, TagBindings.empty(), CALENDAR);
            assertThat(allocation.rows()).isEqualTo(once.rows());
            assertThat(allocation.byUnit()).isEqualTo(once.summary().byUnit());
            for (Breakdown b : Breakdown.values()) {
                assertThat(allocation.by(b))
                        .as("by %s", b)
                        .isEqualTo(once.summary().by(b));
            }
        }

        /** Twenty days of 50 charges each: 1,000 charges, half of them shared. */
        List<LineItem> fill() {
            List<LineItem> all = new ArrayList<>();
            for (int d = 0; d < 20; d++) {
                List<LineItem> day = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    day.add(item(PRODUCTS[random.nextInt(PRODUCTS.length)], d));
                }
                apply(ChargeBatch.daily(BatchId.of("day-" + d), SEPTEMBER, CNY, day));
                all.addAll(day);
            }
            return all;
        }
    }

    private static LineItem first(List<LineItem> items, String product) {
        return items.stream()
                .filter(i -> i.businessCode().value().equals(product))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Larger random months than {@link DailyAllocationProperties}' (60 to 300 charges, a fifth of them with 10
     * decimals, so that pools split at more than the allocation scale): after every batch the rows and summaries
     * equal one pass.
     */
    @Test
    @Tag("DAILY-1")
    @Tag("DAILY-2")
    void largerRandomMonths_batchByBatch_equalOnePass() {
        org.quicktheories.QuickTheory.qt()
                .withExamples(25)
                .forAll(org.quicktheories.generators.SourceDSL.longs().all())
                .checkAssert(seed -> {
                    RandomRuleSets rules = new RandomRuleSets(seed);
                    AllocationRuleSet ruleSet = rules.ruleSet();
                    Random r = new Random(seed);
                    List<LineItem> items = new ArrayList<>();
                    for (LineItem i : rules.items(60 + r.nextInt(241))) {
                        if (r.nextInt(5) == 0) {
                            Money amount = Money.ofUnscaled(CNY, r.nextLong() % 1_000_000_000_000L, 10);
                            i = LineItem.builder()
                                    .from(i)
                                    .totalCost(amount)
                                    .listCost(amount)
                                    .actionType(amount.isNegative() ? ActionType.REFUND : ActionType.USAGE)
                                    .build();
                        }
                        items.add(i);
                    }
                    org.cloudbilling.core.testing.DailyBatches days = org.cloudbilling.core.testing.DailyBatches.of(
                            items, SEPTEMBER, CNY, 2 + r.nextInt(8), new Random(seed ^ 11));
                    MonthLedger ledger = MonthLedger.open(SEPTEMBER, CNY, CALENDAR);
                    RunningAllocation allocation =
                            RunningAllocation.start(Allocator.compile(ruleSet), TagBindings.empty(), CALENDAR);
                    int n = 0;
                    for (ChargeBatch batch : days.arrivals()) {
                        MonthLedger.Update u = ledger.apply(batch, START.plus(Duration.ofHours(++n)));
                        ledger = u.ledger();
                        allocation = allocation.apply(u);
                        List<LineItem> charges = ledger.charges();
                        AllocationBill once = Allocation.allocate(ruleSet, charges, TagBindings.empty(), CALENDAR);
                        assertThat(allocation.rows()).isEqualTo(once.rows());
                        for (Breakdown b : Breakdown.values()) {
                            assertThat(allocation.by(b))
                                    .as("by %s", b)
                                    .isEqualTo(once.summary().by(b));
                        }
                        assertThat(allocation.byUnit()).isEqualTo(once.summary().byUnit());
                    }
                });
    }

    @Test
    @Tag("DAILY-1")
    void restatingOneSharedCharge_allocatesItAndAtMostTheDesignatedItems_notTheMonth() {
        Month m = new Month();
        List<LineItem> all = m.fill();
        assertThat(m.allocation.sharedItems()).hasSizeGreaterThan(400);
        LineItem network = first(all, "p_vpc");

        m.apply(new ChargeBatch(
                BatchId.of("fix-1"),
                org.cloudbilling.core.daily.BatchKind.DAILY,
                SEPTEMBER,
                CNY,
                List.of(),
                List.of(restated(network, "0.01000001")),
                List.of()));

        assertThat(m.allocation.allocatedByLastApply()).isBetween(1, 1 + CORRECTION_ITEMS);
        m.assertSameAsOnePass();
    }

    @Test
    @Tag("DAILY-1")
    void aBatchOfSharedChargesThatChangesNoBase_allocatesTheBatchAndAtMostTheDesignatedItems() {
        Month m = new Month();
        m.fill();
        List<LineItem> day = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            day.add(item(i % 2 == 0 ? "p_vpc" : "p_cos", 21));
        }
        m.apply(ChargeBatch.daily(BatchId.of("day-21"), SEPTEMBER, CNY, day));

        assertThat(m.allocation.allocatedByLastApply()).isBetween(10, 10 + CORRECTION_ITEMS);
        m.assertSameAsOnePass();
    }

    @Test
    @Tag("DAILY-1")
    void withdrawingTheDesignatedItem_movesTheCorrectionToTheNextOne() {
        Month m = new Month();
        List<LineItem> all = m.fill();
        // the largest network charge is the network rule's designated item (ALLOC-12)
        LineItem largest = all.stream()
                .filter(i -> i.businessCode().value().equals("p_vpc"))
                .max(java.util.Comparator.comparing(LineItem::totalCost))
                .orElseThrow();
        m.apply(new ChargeBatch(
                BatchId.of("withdraw"),
                org.cloudbilling.core.daily.BatchKind.DAILY,
                SEPTEMBER,
                CNY,
                List.of(),
                List.of(),
                List.of(largest.id())));

        assertThat(m.allocation.allocatedByLastApply()).isBetween(0, CORRECTION_ITEMS);
        m.assertSameAsOnePass();
    }

    @Test
    @Tag("DAILY-1")
    void aBatchThatChangesAProportionalBase_splitsThatRulesItemsAgain_only() {
        Month m = new Month();
        List<LineItem> all = m.fill();
        long storage = all.stream()
                .filter(i -> i.businessCode().value().equals("p_cos"))
                .count();
        m.apply(ChargeBatch.daily(BatchId.of("day-21"), SEPTEMBER, CNY, List.of(item("p_cdb", 21))));

        // every storage charge is split by the new bases; the network's and ops' charges keep their rows
        assertThat(m.allocation.allocatedByLastApply())
                .isGreaterThanOrEqualTo((int) storage + 1)
                .isLessThanOrEqualTo((int) storage + 1 + CORRECTION_ITEMS);
        m.assertSameAsOnePass();
    }
}
