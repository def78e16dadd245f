package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rounding of shares over a run (issue 15, rows 8 and 9). */
@Tag("bad-input")
class RoundingTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final List<AllocationUnit> UNITS = List.of(
            AllocationUnit.root("acme", "Acme"),
            AllocationUnit.child("a", "A", "acme"),
            AllocationUnit.child("b", "B", "acme"),
            AllocationUnit.child("c", "C", "acme"));
    private static final Condition VPC = Condition.in(AllocationDimension.BUSINESS_CODE, "p_vpc");
    private static final AllocationRuleSet EVEN_ABC = AllocationRuleSet.of(
            UNITS,
            List.of(),
            List.of(SharingRule.even(
                    "s", SharingSource.matching(VPC), List.of(UnitId.of("a"), UnitId.of("b"), UnitId.of("c")))),
            Set.of());

    private static LineItem item(String id, String owner, String product, String amount) {
        return WorkedExample.item(id, owner, product, null, "2024-09-05T10:00", amount, null);
    }

    private static List<LineItem> cents(int count) {
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(item("n" + i, "1", "p_vpc", "0.01"));
        }
        return items;
    }

    @Test
    @Tag("ALLOC-12")
    void threeHundredCents_sharedEvenlyThreeWays_giveOneEach() {
        AllocationBill bill = Allocation.allocate(EVEN_ABC, cents(300), TagBindings.empty(), BillingCalendar.TENCENT);
        // the pool is 3.00; a third of it is 1.00 exactly, so each total is exactly 1.00 (not 3.00, 0, 0)
        for (String u : List.of("a", "b", "c")) {
            assertThat(bill.summary().unitTotal(UnitId.of(u), UnitScope.UNIT_ONLY, CNY))
                    .as(u)
                    .isEqualTo(Money.of("CNY", "1.00"));
        }
        for (LineItem i : cents(300)) {
            assertThat(Money.total(
                            CNY,
                            bill.rowsOf(i.id()).stream()
                                    .map(AllocatedRow::amount)
                                    .toList()))
                    .isEqualTo(Money.of("CNY", "0.01"));
        }
    }

    @Test
    @Tag("ALLOC-12")
    void threeHundredCents_sameRowsInAnyOrder_andInParallel() {
        List<LineItem> items = cents(300);
        List<LineItem> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(15));
        AllocationRun run = Allocator.compile(EVEN_ABC).prepare(items, TagBindings.empty());
        AllocationRun shuffledRun = Allocator.compile(EVEN_ABC).prepare(shuffled.parallelStream(), TagBindings.empty());
        for (LineItem i : items) {
            assertThat(shuffledRun.allocate(i)).isEqualTo(run.allocate(i));
        }
        AllocationSummary sequential = run.allocateAll(items, BillingCalendar.TENCENT, r -> {});
        AllocationSummary parallel = shuffled.parallelStream().collect(shuffledRun.toSummary(BillingCalendar.TENCENT));
        assertThat(parallel.byUnit()).isEqualTo(sequential.byUnit());
    }

    @Test
    @Tag("MONEY-6")
    void oneAndOneWithMoreZeros_splitAlike() {
        // 1 / 3 with 8 decimals: 0.33333333 each and one unit of the 8th decimal left, to a (the pool of a run of
        // one item is rounded once, ties to the smaller id)
        for (String amount : List.of("1.00", "1.0000", "1")) {
            Map<String, Money> shares = new TreeMap<>();
            Allocation.allocate(
                            EVEN_ABC,
                            List.of(item("n", "1", "p_vpc", amount)),
                            TagBindings.empty(),
                            BillingCalendar.TENCENT)
                    .rows()
                    .forEach(r -> shares.put(r.unit().orElseThrow().value(), r.amount()));
            assertThat(shares)
                    .as(amount)
                    .containsExactly(
                            Map.entry("a", Money.of("CNY", "0.33333334")),
                            Map.entry("b", Money.of("CNY", "0.33333333")),
                            Map.entry("c", Money.of("CNY", "0.33333333")));
        }
    }

    @Test
    @Tag("MONEY-6")
    void anAmountWithMoreDecimalsThanTheAllocationScale_isSplitWithItsOwn() {
        List<AllocatedRow> rows = Allocation.allocate(
                        EVEN_ABC,
                        List.of(item("n", "1", "p_vpc", "0.0000000001")),
                        TagBindings.empty(),
                        BillingCalendar.TENCENT)
                .rows();
        // one unit of the 10th decimal cannot be split: it goes whole to a
        assertThat(rows)
                .extracting(
                        r -> r.unit().orElseThrow() + " " + r.amount().amount().toPlainString())
                .containsExactly("a 0.0000000001", "b 0.0000000000", "c 0.0000000000");
    }

    @Test
    @Tag("IO-3")
    void collectedCostsOf40Nines_areAProportionalBase() {
        AllocationRuleSet rules = AllocationRuleSet.of(
                UNITS,
                List.of(
                        AllocationRule.of("r-a", "a", Condition.in(AllocationDimension.OWNER_UIN, "1")),
                        AllocationRule.of("r-b", "b", Condition.in(AllocationDimension.OWNER_UIN, "2"))),
                List.of(SharingRule.proportional(
                        "s",
                        SharingSource.matching(VPC),
                        List.of(UnitId.of("a"), UnitId.of("b")),
                        ZeroBaseFallback.EVEN)),
                Set.of());
        String nines = "9".repeat(40);
        AllocationBill bill = Allocation.allocate(
                rules,
                List.of(
                        item("x", "1", "p_cvm", nines),
                        item("y", "1", "p_cvm", nines),
                        item("z", "2", "p_cvm", "1.00"),
                        item("n", "3", "p_vpc", "3.00")),
                TagBindings.empty(),
                BillingCalendar.TENCENT);
        // a's base has 41 digits; b's share of 3.00 is 3 / (2 x (10^40 - 1) + 1), far below the 8th decimal
        assertThat(bill.run().collectedCost(CNY).get(UnitId.of("a")))
                .isEqualTo(Money.of("CNY", nines).plus(Money.of("CNY", nines)));
        assertThat(bill.rowsOf(org.cloudbilling.core.id.LineItemId.of("n")))
                .extracting(r -> r.unit().orElseThrow() + " " + r.amount())
                .containsExactly("a CNY 3.00", "b CNY 0.00");
    }

    @Test
    @Tag("ALLOC-12")
    void ratioOfManySmallItems_eachTargetWithinOneUnitOfItsExactShare() {
        Map<UnitId, BigDecimal> pct = new LinkedHashMap<>();
        pct.put(UnitId.of("a"), new BigDecimal("33.3"));
        pct.put(UnitId.of("b"), new BigDecimal("33.3"));
        pct.put(UnitId.of("c"), new BigDecimal("33.4"));
        AllocationRuleSet rules = AllocationRuleSet.of(
                UNITS, List.of(), List.of(SharingRule.ratio("s", SharingSource.matching(VPC), pct)), Set.of());
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(item("n" + i, "1", "p_vpc", "0.00000007"));
        }
        // the pool is 0.00007; a's and b's exact shares are 0.000023310, c's 0.000023380: on the 8-decimal grid
        // 0.00002331, 0.00002331 and 0.00002338 exactly (each item alone would round 2.331 units to 2 or 3)
        AllocationBill bill = Allocation.allocate(rules, items, TagBindings.empty(), BillingCalendar.TENCENT);
        assertThat(bill.summary().unitTotal(UnitId.of("a"), UnitScope.UNIT_ONLY, CNY))
                .isEqualTo(Money.of("CNY", "0.00002331"));
        assertThat(bill.summary().unitTotal(UnitId.of("b"), UnitScope.UNIT_ONLY, CNY))
                .isEqualTo(Money.of("CNY", "0.00002331"));
        assertThat(bill.summary().unitTotal(UnitId.of("c"), UnitScope.UNIT_ONLY, CNY))
                .isEqualTo(Money.of("CNY", "0.00002338"));
    }
}
