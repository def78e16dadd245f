package org.cloudbilling.reseller.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.prepaid;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillDifference.Cause;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End-customer discounts per customer and product with a mid-month change (RES-14). Expected amounts are worked
 * out by hand in the comments.
 */
class CustomerDiscountScheduleTest {
    private static final Channel CHANNEL = channel().bound(ALICE, R1, t("2024-08-01T00:00"));
    private static final BusinessCode CVM = BusinessCode.of("p_cvm");
    private static final BusinessCode CBS = BusinessCode.of("p_cbs");
    private static final BigDecimal D90 = new BigDecimal("0.9");
    private static final BigDecimal D80 = new BigDecimal("0.8");
    private static final BigDecimal D70 = new BigDecimal("0.7");
    private static final BigDecimal D60 = new BigDecimal("0.6");

    /** 0.9 always; 0.8 from 16 Sep; 0.7 on p_cbs from 20 Sep; 0.6 from 25 Sep (all UTC+8). */
    private static final ResellerSettings SETTINGS = ResellerSettings.builder()
            .reseller(R1)
            .currency(CNY)
            .addBillBFeature(BillBFeature.CUSTOMER_DISCOUNTS)
            .putCustomerDiscount(ALICE, D90)
            .addDiscounts(CustomerDiscount.from(ALICE, t("2024-09-16T00:00"), D80))
            .addDiscounts(CustomerDiscount.forProduct(ALICE, CBS, t("2024-09-20T00:00"), D70))
            .addDiscounts(CustomerDiscount.from(ALICE, t("2024-09-25T00:00"), D60))
            .build();

    private static ResellerMonth september(List<LineItem> items, AttributionContext context) {
        return ResellerBills.compute(
                Attribution.attribute(items, context),
                SETTINGS,
                BillingMonth.of(2024, 9),
                BillingCalendar.TENCENT,
                t("2024-10-06T00:00"),
                Map.of());
    }

    private static LineItem daily(String id, BusinessCode product, String from, String to, String amount) {
        return usage(id, ALICE, SettlementCycle.DAILY, from, to, amount)
                .businessCode(product)
                .build();
    }

    private static BillBRow row(ResellerMonth month, String id) {
        return month.billB().rows().stream()
                .filter(r -> r.id().equals(LineItemId.of(id)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @Tag("RES-14")
    @Tag("RES-10")
    void usage_midMonthChange_appliesByFeeStart_productDiscountWins_rowNamesItsDiscount() {
        ResellerMonth month = september(
                List.of(
                        // fee start 15 Sep, settled at the change instant: still 0.9 -> 10 x 0.9 = 9
                        daily("u1", CVM, "2024-09-15T00:00", "2024-09-16T00:00", "10"),
                        // 16 Sep: 0.8 -> 8
                        daily("u2", CVM, "2024-09-16T00:00", "2024-09-17T00:00", "10"),
                        // p_cbs on 19 Sep, before its product discount: 0.8 -> 16
                        daily("u3", CBS, "2024-09-19T00:00", "2024-09-20T00:00", "20"),
                        // p_cbs on 20 Sep: product discount 0.7 -> 14
                        daily("u4", CBS, "2024-09-20T00:00", "2024-09-21T00:00", "20"),
                        // p_cvm on 20 Sep: customer-wide 0.8 -> 16
                        daily("u5", CVM, "2024-09-20T00:00", "2024-09-21T00:00", "20"),
                        // p_cbs on 26 Sep: the product discount (from 20 Sep) wins over the later customer-wide 0.6 ->
                        // 7
                        daily("u6", CBS, "2024-09-26T00:00", "2024-09-27T00:00", "10"),
                        // p_cvm on 26 Sep: 0.6 -> 6
                        daily("u7", CVM, "2024-09-26T00:00", "2024-09-27T00:00", "10")),
                AttributionContext.of(BillingCalendar.TENCENT, CHANNEL));

        assertThat(month.billB().rows())
                .extracting(BillBRow::totalBeforeVoucher)
                .containsExactly(cny("9"), cny("8"), cny("16"), cny("14"), cny("16"), cny("7"), cny("6"));
        assertThat(month.billB().rows())
                .extracting(r -> r.customerDiscount().orElseThrow())
                .containsExactly(D90, D80, D80, D70, D80, D70, D60);
        assertThat(row(month, "u1").discount()).contains(CustomerDiscount.of(ALICE, D90));
        assertThat(row(month, "u2").discount()).contains(CustomerDiscount.from(ALICE, t("2024-09-16T00:00"), D80));
        assertThat(row(month, "u4").discount())
                .contains(CustomerDiscount.forProduct(ALICE, CBS, t("2024-09-20T00:00"), D70));
        assertThat(row(month, "u7").discount()).contains(CustomerDiscount.from(ALICE, t("2024-09-25T00:00"), D60));
        // A = 10 + 10 + 20 + 20 + 20 + 10 + 10 = 100; B = 9 + 8 + 16 + 14 + 16 + 7 + 6 = 76
        assertThat(month.billB().total()).isEqualTo(cny("76"));
        BillDifference r = month.totalDifference();
        assertThat(r.difference()).isEqualTo(cny("24"));
        assertThat(r.amountOf(Cause.PRICE_DIFFERENCE)).isEqualTo(cny("24"));
    }

    @Test
    @Tag("RES-14")
    @Tag("ATTR-1")
    void prepaid_midMonthChange_appliesByOrderTime() {
        ResellerMonth month = september(
                List.of(
                        // ordered 15 Sep, fee from 16 Sep: the order time decides -> 100 x 0.9 = 90
                        prepaid("p1", ALICE, "2024-09-15T10:00", "2024-09-16T00:00", "2024-10-16T00:00", "100")
                                .build(),
                        // ordered 16 Sep 12:00 -> 100 x 0.8 = 80
                        prepaid("p2", ALICE, "2024-09-16T12:00", "2024-09-16T12:00", "2024-10-16T12:00", "100")
                                .build(),
                        // deducted 17 Sep, but the order was placed 14 Sep (order times) -> 50 x 0.9 = 45
                        prepaid("p3", ALICE, "2024-09-17T00:00", "2024-09-17T00:00", "2024-10-17T00:00", "50")
                                .build()),
                AttributionContext.of(BillingCalendar.TENCENT, CHANNEL)
                        .withOrderTimes(Map.of(OrderId.of("order-p3"), t("2024-09-14T00:00"))));

        assertThat(month.billB().rows())
                .extracting(BillBRow::totalBeforeVoucher)
                .containsExactly(cny("90"), cny("80"), cny("45"));
        assertThat(row(month, "p1").discount()).contains(CustomerDiscount.of(ALICE, D90));
        assertThat(row(month, "p2").discount()).contains(CustomerDiscount.from(ALICE, t("2024-09-16T00:00"), D80));
        assertThat(row(month, "p3").discount()).contains(CustomerDiscount.of(ALICE, D90));
        // A = 250, B = 215
        BillDifference r = month.totalDifference();
        assertThat(r.totalB()).isEqualTo(cny("215"));
        assertThat(r.difference()).isEqualTo(cny("35"));
        assertThat(r.amountOf(Cause.PRICE_DIFFERENCE)).isEqualTo(cny("35"));
    }

    @Test
    @Tag("RES-14")
    void beforeEveryDiscount_orDiscountsOff_theRateIsOneAndNoDiscountIsNamed() {
        ResellerSettings later = ResellerSettings.builder()
                .reseller(R1)
                .currency(CNY)
                .addBillBFeature(BillBFeature.CUSTOMER_DISCOUNTS)
                .addDiscounts(CustomerDiscount.from(ALICE, t("2024-09-16T00:00"), D80))
                .build();
        LineItem early = daily("u1", CVM, "2024-09-15T00:00", "2024-09-16T00:00", "10");
        ResellerMonth month = ResellerBills.compute(
                Attribution.attribute(List.of(early), AttributionContext.of(BillingCalendar.TENCENT, CHANNEL)),
                later,
                BillingMonth.of(2024, 9),
                BillingCalendar.TENCENT,
                t("2024-10-06T00:00"),
                Map.of());
        assertThat(row(month, "u1").totalBeforeVoucher()).isEqualTo(cny("10"));
        assertThat(row(month, "u1").customerDiscount()).contains(BigDecimal.ONE);
        assertThat(row(month, "u1").discount()).isEmpty();
        assertThat(SETTINGS.discountFor(BOB, CVM, t("2024-09-20T00:00"))).isEmpty();
        ResellerSettings off = ((ImmutableResellerSettings) SETTINGS).withBillBFeatures(java.util.Set.of());
        assertThat(off.discountFor(ALICE, CVM, t("2024-09-20T00:00"))).isEmpty();
    }

    @Test
    @Tag("RES-14")
    void badInput_rateOutsideZeroToOne_isRefusedNamingCustomerAndProduct() {
        assertThatThrownBy(() -> CustomerDiscount.forProduct(ALICE, CBS, t("2024-09-20T00:00"), new BigDecimal("1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discount 1.5 of customer 100000000101, product p_cbs, from 2024-09-19T16:00:00Z is"
                        + " outside [0, 1]");
        assertThatThrownBy(() -> CustomerDiscount.of(ALICE, new BigDecimal("-0.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discount -0.1 of customer 100000000101, every product, always is outside [0, 1]");
        assertThatThrownBy(() -> ResellerSettings.builder()
                        .reseller(R1)
                        .currency(CNY)
                        .putCustomerDiscount(BOB, new BigDecimal("1.01"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reseller 200000000011: discount 1.01 of customer 100000000102 is above 1");
    }

    @Test
    @Tag("RES-14")
    void badInput_twoDiscountsOfTheSameCustomerProductAndEffectiveFrom_areRefused() {
        assertThatThrownBy(() -> ResellerSettings.builder()
                        .reseller(R1)
                        .currency(CNY)
                        .addDiscounts(CustomerDiscount.forProduct(ALICE, CBS, t("2024-09-20T00:00"), D70))
                        .addDiscounts(CustomerDiscount.forProduct(ALICE, CBS, t("2024-09-20T00:00"), D60))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reseller 200000000011: customer 100000000101, product p_cbs, has two discounts from"
                        + " 2024-09-19T16:00:00Z");
        // the shorthand is a discount from the beginning of time on every product
        assertThatThrownBy(() -> ResellerSettings.builder()
                        .reseller(R1)
                        .currency(CNY)
                        .putCustomerDiscount(ALICE, D90)
                        .addDiscounts(CustomerDiscount.of(ALICE, D80))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reseller 200000000011: customer 100000000101, every product, has two discounts always");
        // the same instant for another product, or another instant, is fine
        ResellerSettings ok = ResellerSettings.builder()
                .reseller(R1)
                .currency(CNY)
                .addBillBFeature(BillBFeature.CUSTOMER_DISCOUNTS)
                .addDiscounts(CustomerDiscount.forProduct(ALICE, CBS, t("2024-09-20T00:00"), D70))
                .addDiscounts(CustomerDiscount.forProduct(ALICE, CVM, t("2024-09-20T00:00"), D60))
                .addDiscounts(CustomerDiscount.from(ALICE, t("2024-09-20T00:00"), D80))
                .build();
        assertThat(ok.discountFor(ALICE, CVM, t("2024-09-21T00:00")).map(CustomerDiscount::rate))
                .contains(D60);
        assertThat(ok.discountFor(ALICE, BusinessCode.of("p_cos"), t("2024-09-21T00:00"))
                        .map(CustomerDiscount::rate))
                .contains(D80);
    }
}
