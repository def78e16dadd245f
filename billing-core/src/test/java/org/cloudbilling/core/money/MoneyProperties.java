package org.cloudbilling.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.core.testing.BillingGenerators.currencies;
import static org.cloudbilling.core.testing.BillingGenerators.lineItems;
import static org.cloudbilling.core.testing.BillingGenerators.money;
import static org.cloudbilling.core.testing.BillingGenerators.ratios;
import static org.cloudbilling.core.testing.BillingGenerators.settlementPolicies;
import static org.cloudbilling.core.testing.BillingGenerators.weights;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.cloudbilling.core.bill.Bill;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Invariants of exact money over generated amounts (see {@link org.cloudbilling.core.testing.BillingGenerators}).
 * A failure prints the shrunk counterexample and its seed; {@code -DQT_SEED=<seed>} reproduces it.
 */
class MoneyProperties {

    /** {@code n} amounts in one currency. */
    private static Gen<List<Money>> sameCurrency(int n) {
        Gen<Currency> currency = currencies();
        return in -> {
            Gen<Money> amounts = money(currency.generate(in));
            List<Money> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(amounts.generate(in));
            }
            return out;
        };
    }

    /** One smallest unit at {@code scale}: 10^-scale. */
    private static BigDecimal unit(int scale) {
        return BigDecimal.ONE.movePointLeft(scale);
    }

    private static List<Money> negatedAll(List<Money> parts) {
        return parts.stream().map(Money::negated).toList();
    }

    private static void assertSameAmountAndScale(Money actual, Money expected) {
        assertThat(actual.currency()).isEqualTo(expected.currency());
        assertThat(actual.amount()).isEqualTo(expected.amount()); // BigDecimal.equals: value and scale
    }

    // ---------------------------------------------------------------- MONEY-4 splits

    @Test
    @Tag("MONEY-4")
    void split_byWeights_partsAddUpExactlyAtTheAmountsScale() {
        qt().forAll(money(), weights()).checkAssert((amount, weights) -> {
            List<Money> parts = amount.splitByWeights(weights);

            assertThat(parts).hasSameSizeAs(weights).allMatch(p -> p.scale() == amount.scale());
            assertSameAmountAndScale(Money.total(amount.currency(), parts), amount);
        });
    }

    @Test
    @Tag("MONEY-4")
    void split_byWeights_eachPartWithinOneUnitOfItsExactShare() {
        qt().forAll(money(), weights()).checkAssert((amount, weights) -> {
            List<Money> parts = amount.splitByWeights(weights);
            BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            // |part - amount * w / W| < unit  <=>  |part * W - amount * w| < unit * W, all exact
            BigDecimal bound = unit(amount.scale()).multiply(total);
            for (int i = 0; i < parts.size(); i++) {
                BigDecimal error = parts.get(i)
                        .amount()
                        .multiply(total)
                        .subtract(amount.amount().multiply(weights.get(i)))
                        .abs();
                assertThat(error).as("part %s of %s", i, parts).isLessThan(bound);
            }
        });
    }

    @Test
    @Tag("MONEY-4")
    void split_leftoverUnits_goToTheLargestRemainders_earlierIndexFirstOnTies() {
        qt().forAll(money(), weights()).checkAssert((amount, weights) -> {
            List<Money> parts = amount.splitByWeights(weights);
            BigDecimal units = new BigDecimal(amount.amount().unscaledValue().abs());
            BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            int n = weights.size();
            BigDecimal[] remainders = new BigDecimal[n];
            boolean[] gotLeftover = new boolean[n];
            for (int i = 0; i < n; i++) {
                BigDecimal share = units.multiply(weights.get(i));
                BigDecimal floor = share.divideToIntegralValue(total);
                remainders[i] = share.subtract(floor.multiply(total));
                BigDecimal part =
                        new BigDecimal(parts.get(i).amount().unscaledValue().abs());
                BigDecimal extra = part.subtract(floor);
                assertThat(extra.signum() == 0 || extra.compareTo(BigDecimal.ONE) == 0)
                        .as("part %s of %s is its floor or one unit more", i, parts)
                        .isTrue();
                gotLeftover[i] = extra.signum() != 0;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (gotLeftover[i] && !gotLeftover[j]) {
                        int c = remainders[i].compareTo(remainders[j]);
                        assertThat(c > 0 || (c == 0 && i < j))
                                .as("part %s got a leftover unit before part %s: %s", i, j, parts)
                                .isTrue();
                    }
                }
            }
        });
    }

    @Test
    @Tag("MONEY-4")
    void splitEvenly_partsDifferByAtMostOneUnit_largerOnesFirst() {
        qt().forAll(money(), integers().between(1, 20)).checkAssert((amount, n) -> {
            List<Money> parts = amount.splitEvenly(n);

            assertThat(parts).hasSize(n);
            assertThat(Money.total(amount.currency(), parts)).isEqualTo(amount);
            Money largest = Collections.max(parts);
            Money smallest = Collections.min(parts);
            assertThat(largest.minus(smallest).amount()).isLessThanOrEqualTo(unit(amount.scale()));
            List<Money> ofAbs = amount.abs().splitEvenly(n);
            for (int i = 1; i < n; i++) {
                assertThat(ofAbs.get(i)).as("part %s of %s", i, ofAbs).isLessThanOrEqualTo(ofAbs.get(i - 1));
            }
        });
    }

    @Test
    @Tag("MONEY-4")
    void split_byRatios_partsAddUpExactly() {
        qt().forAll(money(), ratios()).checkAssert((amount, ratios) -> {
            List<Money> parts = amount.splitByRatios(ratios);

            assertThat(parts).allMatch(p -> p.scale() == amount.scale());
            assertThat(Money.total(amount.currency(), parts)).isEqualTo(amount);
        });
    }

    @Test
    @Tag("MONEY-4")
    @Tag("MONEY-5")
    void split_ofTheNegatedAmount_isTheNegatedSplit() {
        qt().forAll(money(), weights()).checkAssert((amount, weights) -> {
            List<Money> parts = amount.splitByWeights(weights);
            List<Money> negatedParts = amount.negated().splitByWeights(weights);

            assertThat(negatedParts).isEqualTo(negatedAll(parts));
            assertThat(negatedParts).allMatch(p -> p.scale() == amount.scale());
        });
    }

    @Test
    @Tag("MONEY-4")
    void keyedSplit_doesNotDependOnMapOrder() {
        qt().forAll(money(), weights(), longs().all()).checkAssert((amount, weights, seed) -> {
            List<String> keys = new ArrayList<>();
            Map<String, BigDecimal> inKeyOrder = new LinkedHashMap<>();
            for (int i = 0; i < weights.size(); i++) {
                String key = String.format(Locale.ROOT, "k%02d", i);
                keys.add(key);
                inKeyOrder.put(key, weights.get(i));
            }
            List<String> shuffled = new ArrayList<>(keys);
            Collections.shuffle(shuffled, new Random(seed));
            Map<String, BigDecimal> inShuffledOrder = new LinkedHashMap<>();
            shuffled.forEach(k -> inShuffledOrder.put(k, inKeyOrder.get(k)));

            Map<String, Money> fromShuffled = amount.splitByWeights(inShuffledOrder);

            assertThat(fromShuffled).isEqualTo(amount.splitByWeights(inKeyOrder));
            assertThat(new ArrayList<>(fromShuffled.keySet())).isEqualTo(keys);
            assertThat(new ArrayList<>(fromShuffled.values())).isEqualTo(amount.splitByWeights(weights));
        });
    }

    // ---------------------------------------------------------------- MONEY-1, MONEY-2 arithmetic

    @Test
    @Tag("MONEY-1")
    void plus_isCommutative() {
        qt().forAll(sameCurrency(2))
                .checkAssert(m -> assertSameAmountAndScale(
                        m.get(0).plus(m.get(1)), m.get(1).plus(m.get(0))));
    }

    @Test
    @Tag("MONEY-1")
    void plus_isAssociative() {
        qt().forAll(sameCurrency(3)).checkAssert(m -> {
            Money a = m.get(0);
            Money b = m.get(1);
            Money c = m.get(2);
            assertSameAmountAndScale(a.plus(b).plus(c), a.plus(b.plus(c)));
        });
    }

    @Test
    @Tag("MONEY-2")
    void plusThenMinus_givesBackTheAmount_atTheLargerScale() {
        qt().forAll(sameCurrency(2)).checkAssert(m -> {
            Money a = m.get(0);
            Money b = m.get(1);
            Money back = a.plus(b).minus(b);

            assertThat(back).isEqualTo(a);
            assertThat(back.scale()).isEqualTo(Math.max(a.scale(), b.scale()));
        });
    }

    @Test
    @Tag("MONEY-5")
    void negatedTwice_isIdentity_andARefundCancelsItsCharge() {
        qt().forAll(money()).checkAssert(a -> {
            assertSameAmountAndScale(a.negated().negated(), a);
            assertThat(a.plus(a.negated()).isZero()).isTrue();
            assertThat(a.negated().signum()).isEqualTo(-a.signum());
        });
    }

    @Test
    @Tag("MONEY-1")
    void compactAndBigDecimalPaths_agreeWithBigDecimalArithmetic() {
        Gen<Long> multipliers =
                Generate.frequency(Pair.of(3, longs().between(-1_000_000, 1_000_000)), Pair.of(1, longs().all()));
        qt().forAll(sameCurrency(2), multipliers).checkAssert((m, k) -> {
            Money a = m.get(0);
            Money b = m.get(1);
            BigDecimal x = a.amount();
            BigDecimal y = b.amount();

            assertThat(a.plus(b).amount()).isEqualTo(x.add(y));
            assertThat(a.minus(b).amount()).isEqualTo(x.subtract(y));
            assertThat(a.negated().amount()).isEqualTo(x.negate());
            assertThat(a.multipliedBy(k).amount()).isEqualTo(x.multiply(BigDecimal.valueOf(k)));
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(x.compareTo(y));
            assertThat(a.equals(b)).isEqualTo(x.compareTo(y) == 0);
            assertThat(a.signum()).isEqualTo(x.signum());
            for (Money r : List.of(a, a.plus(b), a.minus(b), a.negated(), a.multipliedBy(k))) {
                assertThat(r.isCompact())
                        .as("compact form of %s", r)
                        .isEqualTo(r.amount().unscaledValue().bitLength() < 64);
            }
        });
    }

    @Test
    @Tag("MONEY-2")
    void equalAmountsAtOtherScales_areEqualWithEqualHashCodes() {
        qt().forAll(money(), integers().between(0, Money.MAX_SCALE)).checkAssert((a, extra) -> {
            int scale = Math.min(Money.MAX_SCALE, a.scale() + extra);
            Money wider = a.withScale(scale);

            assertThat(wider.scale()).isEqualTo(scale);
            assertThat(wider).isEqualTo(a);
            assertThat(wider.hashCode()).isEqualTo(a.hashCode());
            assertSameAmountAndScale(wider.withScale(a.scale()), a);
        });
    }

    @Test
    @Tag("MONEY-2")
    void toStringAndParse_roundTripWithEveryDecimal() {
        qt().forAll(money()).checkAssert(a -> assertSameAmountAndScale(Money.parse(a.toString()), a));
    }

    @Test
    @Tag("MONEY-1")
    void mixingCurrencies_alwaysFailsNamingBoth() {
        qt().forAll(money(), money())
                .assuming((a, b) -> !a.currency().equals(b.currency()))
                .checkAssert((a, b) -> {
                    String message = "Currencies differ: " + a.currency().getCurrencyCode() + "/"
                            + b.currency().getCurrencyCode();
                    assertThatThrownBy(() -> a.plus(b))
                            .isInstanceOf(CurrencyMismatchException.class)
                            .hasMessage(message);
                    assertThatThrownBy(() -> a.minus(b)).hasMessage(message);
                    assertThatThrownBy(() -> a.compareTo(b)).hasMessage(message);
                    assertThat(a.equals(b)).isFalse();
                });
    }

    // ---------------------------------------------------------------- MONEY-3 settlement

    @Test
    @Tag("MONEY-3")
    void settlement_isIdempotent() {
        qt().forAll(money(), settlementPolicies()).checkAssert((a, policy) -> {
            Money settled = a.settled(policy);
            assertSameAmountAndScale(settled.settled(policy), settled);
        });
    }

    @Test
    @Tag("MONEY-3")
    void settlement_movesLessThanOneUnit_inThePolicysDirection() {
        qt().forAll(money(), settlementPolicies()).checkAssert((a, policy) -> {
            int target = Math.min(policy.decimals(), a.currency().getDefaultFractionDigits());
            Money settled = a.settled(policy);
            BigDecimal moved = settled.amount().subtract(a.amount());
            BigDecimal unit = unit(target);

            assertThat(settled.scale()).isEqualTo(target);
            assertThat(moved.abs()).isLessThan(unit);
            switch (policy.rounding()) {
                case DOWN -> assertThat(settled.abs()).isLessThanOrEqualTo(a.abs());
                case UP -> assertThat(settled.abs()).isGreaterThanOrEqualTo(a.abs());
                case FLOOR -> assertThat(settled).isLessThanOrEqualTo(a);
                case CEILING -> assertThat(settled).isGreaterThanOrEqualTo(a);
                default -> assertThat(moved.abs()).isLessThanOrEqualTo(unit.divide(BigDecimal.valueOf(2)));
            }
            if (policy.rounding() == RoundingMode.HALF_UP
                    && moved.abs().multiply(BigDecimal.valueOf(2)).compareTo(unit) == 0) {
                // an exact half goes away from zero
                assertThat(settled.abs()).isGreaterThan(a.abs());
            }
        });
    }

    // ---------------------------------------------------------------- MONEY-5 bills

    @Test
    @Tag("MONEY-5")
    void billTotal_isTheExactSumOfItsItems_negativeIncluded() {
        Currency cny = Currency.getInstance("CNY");
        PayerUin payer = PayerUin.of("100000000001");
        qt().forAll(lists().of(lineItems(cny)).ofSizeBetween(0, 8)).checkAssert(generated -> {
            List<LineItem> items = new ArrayList<>();
            for (int i = 0; i < generated.size(); i++) {
                items.add(LineItem.builder()
                        .from(generated.get(i))
                        .id(LineItemId.of("li-" + i))
                        .payerUin(payer)
                        .build());
            }
            Bill bill = Bill.builder()
                    .payerUin(payer)
                    .month(BillingMonth.of(2024, 9))
                    .currency(cny)
                    .addAllItems(items)
                    .build();
            BigDecimal expected =
                    items.stream().map(item -> item.totalCost().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);

            assertThat(bill.totalCost().amount()).isEqualTo(expected);
            assertThat(bill.totalCost().isNegative()).isEqualTo(expected.signum() < 0);
        });
    }

    @Test
    @Tag("MONEY-5")
    void refundSplit_partsAreNeverPositive() {
        qt().forAll(money().map(a -> a.abs().negated()), weights()).checkAssert((refund, weights) -> {
            assertThat(refund.splitByWeights(weights)).allMatch(p -> p.signum() <= 0);
        });
    }
}
