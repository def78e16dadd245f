package org.cloudbilling.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.core.money.MoneyFixtures.JPY_100;
import static org.cloudbilling.core.money.MoneyFixtures.USD;
import static org.cloudbilling.core.money.MoneyFixtures.USD_0_05;
import static org.cloudbilling.core.money.MoneyFixtures.USD_100_00;
import static org.cloudbilling.core.money.MoneyFixtures.USD_LONG_MAX;
import static org.cloudbilling.core.money.MoneyFixtures.USD_LONG_MIN;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("MONEY-4")
@DisplayName("MONEY-4 splits add up exactly, by largest remainder, earlier part first on ties")
class SplitTest {

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static List<String> strings(List<Money> parts) {
        return parts.stream().map(Money::toString).toList();
    }

    @Nested
    class Evenly {
        @Test
        void hundredInThree_firstPartGetsTheLeftoverCent() {
            assertThat(strings(USD_100_00.splitEvenly(3))).containsExactly("USD 33.34", "USD 33.33", "USD 33.33");
        }

        @Test
        void twoCentsInThree_leftoverGoesToTheEarlierParts() {
            assertThat(strings(Money.of("USD", "0.02").splitEvenly(3)))
                    .containsExactly("USD 0.01", "USD 0.01", "USD 0.00");
            assertThat(strings(USD_0_05.splitEvenly(3))).containsExactly("USD 0.02", "USD 0.02", "USD 0.01");
        }

        @Test
        void onePart_isTheAmount() {
            assertThat(strings(USD_100_00.splitEvenly(1))).containsExactly("USD 100.00");
        }

        @Test
        void zeroParts_isRefused() {
            assertThatThrownBy(() -> Split.evenly(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an even split needs at least one part, got 0");
        }

        @Test
        void preparedSplit_appliesToAmountsOfAnyScaleAndCurrency() {
            Split thirds = Split.evenly(3);

            assertThat(thirds.parts()).isEqualTo(3);
            assertThat(strings(thirds.apply(Money.of("USD", "1.00"))))
                    .containsExactly("USD 0.34", "USD 0.33", "USD 0.33");
            assertThat(strings(thirds.apply(JPY_100))).containsExactly("JPY 34", "JPY 33", "JPY 33");
            assertThat(strings(thirds.apply(Money.of("USD", "1")))).containsExactly("USD 1", "USD 0", "USD 0");
        }

        @Test
        void zero_splitsIntoZerosAtItsScale() {
            assertThat(strings(Money.of("USD", "0.000").splitEvenly(2))).containsExactly("USD 0.000", "USD 0.000");
        }
    }

    @Nested
    class ByRatios {
        @Test
        void sevenTenthsAndThreeTenthsOfFiveCents() {
            // 5 cents x 0.7 = 3.5 and 5 x 0.3 = 1.5: floors 3 and 1, equal remainders, the first part wins
            assertThat(strings(USD_0_05.splitByRatios(decimals("0.7", "0.3")))).containsExactly("USD 0.04", "USD 0.01");
        }

        @Test
        void exactRatios_giveExactParts() {
            assertThat(strings(USD_100_00.splitByRatios(decimals("0.5", "0.3", "0.2"))))
                    .containsExactly("USD 50.00", "USD 30.00", "USD 20.00");
        }

        @Test
        void ratiosBelowOne_areRefusedNamingTheSum() {
            assertThatThrownBy(() -> Split.byRatios(decimals("0.5", "0.4999")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ratios add up to 0.9999, not exactly 1");
        }

        @Test
        void ratiosAboveOne_areRefusedNamingTheSum() {
            assertThatThrownBy(() -> USD_100_00.splitByRatios(decimals("0.5", "0.5001")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ratios add up to 1.0001, not exactly 1");
        }

        @Test
        void negativeRatio_isRefusedEvenWhenTheSumIsOne() {
            assertThatThrownBy(() -> Split.byRatios(decimals("1.2", "-0.2")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weight -0.2 at position 1 is negative");
        }
    }

    @Nested
    class ByWeights {
        @Test
        void leftoverGoesToTheLargestRemainder_notToTheFirstPart() {
            // 10 cents by 1:2 -> 3.33 and 6.67 cents: floors 3 and 6, remainders 1/3 and 2/3
            assertThat(strings(Money.of("USD", "0.10").splitByWeights(decimals("1", "2"))))
                    .containsExactly("USD 0.03", "USD 0.07");
        }

        @Test
        void amongEqualLargestRemainders_theEarlierIndexWins() {
            // 100 cents by 1:1:1:3:3 -> 11.11 x 3 (remainder 1/9) and 33.33 x 2 (remainder 3/9); one cent left
            assertThat(strings(Money.of("USD", "1.00").splitByWeights(decimals("1", "1", "1", "3", "3"))))
                    .containsExactly("USD 0.11", "USD 0.11", "USD 0.11", "USD 0.34", "USD 0.33");
        }

        @Test
        void zeroWeight_getsZeroAndNoLeftover() {
            assertThat(strings(USD_0_05.splitByWeights(decimals("0", "1", "1"))))
                    .containsExactly("USD 0.00", "USD 0.03", "USD 0.02");
        }

        @Test
        void weightsOfAnyScale_areProportions() {
            assertThat(strings(USD_100_00.splitByWeights(decimals("0.25", "75"))))
                    .containsExactly("USD 0.33", "USD 99.67");
        }

        @Test
        void negativeWeight_isRefused() {
            assertThatThrownBy(() -> Split.byWeights(decimals("1", "-1", "2")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weight -1 at position 1 is negative");
        }

        @Test
        void allZeroWeights_areRefused() {
            assertThatThrownBy(() -> Split.byWeights(decimals("0", "0.00")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights are all zero; choose a fallback such as an even split");
        }

        @Test
        void noWeights_areRefused() {
            assertThatThrownBy(() -> Split.byWeights(List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a split needs at least one weight");
        }

        @Test
        void weightWithNineteenDecimals_isRefused() {
            assertThatThrownBy(() -> Split.byWeights(decimals("1", "0.0000000000000000001")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weight 0.0000000000000000001 at position 1 is out of range: at most 40 digits before"
                            + " the decimal point and 18 after");
        }

        @Test
        void weightsBeyondLongRange_splitExactly() {
            // weights 10^15 + 10^-18 and 10^-18: the second share is 100 / (10^33 + 2) cents, below one cent
            List<Money> parts = Money.of("USD", "1.00")
                    .splitByWeights(decimals("1000000000000000.000000000000000001", "0.000000000000000001"));

            assertThat(strings(parts)).containsExactly("USD 1.00", "USD 0.00");
        }
    }

    @Nested
    class BeyondLongRange {
        @Test
        void fallbackAmount_splitsExactly() {
            assertThat(strings(Money.of("USD", "100000000000000000000").splitEvenly(3)))
                    .containsExactly(
                            "USD 33333333333333333334", "USD 33333333333333333333", "USD 33333333333333333333");
            assertThat(strings(USD_LONG_MAX.plus(Money.ofUnscaled(USD, 1, 0)).splitEvenly(2)))
                    .containsExactly("USD 4611686018427387904", "USD 4611686018427387904");
        }

        @Test
        void productOverflowingALong_splitsExactly() {
            // (2^63 - 1) x 3/4 = ...855.25 and x 1/4 = ...951.75: the second part has the larger remainder
            assertThat(strings(USD_LONG_MAX.splitByWeights(decimals("3", "1"))))
                    .containsExactly("USD 6917529027641081855", "USD 2305843009213693952");
        }

        @Test
        void longMin_splitsExactly() {
            assertThat(strings(USD_LONG_MIN.splitEvenly(2)))
                    .containsExactly("USD -4611686018427387904", "USD -4611686018427387904");
        }
    }

    @Nested
    class ByKey {
        @Test
        void keyedSplit_isIndependentOfMapOrder_tiesGoToTheSmallerKey() {
            Map<String, BigDecimal> ba = new LinkedHashMap<>();
            ba.put("b", BigDecimal.ONE);
            ba.put("a", BigDecimal.ONE);
            Map<String, BigDecimal> ab = new LinkedHashMap<>();
            ab.put("a", BigDecimal.ONE);
            ab.put("b", BigDecimal.ONE);
            Money cent = Money.of("USD", "0.01");

            Map<String, Money> fromBa = cent.splitByWeights(ba);
            Map<String, Money> fromAb = Split.applyByKey(cent, ab);

            assertThat(fromBa).isEqualTo(fromAb);
            assertThat(fromBa.keySet()).containsExactly("a", "b");
            assertThat(fromBa.get("a")).hasToString("USD 0.01");
            assertThat(fromBa.get("b")).hasToString("USD 0.00");
        }

        @Test
        void keyedEvenSplit_ofAHundred() {
            Map<String, BigDecimal> teams = new LinkedHashMap<>();
            teams.put("team-c", BigDecimal.ONE);
            teams.put("team-a", BigDecimal.ONE);
            teams.put("team-b", BigDecimal.ONE);

            Map<String, String> parts = USD_100_00.splitByWeights(teams).entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().toString(), (x, y) -> x, LinkedHashMap::new));

            assertThat(parts)
                    .containsExactly(
                            Map.entry("team-a", "USD 33.34"),
                            Map.entry("team-b", "USD 33.33"),
                            Map.entry("team-c", "USD 33.33"));
        }
    }

    @Nested
    @Tag("MONEY-5")
    @DisplayName("MONEY-5 refunds split like charges, negated")
    class Refunds {
        @Test
        void refund_splitsEvenlyAsTheNegatedCharge() {
            assertThat(strings(Money.of("USD", "-100.00").splitEvenly(3)))
                    .containsExactly("USD -33.34", "USD -33.33", "USD -33.33");
        }

        @Test
        void refund_splitsByRatiosAsTheNegatedCharge() {
            assertThat(strings(Money.of("USD", "-0.05").splitByRatios(decimals("0.7", "0.3"))))
                    .containsExactly("USD -0.04", "USD -0.01");
        }

        @Test
        void refund_partsAddUpToTheRefund() {
            Money refund = Money.of("CNY", "-0.00000007");
            List<Money> parts = refund.splitByWeights(decimals("1", "1", "1", "1"));

            assertThat(strings(parts))
                    .containsExactly("CNY -0.00000002", "CNY -0.00000002", "CNY -0.00000002", "CNY -0.00000001");
            assertThat(Money.total(refund.currency(), parts)).isEqualTo(refund);
        }
    }
}
