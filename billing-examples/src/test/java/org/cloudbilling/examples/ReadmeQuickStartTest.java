package org.cloudbilling.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and run so that it cannot go stale. Keep the two in step. */
class ReadmeQuickStartTest {

    @Test
    void quickStart_runsAsDocumented() {
        Money hour = Money.of("CNY", "0.40000000");
        LineItem item = LineItem.builder()
                .id(LineItemId.of("li-1"))
                .ownerUin(OwnerUin.of("100000000002"))
                .payerUin(PayerUin.of("100000000001"))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(Instant.parse("2024-09-17T16:00:00Z"), Instant.parse("2024-09-17T17:00:00Z")))
                .listCost(hour)
                .totalCost(hour.multipliedBy(new BigDecimal("0.8"))) // CNY 0.320000000, exact
                .build();

        LineItem disk = LineItem.builder() // the same hour, another product
                .from(item)
                .id(LineItemId.of("li-2"))
                .businessCode(BusinessCode.of("p_cbs"))
                .listCost(Money.of("CNY", "0.05"))
                .totalCost(Money.of("CNY", "0.05"))
                .build();

        Rollup byOwner =
                Consolidation.consolidate(List.of(item, disk), Grouping.by(Dimension.OWNER, Dimension.BUSINESS));
        for (Map.Entry<GroupKey, Totals> group : byOwner.groups().entrySet()) { // in key order: p_cbs, then p_cvm
            GroupKey key = group.getKey(); // a value per dimension, and the currency
            Totals totals = group.getValue();
            System.out.println(key.values() + " " + key.currency() + ": " + totals.itemCount() + " item(s), list "
                    + totals.listCost() + ", total " + totals.totalCost());
        }
        // [100000000002, p_cbs] CNY: 1 item(s), list CNY 0.05, total CNY 0.05
        // [100000000002, p_cvm] CNY: 1 item(s), list CNY 0.40000000, total CNY 0.320000000
        Totals all = byOwner.grandTotals().get(Currency.getInstance("CNY")); // 2 items, total CNY 0.370000000

        List<Money> thirds = Money.of("USD", "100.00").splitEvenly(3); // 33.34, 33.33, 33.33: adds up exactly
        Money payable = Money.of("CNY", "100.12501236").settled(SettlementPolicy.HUAWEI); // CNY 100.12

        // expectations worked out by hand: 0.40000000 x 0.8 = 0.320000000 (scale 8 + 1); the two groups differ
        // by business code only, and "p_cbs" sorts before "p_cvm"; the grand totals add the two groups
        assertThat(item.totalCost().toString()).isEqualTo("CNY 0.320000000");
        assertThat(byOwner.groups()).hasSize(2);
        List<GroupKey> keys = List.copyOf(byOwner.groups().keySet());
        assertThat(keys.get(0).values()).containsExactly("100000000002", "p_cbs");
        assertThat(keys.get(1).values()).containsExactly("100000000002", "p_cvm");
        assertThat(keys.get(1).value(1)).contains("p_cvm");
        assertThat(keys).allSatisfy(k -> assertThat(k.currency()).isEqualTo(Currency.getInstance("CNY")));
        Totals cbs = byOwner.groups().get(keys.get(0));
        assertThat(cbs.itemCount()).isEqualTo(1);
        assertThat(cbs.listCost().toString()).isEqualTo("CNY 0.05");
        assertThat(cbs.totalCost().toString()).isEqualTo("CNY 0.05");
        Totals cvm = byOwner.groups().get(keys.get(1));
        assertThat(cvm.itemCount()).isEqualTo(1);
        assertThat(cvm.listCost().toString()).isEqualTo("CNY 0.40000000");
        assertThat(cvm.totalCost().toString()).isEqualTo("CNY 0.320000000");
        assertThat(byOwner.grandTotals()).containsOnlyKeys(Currency.getInstance("CNY"));
        assertThat(all.itemCount()).isEqualTo(2);
        assertThat(all.listCost().toString()).isEqualTo("CNY 0.45000000");
        assertThat(all.totalCost().toString()).isEqualTo("CNY 0.370000000");
        assertThat(thirds).extracting(Money::toString).containsExactly("USD 33.34", "USD 33.33", "USD 33.33");
        assertThat(payable.toString()).isEqualTo("CNY 100.12");
    }
}
