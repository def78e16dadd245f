package org.cloudbilling.reseller.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.Fixtures;
import org.cloudbilling.reseller.RandomChannels;
import org.cloudbilling.reseller.bill.BillDifference.Cause;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bill A and Bill B over random charges, refunds, configuration changes and adjustments (the shared generator),
 * with random reserved-instance deductions, customer discounts and customer vouchers. Expected totals are
 * computed here from the items directly, not from the bills. A failure prints its seed.
 */
public class BillDifferenceProperties {
    private static final Instant AS_OF = Instant.parse("2030-01-01T00:00:00Z");
    private static final List<BigDecimal> DISCOUNTS =
            List.of(BigDecimal.ONE, new BigDecimal("0.9"), new BigDecimal("0.85"), new BigDecimal("0.3333"));

    /** A random reseller case: charges, R1's settings, customer vouchers. */
    public record Case(List<AttributedCharge> charges, ResellerSettings settings, Map<LineItemId, Money> vouchers) {}

    public static Case randomCase(List<LineItem> generated, long seed) {
        Random random = new Random(seed);
        List<LineItem> items = new ArrayList<>();
        for (LineItem item : RandomChannels.uniqueIds(generated)) {
            if (random.nextInt(3) == 0) {
                Money reserved = item.listCost().multipliedBy(new BigDecimal(random.nextInt(101)).movePointLeft(2));
                item = LineItem.builder()
                        .from(item)
                        .reservedInstanceDeduction(reserved)
                        .build();
            }
            items.add(item);
        }
        Channel channel = RandomChannels.channel(items, seed);
        List<AttributedCharge> charges =
                Attribution.attribute(items, AttributionContext.of(BillingCalendar.TENCENT, channel));
        ResellerSettings.Builder settings = ResellerSettings.builder()
                .reseller(R1)
                .currency(CNY)
                .billBFeatures(Fixtures.billBFeatures(random.nextBoolean(), random.nextBoolean()));
        items.stream()
                .map(LineItem::ownerUin)
                .distinct()
                .forEach(o -> settings.putCustomerDiscount(o, DISCOUNTS.get(random.nextInt(DISCOUNTS.size()))));
        Map<LineItemId, Money> vouchers = new HashMap<>();
        for (AttributedCharge c : charges) {
            if (c.partner().equals(Optional.of(R1))
                    && c.item().actionType() != ActionType.ADJUSTMENT
                    && random.nextInt(4) == 0) {
                vouchers.put(c.item().id(), Money.ofUnscaled(CNY, random.nextInt(1_000_000), 2));
            }
        }
        return new Case(charges, settings.build(), vouchers);
    }

    public static Set<BillingMonth> months(Case c) {
        Set<BillingMonth> months = new TreeSet<>();
        c.charges().stream().filter(ch -> ch.partner().equals(Optional.of(R1))).forEach(ch -> months.add(ch.month()));
        return months;
    }

    /**
     * R1's month worked out straight from the items, not from the bills: Bill A's total (the costs), Bill B's (each
     * list price less its reserved-instance deduction, times the customer's discount when discounts are on, less
     * the customer voucher), the adjustments (Bill A only) and the vouchers.
     */
    public record Expected(Money totalA, Money totalB, Money adjustments, int adjustmentRows, Money vouchers) {}

    /** Works out R1's {@code month} of the case from its items, with the case's vouchers. */
    public static Expected expected(Case c, BillingMonth month) {
        Money totalA = Money.zero(CNY);
        Money totalB = Money.zero(CNY);
        Money adjustments = Money.zero(CNY);
        Money vouchers = Money.zero(CNY);
        int adjustmentRows = 0;
        for (AttributedCharge ch : c.charges()) {
            if (!ch.partner().equals(Optional.of(R1)) || !ch.month().equals(month)) {
                continue;
            }
            LineItem item = ch.item();
            totalA = totalA.plus(item.totalCost());
            if (item.actionType() == ActionType.ADJUSTMENT) {
                adjustments = adjustments.plus(item.totalCost());
                adjustmentRows++;
                continue;
            }
            OwnerUin owner = item.ownerUin();
            BigDecimal d = c.settings().customerDiscountsEnabled()
                    ? c.settings().customerDiscounts().get(owner)
                    : BigDecimal.ONE;
            Money v = c.vouchers().getOrDefault(item.id(), Money.zero(CNY));
            vouchers = vouchers.plus(v);
            Money net = item.listCost().minus(item.reservedInstanceDeduction().orElse(Money.zero(CNY)));
            totalB = totalB.plus(net.multipliedBy(d)).minus(v);
        }
        return new Expected(totalA, totalB, adjustments, adjustmentRows, vouchers);
    }

    /** Computes the month with the vouchers of its own rows: vouchers are given per month. */
    public static ResellerMonth compute(Case c, BillingMonth month, Map<LineItemId, Money> vouchers) {
        Map<LineItemId, Money> ofMonth = new HashMap<>();
        c.charges().stream()
                .filter(ch -> ch.month().equals(month)
                        && vouchers.containsKey(ch.item().id()))
                .forEach(
                        ch -> ofMonth.put(ch.item().id(), vouchers.get(ch.item().id())));
        return ResellerBills.compute(c.charges(), c.settings(), month, BillingCalendar.TENCENT, AS_OF, ofMonth);
    }

    @Test
    @Tag("RES-5")
    @Tag("RES-4")
    @Tag("RES-10")
    void difference_randomMonths_addsUpExactlyAndMatchesTotalsComputedFromTheItems() {
        qt().withExamples(150)
                .forAll(lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(0, 60), longs().all())
                .checkAssert((generated, seed) -> {
                    Case c = randomCase(generated, seed);
                    for (BillingMonth month : months(c)) {
                        ResellerMonth m = compute(c, month, c.vouchers());
                        Expected expected = expected(c, month);
                        BillDifference total = m.totalDifference();
                        assertThat(total.totalA()).isEqualTo(expected.totalA());
                        assertThat(total.totalB()).isEqualTo(expected.totalB());
                        assertThat(sum(total)).isEqualTo(expected.totalA().minus(expected.totalB()));
                        assertThat(total.amountOf(Cause.BILL_ADJUSTMENT)).isEqualTo(expected.adjustments());
                        assertThat(total.amountOf(Cause.CUSTOMER_VOUCHER)).isEqualTo(expected.vouchers());
                        assertThat(total.rowCountA() - total.rowCountB()).isEqualTo(expected.adjustmentRows());
                        BillDifference original = m.originalPriceDifference();
                        assertThat(sum(original)).isEqualTo(original.totalA().minus(original.totalB()));
                        assertThat(original.amountOf(Cause.PRICE_DIFFERENCE)).isEqualTo(Money.zero(CNY));
                        assertThat(original.amountOf(Cause.CUSTOMER_VOUCHER)).isEqualTo(Money.zero(CNY));
                    }
                });
    }

    @Test
    @Tag("RES-8")
    void customerVouchers_neverChangeBillA() {
        qt().withExamples(100)
                .forAll(lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(0, 40), longs().all())
                .checkAssert((generated, seed) -> {
                    Case c = randomCase(generated, seed);
                    for (BillingMonth month : months(c)) {
                        assertThat(compute(c, month, c.vouchers()).billA())
                                .isEqualTo(compute(c, month, Map.of()).billA());
                    }
                });
    }

    private static Money sum(BillDifference r) {
        Money sum = Money.zero(CNY);
        for (BillDifference.Part d : r.parts()) {
            sum = sum.plus(d.amount());
        }
        return sum;
    }
}
