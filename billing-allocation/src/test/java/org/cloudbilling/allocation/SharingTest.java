package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ALLOC-5")
class SharingTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final List<AllocationUnit> UNITS = List.of(
            AllocationUnit.root("acme", "Acme"),
            AllocationUnit.child("ops", "Ops", "acme"),
            AllocationUnit.child("web", "Web", "acme"),
            AllocationUnit.child("data", "Data", "acme"),
            AllocationUnit.child("ml", "ML", "data"));
    private static final Condition VPC = Condition.in(AllocationDimension.BUSINESS_CODE, "p_vpc");
    private static final UnitId WEB = UnitId.of("web");
    private static final UnitId DATA = UnitId.of("data");
    private static final UnitId ML = UnitId.of("ml");

    private static List<String> rows(AllocationRuleSet rules, LineItem... items) {
        AllocationBill bill = Allocation.allocate(rules, List.of(items), TagBindings.empty(), BillingCalendar.TENCENT);
        return bill.rows().stream()
                .map(r -> r.item().id() + " " + r.unit().map(Object::toString).orElse("-") + " " + r.type() + " "
                        + r.amount().amount().toPlainString() + " "
                        + r.rule().map(Object::toString).orElse("-"))
                .toList();
    }

    private static LineItem item(String id, String product, String owner, String amount) {
        return WorkedExample.item(id, owner, product, null, "2024-09-05T10:00", amount, null);
    }

    @Test
    void ratio_splitsByPercentages_withTheLeftoverByLargestRemainder() {
        Map<UnitId, BigDecimal> pct = new LinkedHashMap<>();
        pct.put(WEB, new BigDecimal("70"));
        pct.put(DATA, new BigDecimal("30"));
        AllocationRuleSet rules = AllocationRuleSet.of(
                UNITS, List.of(), List.of(SharingRule.ratio("s", SharingSource.matching(VPC), pct)), Set.of());
        // shares are computed with 8 decimals (MONEY-6): 0.05 * 70% = 0.035 and 0.05 * 30% = 0.015 exactly
        assertThat(rows(rules, item("n1", "p_vpc", "1", "0.05")))
                .containsExactly("n1 data SHARED 0.015 s", "n1 web SHARED 0.035 s");
        // 0.00000005 * 70% = 0.000000035, * 30% = 0.000000015: floors 3 and 1 units of the 8th decimal, equal
        // remainders; a run of one item rounds the rule's pool once, and there data's id comes first
        assertThat(rows(rules, item("n2", "p_vpc", "1", "0.00000005")))
                .containsExactly("n2 data SHARED 0.00000002 s", "n2 web SHARED 0.00000003 s");
    }

    @Test
    void even_splitsIntoPartsWithinOneCent_tiesToTheSmallerId() {
        AllocationRuleSet rules = AllocationRuleSet.of(
                UNITS,
                List.of(),
                List.of(SharingRule.even("s", SharingSource.matching(VPC), List.of(WEB, DATA, ML))),
                Set.of());
        // 100.00 / 3 with 8 decimals (MONEY-6): 33.33333333 each and one unit of the 8th decimal left over
        assertThat(rows(rules, item("n1", "p_vpc", "1", "100.00")))
                .containsExactly(
                        "n1 data SHARED 33.33333334 s", "n1 ml SHARED 33.33333333 s", "n1 web SHARED 33.33333333 s");
        assertThat(rows(rules, item("r1", "p_vpc", "1", "-100.00")))
                .as("a refund is shared symmetrically")
                .containsExactly(
                        "r1 data SHARED -33.33333334 s", "r1 ml SHARED -33.33333333 s", "r1 web SHARED -33.33333333 s");
    }

    @Test
    void unitSource_passesCollectedCostOn_andChainsFollow() {
        AllocationRuleSet rules = AllocationRuleSet.of(
                UNITS,
                List.of(AllocationRule.of("r-ops", "ops", Condition.in(AllocationDimension.OWNER_UIN, "9"))),
                List.of(
                        SharingRule.even("s-ops", SharingSource.collectedBy("ops"), List.of(WEB, DATA)),
                        SharingRule.even("s-data", SharingSource.collectedBy("data"), List.of(ML))),
                Set.of());
        // 10.01 / 2 = 5.005 exactly with 8 decimals (MONEY-6); rules in the order costs flow through them
        assertThat(rows(rules, item("o1", "p_cvm", "9", "10.01")))
                .containsExactly("o1 web SHARED 5.005 s-ops", "o1 ml SHARED 5.005 s-data");
    }

    @Test
    @Tag("ALLOC-7")
    void proportional_withNoBase_fallsBackEvenly_orToUnallocated_asTheRuleSays() {
        for (ZeroBaseFallback fallback : ZeroBaseFallback.values()) {
            AllocationRuleSet rules = AllocationRuleSet.of(
                    UNITS,
                    List.of(AllocationRule.of("r-web", "web", Condition.in(AllocationDimension.OWNER_UIN, "7"))),
                    List.of(SharingRule.proportional("s", SharingSource.matching(VPC), List.of(WEB, DATA), fallback)),
                    Set.of());
            // web's only collected cost is a refund: no target has a positive base
            AllocationBill bill = Allocation.allocate(
                    rules,
                    List.of(item("w1", "p_cvm", "7", "-5.00"), item("n1", "p_vpc", "1", "9.99")),
                    TagBindings.empty(),
                    BillingCalendar.TENCENT);
            assertThat(bill.run().isFallingBack(RuleId.of("s"), CNY)).isTrue();
            List<String> shared = bill.rows().stream()
                    .filter(r -> r.item().id().value().equals("n1"))
                    .map(r -> r.unit().map(Object::toString).orElse("-") + " " + r.type() + " " + r.amount())
                    .toList();
            if (fallback == ZeroBaseFallback.EVEN) {
                // 9.99 / 2 = 4.995 exactly with 8 decimals (MONEY-6)
                assertThat(shared).containsExactly("data SHARED CNY 4.995", "web SHARED CNY 4.995");
            } else {
                assertThat(shared).containsExactly("- UNALLOCATED CNY 9.99");
            }
        }
    }

    @Test
    @Tag("ALLOC-7")
    @Tag("ALLOC-6")
    void proportional_withNoPositiveBase_keepsEveryCent_forRandomAmounts() {
        qt().forAll(
                        longs().between(-1_000_000_000L, 1_000_000_000L),
                        longs().between(-1_000_000L, 0L),
                        integers().between(0, 4),
                        booleans().all())
                .checkAssert((sharedCents, baseCents, extraDecimals, even) -> {
                    ZeroBaseFallback fallback = even ? ZeroBaseFallback.EVEN : ZeroBaseFallback.UNALLOCATED;
                    AllocationRuleSet rules = AllocationRuleSet.of(
                            UNITS,
                            List.of(AllocationRule.of(
                                    "r-web", "web", Condition.in(AllocationDimension.OWNER_UIN, "7"))),
                            List.of(SharingRule.proportional(
                                    "s", SharingSource.matching(VPC), List.of(WEB, DATA, ML), fallback)),
                            Set.of());
                    Money shared = Money.of(CNY, BigDecimal.valueOf(sharedCents, 2 + extraDecimals));
                    AllocationBill bill = Allocation.allocate(
                            rules,
                            List.of(
                                    item(
                                            "w1",
                                            "p_cvm",
                                            "7",
                                            BigDecimal.valueOf(baseCents, 2).toPlainString()),
                                    item("n1", "p_vpc", "1", shared.amount().toPlainString())),
                            TagBindings.empty(),
                            BillingCalendar.TENCENT);
                    assertThat(bill.run().isFallingBack(RuleId.of("s"), CNY)).isTrue();
                    List<AllocatedRow> rows = bill.rowsOf(LineItemId.of("n1"));
                    assertThat(Money.total(
                                    CNY, rows.stream().map(AllocatedRow::amount).toList()))
                            .isEqualTo(shared);
                    if (even) {
                        assertThat(rows).hasSize(3).allMatch(r -> r.type() == AllocationType.SHARED);
                        BigDecimal unit =
                                BigDecimal.ONE.movePointLeft(shared.amount().scale());
                        BigDecimal min = rows.stream()
                                .map(r -> r.amount().amount())
                                .min(BigDecimal::compareTo)
                                .get();
                        BigDecimal max = rows.stream()
                                .map(r -> r.amount().amount())
                                .max(BigDecimal::compareTo)
                                .get();
                        assertThat(max.subtract(min)).isLessThanOrEqualTo(unit);
                    } else {
                        assertThat(rows).singleElement().satisfies(r -> {
                            assertThat(r.type()).isEqualTo(AllocationType.UNALLOCATED);
                            assertThat(r.rule()).contains(RuleId.of("s"));
                        });
                    }
                });
    }

    @Test
    void proportional_ignoresTargetsWhoseBaseIsNotPositive() {
        AllocationRuleSet rules = AllocationRuleSet.of(
                UNITS,
                List.of(
                        AllocationRule.of("r-web", "web", Condition.in(AllocationDimension.OWNER_UIN, "7")),
                        AllocationRule.of("r-data", "data", Condition.in(AllocationDimension.OWNER_UIN, "8"))),
                List.of(SharingRule.proportional(
                        "s", SharingSource.matching(VPC), List.of(WEB, DATA), ZeroBaseFallback.EVEN)),
                Set.of());
        assertThat(rows(
                        rules,
                        item("w1", "p_cvm", "7", "-5.00"),
                        item("d1", "p_cvm", "8", "20.00"),
                        item("n1", "p_vpc", "1", "3.00")))
                .containsExactly(
                        "w1 web COLLECTED -5.00 r-web",
                        "d1 data COLLECTED 20.00 r-data",
                        "n1 data SHARED 3.00 s",
                        "n1 web SHARED 0.00 s");
    }
}
