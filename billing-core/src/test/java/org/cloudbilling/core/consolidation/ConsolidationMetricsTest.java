package org.cloudbilling.core.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.CostMetric;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FOCUS-11: consolidation runs on any cost metric, BilledCost, EffectiveCost, ListCost and ContractedCost, and the
 * quantities; each adds up exactly, and the groups of any grouping add up to the grand total per metric. Every
 * expected value below is added by hand.
 */
@Tag("FOCUS-11")
class ConsolidationMetricsTest {
    private static final Interval HOUR =
            Interval.of(Instant.parse("2025-05-03T10:00:00Z"), Instant.parse("2025-05-03T11:00:00Z"));

    private static LineItem.Builder item(String id, String owner, String list, String total) {
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(OwnerUin.of(owner))
                .payerUin(PayerUin.of("payer"))
                .businessCode(BusinessCode.of("compute"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(HOUR)
                .listCost(Money.of("USD", list))
                .totalCost(Money.of("USD", total));
    }

    /** Reports EffectiveCost 8.00; ContractedCost derived: 12.50 x 0.9 = 11.250. 3 hours consumed and priced. */
    private static final LineItem A = item("a", "team-1", "12.50", "10.00")
            .effectiveCost(Money.of("USD", "8.00"))
            .discountRate(new BigDecimal("0.9"))
            .usageQuantity(new BigDecimal("3"))
            .pricingQuantity(new BigDecimal("3"))
            .build();
    /** A refund: EffectiveCost not reported, so -3.00 (billed); ContractedCost reported -3.50; 0.25 consumed. */
    private static final LineItem B = item("b", "team-1", "-4.00", "-3.00")
            .contractedCost(Money.of("USD", "-3.50"))
            .usageQuantity(new BigDecimal("0.25"))
            .build();
    /** Nothing reported: effective = billed 0.00000001, contracted = list 0.00000002; no quantity. */
    private static final LineItem C =
            item("c", "team-2", "0.00000002", "0.00000001").build();

    @Test
    @DisplayName("FOCUS-11: each metric of an item is the reported value, else the library's definition")
    void metricOfAnItem_isReportedElseDerived() {
        assertThat(CostMetric.BILLED_COST.of(A)).isEqualTo(Money.of("USD", "10.00"));
        assertThat(CostMetric.EFFECTIVE_COST.of(A)).isEqualTo(Money.of("USD", "8.00"));
        assertThat(CostMetric.LIST_COST.of(A)).isEqualTo(Money.of("USD", "12.50"));
        assertThat(CostMetric.CONTRACTED_COST.of(A)).isEqualTo(Money.of("USD", "11.25"));
        assertThat(CostMetric.EFFECTIVE_COST.of(B)).isEqualTo(Money.of("USD", "-3.00"));
        assertThat(CostMetric.CONTRACTED_COST.of(B)).isEqualTo(Money.of("USD", "-3.50"));
        assertThat(CostMetric.CONTRACTED_COST.of(C)).isEqualTo(Money.of("USD", "0.00000002"));
        assertThat(CostMetric.parse("EffectiveCost")).isEqualTo(CostMetric.EFFECTIVE_COST);
        assertThatThrownBy(() -> CostMetric.parse("AmortizedCost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown cost metric 'AmortizedCost'; known: BilledCost, EffectiveCost, ListCost,"
                        + " ContractedCost");
    }

    @Test
    @DisplayName("FOCUS-11: by owner, each group totals every metric and quantity exactly")
    void byOwner_totalsEveryMetric() {
        Rollup r = Consolidation.consolidate(List.of(A, B, C), Grouping.by(Dimension.OWNER));

        Map<GroupKey, Totals> groups = r.groups();
        Totals team1 = groups.entrySet().stream()
                .filter(e -> e.getKey().value(0).orElseThrow().equals("team-1"))
                .findFirst()
                .orElseThrow()
                .getValue();
        // A + B: billed 10.00 - 3.00, effective 8.00 - 3.00, list 12.50 - 4.00, contracted 11.25 - 3.50
        assertThat(team1.itemCount()).isEqualTo(2);
        assertThat(team1.metric(CostMetric.BILLED_COST)).isEqualTo(Money.of("USD", "7.00"));
        assertThat(team1.metric(CostMetric.EFFECTIVE_COST)).isEqualTo(Money.of("USD", "5.00"));
        assertThat(team1.metric(CostMetric.LIST_COST)).isEqualTo(Money.of("USD", "8.50"));
        assertThat(team1.metric(CostMetric.CONTRACTED_COST)).isEqualTo(Money.of("USD", "7.75"));
        // 3 + 0.25 consumed; only A reports a pricing quantity
        assertThat(team1.consumedQuantity()).contains(new BigDecimal("3.25"));
        assertThat(team1.pricingQuantity()).contains(new BigDecimal("3"));
    }

    @Test
    @DisplayName("FOCUS-11: conservation per metric: the groups of any grouping add up to the grand total")
    void everyGrouping_conservesEveryMetric() {
        // the grand totals, by hand: billed 7.00000001, effective 5.00000001, list 8.50000002, contracted 7.75000002
        Totals expected = Totals.of(
                3,
                Money.of("USD", "8.50000002"),
                Money.of("USD", "7.00000001"),
                Money.of("USD", "5.00000001"),
                Money.of("USD", "7.75000002"),
                new BigDecimal("3.25"),
                new BigDecimal("3"));
        for (Grouping g : List.of(
                Grouping.by(),
                Grouping.by(Dimension.OWNER),
                Grouping.by(Dimension.parse("id")),
                Grouping.by(Dimension.parse("ChargeCategory"), Dimension.BUSINESS))) {
            Map<Currency, Totals> grand =
                    Consolidation.consolidate(List.of(C, B, A), g).grandTotals();

            assertThat(grand).containsOnlyKeys(Currency.getInstance("USD"));
            for (CostMetric m : CostMetric.values()) {
                assertThat(grand.get(Currency.getInstance("USD")).metric(m))
                        .as("%s by %s", m, g)
                        .isEqualTo(expected.metric(m));
            }
            assertThat(grand.get(Currency.getInstance("USD"))).isEqualTo(expected);
        }
    }
}
