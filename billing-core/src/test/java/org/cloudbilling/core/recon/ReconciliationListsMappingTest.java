package org.cloudbilling.core.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How line items become rows of the lists: durations, payments, refused items, and rows of another cycle. */
class ReconciliationListsMappingTest {
    /** A prepaid purchase of 10 CNY paid in cash, of order O-1, over [start, end). */
    private static LineItem.Builder prepaid(String start, String end) {
        return LineItem.builder()
                .id(LineItemId.of("li-1"))
                .ownerUin(OwnerUin.of("u1"))
                .payerUin(PayerUin.of("u1"))
                .businessCode(BusinessCode.of("ECS"))
                .payMode(PayMode.PREPAID)
                .actionType(ActionType.NEW_PURCHASE)
                .orderId(OrderId.of("O-1"))
                .feePeriod(Interval.of(Instant.parse(start), Instant.parse(end)))
                .listCost(Money.of("CNY", "10"))
                .totalCost(Money.of("CNY", "10"));
    }

    private static PeriodRecord row(LineItem item) {
        return ReconciliationLists.periodRecord(BillingMonth.of(2024, 9), item, BillingCalendar.TENCENT);
    }

    @Test
    @Tag("RECON-3")
    void periodRecord_daysInUtcPlus8_countEveryDayTouched() {
        // 00:00 on 10 September to 00:00 on 12 September in UTC+8: two whole days
        PeriodRecord whole = row(prepaid("2024-09-09T16:00:00Z", "2024-09-11T16:00:00Z")
                .cashPaid(Money.of("CNY", "10"))
                .build());
        // 00:00 on 10 September to 06:00 on 12 September in UTC+8: the 12th is touched too, three days
        PeriodRecord partial = row(prepaid("2024-09-09T16:00:00Z", "2024-09-11T22:00:00Z")
                .cashPaid(Money.of("CNY", "10"))
                .build());
        // 09:00 to 10:00 on 10 September in UTC+8: one day
        PeriodRecord hour = row(prepaid("2024-09-10T01:00:00Z", "2024-09-10T02:00:00Z")
                .cashPaid(Money.of("CNY", "10"))
                .build());

        assertThat(whole.billingMode()).contains(BillingMode.DAILY);
        assertThat(whole.duration()).isEqualTo(BigDecimal.valueOf(2));
        assertThat(partial.duration()).isEqualTo(BigDecimal.valueOf(3));
        assertThat(hour.duration()).isEqualTo(BigDecimal.ONE);
    }

    @Test
    @Tag("RECON-3")
    void periodRecord_wholeMonthsAndYears_areMonthlyAndYearly() {
        PeriodRecord threeMonths = row(prepaid("2024-09-09T16:00:00Z", "2024-12-09T16:00:00Z")
                .cashPaid(Money.of("CNY", "10"))
                .build());
        PeriodRecord twoYears = row(prepaid("2024-09-09T16:00:00Z", "2026-09-09T16:00:00Z")
                .cashPaid(Money.of("CNY", "10"))
                .build());
        PeriodRecord thirteenMonths = row(prepaid("2024-09-09T16:00:00Z", "2025-10-09T16:00:00Z")
                .cashPaid(Money.of("CNY", "10"))
                .build());

        assertThat(threeMonths.billingMode()).contains(BillingMode.MONTHLY);
        assertThat(threeMonths.duration()).isEqualTo(BigDecimal.valueOf(3));
        assertThat(twoYears.billingMode()).contains(BillingMode.YEARLY);
        assertThat(twoYears.duration()).isEqualTo(BigDecimal.valueOf(2));
        assertThat(thirteenMonths.billingMode()).contains(BillingMode.MONTHLY);
        assertThat(thirteenMonths.duration()).isEqualTo(BigDecimal.valueOf(13));
    }

    @Test
    @Tag("RECON-4")
    void periodRecord_eachPaymentFieldAlone_isEnoughAndLandsInItsColumn() {
        List<UnaryOperator<LineItem.Builder>> payments = List.of(
                b -> b.cashPaid(Money.of("CNY", "10")),
                b -> b.creditPaid(Money.of("CNY", "10")),
                b -> b.voucherPaid(Money.of("CNY", "10")),
                b -> b.couponPaid(Money.of("CNY", "10")),
                b -> b.incentivePaid(Money.of("CNY", "10")),
                b -> b.transferPaid(Money.of("CNY", "10")));
        BigDecimal ten = new BigDecimal("10");
        BigDecimal zero = BigDecimal.ZERO;
        List<Payments> expected = List.of(
                new Payments(ten, ten, ten, zero, zero),
                new Payments(ten, ten, zero, ten, zero),
                new Payments(ten, ten, zero, zero, ten),
                new Payments(ten, ten, zero, zero, ten),
                new Payments(ten, ten, zero, zero, ten),
                new Payments(ten, ten, zero, zero, ten));

        for (int i = 0; i < payments.size(); i++) {
            LineItem item = payments.get(i)
                    .apply(prepaid("2024-09-09T16:00:00Z", "2024-10-09T16:00:00Z"))
                    .build();
            assertThat(row(item).payments()).as("payment field %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void periodRecord_prepaidItemWithoutOrder_isRefusedNamingIt() {
        LineItem noOrder = prepaid("2024-09-09T16:00:00Z", "2024-10-09T16:00:00Z")
                .orderId(Optional.empty())
                .cashPaid(Money.of("CNY", "10"))
                .build();

        assertThatThrownBy(() -> row(noOrder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prepaid line item li-1 has no order; the Period list needs its Order No.");
    }

    @Test
    @Tag("RECON-3")
    void periodRecord_refundWithoutOriginalOrder_isRefusedNamingIt() {
        LineItem refund = prepaid("2024-09-09T16:00:00Z", "2024-10-09T16:00:00Z")
                .actionType(ActionType.REFUND)
                .listCost(Money.of("CNY", "-10"))
                .totalCost(Money.of("CNY", "-10"))
                .cashPaid(Money.of("CNY", "-10"))
                .build();

        assertThatThrownBy(() -> row(refund))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refund line item li-1 has no original order; an Unsubscription names its Pre-OrderId"
                        + " (RECON-3)");
    }

    @Test
    void periodRecord_prepaidUsage_isRefusedAsNoOrderType() {
        LineItem usage = prepaid("2024-09-09T16:00:00Z", "2024-10-09T16:00:00Z")
                .actionType(ActionType.USAGE)
                .cashPaid(Money.of("CNY", "10"))
                .build();

        assertThatThrownBy(() -> row(usage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prepaid line item li-1 has action USAGE, which is no order type of the Period list");
    }

    @Test
    @Tag("RECON-1")
    void new_rowsOfAnotherCycle_areRefusedNamingThem() {
        BillingMonth september = BillingMonth.of(2024, 9);
        BillingMonth august = BillingMonth.of(2024, 8);
        BigDecimal one = BigDecimal.ONE;
        Payments p = new Payments(one, one, one, BigDecimal.ZERO, BigDecimal.ZERO);
        PeriodRecord period = new PeriodRecord(
                august,
                "t",
                "O-7",
                OrderType.PURCHASE,
                Optional.empty(),
                "",
                "",
                "",
                "",
                Optional.of(BillingMode.DAILY),
                1,
                one,
                p,
                "");
        PayPerUseRecord payPerUse = new PayPerUseRecord(
                august, "OBS", "", "Object Storage", "", BillingMode.PAY_PER_USE, "", one, "", p, "");

        assertThatThrownBy(() -> new ReconciliationLists(september, List.of(period), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order O-7 is of cycle 2024-08, not 2024-09");
        assertThatThrownBy(() -> new ReconciliationLists(september, List.of(), List.of(payPerUse)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a pay-per-use row of Object Storage is of cycle 2024-08, not 2024-09");
        assertThat(new ReconciliationLists(august, List.of(period), List.of(payPerUse)).period())
                .containsExactly(period);
    }
}
