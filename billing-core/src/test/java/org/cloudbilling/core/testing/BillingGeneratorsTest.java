package org.cloudbilling.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.internal.MoneyInternals;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The shared generators reach the edges they promise, and only produce valid values. */
class BillingGeneratorsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final long SEED = 20240918L;

    private static <T> List<T> sample(Gen<T> gen, int examples) {
        List<T> out = new ArrayList<>();
        qt().withFixedSeed(SEED).withExamples(examples).forAll(gen).checkAssert(out::add);
        return out;
    }

    @Test
    void currencies_includeTheZeroDecimalYen() {
        assertThat(sample(BillingGenerators.currencies(), 200))
                .extracting(Currency::getCurrencyCode)
                .containsOnly("USD", "CNY", "EUR", "JPY")
                .contains("USD", "CNY", "EUR", "JPY");
    }

    @Test
    void money_coversZeroNegativesEveryScaleAndTheBigDecimalFallback() {
        List<Money> amounts = sample(BillingGenerators.money(USD), 2000);

        assertThat(amounts).allSatisfy(m -> assertThat(m.currency()).isEqualTo(USD));
        assertThat(amounts).anyMatch(Money::isZero).anyMatch(Money::isNegative).anyMatch(Money::isPositive);
        Set<Integer> scales = amounts.stream().map(Money::scale).collect(Collectors.toSet());
        assertThat(scales)
                .containsAll(IntStream.rangeClosed(0, 11).boxed().toList())
                .allMatch(s -> s <= BillingGenerators.MAX_GENERATED_SCALE);
        assertThat(amounts).anyMatch(m -> !MoneyInternals.isCompact(m) && m.isNegative());
        assertThat(amounts).anyMatch(m -> !MoneyInternals.isCompact(m) && m.isPositive());
        assertThat(amounts)
                .anyMatch(m -> MoneyInternals.isCompact(m) && MoneyInternals.unscaledValue(m) == Long.MIN_VALUE);
        assertThat(amounts).anyMatch(m -> m.scale() == 8);
        BigDecimal tenPow15 = BigDecimal.TEN.pow(15);
        assertThat(amounts).anyMatch(m -> m.amount().abs().compareTo(tenPow15) > 0);
    }

    @Test
    void money_anyCurrency_drawsEveryCurrency() {
        assertThat(sample(BillingGenerators.money(), 500))
                .extracting(m -> m.currency().getCurrencyCode())
                .contains("USD", "CNY", "EUR", "JPY");
    }

    @Test
    void providerAmounts_haveEightDecimals() {
        assertThat(sample(BillingGenerators.providerAmounts(JPY), 500))
                .allMatch(m -> m.scale() == 8 && m.currency().equals(JPY))
                .anyMatch(Money::isNegative);
    }

    @Test
    void weights_areNonNegativeNeverAllZeroAndSometimesContainZero() {
        List<List<BigDecimal>> lists = sample(BillingGenerators.weights(), 2000);

        assertThat(lists).allSatisfy(ws -> {
            assertThat(ws).isNotEmpty().hasSizeLessThanOrEqualTo(12);
            assertThat(ws).allMatch(w -> w.signum() >= 0);
            assertThat(ws).anyMatch(w -> w.signum() > 0);
        });
        assertThat(lists).anyMatch(ws -> ws.stream().anyMatch(w -> w.signum() == 0));
        assertThat(lists).anyMatch(ws -> ws.stream().anyMatch(w -> w.scale() == Money.MAX_SCALE));
        assertThat(lists).anyMatch(ws -> ws.size() == 1);
    }

    @Test
    void ratios_addUpToExactlyOne() {
        List<List<BigDecimal>> lists = sample(BillingGenerators.ratios(), 1000);

        assertThat(lists).allSatisfy(rs -> {
            assertThat(rs.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1");
            assertThat(rs).allMatch(r -> r.signum() >= 0);
        });
        assertThat(lists).anyMatch(rs -> rs.size() > 1 && rs.stream().anyMatch(r -> r.signum() == 0));
    }

    @Test
    void lineItems_areValidAndCoverRefundsPaymentsAndTags() {
        List<LineItem> items = sample(BillingGenerators.lineItems(JPY), 1000);

        assertThat(items).allSatisfy(item -> {
            assertThat(item.currency()).isEqualTo(JPY);
            assertThat(item.listCost().currency()).isEqualTo(JPY);
            // within one month of the Tencent calendar
            BillingCalendar cal = BillingCalendar.TENCENT;
            assertThat(cal.monthOf(item.feePeriod().start()))
                    .isEqualTo(cal.monthOf(item.feePeriod().end().minusNanos(1)));
            assertThat(item.feePeriod().duration()).isGreaterThanOrEqualTo(Duration.ofHours(1));
            List<Optional<Money>> payments = List.of(
                    item.cashPaid(),
                    item.voucherPaid(),
                    item.incentivePaid(),
                    item.transferPaid(),
                    item.creditPaid(),
                    item.couponPaid());
            if (payments.stream().anyMatch(Optional::isPresent)) {
                Money paid = Money.total(
                        JPY, payments.stream().flatMap(Optional::stream).toList());
                assertThat(paid.amount()).isEqualByComparingTo(item.totalCost().amount());
            }
        });
        assertThat(items)
                .anyMatch(i ->
                        i.actionType() == ActionType.REFUND && i.totalCost().isNegative());
        assertThat(items)
                .anyMatch(i -> i.cashPaid().isPresent() && i.voucherPaid().isPresent());
        assertThat(items).anyMatch(i -> i.cashPaid().isEmpty() && i.couponPaid().isEmpty());
        assertThat(items).anyMatch(i -> !i.tags().isEmpty());
        assertThat(items).anyMatch(i -> i.projectId().isPresent());
        assertThat(items).anyMatch(i -> i.resourceId().isEmpty());
        assertThat(items.stream().map(LineItem::ownerUin).distinct().count()).isBetween(2L, 5L);
    }
}
