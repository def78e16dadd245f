package org.cloudbilling.core.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.BillFixtures;
import org.junit.jupiter.api.Test;

class TotalsTest {
    private static final Money CNY_1 = Money.of("CNY", "1.00");
    private static final Money CNY_2 = Money.of("CNY", "2.00");

    @Test
    void of_zeroItems_isAccepted() {
        Totals none = Totals.of(0, Money.of("CNY", "0"), Money.of("CNY", "0"));

        assertThat(none.itemCount()).isZero();
        assertThat(none.listCost()).isEqualTo(Money.of("CNY", "0"));
    }

    @Test
    void of_negativeItemCount_isRefusedNamingIt() {
        assertThatThrownBy(() -> Totals.of(-1, CNY_1, CNY_1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item count -1 is negative");
    }

    @Test
    void of_differentCurrencies_isRefusedNamingBothCosts() {
        assertThatThrownBy(() -> Totals.of(1, CNY_1, Money.of("USD", "1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("list cost CNY 1.00 and total cost USD 1.00 are in different currencies");
    }

    @Test
    void plus_addsCountsAndBothCostsExactly_refundsIncluded() {
        Totals a = Totals.of(2, Money.of("CNY", "10.00000001"), Money.of("CNY", "8.5"));
        Totals refund = Totals.of(1, Money.of("CNY", "-0.00000002"), Money.of("CNY", "-9"));

        Totals sum = a.plus(refund);

        assertThat(sum.itemCount()).isEqualTo(3);
        assertThat(sum.listCost()).hasToString("CNY 9.99999999");
        assertThat(sum.totalCost()).hasToString("CNY -0.5");
    }

    @Test
    void ofItem_countsOneWithTheItemsCosts() {
        Totals t = Totals.of(BillFixtures.DISK_REFUND);

        assertThat(t).isEqualTo(Totals.of(1, Money.of("CNY", "-120.5"), Money.of("CNY", "-96.4")));
    }

    @Test
    void equals_comparesEveryMeasure_andHashCodeAgrees() {
        Totals t = Totals.of(2, CNY_1, CNY_2);

        assertThat(t).isEqualTo(Totals.of(2, Money.of("CNY", "1"), Money.of("CNY", "2.000")));
        assertThat(t).hasSameHashCodeAs(Totals.of(2, Money.of("CNY", "1"), Money.of("CNY", "2.000")));
        assertThat(t).isNotEqualTo(Totals.of(3, CNY_1, CNY_2));
        assertThat(t).isNotEqualTo(Totals.of(2, CNY_2, CNY_2));
        assertThat(t).isNotEqualTo(Totals.of(2, CNY_1, CNY_1));
        assertThat(t).isNotEqualTo("Totals");
        assertThat(t.hashCode()).isNotEqualTo(Totals.of(3, CNY_1, CNY_2).hashCode());
        assertThat(t.hashCode()).isNotEqualTo(Totals.of(2, CNY_2, CNY_2).hashCode());
        assertThat(t.hashCode()).isNotEqualTo(Totals.of(2, CNY_1, CNY_1).hashCode());
        assertThat(t)
                .hasToString("Totals[items=2, listCost=CNY 1.00, totalCost=CNY 2.00, effectiveCost=CNY 2.00,"
                        + " contractedCost=CNY 1.00]");
    }

    @Test
    void grandTotals_sumEveryGroupPerCurrency() {
        Rollup r = Consolidation.consolidate(
                List.of(BillFixtures.CVM_HOUR, BillFixtures.DISK_REFUND), Grouping.by(Dimension.BUSINESS));

        Map<Currency, Totals> grand = r.grandTotals();

        // billed 0.32 - 96.40 and list 0.40 - 120.50; effective = billed (neither reports one); contracted: the hour's
        // list cost times its discount rate, 0.40 x 0.8 = 0.32, and the refund's list cost, -120.50: -120.18; the
        // hour's 1 hour consumed, no pricing quantity
        assertThat(grand).containsOnlyKeys(Currency.getInstance("CNY"));
        assertThat(grand.get(Currency.getInstance("CNY")))
                .isEqualTo(Totals.of(
                        2,
                        Money.of("CNY", "-120.1"),
                        Money.of("CNY", "-96.08"),
                        Money.of("CNY", "-96.08"),
                        Money.of("CNY", "-120.18"),
                        new java.math.BigDecimal("1.000000000000000"),
                        null));
        assertThat(r.groups()).hasSize(2);
        assertThat(r).hasToString("Rollup[Grouping[businessCode], 2 groups]");
    }

    @Test
    void merge_differentGroupings_isRefusedNamingBoth() {
        Rollup byOwner = Rollup.empty(Grouping.by(Dimension.OWNER));
        Rollup byPayer = Rollup.empty(Grouping.by(Dimension.PAYER));

        assertThatThrownBy(() -> byOwner.merge(byPayer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge roll-ups of different groupings: Grouping[ownerUin] and Grouping[payerUin]");
    }

    @Test
    void rollup_equalsByGroupingAndGroups() {
        Grouping g = Grouping.by(Dimension.OWNER);
        Rollup one = Consolidation.consolidate(List.of(BillFixtures.CVM_HOUR), g);

        assertThat(one).isEqualTo(Consolidation.consolidate(List.of(BillFixtures.CVM_HOUR), g));
        assertThat(one).hasSameHashCodeAs(Consolidation.consolidate(List.of(BillFixtures.CVM_HOUR), g));
        assertThat(one).isNotEqualTo(Rollup.empty(g));
        assertThat(Rollup.empty(g)).isNotEqualTo(Rollup.empty(Grouping.by(Dimension.PAYER)));
        assertThat(one).isNotEqualTo(g);
        assertThat(Rollup.empty(g).grouping()).isSameAs(g);
    }
}
