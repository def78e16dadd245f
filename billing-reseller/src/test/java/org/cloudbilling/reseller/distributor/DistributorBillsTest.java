package org.cloudbilling.reseller.distributor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.CAROL;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.DIST;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.prepaid;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.view.OutOfScopeException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * RES-13 by hand. DIST gets 30% off every product (rate 0.70), and 40% off p_cbs (0.60) from 16 September. R1 sells
 * to Alice and Bob, R2 to Carol; Dan is DIST's own customer and Erin a direct customer, so neither shows.
 *
 * <pre>
 * item  who    product resource comp.  list  RI  reseller cost  distributor cost        margin
 * a1    Alice  p_cvm   ins-1    v_cpu   100       80             100 x 0.70 = 70         10
 * a2    Alice  p_cvm   ins-1    v_mem    50       40              50 x 0.70 = 35          5
 * a3    Alice  p_cvm   ins-1    v_cpu   100       80              70                     10
 * a4    Alice  p_cbs   disk-1           40       36  (20 Sep)    40 x 0.60 = 24         12
 * a5    Alice  p_cbs   disk-1           40       36  (10 Sep)    40 x 0.70 = 28          8
 * b1    Bob    p_cvm   ins-2           200      170  (prepaid)  140                     30
 * b2    Bob    p_cvm   ins-2          -100      -85  (refund)   -70                    -15
 * r1    Bob    p_cvm   -                -5       -5  (adjustment passes through) -5      0
 * c1    Carol  p_cvm   ins-3            10        9               7                      2
 * c2    Carol  p_cvm   ins-3            30  10   18              (30 - 10) x 0.70 = 14   4
 * </pre>
 */
@Tag("RES-13")
class DistributorBillsTest {
    private static final OwnerUin DAN = OwnerUin.of("100000000104");
    private static final OwnerUin ERIN = OwnerUin.of("100000000105");
    private static final BusinessCode CVM = BusinessCode.of("p_cvm");
    private static final BusinessCode CBS = BusinessCode.of("p_cbs");
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final Instant ISSUED = t("2024-10-06T00:00");
    private static final Channel CHANNEL = channel()
            .bound(ALICE, R1, t("2024-08-01T00:00"))
            .bound(BOB, R1, t("2024-08-01T00:00"))
            .bound(CAROL, R2, t("2024-08-01T00:00"))
            .bound(DAN, DIST, t("2024-08-01T00:00"));
    static final DistributorPricing PRICING = new DistributorPricing(
            DIST,
            CNY,
            List.of(
                    DistributorDiscount.of(new BigDecimal("0.70")),
                    DistributorDiscount.forProduct(CBS, t("2024-09-16T00:00"), new BigDecimal("0.60"))));

    private static LineItem use(
            String id, OwnerUin owner, BusinessCode product, String resource, String day, String list, String cost) {
        return usage(id, owner, SettlementCycle.DAILY, day + "T00:00", day + "T01:00", list)
                .businessCode(product)
                .resourceId(ResourceId.of(resource))
                .totalCost(cny(cost))
                .build();
    }

    static List<LineItem> items() {
        return List.of(
                LineItem.builder()
                        .from(use("a1", ALICE, CVM, "ins-1", "2024-09-02", "100", "80"))
                        .itemCode(ItemCode.of("v_cpu"))
                        .build(),
                LineItem.builder()
                        .from(use("a2", ALICE, CVM, "ins-1", "2024-09-02", "50", "40"))
                        .itemCode(ItemCode.of("v_mem"))
                        .build(),
                LineItem.builder()
                        .from(use("a3", ALICE, CVM, "ins-1", "2024-09-03", "100", "80"))
                        .itemCode(ItemCode.of("v_cpu"))
                        .build(),
                use("a4", ALICE, CBS, "disk-1", "2024-09-20", "40", "36"),
                use("a5", ALICE, CBS, "disk-1", "2024-09-10", "40", "36"),
                prepaid("b1", BOB, "2024-09-05T10:00", "2024-09-05T10:00", "2024-10-05T10:00", "200")
                        .resourceId(ResourceId.of("ins-2"))
                        .totalCost(cny("170"))
                        .build(),
                prepaid("b2", BOB, "2024-09-20T10:00", "2024-09-20T10:00", "2024-10-05T10:00", "-100")
                        .actionType(ActionType.REFUND)
                        .originalOrderId(OrderId.of("order-b1"))
                        .resourceId(ResourceId.of("ins-2"))
                        .totalCost(cny("-85"))
                        .build(),
                usage("r1", BOB, SettlementCycle.MONTHLY, "2024-09-01T00:00", "2024-10-01T00:00", "-5")
                        .actionType(ActionType.ADJUSTMENT)
                        .build(),
                use("c1", CAROL, CVM, "ins-3", "2024-09-04", "10", "9"),
                LineItem.builder()
                        .from(use("c2", CAROL, CVM, "ins-3", "2024-09-05", "30", "18"))
                        .reservedInstanceDeduction(cny("10"))
                        .build(),
                use("d1", DAN, CVM, "ins-4", "2024-09-05", "1000", "500"),
                use("e1", ERIN, CVM, "ins-5", "2024-09-05", "1000", "500"),
                use("a6", ALICE, CVM, "ins-1", "2024-10-02", "1000", "500"));
    }

    static List<AttributedCharge> charges() {
        return Attribution.attribute(items(), AttributionContext.of(BillingCalendar.TENCENT, CHANNEL));
    }

    private static DistributorMonth september() {
        return DistributorBills.compute(charges(), CHANNEL, PRICING, SEPTEMBER, BillingCalendar.TENCENT, ISSUED);
    }

    private static DistributorBillRow row(
            OwnerUin who,
            BusinessCode product,
            Optional<String> resource,
            int items,
            String original,
            String resellerCost,
            String distributorCost) {
        return new DistributorBillRow(
                who,
                product,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                resource.map(ResourceId::of),
                items,
                cny(original),
                cny(original).minus(cny(resellerCost)),
                cny(resellerCost),
                cny(original).minus(cny(distributorCost)),
                cny(distributorCost));
    }

    @Test
    void compute_resourceBills_sumEachResourcesRowsWithBothCostsSideBySide() {
        DistributorMonth month = september();

        assertThat(month.status()).isEqualTo(BillStatus.FINAL);
        assertThat(month.resourceBill(R1).level()).isEqualTo(DistributorBill.Level.RESOURCE);
        assertThat(month.resourceBill(R1).rows())
                .containsExactly(
                        row(ALICE, CBS, Optional.of("disk-1"), 2, "80", "72", "52"),
                        row(ALICE, CVM, Optional.of("ins-1"), 3, "250", "200", "175"),
                        row(BOB, CVM, Optional.empty(), 1, "-5", "-5", "-5"),
                        // Bill A shows the refund at the reseller's amount: 200 + (-85) original, 170 - 85 cost
                        row(BOB, CVM, Optional.of("ins-2"), 2, "115", "85", "70"));
        assertThat(month.resourceBill(R2).rows())
                .containsExactly(row(CAROL, CVM, Optional.of("ins-3"), 2, "40", "27", "21"));
        assertThat(month.resourceBill(R1).resellerCost()).isEqualTo(cny("352"));
        assertThat(month.resourceBill(R1).distributorCost()).isEqualTo(cny("292"));
        assertThat(month.resourceBill(R1).margin()).isEqualTo(cny("60"));
    }

    @Test
    void compute_detailedBill_isAMonthlyAggregatePerComponent() {
        List<DistributorBillRow> alice = september().detailedBill(R1).rows().stream()
                .filter(r -> r.customer().equals(ALICE) && r.product().equals(CVM))
                .toList();

        assertThat(alice).extracting(r -> r.component().orElseThrow().value()).containsExactly("v_cpu", "v_mem");
        assertThat(alice.get(0).lineItems()).isEqualTo(2);
        assertThat(alice.get(0).resellerCost()).isEqualTo(cny("160"));
        assertThat(alice.get(0).distributorCost()).isEqualTo(cny("140"));
        assertThat(alice.get(0).margin()).isEqualTo(cny("20"));
        assertThat(alice.get(1).resellerCost()).isEqualTo(cny("40"));
        assertThat(alice.get(1).distributorCost()).isEqualTo(cny("35"));
        assertThat(alice.get(1).margin()).isEqualTo(cny("5"));
        assertThat(september().detailedBill(R1).margin()).isEqualTo(cny("60"));
        assertThat(september().detailedBill(R2).margin()).isEqualTo(cny("6"));
    }

    @Test
    void margin_byResellerCustomerProductAndResource_isExact() {
        DistributorMargin margin = september().margin();

        assertThat(margin.total()).isEqualTo(cny("66"));
        assertThat(margin.byReseller()).isEqualTo(Map.of(R1, cny("60"), R2, cny("6")));
        assertThat(margin.byCustomer()).isEqualTo(Map.of(ALICE, cny("45"), BOB, cny("15"), CAROL, cny("6")));
        assertThat(margin.byProduct()).isEqualTo(Map.of(CBS, cny("20"), CVM, cny("46")));
        assertThat(margin.byResource())
                .isEqualTo(Map.of(
                        ResourceId.of("disk-1"), cny("20"),
                        ResourceId.of("ins-1"), cny("25"),
                        ResourceId.of("ins-2"), cny("15"),
                        ResourceId.of("ins-3"), cny("6")));
        assertThat(margin.withoutResource()).isEqualTo(cny("0"));
    }

    @Test
    void compute_resellerSide_isExactlyItsBillA() {
        BillA billA = ResellerBills.compute(
                        charges(),
                        ResellerSettings.builder().reseller(R1).currency(CNY).build(),
                        SEPTEMBER,
                        BillingCalendar.TENCENT,
                        ISSUED,
                        Map.of())
                .billA();

        DistributorBill bill = september().resourceBill(R1);

        assertThat(bill.resellerCost()).isEqualTo(billA.total());
        assertThat(bill.originalTotal()).isEqualTo(billA.originalTotal());
    }

    @Test
    void compute_beforeTheIssueDay_isProvisionalAndLeavesOutToday() {
        DistributorMonth early = DistributorBills.compute(
                charges(), CHANNEL, PRICING, SEPTEMBER, BillingCalendar.TENCENT, t("2024-09-10T12:00"));

        assertThat(early.status()).isEqualTo(BillStatus.PROVISIONAL);
        // through 9 September: a1, a2, a3 (ins-1) and b1 of R1; c1, c2 of R2
        assertThat(early.margin().byReseller()).isEqualTo(Map.of(R1, cny("55"), R2, cny("6")));
    }

    @Test
    void resourceBill_ofAResellerOfAnotherDistributor_isOutOfScope() {
        assertThatThrownBy(() -> september().resourceBill(PartnerUin.of("299999999999")))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessage("299999999999 is not a second-level reseller of 200000000001 in 2024-09");
    }

    @Test
    void compute_chargeInAnotherCurrency_isRefusedNamingItemResellerAndMonth() {
        List<LineItem> items = List.of(LineItem.builder()
                .from(use("u1", ALICE, CVM, "ins-1", "2024-09-02", "100", "80"))
                .listCost(Money.of("USD", "100"))
                .totalCost(Money.of("USD", "80"))
                .build());
        List<AttributedCharge> charges =
                Attribution.attribute(items, AttributionContext.of(BillingCalendar.TENCENT, CHANNEL));

        assertThatThrownBy(() ->
                        DistributorBills.compute(charges, CHANNEL, PRICING, SEPTEMBER, BillingCalendar.TENCENT, ISSUED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line item u1 of reseller 200000000011, month 2024-09, is in USD; the bills of distributor"
                        + " 200000000001 are in CNY");
    }

    @Test
    void compute_forAReseller_isRefused() {
        DistributorPricing ofReseller = DistributorPricing.listPrice(R1, CNY);

        assertThatThrownBy(() -> DistributorBills.compute(
                        charges(), CHANNEL, ofReseller, SEPTEMBER, BillingCalendar.TENCENT, ISSUED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("200000000011 is a reseller, not a distributor");
    }

    @Test
    void discount_outsideZeroToOne_isRefusedNamingProductAndDate() {
        assertThatThrownBy(() -> DistributorDiscount.forProduct(CBS, t("2024-09-16T00:00"), new BigDecimal("1.2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("distributor discount 1.2 on product p_cbs, from 2024-09-15T16:00:00Z, is outside [0, 1]");
        assertThatThrownBy(() -> DistributorDiscount.of(new BigDecimal("-0.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("distributor discount -0.1 on every product, always, is outside [0, 1]");
    }

    @Test
    void pricing_twoDiscountsOfTheSameProductAndDate_areRefusedAsOverlapping() {
        List<DistributorDiscount> twice = List.of(
                DistributorDiscount.forProduct(CBS, t("2024-09-16T00:00"), new BigDecimal("0.6")),
                DistributorDiscount.forProduct(CBS, t("2024-09-16T00:00"), new BigDecimal("0.5")));

        assertThatThrownBy(() -> new DistributorPricing(DIST, CNY, twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("distributor 200000000001: two discounts on product p_cbs, from 2024-09-15T16:00:00Z,"
                        + " overlap");
    }

    @Test
    void pricing_productDiscountWinsFromItsDate_andListPriceWithoutAny() {
        assertThat(PRICING.rateFor(CBS, t("2024-09-15T23:59"))).isEqualByComparingTo("0.70");
        assertThat(PRICING.rateFor(CBS, t("2024-09-16T00:00"))).isEqualByComparingTo("0.60");
        assertThat(PRICING.rateFor(CVM, t("2024-09-16T00:00"))).isEqualByComparingTo("0.70");
        assertThat(DistributorPricing.listPrice(DIST, CNY).rateFor(CVM, t("2024-09-16T00:00")))
                .isEqualByComparingTo("1");
    }
}
