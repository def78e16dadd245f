package org.cloudbilling.reseller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.t;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillB;
import org.cloudbilling.reseller.bill.BillBFeature;
import org.cloudbilling.reseller.bill.BillDifference;
import org.cloudbilling.reseller.bill.BillDifference.Cause;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.CustomerBill;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.confirmation.Confirmation;
import org.cloudbilling.reseller.confirmation.CreditState;
import org.cloudbilling.reseller.confirmation.Refusal;
import org.cloudbilling.reseller.distributor.DistributorQueries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The worked example of {@code docs/reseller.md}, step by step: a distributor, two second-level resellers,
 * customers moving between them mid-month, September's Bill A and Bill B of each reseller and their
 * reconciliation. Every expected amount is worked out by hand in the guide.
 */
@Tag("RES-1")
@Tag("RES-2")
@Tag("RES-5")
public class WorkedExampleTest {
    static final Currency CNY = Currency.getInstance("CNY");
    static final PartnerUin DIST = PartnerUin.of("200000000001");
    public static final PartnerUin R1 = PartnerUin.of("200000000011");
    public static final PartnerUin R2 = PartnerUin.of("200000000012");
    static final OwnerUin ALICE = OwnerUin.of("100000000101");
    static final OwnerUin BOB = OwnerUin.of("100000000102");
    static final OwnerUin CAROL = OwnerUin.of("100000000103");
    public static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    static final Instant AS_OF = t("2024-10-06T09:00");

    // 1. The channel and its binding history
    static final Channel CHANNEL = Channel.builder()
            .distributor(DIST)
            .reseller(R1, DIST)
            .reseller(R2, DIST)
            .build()
            .bound(ALICE, R1, t("2024-08-01T00:00"))
            .unbound(ALICE, t("2024-09-15T10:00"))
            .bound(ALICE, R2, t("2024-09-15T10:00"))
            .bound(BOB, R1, t("2024-08-01T00:00"))
            .bound(CAROL, R2, t("2024-09-20T12:00"));

    // 2. September's line items, as the provider reports them
    public static final List<LineItem> ITEMS = List.of(
            postpaid("a-h1", ALICE, SettlementCycle.HOURLY, "2024-09-14T23:00", "2024-09-15T00:00", "2.00", "1.60"),
            postpaid("a-h2", ALICE, SettlementCycle.HOURLY, "2024-09-15T10:00", "2024-09-15T11:00", "2.00", "1.60"),
            postpaid("a-m", ALICE, SettlementCycle.MONTHLY, "2024-09-01T00:00", "2024-10-01T00:00", "30.00", "24.00"),
            prepaid("a-p", ALICE, ActionType.NEW_PURCHASE, "2024-09-03T09:00", "100.00", "80.00")
                    .voucherPaid(cny("20.00"))
                    .cashPaid(cny("60.00"))
                    .build(),
            postpaid("b-d", BOB, SettlementCycle.DAILY, "2024-09-10T00:00", "2024-09-11T00:00", "50.00", "40.00"),
            prepaid("b-r", BOB, ActionType.REFUND, "2024-09-12T15:00", "-20.00", "-16.00")
                    .build(),
            LineItem.builder()
                    .from(postpaid(
                            "b-adj",
                            BOB,
                            SettlementCycle.DAILY,
                            "2024-09-11T00:00",
                            "2024-09-12T00:00",
                            "-3.00",
                            "-2.40"))
                    .actionType(ActionType.ADJUSTMENT)
                    .build(),
            postpaid("c-d1", CAROL, SettlementCycle.DAILY, "2024-09-19T00:00", "2024-09-20T00:00", "10.00", "8.00"),
            postpaid("c-d2", CAROL, SettlementCycle.DAILY, "2024-09-20T00:00", "2024-09-21T00:00", "10.00", "8.00"));

    static LineItem postpaid(
            String id, OwnerUin owner, SettlementCycle cycle, String from, String to, String list, String total) {
        return Fixtures.usage(id, owner, cycle, from, to, list)
                .discountRate(new BigDecimal("0.8"))
                .totalCost(cny(total))
                .build();
    }

    /** A prepaid order of {@code owner} at {@code orderedAt} for the 30 days from then. */
    static LineItem.Builder prepaid(
            String id, OwnerUin owner, ActionType action, String orderedAt, String list, String total) {
        String end = LocalDateTime.parse(orderedAt).plusDays(30).toString();
        return Fixtures.prepaid(id, owner, orderedAt, orderedAt, end, list)
                .actionType(action)
                .discountRate(new BigDecimal("0.8"))
                .totalCost(cny(total));
    }

    // 3. Attribution
    static final List<AttributedCharge> CHARGES =
            Attribution.attribute(ITEMS, AttributionContext.of(BillingCalendar.TENCENT, CHANNEL));

    // 4. Each reseller's settings and September bills
    static final ResellerSettings R1_SETTINGS = ResellerSettings.builder()
            .reseller(R1)
            .currency(CNY)
            .addBillBFeature(BillBFeature.CUSTOMER_DISCOUNTS)
            .putCustomerDiscount(BOB, new BigDecimal("0.9"))
            .build();
    static final ResellerSettings R2_SETTINGS =
            ResellerSettings.builder().reseller(R2).currency(CNY).build();
    public static final ResellerMonth R1_MONTH = ResellerBills.compute(
            CHARGES, R1_SETTINGS, SEPTEMBER, BillingCalendar.TENCENT, AS_OF, Map.of(LineItemId.of("b-d"), cny("5.00")));
    public static final ResellerMonth R2_MONTH =
            ResellerBills.compute(CHARGES, R2_SETTINGS, SEPTEMBER, BillingCalendar.TENCENT, AS_OF, Map.of());

    private static Map<String, String> partners() {
        Map<String, String> out = new java.util.TreeMap<>();
        CHARGES.forEach(c -> out.put(
                c.item().id().value(), c.partner().map(PartnerUin::value).orElse("direct")));
        return out;
    }

    @Test
    @Tag("ATTR-1")
    @Tag("ATTR-2")
    @Tag("ATTR-3")
    void step3_attribution_followsEachChargesRule() {
        assertThat(partners())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "a-h1", R1.value(), // settled 15th 00:00, still R1's
                        "a-h2", R2.value(), // settled 15th 11:00, R2's since 10:00
                        "a-m", R2.value(), // monthly: identity on 1 October
                        "a-p", R1.value(), // prepaid: ordered on the 3rd
                        "b-d", R1.value(),
                        "b-r", R1.value(),
                        "b-adj", R1.value(),
                        "c-d1", "direct", // settled 20th 00:00, before Carol was bound at 12:00
                        "c-d2", R2.value()));
    }

    @Test
    @Tag("RES-3")
    @Tag("RES-4")
    @Tag("RES-10")
    void step4_r1BillAAndBillB() {
        BillA a = R1_MONTH.billA();
        assertThat(a.status()).isEqualTo(BillStatus.FINAL);
        assertThat(a.rows()).extracting(r -> r.id().value()).containsExactly("a-h1", "a-p", "b-d", "b-r", "b-adj");
        assertThat(a.originalTotal()).isEqualTo(cny("133.60"));
        assertThat(a.total()).isEqualTo(cny("103.20"));
        assertThat(a.resellerVoucher()).isEqualTo(cny("20.00"));
        assertThat(a.cashExpenditure()).isEqualTo(cny("83.20"));
        BillB b = R1_MONTH.billB();
        assertThat(b.rows()).extracting(r -> r.id().value()).containsExactly("a-h1", "a-p", "b-d", "b-r");
        assertThat(b.originalTotal()).isEqualTo(cny("134.00"));
        assertThat(b.total()).isEqualTo(cny("124.00"));
        assertThat(b.customerBill(BOB).total()).isEqualTo(cny("22.00"));
        assertThat(b.customerBill(ALICE).total()).isEqualTo(cny("102.00"));
    }

    @Test
    @Tag("RES-4")
    @Tag("RES-8")
    void step5_r1Difference_addsUpByCause() {
        BillDifference original = R1_MONTH.originalPriceDifference();
        assertThat(original.difference()).isEqualTo(cny("-0.40"));
        assertThat(original.amountOf(Cause.REFUND)).isEqualTo(cny("2.00"));
        assertThat(original.amountOf(Cause.BILL_ADJUSTMENT)).isEqualTo(cny("-2.40"));
        BillDifference total = R1_MONTH.totalDifference();
        assertThat(total.difference()).isEqualTo(cny("-20.80"));
        assertThat(total.parts())
                .extracting(BillDifference.Part::cause, BillDifference.Part::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Cause.PRICE_DIFFERENCE, cny("-25.40")),
                        org.assertj.core.groups.Tuple.tuple(Cause.CUSTOMER_VOUCHER, cny("5.00")),
                        org.assertj.core.groups.Tuple.tuple(Cause.REFUND, cny("2.00")),
                        org.assertj.core.groups.Tuple.tuple(Cause.BILL_ADJUSTMENT, cny("-2.40")));
        assertThat(total.rowCountA()).isEqualTo(5);
        assertThat(total.rowCountB()).isEqualTo(4);
    }

    @Test
    void step6_r2BillsAndDifference() {
        assertThat(R2_MONTH.billA().rows()).extracting(r -> r.id().value()).containsExactly("a-h2", "a-m", "c-d2");
        assertThat(R2_MONTH.billA().total()).isEqualTo(cny("33.60"));
        assertThat(R2_MONTH.billB().total()).isEqualTo(cny("42.00"));
        BillDifference total = R2_MONTH.totalDifference();
        assertThat(total.amountOf(Cause.PRICE_DIFFERENCE)).isEqualTo(cny("-8.40"));
        assertThat(total.parts()).hasSize(1);
    }

    @Test
    void step7_distributorQueries() {
        var r1Customers = DistributorQueries.endCustomersOf(CHANNEL, BillingCalendar.TENCENT, DIST, R1_MONTH.billA());
        var r2Customers = DistributorQueries.endCustomersOf(CHANNEL, BillingCalendar.TENCENT, DIST, R2_MONTH.billA());
        assertThat(r1Customers).containsOnlyKeys(ALICE, BOB);
        assertThat(r2Customers).containsOnlyKeys(ALICE, CAROL);
        List<BillA> alice = DistributorQueries.indirectCustomerBill(
                CHANNEL, BillingCalendar.TENCENT, DIST, ALICE, List.of(R1_MONTH.billA(), R2_MONTH.billA()));
        assertThat(alice.stream().map(BillA::total).reduce(Money.zero(CNY), Money::plus))
                .isEqualTo(cny("107.20")); // 1.60 + 80.00 with R1, 1.60 + 24.00 with R2
    }

    @Test
    @Tag("RES-6")
    @Tag("RES-7")
    void step8_confirmation() {
        CustomerBill bobs = R1_MONTH.billB().customerBill(BOB);
        CreditState opening = CreditState.opening(R1, cny("500.00"));
        assertThat(Confirmation.confirmWhole(opening, CHANNEL, DIST, bobs)
                        .isRefusedFor(Refusal.Reason.DISTRIBUTOR_CANNOT_CONFIRM_INDIRECT))
                .isTrue();
        CreditState partly = Confirmation.confirmPartial(opening, CHANNEL, R1, bobs, cny("20.00"))
                .state();
        assertThat(partly.pool()).isEqualTo(cny("480.00"));
        assertThat(partly.creditOf(BOB)).isEqualTo(cny("20.00"));
        CreditState whole = Confirmation.confirmWhole(partly, CHANNEL, R1, bobs).state();
        assertThat(whole.pool()).isEqualTo(cny("478.00"));
    }
}
