package org.cloudbilling.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
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

        Rollup byOwner = Consolidation.consolidate(List.of(item), Grouping.by(Dimension.OWNER, Dimension.BUSINESS));
        List<Money> thirds = Money.of("USD", "100.00").splitEvenly(3); // 33.34, 33.33, 33.33: adds up exactly
        Money payable = Money.of("CNY", "100.12501236").settled(SettlementPolicy.HUAWEI); // CNY 100.12

        assertThat(item.totalCost().toString()).isEqualTo("CNY 0.320000000");
        assertThat(byOwner.groups()).hasSize(1);
        assertThat(thirds).extracting(Money::toString).containsExactly("USD 33.34", "USD 33.33", "USD 33.33");
        assertThat(payable.toString()).isEqualTo("CNY 100.12");
    }
}
