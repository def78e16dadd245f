package org.cloudbilling.reseller.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.bill.BillDifference.Cause;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A mid-month discount change splits a month exactly (RES-14): over random usage and prepaid charges of two
 * customers with a random customer-wide change and a random product discount, every Bill B row gets the rate an
 * independent oracle picks from the charge's fee start (usage) or order time (prepaid), Bill B's total is the sum
 * of each row's list cost times its rate, and A - B reconciles exactly. A failure prints its seed.
 */
public class CustomerDiscountScheduleProperties {
    private static final Instant MONTH_START = t("2024-09-01T00:00");
    private static final BusinessCode CVM = BusinessCode.of("p_cvm");
    private static final BusinessCode CBS = BusinessCode.of("p_cbs");
    private static final List<BigDecimal> RATES = List.of(
            BigDecimal.ONE,
            BigDecimal.ZERO,
            new BigDecimal("0.9"),
            new BigDecimal("0.85"),
            new BigDecimal("0.3333"),
            new BigDecimal("0.71"));

    /** One customer's schedule as the oracle reads it: old rate, new rate from {@code change}, CBS rate from {@code cbsFrom}. */
    private record Schedule(BigDecimal old, Instant change, BigDecimal changed, Instant cbsFrom, BigDecimal cbs) {
        BigDecimal rateAt(BusinessCode product, Instant at) {
            if (product.equals(CBS) && !at.isBefore(cbsFrom)) {
                return cbs;
            }
            return at.isBefore(change) ? old : changed;
        }
    }

    private static Instant hour(Random random, int maxHours) {
        return MONTH_START.plus(Duration.ofHours(random.nextInt(maxHours)));
    }

    @Test
    @Tag("RES-14")
    @Tag("RES-10")
    @Tag("RES-5")
    void midMonthChange_splitsBillBExactly_andAMinusBAddsUpByCause() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Channel channel = channel().bound(ALICE, R1, t("2024-08-01T00:00")).bound(BOB, R1, t("2024-08-01T00:00"));
            Map<OwnerUin, Schedule> schedules = new HashMap<>();
            ResellerSettings.Builder settings = ResellerSettings.builder()
                    .reseller(R1)
                    .currency(CNY)
                    .addBillBFeature(BillBFeature.CUSTOMER_DISCOUNTS);
            for (OwnerUin customer : List.of(ALICE, BOB)) {
                Schedule s = new Schedule(
                        RATES.get(random.nextInt(RATES.size())),
                        hour(random, 30 * 24),
                        RATES.get(random.nextInt(RATES.size())),
                        hour(random, 30 * 24),
                        RATES.get(random.nextInt(RATES.size())));
                schedules.put(customer, s);
                settings.putCustomerDiscount(customer, s.old())
                        .addDiscounts(CustomerDiscount.from(customer, s.change(), s.changed()))
                        .addDiscounts(CustomerDiscount.forProduct(customer, CBS, s.cbsFrom(), s.cbs()));
            }
            List<LineItem> items = new ArrayList<>();
            Map<LineItemId, Instant> timeOf = new HashMap<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                OwnerUin owner = random.nextBoolean() ? ALICE : BOB;
                BusinessCode product = random.nextBoolean() ? CVM : CBS;
                Money list = Money.ofUnscaled(CNY, random.nextInt(1_000_000), 2);
                Money cost = list.multipliedBy(new BigDecimal(random.nextInt(101)).movePointLeft(2));
                LineItem.Builder b = LineItem.builder()
                        .id(LineItemId.of("i" + i))
                        .ownerUin(owner)
                        .payerUin(org.cloudbilling.core.id.PayerUin.of(owner.value()))
                        .businessCode(product)
                        .listCost(list)
                        .totalCost(cost)
                        .actionType(org.cloudbilling.core.bill.ActionType.USAGE);
                Instant decides;
                if (random.nextBoolean()) {
                    Instant start = hour(random, 29 * 24);
                    b.payMode(PayMode.POSTPAID)
                            .settlementCycle(SettlementCycle.HOURLY)
                            .feePeriod(Interval.of(start, start.plus(Duration.ofHours(1))));
                    decides = start;
                } else {
                    Instant ordered = hour(random, 29 * 24);
                    Instant start = ordered.plus(Duration.ofHours(random.nextInt(24)));
                    b.payMode(PayMode.PREPAID)
                            .actionType(org.cloudbilling.core.bill.ActionType.NEW_PURCHASE)
                            .deductionTime(ordered)
                            .feePeriod(Interval.of(start, start.plus(Duration.ofDays(30))));
                    decides = ordered;
                }
                LineItem item = b.build();
                if (!BillingCalendar.TENCENT.monthOf(item.feePeriod().start()).equals(BillingMonth.of(2024, 9))) {
                    continue;
                }
                items.add(item);
                timeOf.put(item.id(), decides);
            }
            ResellerMonth month = ResellerBills.compute(
                    Attribution.attribute(items, AttributionContext.of(BillingCalendar.TENCENT, channel)),
                    settings.build(),
                    BillingMonth.of(2024, 9),
                    BillingCalendar.TENCENT,
                    t("2024-10-06T00:00"),
                    Map.of());
            Map<LineItemId, LineItem> byId = new HashMap<>();
            items.forEach(i -> byId.put(i.id(), i));
            assertThat(month.billB().rows()).hasSize(items.size());
            Money expectedB = Money.zero(CNY);
            Money fromRows = Money.zero(CNY);
            Money expectedA = Money.zero(CNY);
            for (BillBRow row : month.billB().rows()) {
                LineItem item = byId.get(row.id());
                BigDecimal rate = schedules.get(item.ownerUin()).rateAt(item.businessCode(), timeOf.get(row.id()));
                assertThat(row.discount().orElseThrow().rate()).isEqualByComparingTo(rate);
                assertThat(row.totalBeforeVoucher()).isEqualTo(item.listCost().multipliedBy(rate));
                expectedB = expectedB.plus(item.listCost().multipliedBy(rate));
                fromRows = fromRows.plus(row.originalPrice()
                        .multipliedBy(row.discount().orElseThrow().rate()));
                expectedA = expectedA.plus(item.totalCost());
            }
            assertThat(month.billB().total()).isEqualTo(expectedB);
            assertThat(month.billB().total()).isEqualTo(fromRows);
            BillDifference r = month.totalDifference();
            assertThat(r.totalA()).isEqualTo(expectedA);
            assertThat(r.difference()).isEqualTo(expectedA.minus(expectedB));
            Money explained = Money.zero(CNY);
            for (BillDifference.Part d : r.parts()) {
                explained = explained.plus(d.amount());
            }
            assertThat(explained).isEqualTo(expectedA.minus(expectedB));
            assertThat(r.amountOf(Cause.PRICE_DIFFERENCE)).isEqualTo(expectedA.minus(expectedB));
        });
    }
}
