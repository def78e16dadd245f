package org.cloudbilling.reseller.distributor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.CAROL;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.DIST;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * RES-13 over random months: usage, refunds and adjustments of three customers of two resellers, random amounts with
 * up to 8 decimals, reserved-instance deductions, and a distributor discount that changes mid-month for one product.
 * The distributor's margin equals (reseller's cost - distributor's cost) summed over the rows, and an independent
 * oracle over the line items; each breakdown adds up to it; both bill levels and Bill A agree. A failure prints its
 * seed.
 */
@Tag("RES-13")
class DistributorBillsProperties {
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final Instant START = t("2024-09-01T00:00");
    private static final Instant ISSUED = t("2024-10-06T00:00");
    private static final List<OwnerUin> OWNERS = List.of(ALICE, BOB, CAROL);
    private static final List<BusinessCode> PRODUCTS = List.of(BusinessCode.of("p_cvm"), BusinessCode.of("p_cbs"));
    private static final List<BigDecimal> RATES = List.of(
            BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("0.7"), new BigDecimal("0.3333"), new BigDecimal("0.65"));
    private static final Channel CHANNEL = channel()
            .bound(ALICE, R1, t("2024-08-01T00:00"))
            .bound(BOB, R1, t("2024-08-01T00:00"))
            .bound(CAROL, R2, t("2024-08-01T00:00"));

    private static Money amount(Random random) {
        return Money.of(CNY, BigDecimal.valueOf(random.nextLong(-1_000_000_000L, 10_000_000_000L), random.nextInt(9)));
    }

    @Test
    void margin_equalsResellerCostLessDistributorCost_overRowsAndItems() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            BigDecimal everyRate = RATES.get(random.nextInt(RATES.size()));
            BigDecimal cbsRate = RATES.get(random.nextInt(RATES.size()));
            Instant cbsFrom = START.plus(Duration.ofHours(random.nextInt(30 * 24)));
            DistributorPricing pricing = new DistributorPricing(
                    DIST,
                    CNY,
                    List.of(
                            DistributorDiscount.of(everyRate),
                            DistributorDiscount.forProduct(PRODUCTS.get(1), cbsFrom, cbsRate)));
            List<LineItem> items = new ArrayList<>();
            Money oracle = Money.zero(CNY);
            int n = random.nextInt(25);
            for (int i = 0; i < n; i++) {
                OwnerUin owner = OWNERS.get(random.nextInt(OWNERS.size()));
                BusinessCode product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
                Instant from = START.plus(Duration.ofHours(random.nextInt(30 * 24)));
                ActionType action = List.of(
                                ActionType.USAGE, ActionType.USAGE, ActionType.REFUND, ActionType.ADJUSTMENT)
                        .get(random.nextInt(4));
                Money list = amount(random);
                Money total = amount(random);
                Money reserved = random.nextBoolean() ? amount(random) : Money.zero(CNY);
                LineItem.Builder b = LineItem.builder()
                        .id(LineItemId.of("i" + i))
                        .ownerUin(owner)
                        .payerUin(PayerUin.of(owner.value()))
                        .businessCode(product)
                        .payMode(PayMode.POSTPAID)
                        .settlementCycle(SettlementCycle.HOURLY)
                        .actionType(action)
                        .feePeriod(Interval.of(from, from.plus(Duration.ofHours(1))))
                        .listCost(list)
                        .totalCost(total);
                if (random.nextBoolean()) {
                    b.resourceId(ResourceId.of("ins-" + random.nextInt(4)));
                }
                if (!reserved.isZero()) {
                    b.reservedInstanceDeduction(reserved);
                }
                items.add(b.build());
                BigDecimal rate = product.equals(PRODUCTS.get(1)) && !from.isBefore(cbsFrom) ? cbsRate : everyRate;
                Money distributorCost = action == ActionType.ADJUSTMENT
                        ? total
                        : list.minus(reserved).multipliedBy(rate);
                oracle = oracle.plus(total.minus(distributorCost));
            }
            List<AttributedCharge> charges =
                    Attribution.attribute(items, AttributionContext.of(BillingCalendar.TENCENT, CHANNEL));

            DistributorMonth month =
                    DistributorBills.compute(charges, CHANNEL, pricing, SEPTEMBER, BillingCalendar.TENCENT, ISSUED);

            DistributorMargin margin = month.margin();
            Money overRows = Money.zero(CNY);
            for (DistributorBill bill : month.resourceBills()) {
                Money billRows = Money.zero(CNY);
                for (DistributorBillRow row : bill.rows()) {
                    billRows = billRows.plus(row.resellerCost().minus(row.distributorCost()));
                    assertThat(row.originalPrice().minus(row.resellerDiscount()))
                            .isEqualTo(row.resellerCost());
                    assertThat(row.originalPrice().minus(row.distributorDiscount()))
                            .isEqualTo(row.distributorCost());
                }
                assertThat(bill.margin()).isEqualTo(billRows);
                assertThat(margin.byReseller().get(bill.reseller())).isEqualTo(billRows);
                DistributorBill detailed = month.detailedBill(bill.reseller());
                assertThat(detailed.margin()).isEqualTo(bill.margin());
                assertThat(detailed.resellerCost()).isEqualTo(bill.resellerCost());
                assertThat(detailed.distributorCost()).isEqualTo(bill.distributorCost());
                BillA billA = ResellerBills.compute(
                                charges,
                                ResellerSettings.builder()
                                        .reseller(bill.reseller())
                                        .currency(CNY)
                                        .build(),
                                SEPTEMBER,
                                BillingCalendar.TENCENT,
                                ISSUED,
                                Map.of())
                        .billA();
                assertThat(bill.resellerCost()).isEqualTo(billA.total());
                overRows = overRows.plus(billRows);
            }
            assertThat(margin.total()).isEqualTo(overRows).isEqualTo(oracle);
            assertThat(sum(margin.byCustomer().values())).isEqualTo(margin.total());
            assertThat(sum(margin.byProduct().values())).isEqualTo(margin.total());
            assertThat(sum(margin.byResource().values()).plus(margin.withoutResource()))
                    .isEqualTo(margin.total());
        });
    }

    private static Money sum(Iterable<Money> amounts) {
        Money total = Money.zero(CNY);
        for (Money m : amounts) {
            total = total.plus(m);
        }
        return total;
    }
}
