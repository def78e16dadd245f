package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** docs/allocation.md's worked example, run as written. Every figure below is worked out in that document. */
@Tag("ALLOC-3")
@Tag("ALLOC-4")
@Tag("ALLOC-5")
@Tag("ALLOC-6")
@Tag("ALLOC-8")
class WorkedExampleTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final AllocationBill BILL =
            Allocation.allocate(WorkedExample.RULES, WorkedExample.ITEMS, WorkedExample.TAGS, BillingCalendar.TENCENT);

    @Test
    void unitTotals_matchTheDocument() {
        AllocationSummary s = BILL.summary();
        assertThat(s.unitTotal(UnitId.of("web"), UnitScope.UNIT_ONLY, CNY)).isEqualTo(Money.of("CNY", "140.48387097"));
        assertThat(s.unitTotal(UnitId.of("data"), UnitScope.UNIT_ONLY, CNY)).isEqualTo(Money.of("CNY", "313.38709677"));
        assertThat(s.unitTotal(UnitId.of("mobile"), UnitScope.UNIT_ONLY, CNY))
                .isEqualTo(Money.of("CNY", "216.12903226"));
        assertThat(s.total(AllocationType.UNALLOCATED, CNY)).isEqualTo(Money.of("CNY", "15.00"));
        assertThat(s.unitTotal(UnitId.of("acme"), UnitScope.UNIT_ONLY, CNY)).isEqualTo(Money.zero(CNY));
        assertThat(s.unitTotal(UnitId.of("acme"), UnitScope.WITH_SUBTREE, CNY)).isEqualTo(Money.of("CNY", "670.00"));
        assertThat(s.allocatedTotal(CNY))
                .isEqualTo(Money.of("CNY", "685.00"))
                .isEqualTo(s.sourceTotals().get(CNY));
    }

    @Test
    void networkCost_isSharedInProportionToCollectedCost() {
        assertThat(BILL.run().collectedCost(CNY))
                .containsEntry(UnitId.of("web"), Money.of("CNY", "130.00"))
                .containsEntry(UnitId.of("data"), Money.of("CNY", "290.00"))
                .containsEntry(UnitId.of("mobile"), Money.of("CNY", "200.00"));
        assertThat(BILL.rowsOf(LineItemId.of("i6")))
                .extracting(r -> r.unit().orElseThrow().value() + " " + r.type() + " " + r.amount())
                // 50.00 x 290/620, x 200/620, x 130/620 with 8 decimals (MONEY-6): floors 23.38709677, 16.12903225,
                // 10.48387096 leave 2 units, which go to the largest remainders (.806 mobile, .774 web; .419 data)
                .containsExactly(
                        "data SHARED CNY 23.38709677", "mobile SHARED CNY 16.12903226", "web SHARED CNY 10.48387097");
    }

    @Test
    void reTaggedResource_isAllocatedByTheTagItHadThen() {
        assertThat(unitOf("i1")).contains(UnitId.of("web")); // 5 September: team=web
        assertThat(unitOf("i2")).contains(UnitId.of("data")); // 20 September: team=data
        assertThat(unitOf("i7")).contains(UnitId.of("data")); // the refund on the 25th follows the tag too
        assertThat(BILL.rowsOf(LineItemId.of("i7")).get(0).amount()).isEqualTo(Money.of("CNY", "-10.00"));
    }

    @Test
    void explain_namesEveryMatchingRuleAndTheWinner() {
        Explanation e = BILL.explain(LineItemId.of("i8"));
        assertThat(e.matchingCollectionRules()).containsExactly(RuleId.of("r-web"), RuleId.of("r-mobile"));
        assertThat(e.collectedBy()).contains(RuleId.of("r-web"));
        assertThat(e.collectedInto()).contains(UnitId.of("web"));
        assertThat(e.text())
                .contains("is collected into web by rule r-web, which comes first of the matching rules [r-web,"
                        + " r-mobile]");
        assertThat(BILL.explain(LineItemId.of("i5")).isUnallocated()).isTrue();
        assertThat(BILL.explain(LineItemId.of("i6")).sharedBy()).contains(RuleId.of("s-network"));
        assertThat(BILL.explain(LineItemId.of("i2")).tags()).containsEntry(WorkedExample.TEAM, "data");
    }

    @Test
    void everyItem_isAllocatedExactly() {
        for (var item : WorkedExample.ITEMS) {
            List<AllocatedRow> rows = BILL.rowsOf(item.id());
            assertThat(rows).isNotEmpty();
            assertThat(Money.total(CNY, rows.stream().map(AllocatedRow::amount).toList()))
                    .isEqualTo(item.totalCost());
        }
    }

    @Test
    void summaries_breakDownByProductAndDay() {
        assertThat(BILL.summary().by(Breakdown.PRODUCT))
                .filteredOn(r -> r.unit().equals(Optional.of(UnitId.of("data"))))
                .extracting(r -> r.type() + " " + r.value().orElse("") + " " + r.amount())
                .containsExactly(
                        "COLLECTED p_cvm CNY 50.00", "COLLECTED p_emr CNY 240.00", "SHARED p_vpc CNY 23.38709677");
        assertThat(BILL.summary().by(Breakdown.DAY))
                .filteredOn(r -> r.unit().equals(Optional.of(UnitId.of("web"))))
                .extracting(r -> r.value().orElse("") + " " + r.amount())
                .containsExactly("2024-09-05 CNY 100.00", "2024-09-08 CNY 30.00", "2024-09-30 CNY 10.48387097");
    }

    private static Optional<UnitId> unitOf(String item) {
        return BILL.rowsOf(LineItemId.of(item)).get(0).unit();
    }
}
