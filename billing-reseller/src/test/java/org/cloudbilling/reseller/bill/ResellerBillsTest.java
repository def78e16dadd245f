package org.cloudbilling.reseller.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.daily;
import static org.cloudbilling.reseller.Fixtures.r1DiscountingAlice;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillDifference.Cause;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One month of reseller R1 with Alice (discount 0.9 from R1; R1's own discount 0.8): a usage charge partly paid
 * with R1's voucher, one with a reserved-instance deduction, a refund, a bill adjustment, and a configuration
 * change as a downgrade refund plus an upgrade purchase. Expected amounts are worked out by hand in comments.
 */
class ResellerBillsTest {
    private static final Channel CHANNEL =
            channel().bound(ALICE, R1, t("2024-08-01T00:00")).bound(BOB, R2, t("2024-08-01T00:00"));
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final Instant AFTER_ISSUE = t("2024-10-06T00:00");
    private static final ResellerSettings SETTINGS = r1DiscountingAlice()
            .putBillingTagKey(TagKey.of("project"), t("2024-10-04T12:00"))
            .build();

    static List<LineItem> items() {
        return List.of(
                // A: original 100, discount 20, R1 voucher 10, cash 70, cost 80. B: 100 x 0.9 = 90.
                usage("u1", ALICE, SettlementCycle.HOURLY, "2024-09-02T00:00", "2024-09-02T01:00", "100.00")
                        .discountRate(new BigDecimal("0.8"))
                        .totalCost(cny("80.00"))
                        .voucherPaid(cny("10.00"))
                        .cashPaid(cny("70.00"))
                        .putTag(TagKey.of("project"), "gaming")
                        .putTag(TagKey.of("team"), "web")
                        .build(),
                // A: cost (50 - 20) x 0.8 = 24. B: (50 - 20) x 0.9 = 27.
                usage("u2", ALICE, "2024-09-03", "50.00")
                        .reservedInstanceDeduction(cny("20.00"))
                        .totalCost(cny("24.00"))
                        .build(),
                // refund: A original = cost = -32; B original = -40 x 0.9 = -36.
                daily("r1", ALICE, ActionType.REFUND, "2024-09-05", "-40.00", "-32.00"),
                // adjustment: A only, original = cost = -4.
                daily("adj1", ALICE, ActionType.ADJUSTMENT, "2024-09-06", "-5.00", "-4.00"),
                // configuration change, refund part: A -24; B -30 x 0.9 = -27.
                daily("c1", ALICE, ActionType.DOWNGRADE, "2024-09-07", "-30.00", "-24.00"),
                // configuration change, purchase part: A original 60, cost 48; B original 60, 60 x 0.9 = 54.
                daily("c2", ALICE, ActionType.UPGRADE, "2024-09-07", "60.00", "48.00"),
                // Bob is R2's customer: in neither of R1's bills.
                daily("b1", BOB, "2024-09-07", "7.00"));
    }

    static List<AttributedCharge> charges() {
        return Attribution.attribute(items(), AttributionContext.of(BillingCalendar.TENCENT, CHANNEL));
    }

    private static final Map<LineItemId, Money> VOUCHERS = Map.of(LineItemId.of("u1"), cny("5.00"));

    private static ResellerMonth compute(ResellerSettings settings, Instant asOf, Map<LineItemId, Money> vouchers) {
        return ResellerBills.compute(charges(), settings, SEPTEMBER, BillingCalendar.TENCENT, asOf, vouchers);
    }

    private static ResellerMonth september() {
        return compute(SETTINGS, AFTER_ISSUE, VOUCHERS);
    }

    @Test
    @Tag("RES-3")
    void billA_carriesCostInformation() {
        BillARow u1 = september().billA().rows().get(0);
        assertThat(u1.originalPrice()).isEqualTo(cny("100"));
        assertThat(u1.resellerDiscount()).isEqualTo(cny("20"));
        assertThat(u1.resellerVoucher()).isEqualTo(cny("10"));
        assertThat(u1.cashExpenditure()).isEqualTo(cny("70"));
        assertThat(u1.cost()).isEqualTo(cny("80"));
        assertThat(september().billA().rows()).extracting(BillARow::owner).containsOnly(ALICE);
    }

    @Test
    @Tag("RES-3")
    @Tag("RES-10")
    void billB_listPricesCustomerDiscountAndVoucher_perRES10() {
        BillB b = september().billB();
        BillBRow u1 = b.rows().get(0);
        assertThat(u1.originalPrice()).isEqualTo(cny("100"));
        assertThat(u1.customerDiscount()).contains(new BigDecimal("0.9"));
        assertThat(u1.totalBeforeVoucher()).isEqualTo(cny("90"));
        assertThat(u1.customerVoucher()).isEqualTo(cny("5"));
        assertThat(u1.total()).isEqualTo(cny("85"));
        assertThat(u1.resellerCost()).isEmpty();
        BillBRow u2 = b.rows().get(1);
        assertThat(u2.reservedInstanceDeduction()).isEqualTo(cny("20"));
        assertThat(u2.total()).isEqualTo(cny("27"));
        assertThat(b.customers()).containsExactly(ALICE);
    }

    @Test
    @Tag("RES-3")
    void billB_discountsAndPerspectiveNotEnabled_showListPriceAndNoCostColumns() {
        ResellerSettings plain = ResellerSettings.builder()
                .reseller(R1)
                .currency(CNY)
                .putCustomerDiscount(ALICE, new BigDecimal("0.9"))
                .build();
        BillBRow u1 = compute(plain, AFTER_ISSUE, Map.of()).billB().rows().get(0);
        assertThat(u1.customerDiscount()).isEmpty();
        assertThat(u1.total()).isEqualTo(cny("100"));
        assertThat(u1.resellerCost()).isEmpty();
        ResellerSettings perspective = ResellerSettings.builder()
                .from(plain)
                .addBillBFeature(BillBFeature.RESELLER_PERSPECTIVE)
                .build();
        assertThat(compute(perspective, AFTER_ISSUE, Map.of())
                        .billB()
                        .rows()
                        .get(0)
                        .resellerCost())
                .contains(new ResellerCost(cny("20"), cny("10"), cny("80")));
    }

    @Test
    @Tag("RES-4")
    void refundAndConfigurationChange_showAtResellerAmountInAAndCustomerAmountInB() {
        ResellerMonth m = september();
        assertThat(m.billA().rows())
                .extracting(BillARow::originalPrice)
                .containsExactly(cny("100"), cny("50"), cny("-32"), cny("-4"), cny("-24"), cny("60"));
        assertThat(m.billB().rows())
                .extracting(BillBRow::originalPrice)
                .containsExactly(cny("100"), cny("50"), cny("-36"), cny("-27"), cny("60"));
        assertThat(m.billB().rows())
                .extracting(BillBRow::kind)
                .containsExactly(
                        RowKind.CHARGE,
                        RowKind.CHARGE,
                        RowKind.REFUND,
                        RowKind.CONFIGURATION_CHANGE,
                        RowKind.CONFIGURATION_CHANGE);
    }

    @Test
    @Tag("RES-5")
    void difference_originalPrice_explainsTheFAQsDifferenceByCause() {
        BillDifference r = september().originalPriceDifference();
        // A: 100 + 50 - 32 - 4 - 24 + 60 = 150; B: 100 + 50 - 36 - 27 + 60 = 147
        assertThat(r.totalA()).isEqualTo(cny("150"));
        assertThat(r.totalB()).isEqualTo(cny("147"));
        assertThat(r.amountOf(Cause.REFUND)).isEqualTo(cny("4"));
        assertThat(r.amountOf(Cause.CONFIGURATION_CHANGE)).isEqualTo(cny("3"));
        assertThat(r.amountOf(Cause.BILL_ADJUSTMENT)).isEqualTo(cny("-4"));
        assertThat(r.amountOf(Cause.PRICE_DIFFERENCE)).isEqualTo(cny("0"));
        assertThat(r.rowCountA()).isEqualTo(6);
        assertThat(r.rowCountB()).isEqualTo(5);
        assertThat(r.parts())
                .extracting(BillDifference.Part::rows)
                .containsExactly(
                        List.of(LineItemId.of("r1")), List.of(LineItemId.of("c1")), List.of(LineItemId.of("adj1")));
    }

    @Test
    @Tag("RES-5")
    @Tag("RES-8")
    void difference_total_addsUpExactly() {
        BillDifference r = september().totalDifference();
        // A: 80 + 24 - 32 - 4 - 24 + 48 = 92; B: 85 + 27 - 36 - 27 + 54 = 103
        assertThat(r.totalA()).isEqualTo(cny("92"));
        assertThat(r.totalB()).isEqualTo(cny("103"));
        assertThat(r.amountOf(Cause.PRICE_DIFFERENCE)).isEqualTo(cny("-13")); // (80 - 90) + (24 - 27)
        assertThat(r.amountOf(Cause.CUSTOMER_VOUCHER)).isEqualTo(cny("5"));
        assertThat(r.amountOf(Cause.REFUND)).isEqualTo(cny("4")); // -32 - -36
        assertThat(r.amountOf(Cause.CONFIGURATION_CHANGE)).isEqualTo(cny("-3")); // (-24 - -27) + (48 - 54)
        assertThat(r.amountOf(Cause.BILL_ADJUSTMENT)).isEqualTo(cny("-4"));
        assertThat(r.difference()).isEqualTo(cny("-11"));
    }

    @Test
    @Tag("RES-8")
    void customerVoucher_lowersOnlyBillB() {
        ResellerMonth with = september();
        ResellerMonth without = compute(SETTINGS, AFTER_ISSUE, Map.of());
        assertThat(with.billA()).isEqualTo(without.billA());
        assertThat(with.billA().cashExpenditure()).isEqualTo(cny("82")); // cost 92 less R1's own voucher 10 on u1
        assertThat(without.billB().total().minus(with.billB().total())).isEqualTo(cny("5"));
    }

    @Test
    @Tag("RES-11")
    void tags_showOnlyUnderTheResellersBillingTagKeysADayAfterDefinition() {
        assertThat(september().billA().rows().get(0).tags()).containsOnlyKeys(TagKey.of("project"));
        // u1 carries "team" too, which R1 has not defined: neither bill shows it
        assertThat(september().billB().rows().get(0).tags()).containsExactly(Map.entry(TagKey.of("project"), "gaming"));
        ResellerMonth tooSoon = compute(SETTINGS, t("2024-10-05T11:59"), Map.of());
        assertThat(tooSoon.billA().rows().get(0).tags()).isEmpty();
        assertThat(tooSoon.billB().rows().get(0).tags()).isEmpty();
    }

    @Test
    @Tag("RES-9")
    void compute_beforeTheIssueDay_isProvisional_andCurrentMonthRunsToThePreviousDay() {
        assertThat(compute(SETTINGS, t("2024-10-04T23:59"), Map.of()).billA().status())
                .isEqualTo(BillStatus.PROVISIONAL);
        assertThat(september().billA().status()).isEqualTo(BillStatus.FINAL);
        ResellerMonth midMonth = compute(SETTINGS, t("2024-09-05T15:00"), Map.of());
        // u1 settled on the 2nd, u2 (daily of the 3rd) on the 4th: in; r1 settles on the 6th: not yet
        assertThat(midMonth.billA().rows())
                .extracting(BillARow::id)
                .containsExactly(LineItemId.of("u1"), LineItemId.of("u2"));
        assertThat(midMonth.billA().status()).isEqualTo(BillStatus.PROVISIONAL);
    }

    @Test
    void compute_voucherOnAnAdjustmentOrNegative_isRefused() {
        assertThatThrownBy(() -> compute(SETTINGS, AFTER_ISSUE, Map.of(LineItemId.of("adj1"), cny("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names line item adj1, which has no Bill B row");
        assertThatThrownBy(() -> compute(SETTINGS, AFTER_ISSUE, Map.of(LineItemId.of("u1"), cny("-1"))))
                .hasMessageContaining("customer voucher on line item u1 is CNY -1");
    }

    @Test
    void difference_billsOfDifferentResellers_isRefused() {
        ResellerMonth r1 = september();
        ResellerMonth r2 = ResellerBills.compute(
                charges(),
                ResellerSettings.builder().reseller(R2).currency(CNY).build(),
                SEPTEMBER,
                BillingCalendar.TENCENT,
                AFTER_ISSUE,
                Map.of());
        assertThatThrownBy(() -> BillDifference.of(r1.billA(), r2.billB(), BillDifference.Measure.TOTAL))
                .hasMessageContaining("are not of the same reseller month");
    }
}
