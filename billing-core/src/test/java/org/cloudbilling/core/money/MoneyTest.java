package org.cloudbilling.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.core.money.MoneyFixtures.CNY;
import static org.cloudbilling.core.money.MoneyFixtures.EUR;
import static org.cloudbilling.core.money.MoneyFixtures.EUR_2_34;
import static org.cloudbilling.core.money.MoneyFixtures.JPY;
import static org.cloudbilling.core.money.MoneyFixtures.JPY_100;
import static org.cloudbilling.core.money.MoneyFixtures.USD;
import static org.cloudbilling.core.money.MoneyFixtures.USD_0;
import static org.cloudbilling.core.money.MoneyFixtures.USD_0_00000080000;
import static org.cloudbilling.core.money.MoneyFixtures.USD_1_5;
import static org.cloudbilling.core.money.MoneyFixtures.USD_1_50;
import static org.cloudbilling.core.money.MoneyFixtures.USD_2_34;
import static org.cloudbilling.core.money.MoneyFixtures.USD_LONG_MAX;
import static org.cloudbilling.core.money.MoneyFixtures.USD_LONG_MIN;
import static org.cloudbilling.core.money.MoneyFixtures.USD_MINUS_2_34;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.Bill;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    /** Long.MAX_VALUE + 1, the first unscaled value that needs the BigDecimal fallback. */
    private static final String TWO_POW_63 = "9223372036854775808";

    /** {@code e} is a currency mismatch that gives USD as its first currency and EUR as its second. */
    private static void namesUsdThenEur(Throwable e) {
        CurrencyMismatchException c = (CurrencyMismatchException) e;
        assertThat(c.first()).isEqualTo(USD);
        assertThat(c.second()).isEqualTo(EUR);
    }

    @Nested
    class Factories {
        @Test
        void of_bigDecimal_keepsItsScale() {
            Money m = Money.of(USD, new BigDecimal("2.340"));

            assertThat(m.scale()).isEqualTo(3);
            assertThat(m.amount()).isEqualTo(new BigDecimal("2.340"));
            assertThat(m).hasToString("USD 2.340");
        }

        @Test
        void of_negativeScale_isWidenedToZero() {
            Money m = Money.of(USD, new BigDecimal("1E+3"));

            assertThat(m.scale()).isZero();
            assertThat(m).hasToString("USD 1000");
        }

        @Test
        void of_exponentNotation_isReadExactly() {
            assertThat(Money.of("USD", "1.5e2")).hasToString("USD 150");
            assertThat(Money.of("USD", "2.5E-3")).hasToString("USD 0.0025");
        }

        @Test
        void ofUnscaled_isUnscaledTimesTenToMinusScale() {
            assertThat(Money.ofUnscaled(USD, 2595, 2)).hasToString("USD 25.95");
            assertThat(Money.ofUnscaled(USD, 2595, 2).unscaledValue()).isEqualTo(2595);
            assertThat(Money.ofUnscaled(USD, -1, 18)).hasToString("USD -0.000000000000000001");
        }

        @Test
        void ofUnscaled_scaleOutOfRange_isRefused() {
            assertThatThrownBy(() -> Money.ofUnscaled(USD, 1, 19))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("scale 19 is not between 0 and 18");
            assertThatThrownBy(() -> Money.ofUnscaled(USD, 1, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("scale -1 is not between 0 and 18");
        }

        @Test
        void ofMinor_usesTheCurrencysMinorUnit() {
            assertThat(Money.ofMinor(USD, 2595)).hasToString("USD 25.95");
            assertThat(Money.ofMinor(USD, 2595).scale()).isEqualTo(2);
            assertThat(Money.ofMinor(JPY, 2595)).hasToString("JPY 2595");
            assertThat(Money.ofMinor(JPY, 2595).scale()).isZero();
            assertThat(Money.ofMinor(EUR, -5)).hasToString("EUR -0.05");
        }

        @Test
        void zero_isZeroWithScaleZero() {
            assertThat(USD_0.isZero()).isTrue();
            assertThat(USD_0.isNegative()).isFalse();
            assertThat(USD_0.isPositive()).isFalse();
            assertThat(USD_0.signum()).isZero();
            assertThat(USD_0.scale()).isZero();
            assertThat(USD_0).hasToString("USD 0").isEqualTo(Money.of("USD", "0.00"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "USD 25.95",
                    "JPY 100",
                    "CNY -0.00000080000",
                    "EUR 0.000000000000000001",
                    "USD 0.00",
                    "USD 9223372036854775808.5",
                    "USD -1000000000000000.00000000001"
                })
        void parse_toString_roundTripsWithScale(String text) {
            assertThat(Money.parse(text)).hasToString(text);
        }

        @Test
        void of_focusAmount_keepsItsElevenDecimals() {
            assertThat(USD_0_00000080000.scale()).isEqualTo(11);
            assertThat(USD_0_00000080000).hasToString("USD 0.00000080000");
        }

        @Test
        void toString_isPlainWithoutGroupingInAnyLocale() {
            assertThat(Money.of("USD", "1234567.89")).hasToString("USD 1234567.89");
            assertThat(Money.of("USD", "1E+20")).hasToString("USD 100000000000000000000");
        }

        @Test
        void total_addsExactlyAndIsZeroWhenEmpty() {
            assertThat(Money.total(USD, List.of())).isEqualTo(USD_0);
            assertThat(Money.total(USD, List.of(USD_2_34, USD_MINUS_2_34, USD_1_5)))
                    .hasToString("USD 1.50");
        }
    }

    @Nested
    class Refusals {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "NaN",
                    "Infinity",
                    "-Infinity",
                    "1,000",
                    "1.000,50",
                    "",
                    " 1",
                    "1 ",
                    "0x10",
                    "1e",
                    "--1",
                    "5.",
                    "$1"
                })
        void of_notADecimal_isRefusedNamingTheText(String amount) {
            assertThatThrownBy(() -> Money.of("USD", amount))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("amount '" + amount + "' is not a decimal number");
        }

        @Test
        void of_unknownCurrency_isRefusedNamingTheCode() {
            assertThatThrownBy(() -> Money.of("XYZ", "1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown currency code 'XYZ'");
            assertThatThrownBy(() -> Money.parse("usd 1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown currency code 'usd'");
        }

        @Test
        void of_fortyDecimals_isRefused() {
            String amount = "0." + "0".repeat(39) + "1";

            assertThatThrownBy(() -> Money.of("USD", amount))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(amount)
                    .hasMessageContaining("has 40 decimal places, more than the 18 Money keeps");
        }

        @Test
        void of_nineteenDecimals_isRefusedButEighteenAreKept() {
            assertThatThrownBy(() -> Money.of("USD", "0.0000000000000000001"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has 19 decimal places");
            assertThat(Money.of("USD", "0.000000000000000001").scale()).isEqualTo(18);
        }

        @Test
        void of_trailingZerosBeyondEighteenDecimals_areDroppedExactly() {
            Money m = Money.of("USD", "1.2300000000000000000000");

            assertThat(m.amount()).isEqualByComparingTo("1.23");
            assertThat(m.scale()).isLessThanOrEqualTo(Money.MAX_SCALE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"USD25.95", "25.95", " USD 1", ""})
        void parse_withoutCurrencyAndSpace_isRefused(String text) {
            assertThatThrownBy(() -> Money.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("money '" + text + "' is not of the form 'USD 25.95'");
        }

        @Test
        void parse_twoSpaces_isRefusedAsABlankAmount() {
            assertThatThrownBy(() -> Money.parse("USD  1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("amount ' 1' is not a decimal number");
        }

        @Test
        void nulls_areRefused() {
            assertThatThrownBy(() -> Money.of("USD", null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Money.of(USD, (BigDecimal) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Money.parse(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> USD_2_34.plus(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Equality {
        @Test
        void equals_isNumeric_withEqualHashCodes() {
            assertThat(USD_1_5).isEqualTo(USD_1_50);
            assertThat(USD_1_50).isEqualTo(USD_1_5);
            assertThat(USD_1_5.hashCode()).isEqualTo(USD_1_50.hashCode());
            assertThat(USD_1_5.isEqual(USD_1_50)).isTrue();
            assertThat(USD_1_5.compareTo(USD_1_50)).isZero();
        }

        @Test
        void equalAmounts_stillKeepTheirScale() {
            assertThat(USD_1_5.scale()).isEqualTo(1);
            assertThat(USD_1_50.scale()).isEqualTo(2);
            assertThat(USD_1_5).hasToString("USD 1.5");
            assertThat(USD_1_50).hasToString("USD 1.50");
        }

        @Test
        void zeroAtEveryScale_isOneValue() {
            Money z11 = Money.of("USD", "0.00000000000");
            Money z18 = Money.ofUnscaled(USD, 0, 18);

            assertThat(z11).isEqualTo(USD_0).isEqualTo(z18);
            assertThat(z11.hashCode()).isEqualTo(USD_0.hashCode()).isEqualTo(z18.hashCode());
        }

        @Test
        void exponentForm_equalsPlainForm() {
            Money hundred = Money.of(USD, new BigDecimal("1E+2"));

            assertThat(hundred).isEqualTo(Money.of("USD", "100.00"));
            assertThat(hundred.hashCode()).isEqualTo(Money.of("USD", "100.00").hashCode());
        }

        @Test
        void compactAndFallbackForms_ofOneAmount_areEqual() {
            Money compact = Money.of("USD", "10");
            Money fallback = Money.of("USD", "10.000000000000000000"); // unscaled 10^19

            assertThat(compact.isCompact()).isTrue();
            assertThat(fallback.isCompact()).isFalse();
            assertThat(fallback).isEqualTo(compact);
            assertThat(compact).isEqualTo(fallback);
            assertThat(fallback.hashCode()).isEqualTo(compact.hashCode());
            assertThat(fallback.compareTo(compact)).isZero();
        }

        @Test
        void differentAmountsOrCurrencies_areNotEqual() {
            assertThat(USD_1_5).isNotEqualTo(Money.of("USD", "1.51"));
            assertThat(USD_1_5).isNotEqualTo(Money.of("EUR", "1.5"));
            assertThat(USD_2_34).isNotEqualTo(USD_MINUS_2_34);
            assertThat(USD_2_34.equals(null)).isFalse();
            assertThat(USD_2_34.equals("USD 2.34")).isFalse();
        }
    }

    @Nested
    class BeyondLongRange {
        @Test
        void longMaxPlusOneUnit_fallsBackToBigDecimal_exactly() {
            Money m = USD_LONG_MAX.plus(Money.ofUnscaled(USD, 1, 0));

            assertThat(m.isCompact()).isFalse();
            assertThat(m).hasToString("USD " + TWO_POW_63);
            assertThat(m.amount()).isEqualTo(new BigDecimal(TWO_POW_63));
            assertThatThrownBy(m::unscaledValue)
                    .isInstanceOf(ArithmeticException.class)
                    .hasMessageContaining("does not fit a long");
        }

        @Test
        void fallbackAmount_minusOneUnit_isCompactAgain() {
            Money back = USD_LONG_MAX.plus(Money.ofUnscaled(USD, 1, 0)).minus(Money.ofUnscaled(USD, 1, 0));

            assertThat(back).isEqualTo(USD_LONG_MAX);
            assertThat(back.isCompact()).isTrue();
            assertThat(back.unscaledValue()).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        void longMin_minusOneUnitAndNegated_areExact() {
            assertThat(USD_LONG_MIN.minus(Money.ofUnscaled(USD, 1, 0))).hasToString("USD -9223372036854775809");
            assertThat(USD_LONG_MIN.negated()).hasToString("USD " + TWO_POW_63);
            assertThat(USD_LONG_MIN.abs()).hasToString("USD " + TWO_POW_63);
            assertThat(USD_LONG_MIN.negated().negated()).isEqualTo(USD_LONG_MIN);
            assertThat(USD_LONG_MIN.negated().negated().isCompact()).isTrue();
        }

        @Test
        void sumsBeyondLongRange_areExact() {
            assertThat(USD_LONG_MAX.plus(USD_LONG_MAX)).hasToString("USD 18446744073709551614");
            assertThat(USD_LONG_MAX.plus(Money.ofUnscaled(USD, 2, 0))).hasToString("USD 9223372036854775809");
            assertThat(USD_LONG_MIN.plus(USD_LONG_MIN)).hasToString("USD -18446744073709551616");
            assertThat(Money.ofUnscaled(USD, Long.MIN_VALUE + 1, 0).plus(Money.ofUnscaled(USD, -2, 0)))
                    .hasToString("USD -9223372036854775809");
        }

        @Test
        void longMax_plusCents_scalesUpExactly() {
            assertThat(USD_LONG_MAX.plus(Money.of("USD", "0.01"))).hasToString("USD 9223372036854775807.01");
        }

        @Test
        void tenToTheFifteenUnitsAtElevenDecimals_isExact() {
            Money big = Money.of("USD", "1000000000000000.00000000001");
            Money unit = Money.of("USD", "0.00000000001");

            assertThat(big.isCompact()).isFalse();
            assertThat(big.scale()).isEqualTo(11);
            assertThat(big.plus(unit)).hasToString("USD 1000000000000000.00000000002");
            assertThat(big.multipliedBy(3)).hasToString("USD 3000000000000000.00000000003");
            assertThat(big.minus(big).isZero()).isTrue();
            assertThat(big.minus(big).isCompact()).isTrue();
        }

        @Test
        void multipliedBy_overflow_fallsBackExactly() {
            Money m = Money.ofUnscaled(USD, Long.MAX_VALUE, 2).multipliedBy(10);

            assertThat(m.isCompact()).isFalse();
            assertThat(m).hasToString("USD 922337203685477580.70");
            assertThat(USD_LONG_MIN.multipliedBy(-1)).hasToString("USD " + TWO_POW_63);
        }

        @Test
        void multipliedBy_exactlyLongMin_staysCompact() {
            Money m = Money.ofUnscaled(USD, -(1L << 62), 0).multipliedBy(2);

            assertThat(m.isCompact()).isTrue();
            assertThat(m.unscaledValue()).isEqualTo(Long.MIN_VALUE);
        }
    }

    @Nested
    class Comparison {
        @Test
        void compareTo_acrossScales_comparesValues() {
            assertThat(USD_1_5).isGreaterThan(Money.of("USD", "1.49999999"));
            assertThat(Money.of("USD", "2")).isGreaterThan(Money.of("USD", "1.99999999999"));
            assertThat(Money.of("USD", "-0.1")).isGreaterThan(Money.of("USD", "-0.10000000001"));
            assertThat(USD_1_5.compareTo(Money.of("USD", "1.50000"))).isZero();
            assertThat(USD_1_5.isLessThan(Money.of("USD", "1.50000000001"))).isTrue();
            assertThat(USD_1_5.isGreaterThan(USD_1_50)).isFalse();
        }

        @Test
        void compareTo_whenScalingWouldOverflow_stillCompares() {
            assertThat(USD_LONG_MAX).isGreaterThan(Money.of("USD", "0.01"));
            assertThat(USD_LONG_MIN).isLessThan(Money.of("USD", "-0.01"));
            assertThat(USD_LONG_MAX).isLessThan(USD_LONG_MAX.plus(Money.of("USD", "0.01")));
        }

        @Test
        void sort_ordersByValue() {
            List<Money> amounts = new ArrayList<>(List.of(USD_2_34, USD_MINUS_2_34, USD_1_50, USD_0, USD_1_5));
            amounts.sort(null);

            assertThat(amounts)
                    .extracting(Money::toString)
                    .containsExactly("USD -2.34", "USD 0", "USD 1.50", "USD 1.5", "USD 2.34");
        }
    }

    @Nested
    class ScaleAndMultiplication {
        @Test
        void withScale_exact_changesOnlyTheScale() {
            assertThat(USD_1_50.withScale(1)).hasToString("USD 1.5");
            assertThat(USD_1_5.withScale(4)).hasToString("USD 1.5000");
            assertThat(USD_1_5.withScale(1)).isSameAs(USD_1_5);
        }

        @Test
        void withScale_outOfRange_isRefused() {
            assertThatThrownBy(() -> USD_1_5.withScale(19))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("scale 19 is not between 0 and 18");
        }

        @Test
        void multipliedByLong_keepsTheScale() {
            assertThat(USD_2_34.multipliedBy(3)).hasToString("USD 7.02");
            assertThat(USD_2_34.multipliedBy(-1)).isEqualTo(USD_MINUS_2_34);
            assertThat(USD_2_34.multipliedBy(0)).hasToString("USD 0.00");
        }

        @Test
        void multipliedByBigDecimal_isExact() {
            assertThat(Money.of("USD", "19.99").multipliedBy(new BigDecimal("0.15")))
                    .hasToString("USD 2.9985");
            assertThat(USD_0_00000080000.multipliedBy(new BigDecimal("1.5"))).hasToString("USD 0.000001200000");
        }

        @Test
        void multipliedByBigDecimal_dropsOnlyTrailingZerosBeyondEighteenDecimals() {
            // 0.00000000010 x 0.00000010 = 100 x 10^-19 = 0.00000000000000001
            Money m = Money.of("USD", "0.00000000010").multipliedBy(new BigDecimal("0.00000010"));

            assertThat(m).hasToString("USD 0.00000000000000001");
        }

        @Test
        void multipliedByWithRounding_roundsAsAsked() {
            Money price = Money.of("USD", "19.99");
            BigDecimal rate = new BigDecimal("0.15");

            assertThat(price.multipliedBy(rate, 2, RoundingMode.HALF_UP)).hasToString("USD 3.00");
            assertThat(price.multipliedBy(rate, 2, RoundingMode.DOWN)).hasToString("USD 2.99");
        }

        @Test
        void rounded_usesTheGivenMode() {
            Money m = Money.of("USD", "2.345");

            assertThat(m.rounded(2, RoundingMode.HALF_EVEN)).hasToString("USD 2.34");
            assertThat(m.rounded(2, RoundingMode.HALF_UP)).hasToString("USD 2.35");
        }
    }

    @Nested
    @Tag("MONEY-1")
    @DisplayName("MONEY-1 no floating point; mixing currencies names both")
    class NoFloatingPointAndOneCurrency {
        private final Set<Class<?>> floating = Set.of(float.class, double.class, Float.class, Double.class);

        @Test
        void moneyTypes_haveNoFloatingPointFieldsParametersOrResults() {
            for (Class<?> type : List.of(Money.class, Split.class, SettlementPolicy.class)) {
                for (Field f : type.getDeclaredFields()) {
                    assertThat(floating)
                            .as("%s.%s", type.getSimpleName(), f.getName())
                            .doesNotContain(f.getType());
                }
                List<Executable> members = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
                members.addAll(Arrays.<Constructor<?>>asList(type.getDeclaredConstructors()));
                for (Executable e : members) {
                    assertThat(e.getParameterTypes())
                            .as("parameters of %s.%s", type.getSimpleName(), e.getName())
                            .doesNotContainAnyElementsOf(floating);
                    if (e instanceof Method && Modifier.isPublic(e.getModifiers())) {
                        assertThat(floating)
                                .as("result of %s.%s", type.getSimpleName(), e.getName())
                                .doesNotContain(((Method) e).getReturnType());
                    }
                }
            }
        }

        @Test
        void decimalArithmetic_isExact() {
            Money sum = Money.of("USD", "0.1").plus(Money.of("USD", "0.2"));

            assertThat(sum).isEqualTo(Money.of("USD", "0.3")).hasToString("USD 0.3");
            assertThat(Money.of("USD", "1.10").multipliedBy(3)).hasToString("USD 3.30");
        }

        @Test
        void plus_otherCurrency_throwsNamingBoth() {
            assertThatThrownBy(() -> USD_2_34.plus(EUR_2_34))
                    .isInstanceOf(CurrencyMismatchException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Currencies differ: USD/EUR")
                    .satisfies(MoneyTest::namesUsdThenEur);
        }

        @Test
        void minus_otherCurrency_throwsNamingBoth() {
            assertThatThrownBy(() -> USD_2_34.minus(EUR_2_34))
                    .isInstanceOf(CurrencyMismatchException.class)
                    .hasMessage("Currencies differ: USD/EUR")
                    .satisfies(MoneyTest::namesUsdThenEur);
        }

        @Test
        void compareTo_otherCurrency_throwsNamingBothInOrder() {
            assertThatThrownBy(() -> USD_2_34.compareTo(EUR_2_34))
                    .isInstanceOf(CurrencyMismatchException.class)
                    .hasMessage("Currencies differ: USD/EUR");
            assertThatThrownBy(() -> EUR_2_34.compareTo(USD_2_34))
                    .isInstanceOf(CurrencyMismatchException.class)
                    .hasMessage("Currencies differ: EUR/USD");
            assertThatThrownBy(() -> JPY_100.isEqual(Money.of("CNY", "100")))
                    .isInstanceOf(CurrencyMismatchException.class)
                    .hasMessage("Currencies differ: JPY/CNY");
            assertThatThrownBy(() -> USD_2_34.isGreaterThan(EUR_2_34)).isInstanceOf(CurrencyMismatchException.class);
            assertThatThrownBy(() -> USD_2_34.isLessThan(EUR_2_34)).isInstanceOf(CurrencyMismatchException.class);
        }

        @Test
        void total_withAnotherCurrency_throwsNamingBoth() {
            assertThatThrownBy(() -> Money.total(USD, List.of(USD_2_34, EUR_2_34)))
                    .isInstanceOf(CurrencyMismatchException.class)
                    .hasMessage("Currencies differ: USD/EUR");
        }

        @Test
        @Tag("MONEY-1")
        void currencyMismatch_serializedAndReadBack_keepsBothCurrencies() throws Exception {
            CurrencyMismatchException thrown = new CurrencyMismatchException(JPY, EUR);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(thrown);
            }
            CurrencyMismatchException back;
            try (java.io.ObjectInputStream in =
                    new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                back = (CurrencyMismatchException) in.readObject();
            }

            assertThat(back.first()).isEqualTo(JPY);
            assertThat(back.second()).isEqualTo(EUR);
            assertThat(back).hasMessage("Currencies differ: JPY/EUR");
        }

        @Test
        void equals_otherCurrency_isFalseNotAnError() {
            assertThat(USD_2_34.equals(EUR_2_34)).isFalse();
        }
    }

    @Nested
    @Tag("MONEY-2")
    @DisplayName("MONEY-2 decimals are kept; nothing rounds silently")
    class DecimalsKept {
        @Test
        void eightDecimals_surviveArithmetic() {
            Money a = Money.of("CNY", "0.12345678");
            Money unit = Money.of("CNY", "0.00000001");

            assertThat(a.plus(unit)).hasToString("CNY 0.12345679");
            assertThat(a.minus(unit)).hasToString("CNY 0.12345677");
            assertThat(a.multipliedBy(3)).hasToString("CNY 0.37037034");
            assertThat(a.negated()).hasToString("CNY -0.12345678");
            assertThat(a.splitEvenly(2))
                    .extracting(Money::toString)
                    .containsExactly("CNY 0.06172839", "CNY 0.06172839");
        }

        @Test
        void elevenDecimals_surviveArithmetic() {
            Money b = Money.of("USD", "0.00000020000");

            assertThat(USD_0_00000080000.plus(b)).hasToString("USD 0.00000100000");
            assertThat(USD_1_5.plus(USD_0_00000080000)).hasToString("USD 1.50000080000");
            assertThat(Money.total(USD, List.of(USD_0_00000080000, USD_0_00000080000, USD_0_00000080000)))
                    .hasToString("USD 0.00000240000");
            assertThat(USD_0_00000080000.splitEvenly(3))
                    .extracting(Money::toString)
                    .containsExactly("USD 0.00000026667", "USD 0.00000026667", "USD 0.00000026666");
        }

        @Test
        void withScale_lossy_isRefusedNotRounded() {
            assertThatThrownBy(() -> Money.of("USD", "1.55").withScale(1))
                    .isInstanceOf(ArithmeticException.class)
                    .hasMessage("amount 1.55 cannot be written with 1 decimals without rounding");
            assertThatThrownBy(() -> Money.of(CNY, new BigDecimal("0.12345678")).withScale(2))
                    .isInstanceOf(ArithmeticException.class);
        }

        @Test
        void multipliedBy_moreThanEighteenDecimals_isRefusedNotRounded() {
            // 9 decimals x 10 decimals: 10^-19 has no trailing zero to drop
            assertThatThrownBy(() -> Money.of("USD", "0.000000001").multipliedBy(new BigDecimal("0.0000000001")))
                    .isInstanceOf(ArithmeticException.class)
                    .hasMessageContaining("needs more than 18 decimals");
        }

        @Test
        void multipliedBy_exactProduct_isNotRoundedToCents() {
            assertThat(Money.of("USD", "1.25").multipliedBy(new BigDecimal("0.5")))
                    .hasToString("USD 0.625");
        }
    }

    @Nested
    @Tag("MONEY-5")
    @DisplayName("MONEY-5 negative amounts are valid everywhere")
    class NegativeAmounts {
        private final Instant sept1 = Instant.parse("2024-08-31T16:00:00Z");

        @Test
        void negativeAmount_isAnOrdinaryValue() {
            assertThat(Money.parse("USD -2.34")).isEqualTo(USD_MINUS_2_34);
            assertThat(USD_MINUS_2_34.isNegative()).isTrue();
            assertThat(USD_MINUS_2_34.signum()).isEqualTo(-1);
            assertThat(USD_MINUS_2_34.abs()).isEqualTo(USD_2_34);
            assertThat(USD_MINUS_2_34.negated()).isEqualTo(USD_2_34);
            assertThat(USD_MINUS_2_34).isLessThan(USD_0);
            assertThat(Money.of("CNY", "-0.00000080000")).hasToString("CNY -0.00000080000");
        }

        @Test
        void refund_cancelsItsPurchase() {
            assertThat(USD_2_34.plus(USD_MINUS_2_34).isZero()).isTrue();
            assertThat(USD_2_34.plus(USD_2_34.negated())).isEqualTo(USD_0);
        }

        @Test
        void billTotal_mayBeNegative() {
            Bill bill = Bill.builder()
                    .payerUin(PayerUin.of("100000000001"))
                    .month(BillingMonth.of(2024, 9))
                    .currency(CNY)
                    .addItems(item("1", ActionType.USAGE, "10.00"), item("2", ActionType.REFUND, "-25.00"))
                    .build();

            assertThat(bill.totalCost()).hasToString("CNY -15.00");
            assertThat(bill.totalCost().isNegative()).isTrue();
        }

        @Test
        void lineItem_negativePayments_addingUpToTheRefund_areAccepted() {
            LineItem refund = LineItem.builder()
                    .from(item("3", ActionType.REFUND, "-25.00"))
                    .cashPaid(Money.of("CNY", "-20.00"))
                    .voucherPaid(Money.of("CNY", "-5.00"))
                    .build();

            assertThat(refund.totalCost()).hasToString("CNY -25.00");
        }

        private LineItem item(String id, ActionType action, String total) {
            return LineItem.builder()
                    .id(LineItemId.of(id))
                    .ownerUin(OwnerUin.of("100000000001"))
                    .payerUin(PayerUin.of("100000000001"))
                    .businessCode(BusinessCode.of("p_cvm"))
                    .payMode(PayMode.POSTPAID)
                    .actionType(action)
                    .feePeriod(Interval.of(sept1, sept1.plusSeconds(3600)))
                    .listCost(Money.of("CNY", total))
                    .totalCost(Money.of("CNY", total))
                    .build();
        }
    }
}
