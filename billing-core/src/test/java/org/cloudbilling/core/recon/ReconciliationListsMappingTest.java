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
                .totalCost(Money.of("CNY", "10"))
                .billingMode(BillingMode.MONTHLY)
                .purchaseQuantity(1)
                .purchaseDuration(BigDecimal.ONE);
    }

    private static PeriodRecord row(LineItem item) {
        return ReconciliationLists.periodRecord(BillingMonth.of(2024, 9), item, BillingCalendar.TENCENT);
    }

    @Test
    @Tag("RECON-5")
    void periodRecord_theOrdersModeQuantityAndDuration_areWrittenWhateverTheFeePeriod() {
        // two days of fee period, but the order is a reserved instance paid fully upfront, 3 of them for 1 year
        PeriodRecord reserved = row(prepaid("2024-09-09T16:00:00Z", "2024-09-11T16:00:00Z")
                .billingMode(BillingMode.RESERVED_FULL_UPFRONT)
                .purchaseQuantity(3)
                .purchaseDuration(BigDecimal.ONE)
                .cashPaid(Money.of("CNY", "10"))
                .build());
        // exactly three months of fee period, but the order is Daily for 92 days, 2 resources
        PeriodRecord daily = row(prepaid("2024-09-09T16:00:00Z", "2024-12-09T16:00:00Z")
                .billingMode(BillingMode.DAILY)
                .purchaseQuantity(2)
                .purchaseDuration(BigDecimal.valueOf(92))
                .cashPaid(Money.of("CNY", "10"))
                .build());
        // one hour of fee period, a half-upfront reserved instance for 3 years
        PeriodRecord half = row(prepaid("2024-09-10T01:00:00Z", "2024-09-10T02:00:00Z")
                .billingMode(BillingMode.RESERVED_HALF_UPFRONT)
                .purchaseDuration(BigDecimal.valueOf(3))
                .cashPaid(Money.of("CNY", "10"))
                .build());

        assertThat(reserved.billingMode()).contains(BillingMode.RESERVED_FULL_UPFRONT);
        assertThat(reserved.purchaseQuantity()).isEqualTo(3);
        assertThat(reserved.duration()).isEqualTo(BigDecimal.ONE);
        assertThat(daily.billingMode()).contains(BillingMode.DAILY);
        assertThat(daily.purchaseQuantity()).isEqualTo(2);
        assertThat(daily.duration()).isEqualTo(BigDecimal.valueOf(92));
        assertThat(half.billingMode()).contains(BillingMode.RESERVED_HALF_UPFRONT);
        assertThat(half.purchaseQuantity()).isEqualTo(1);
        assertThat(half.duration()).isEqualTo(BigDecimal.valueOf(3));
    }

    @Test
    @Tag("RECON-5")
    void periodRecord_itemWithoutTheOrdersModeQuantityOrDuration_isRefusedNamingItAndTheField() {
        // a whole month of fee period: the old writer guessed Monthly, 1, 1 from it
        LineItem noMode = prepaid("2024-09-09T16:00:00Z", "2024-10-09T16:00:00Z")
                .billingMode(Optional.empty())
                .cashPaid(Money.of("CNY", "10"))
                .build();
        LineItem noQuantity = prepaid("2024-09-09T16:00:00Z", "2024-10-09T16:00:00Z")
                .purchaseQuantity(Optional.empty())
                .cashPaid(Money.of("CNY", "10"))
                .build();
        LineItem noDuration = prepaid("2024-09-09T16:00:00Z", "2024-10-09T16:00:00Z")
                .purchaseDuration(Optional.empty())
                .cashPaid(Money.of("CNY", "10"))
                .build();

        assertThatThrownBy(() -> row(noMode))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prepaid line item li-1 (order O-1) carries no billing mode; the Period list writes the"
                        + " order's own, never one guessed from the fee period (RECON-5)");
        assertThatThrownBy(() -> row(noQuantity))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("prepaid line item li-1 (order O-1) carries no purchase quantity;");
        assertThatThrownBy(() -> row(noDuration))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("prepaid line item li-1 (order O-1) carries no duration;");
    }

    @Test
    @Tag("RECON-5")
    void periodRecord_unsubscription_hasNoBillingModeEvenWhenTheItemCarriesOne() {
        LineItem refund = prepaid("2024-09-09T16:00:00Z", "2024-10-09T16:00:00Z")
                .actionType(ActionType.REFUND)
                .originalOrderId(OrderId.of("O-0"))
                .purchaseQuantity(2)
                .purchaseDuration(BigDecimal.valueOf(5))
                .listCost(Money.of("CNY", "-10"))
                .totalCost(Money.of("CNY", "-10"))
                .cashPaid(Money.of("CNY", "-10"))
                .build();

        PeriodRecord row = row(refund);

        assertThat(row.billingMode()).isEmpty();
        assertThat(row.purchaseQuantity()).isEqualTo(2);
        assertThat(row.duration()).isEqualTo(BigDecimal.valueOf(5));
    }

    @Test
    @Tag("RECON-5")
    void of_postpaidReservedInstanceWithoutUpfront_isItsOwnPayPerUseRowWithThatMode() {
        LineItem.Builder hour = LineItem.builder()
                .ownerUin(OwnerUin.of("u1"))
                .payerUin(PayerUin.of("u1"))
                .businessCode(BusinessCode.of("ECS"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(Instant.parse("2024-09-10T01:00:00Z"), Instant.parse("2024-09-10T02:00:00Z")))
                .usageQuantity(BigDecimal.ONE)
                .usageUnit("Hours")
                .listCost(Money.of("CNY", "2"))
                .totalCost(Money.of("CNY", "2"))
                .cashPaid(Money.of("CNY", "2"));
        LineItem plain = hour.id(LineItemId.of("u-1")).build();
        LineItem reserved = hour.id(LineItemId.of("u-2"))
                .billingMode(BillingMode.RESERVED_NO_UPFRONT)
                .build();

        List<PayPerUseRecord> rows = ReconciliationLists.of(
                        BillingMonth.of(2024, 9), List.of(plain, reserved), BillingCalendar.TENCENT)
                .payPerUse();

        assertThat(rows)
                .extracting(PayPerUseRecord::billingMode)
                .containsExactly(BillingMode.PAY_PER_USE, BillingMode.RESERVED_NO_UPFRONT);
        assertThat(rows).allSatisfy(r -> assertThat(r.usage()).isEqualTo(BigDecimal.ONE));
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
