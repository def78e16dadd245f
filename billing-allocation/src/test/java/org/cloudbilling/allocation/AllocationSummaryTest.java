package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The order of summary rows over several currencies and missing breakdown values, and summary equality. */
@Tag("ALLOC-8")
class AllocationSummaryTest {
    private static final AllocationRuleSet RULES = AllocationRuleSet.of(
            List.of(AllocationUnit.root("acme", "Acme"), AllocationUnit.child("web", "Web", "acme")),
            List.of(AllocationRule.of("r-web", "web", Condition.in(AllocationDimension.OWNER_UIN, "1"))),
            List.of(),
            Set.of());

    private static LineItem item(String id, String owner, String resource, String currency, String amount) {
        LineItem cny = WorkedExample.item(id, owner, "p_cvm", resource, "2024-09-05T10:00", amount, null);
        return LineItem.builder()
                .from(cny)
                .listCost(Money.of(currency, amount))
                .totalCost(Money.of(currency, amount))
                .build();
    }

    private static final List<LineItem> ITEMS = List.of(
            item("a", "1", "ins-1", "CNY", "10.00"),
            item("b", "1", null, "USD", "3.00"),
            item("c", "9", null, "CNY", "2.00"),
            item("d", "1", null, "CNY", "5.00"),
            item("e", "1", null, "EUR", "4.00"));

    private static AllocationSummary summary(List<LineItem> items) {
        return Allocation.allocate(RULES, items, TagBindings.empty(), BillingCalendar.TENCENT)
                .summary();
    }

    private static SummaryRow row(String unit, AllocationType type, String value, String currency, String amount) {
        return new SummaryRow(
                Optional.ofNullable(unit).map(UnitId::of),
                type,
                Optional.ofNullable(value),
                Money.of(currency, amount));
    }

    @Test
    void totals_currencyNotInTheSummary_areRefusedNamingTheCurrencies_notAnInventedZero() {
        AllocationSummary s = summary(ITEMS); // CNY, EUR and USD
        Currency jpy = Currency.getInstance("JPY");
        String message = "the summary has no JPY amounts; its currencies are CNY, EUR, USD";

        assertThatThrownBy(() -> s.unitTotal(UnitId.of("web"), UnitScope.WITH_SUBTREE, jpy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> s.total(AllocationType.COLLECTED, jpy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> s.allocatedTotal(jpy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        // a currency of the summary that a unit or type has none of is a true zero
        assertThat(s.unitTotal(UnitId.of("acme"), UnitScope.UNIT_ONLY, Currency.getInstance("USD")))
                .isEqualTo(Money.zero(Currency.getInstance("USD")));
        assertThat(s.total(AllocationType.SHARED, Currency.getInstance("EUR")))
                .isEqualTo(Money.zero(Currency.getInstance("EUR")));
    }

    @Test
    void byUnit_unallocatedFirst_thenByUnitTypeAndCurrencyCode() {
        assertThat(summary(ITEMS).byUnit())
                .containsExactly(
                        row(null, AllocationType.UNALLOCATED, null, "CNY", "2.00"),
                        row("web", AllocationType.COLLECTED, null, "CNY", "15.00"),
                        row("web", AllocationType.COLLECTED, null, "EUR", "4.00"),
                        row("web", AllocationType.COLLECTED, null, "USD", "3.00"));
    }

    @Test
    void by_itemsWithoutTheValue_comeBeforeTheValues() {
        assertThat(summary(ITEMS).by(Breakdown.RESOURCE))
                .containsExactly(
                        row(null, AllocationType.UNALLOCATED, null, "CNY", "2.00"),
                        row("web", AllocationType.COLLECTED, null, "CNY", "5.00"),
                        row("web", AllocationType.COLLECTED, null, "EUR", "4.00"),
                        row("web", AllocationType.COLLECTED, null, "USD", "3.00"),
                        row("web", AllocationType.COLLECTED, "ins-1", "CNY", "10.00"));
    }

    @Test
    void by_eachBreakdown_takesItsValueFromTheItem() {
        LineItem cpu = LineItem.builder()
                .from(item("a", "1", "ins-1", "CNY", "10.00"))
                .itemCode(org.cloudbilling.core.id.ItemCode.of("v_cvm_cpu"))
                .build();
        AllocationSummary s = summary(List.of(cpu, item("b", "9", null, "CNY", "2.00")));
        assertThat(s.by(Breakdown.PRODUCT))
                .containsExactly(
                        row(null, AllocationType.UNALLOCATED, "p_cvm", "CNY", "2.00"),
                        row("web", AllocationType.COLLECTED, "p_cvm", "CNY", "10.00"));
        assertThat(s.by(Breakdown.COMPONENT))
                .containsExactly(
                        row(null, AllocationType.UNALLOCATED, null, "CNY", "2.00"),
                        row("web", AllocationType.COLLECTED, "v_cvm_cpu", "CNY", "10.00"));
        // 10:00 on 5 September in UTC+8, the calendar's zone
        assertThat(s.by(Breakdown.DAY))
                .extracting(r -> r.value().orElseThrow())
                .containsExactly("2024-09-05", "2024-09-05");
        assertThat(s.by(Breakdown.MONTH))
                .extracting(r -> r.value().orElseThrow())
                .containsExactly("2024-09", "2024-09");
    }

    @Test
    void itemCountAndSourceTotals_countEverySourceItem() {
        AllocationSummary s = summary(ITEMS);
        assertThat(s.itemCount()).isEqualTo(5);
        assertThat(s.sourceTotals())
                .containsOnly(
                        java.util.Map.entry(Currency.getInstance("CNY"), Money.of("CNY", "17.00")),
                        java.util.Map.entry(Currency.getInstance("EUR"), Money.of("EUR", "4.00")),
                        java.util.Map.entry(Currency.getInstance("USD"), Money.of("USD", "3.00")));
        assertThat(s).hasToString("AllocationSummary[5 items, 4 unit rows]");
    }

    @Test
    void equals_sameItemsGiveEqualSummaries_otherItemsDoNot() {
        AllocationSummary s = summary(ITEMS);
        assertThat(s).isEqualTo(summary(ITEMS)).hasSameHashCodeAs(summary(ITEMS));
        assertThat(s).isNotEqualTo(summary(ITEMS.subList(0, 4))).isNotEqualTo("a summary");
        // the same per-unit totals from another split of the cost still differ by item count
        assertThat(summary(List.of(item("a", "1", null, "CNY", "3.00"))))
                .isNotEqualTo(
                        summary(List.of(item("a", "1", null, "CNY", "1.00"), item("b", "1", null, "CNY", "2.00"))));
    }
}
