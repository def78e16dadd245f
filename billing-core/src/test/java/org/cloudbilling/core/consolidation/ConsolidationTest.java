package org.cloudbilling.core.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.Bill;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Test;

class ConsolidationTest {
    private static final Currency CNY = Currency.getInstance("CNY");

    private static LineItem item(String id, String owner, String product, String total, String team, String start) {
        LineItem.Builder b = LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(OwnerUin.of(owner))
                .payerUin(PayerUin.of("900"))
                .businessCode(BusinessCode.of(product))
                .payMode(PayMode.POSTPAID)
                .actionType(total.startsWith("-") ? ActionType.REFUND : ActionType.USAGE)
                .feePeriod(
                        Interval.of(Instant.parse(start), Instant.parse(start).plusSeconds(3600)))
                .listCost(Money.of("CNY", total))
                .totalCost(Money.of("CNY", total));
        if (team != null) {
            b.putTag(TagKey.of("team"), team);
        }
        return b.build();
    }

    // 16:00Z is 00:00 the next day in UTC+8
    private static final List<LineItem> ITEMS = List.of(
            item("1", "101", "p_cvm", "10.00000001", "web", "2024-09-01T02:00:00Z"),
            item("2", "101", "p_cvm", "0.5", "web", "2024-09-01T16:00:00Z"),
            item("3", "102", "p_cvm", "-3.25", null, "2024-09-01T03:00:00Z"),
            item("4", "102", "p_cos", "7", "data", "2024-09-02T03:00:00Z"),
            item("5", "101", "p_cos", "0.00000004", "", "2024-09-02T03:00:00Z"));

    @Test
    void consolidate_byOwnerAndProduct_sumsExactly() {
        Rollup r = Consolidation.consolidate(ITEMS, Grouping.by(Dimension.OWNER, Dimension.BUSINESS));
        assertThat(r.groups().values())
                .extracting(Totals::totalCost)
                .extracting(Money::toString)
                // keys sort as (101,p_cos) (101,p_cvm) (102,p_cos) (102,p_cvm)
                .containsExactly("CNY 0.00000004", "CNY 10.50000001", "CNY 7", "CNY -3.25");
        assertThat(r.groups().values()).extracting(Totals::itemCount).containsExactly(1L, 2L, 1L, 1L);
        assertThat(r.grandTotals().get(CNY).totalCost()).isEqualTo(Money.of("CNY", "14.25000005"));
    }

    @Test
    void consolidate_byTag_keepsUntaggedApartFromAnEmptyValue() {
        Rollup r = Consolidation.consolidate(ITEMS, Grouping.by(Dimension.tag(TagKey.of("team"))));
        Map<List<String>, Money> totals = new java.util.HashMap<>();
        r.groups().forEach((k, v) -> totals.put(k.values(), v.totalCost()));
        assertThat(totals)
                .containsEntry(java.util.Collections.singletonList(null), Money.of("CNY", "-3.25"))
                .containsEntry(List.of(""), Money.of("CNY", "0.00000004"))
                .containsEntry(List.of("web"), Money.of("CNY", "10.50000001"))
                .containsEntry(List.of("data"), Money.of("CNY", "7"));
    }

    @Test
    void consolidate_byDay_cutsDaysInTheCalendarZone() {
        Rollup r = Consolidation.consolidate(ITEMS, Grouping.by(BillingCalendar.TENCENT, Dimension.DAY));
        assertThat(r.groups().keySet())
                .extracting(k -> k.value(0).orElseThrow())
                .containsExactly("2024-09-01", "2024-09-02");
        assertThat(r.groups().firstEntry().getValue().totalCost()).isEqualTo(Money.of("CNY", "6.75000001"));
        assertThatThrownBy(() -> Grouping.by(Dimension.DAY)).hasMessageContaining("needs a calendar");
    }

    @Test
    void merge_ofTwoHalves_equalsTheWhole() {
        Grouping g = Grouping.by(Dimension.OWNER);
        Rollup whole = Consolidation.consolidate(ITEMS, g);
        Rollup merged = Consolidation.consolidate(ITEMS.subList(0, 2), g)
                .merge(Consolidation.consolidate(ITEMS.subList(2, 5), g));
        assertThat(merged).isEqualTo(whole);
        assertThatThrownBy(() -> whole.merge(Rollup.empty(Grouping.by(Dimension.PAYER))))
                .hasMessageContaining("different groupings");
    }

    @Test
    void consolidateBills_rollsUpEveryMember() {
        Bill bill = Bill.builder()
                .payerUin(PayerUin.of("900"))
                .month(BillingMonth.of(2024, 9))
                .currency(CNY)
                .items(ITEMS)
                .build();
        Rollup r = Consolidation.consolidateBills(List.of(bill), Grouping.by());
        assertThat(r.groups()).hasSize(1);
        assertThat(r.grandTotals().get(CNY).totalCost()).isEqualTo(bill.totalCost());
    }

    @Test
    void dimension_parse_knowsEveryName() {
        assertThat(Dimension.parse("ownerUin")).isEqualTo(Dimension.OWNER);
        assertThat(Dimension.parse("tag: org")).isEqualTo(Dimension.tag(TagKey.of(" org")));
        assertThatThrownBy(() -> Dimension.parse("owner")).hasMessageContaining("unknown dimension 'owner'; known:");
    }
}
