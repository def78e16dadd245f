package org.cloudbilling.core.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LineItemChecksTest {
    private static final Money USD_1 = Money.of("USD", "1.00");

    /** The setters of the payments, in the order of their fields: cash, voucher, incentive, transfer, credit, coupon. */
    private static final List<BiFunction<LineItem.Builder, Money, LineItem.Builder>> PAYMENTS = List.of(
            (b, m) -> b.cashPaid(m),
            (b, m) -> b.voucherPaid(m),
            (b, m) -> b.incentivePaid(m),
            (b, m) -> b.transferPaid(m),
            (b, m) -> b.creditPaid(m),
            (b, m) -> b.couponPaid(m));

    /** {@code b} with every payment USD 1.00. */
    private static LineItem.Builder everyPaymentOf1(LineItem.Builder b) {
        PAYMENTS.forEach(pay -> pay.apply(b, USD_1));
        return b;
    }

    private static LineItem.Builder item(String total) {
        LineItem.Builder b = LineItem.builder();
        b.id(LineItemId.of("li-1"))
                .ownerUin(OwnerUin.of("1"))
                .payerUin(PayerUin.of("2"))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("2024-09-01T01:00:00Z")))
                .listCost(Money.of("USD", total))
                .totalCost(Money.of("USD", total));
        return b;
    }

    @Test
    void build_eachAmountInAnotherCurrency_isRefusedNamingItsField() {
        Money eur = Money.of("EUR", "1.00");
        List<String> fields = List.of(
                "listCost",
                "reservedInstanceDeduction",
                "savingsPlanDeduction",
                "tax",
                "cashPaid",
                "voucherPaid",
                "incentivePaid",
                "transferPaid",
                "creditPaid",
                "couponPaid");
        List<BiFunction<LineItem.Builder, Money, LineItem.Builder>> setters = new java.util.ArrayList<>(List.of(
                (b, m) -> b.listCost(m),
                (b, m) -> b.reservedInstanceDeduction(m),
                (b, m) -> b.savingsPlanDeduction(m),
                (b, m) -> b.tax(m)));
        setters.addAll(PAYMENTS);
        for (int i = 0; i < fields.size(); i++) {
            LineItem.Builder b = setters.get(i).apply(item("1.00"), eur);
            assertThatThrownBy(b::build)
                    .as(fields.get(i))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("line item li-1: " + fields.get(i) + " is in EUR but totalCost is in USD");
        }
    }

    @Test
    void build_eachPaymentAlone_mustEqualTheTotal() {
        for (BiFunction<LineItem.Builder, Money, LineItem.Builder> pay : PAYMENTS) {
            assertThat(pay.apply(item("1.00"), USD_1).build().totalCost()).isEqualTo(USD_1);
            assertThatThrownBy(() ->
                            pay.apply(item("1.00"), Money.of("USD", "0.99")).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("line item li-1: payments add up to USD 0.99 but totalCost is USD 1.00");
        }
    }

    @Test
    void build_everyPaymentCounts_inTheSum() {
        LineItem all = everyPaymentOf1(item("6.00")).build();

        assertThat(all.payments())
                .containsExactly(
                        Optional.of(USD_1),
                        Optional.of(USD_1),
                        Optional.of(USD_1),
                        Optional.of(USD_1),
                        Optional.of(USD_1),
                        Optional.of(USD_1));
        assertThatThrownBy(() -> everyPaymentOf1(item("5.00")).build())
                .hasMessage("line item li-1: payments add up to USD 6.00 but totalCost is USD 5.00");
    }

    @Test
    void build_noPaymentField_acceptsAnyTotal_andAZeroPaymentMustMatchAZeroTotal() {
        assertThat(item("7.25").build().payments()).allMatch(Optional::isEmpty);
        assertThat(item("0").cashPaid(Money.of("USD", "0.00")).build().cashPaid())
                .contains(Money.of("USD", "0"));
        assertThatThrownBy(() -> item("7.25").cashPaid(Money.of("USD", "0")).build())
                .hasMessage("line item li-1: payments add up to USD 0 but totalCost is USD 7.25");
    }

    @Test
    void build_negativePaymentsOfARefund_addUpToTheNegativeTotal() {
        LineItem refund = item("-3.00")
                .actionType(ActionType.REFUND)
                .cashPaid(Money.of("USD", "-2.50"))
                .voucherPaid(Money.of("USD", "-0.50"))
                .build();

        assertThat(refund.totalCost()).isEqualTo(Money.of("USD", "-3"));
        assertThat(refund.currency()).isEqualTo(Currency.getInstance("USD"));
    }

    @Test
    void build_discountRate_zeroIsAccepted_negativeIsRefusedNamingIt() {
        assertThat(item("1.00").discountRate(BigDecimal.ZERO).build().discountRate())
                .contains(BigDecimal.ZERO);
        assertThatThrownBy(
                        () -> item("1.00").discountRate(new BigDecimal("-0.01")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line item li-1: discountRate -0.01 is negative");
    }

    @Test
    @Tag("RECON-5")
    void build_purchaseQuantityAndDuration_zeroAccepted_negativeRefusedNamingThem() {
        LineItem zero = item("1.00")
                .purchaseQuantity(0)
                .purchaseDuration(BigDecimal.ZERO)
                .build();
        assertThat(zero.purchaseQuantity()).contains(0);
        assertThat(zero.purchaseDuration()).contains(BigDecimal.ZERO);
        assertThatThrownBy(() -> item("1.00").purchaseQuantity(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line item li-1: purchaseQuantity -1 is negative");
        assertThatThrownBy(() ->
                        item("1.00").purchaseDuration(new BigDecimal("-0.5")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line item li-1: purchaseDuration -0.5 is negative");
    }

    @Test
    @Tag("RECON-5")
    void json_theOrdersModeQuantityAndDuration_roundTrip() throws Exception {
        LineItem item = item("1.00")
                .billingMode(org.cloudbilling.core.recon.BillingMode.RESERVED_HALF_UPFRONT)
                .purchaseQuantity(3)
                .purchaseDuration(new BigDecimal("1.50"))
                .build();
        com.fasterxml.jackson.databind.ObjectMapper json = org.cloudbilling.core.json.BillingJson.mapper();

        String text = json.writeValueAsString(item);

        assertThat(text).contains("\"billingMode\" : \"RESERVED_HALF_UPFRONT\"", "\"purchaseDuration\" : \"1.50\"");
        assertThat(json.readValue(text, LineItem.class)).isEqualTo(item);
    }

    @Test
    void bill_refusesAnotherPayerCurrencyOrARepeatedId_namingTheIndex() {
        LineItem a = item("1.00").build();
        LineItem otherPayer = item("1.00")
                .id(LineItemId.of("li-2"))
                .payerUin(PayerUin.of("3"))
                .build();
        LineItem euro = item("1.00")
                .id(LineItemId.of("li-3"))
                .listCost(Money.of("EUR", "1"))
                .totalCost(Money.of("EUR", "1"))
                .build();
        Bill.Builder bill = Bill.builder()
                .payerUin(PayerUin.of("2"))
                .month(BillingMonth.of(2024, 9))
                .currency(Currency.getInstance("USD"));

        assertThatThrownBy(() -> Bill.builder()
                        .from(bill.build())
                        .addItems(a, otherPayer)
                        .build())
                .hasMessage("bill of 2 for 2024-09: items[1] (line item li-2) is paid by 3");
        assertThatThrownBy(() ->
                        Bill.builder().from(bill.build()).addItems(a, euro).build())
                .hasMessage("bill of 2 for 2024-09: items[1] (line item li-3) is in EUR, the bill in USD");
        assertThatThrownBy(
                        () -> Bill.builder().from(bill.build()).addItems(a, a).build())
                .hasMessage("bill of 2 for 2024-09: items[1] repeats line item id li-1");
    }

    @Test
    void bill_totals_addEveryItem_andAreZeroWithoutItems() {
        Bill.Builder b = Bill.builder()
                .payerUin(PayerUin.of("2"))
                .month(BillingMonth.of(2024, 9))
                .currency(Currency.getInstance("USD"));
        Bill empty = b.build();
        Bill two = Bill.builder()
                .from(empty)
                .addItems(
                        item("1.25").build(),
                        item("-0.5").id(LineItemId.of("li-2")).build())
                .build();

        assertThat(empty.totalCost()).isEqualTo(Money.zero(Currency.getInstance("USD")));
        assertThat(empty.listCost()).isEqualTo(Money.zero(Currency.getInstance("USD")));
        assertThat(two.totalCost()).hasToString("USD 0.75");
        assertThat(two.listCost()).hasToString("USD 0.75");
    }
}
