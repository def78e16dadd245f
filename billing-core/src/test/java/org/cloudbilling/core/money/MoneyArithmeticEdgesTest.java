package org.cloudbilling.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.core.money.MoneyFixtures.JPY;
import static org.cloudbilling.core.money.MoneyFixtures.USD;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyArithmeticEdgesTest {
    /** 2^62: doubling it is the first product beyond a long. */
    private static final long TWO_POW_62 = 1L << 62;

    @Test
    void of_zeroWithAHugeExponent_isZeroNotRefused() {
        Money zero = Money.of(USD, new BigDecimal("0E+100"));

        assertThat(zero.isZero()).isTrue();
        assertThat(zero.scale()).isZero();
        assertThat(zero).hasToString("USD 0");
    }

    @Test
    void ofUnscaled_scaleZeroAndEighteen_areAccepted_minusOneAndNineteenAreNot() {
        assertThat(Money.ofUnscaled(USD, 1, 0)).hasToString("USD 1");
        assertThat(Money.ofUnscaled(USD, 1, 18)).hasToString("USD 0.000000000000000001");
        assertThatThrownBy(() -> Money.ofUnscaled(USD, 1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale -1 is not between 0 and 18");
        assertThatThrownBy(() -> Money.ofUnscaled(USD, 1, 19))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale 19 is not between 0 and 18");
        assertThatThrownBy(() -> Money.ofUnscaled(null, 1, 2))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("currency");
    }

    @Test
    void ofMinor_currencyWithoutMinorUnit_isTakenAsWhole() {
        // gold (XAU) has no minor unit: getDefaultFractionDigits() is -1
        Currency gold = Currency.getInstance("XAU");

        assertThat(Money.ofMinor(gold, 7)).hasToString("XAU 7");
        assertThat(Money.ofMinor(JPY, 7)).hasToString("JPY 7");
        assertThat(Money.ofMinor(Currency.getInstance("BHD"), 7)).hasToString("BHD 0.007");
    }

    @Test
    void parse_spaceFirst_isRefused_oneCharacterCodeBeforeTheSpaceIsTriedAsACode() {
        assertThatThrownBy(() -> Money.parse(" 12.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("money ' 12.00' is not of the form 'USD 25.95'");
        assertThatThrownBy(() -> Money.parse("U 12.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown currency code 'U'");
        assertThatThrownBy(() -> Money.parse(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("text");
    }

    @Test
    void currency_nullOrUnknown_isRefusedNamingTheCode() {
        assertThatThrownBy(() -> Money.currency(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("currencyCode");
        assertThatThrownBy(() -> Money.currency("usd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown currency code 'usd'")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "9", "+9", "-0", ".5", "1e5", "1E-5", "-0.90"})
    void parseAmount_plainDecimals_areReadExactly(String text) {
        assertThat(Money.parseAmount(text)).isEqualTo(new BigDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e5", "E5", "5.", "5e", "1/2", "1:2", "1,5", "1 5", "a1", "1a", "١٢"})
    void parseAmount_notADecimal_isRefusedNamingTheText(String text) {
        assertThatThrownBy(() -> Money.parseAmount(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount '" + text + "' is not a decimal number");
    }

    @Test
    void parseAmount_onlyAllowedCharactersButMalformed_isRefusedWithTheCause() {
        assertThatThrownBy(() -> Money.parseAmount("1-2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount '1-2' is not a decimal number")
                .hasCauseInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Money.parseAmount(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("amount");
    }

    @Test
    void signQueries_onZeroOneCentAndMinusOneCent() {
        Money zero = Money.of("USD", "0.00");
        Money cent = Money.of("USD", "0.01");
        Money minusCent = Money.of("USD", "-0.01");

        assertThat(zero.signum()).isZero();
        assertThat(zero.isZero()).isTrue();
        assertThat(zero.isNegative()).isFalse();
        assertThat(zero.isPositive()).isFalse();
        assertThat(cent.signum()).isEqualTo(1);
        assertThat(cent.isZero()).isFalse();
        assertThat(cent.isNegative()).isFalse();
        assertThat(cent.isPositive()).isTrue();
        assertThat(minusCent.signum()).isEqualTo(-1);
        assertThat(minusCent.isZero()).isFalse();
        assertThat(minusCent.isNegative()).isTrue();
        assertThat(minusCent.isPositive()).isFalse();
    }

    @Test
    void signQueries_beyondLongRange_useTheBigDecimal() {
        Money huge = Money.of("USD", "99999999999999999999.99");
        Money hugeRefund = huge.negated();

        assertThat(huge.isCompact()).isFalse();
        assertThat(huge.signum()).isEqualTo(1);
        assertThat(huge.isPositive()).isTrue();
        assertThat(hugeRefund.signum()).isEqualTo(-1);
        assertThat(hugeRefund.isNegative()).isTrue();
        assertThat(hugeRefund.abs()).isEqualTo(huge);
        assertThat(huge.abs()).isSameAs(huge);
    }

    @Test
    void comparisons_equalAmountsAtDifferentScales_areNeitherGreaterNorLess() {
        Money a = Money.of("USD", "1.5");
        Money b = Money.of("USD", "1.500");
        Money more = Money.of("USD", "1.501");

        assertThat(a.isEqual(b)).isTrue();
        assertThat(a.isGreaterThan(b)).isFalse();
        assertThat(a.isLessThan(b)).isFalse();
        assertThat(more.isGreaterThan(a)).isTrue();
        assertThat(a.isGreaterThan(more)).isFalse();
        assertThat(a.isLessThan(more)).isTrue();
        assertThat(more.isLessThan(a)).isFalse();
        assertThat(a.isEqual(more)).isFalse();
    }

    @Test
    void compareTo_sameScale_andAcrossScales_givesTheSign() {
        assertThat(Money.of("USD", "2.00").compareTo(Money.of("USD", "1.99"))).isPositive();
        assertThat(Money.of("USD", "1.99").compareTo(Money.of("USD", "2.00"))).isNegative();
        assertThat(Money.of("USD", "2").compareTo(Money.of("USD", "1.99"))).isPositive();
        assertThat(Money.of("USD", "1.99").compareTo(Money.of("USD", "2"))).isNegative();
        assertThat(Money.of("USD", "-2").compareTo(Money.of("USD", "-1.99"))).isNegative();
        // scaling 10^17 up by two decimals overflows a long: the comparison is still exact
        Money big = Money.ofUnscaled(USD, 100_000_000_000_000_000L, 0);
        assertThat(big.compareTo(Money.of("USD", "0.01"))).isPositive();
        assertThat(Money.of("USD", "0.01").compareTo(big)).isNegative();
        assertThat(big.negated().compareTo(Money.of("USD", "0.01"))).isNegative();
    }

    @Test
    void unscaledValue_ofAFallbackAmount_isRefusedNamingIt() {
        Money huge = Money.of("USD", "92233720368547758.08");

        assertThat(Money.of("USD", "25.95").unscaledValue()).isEqualTo(2595);
        assertThatThrownBy(huge::unscaledValue)
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("amount 92233720368547758.08 does not fit a long at scale 2");
    }

    @Test
    void plus_centsToAnAmountThatCannotBeScaledUp_isExact_inEitherOrder() {
        // 10^17 at scale 0 would be 10^19 units at scale 2: beyond a long
        Money big = Money.ofUnscaled(USD, 100_000_000_000_000_000L, 0);
        Money cent = Money.of("USD", "0.01");

        assertThat(big.plus(cent)).hasToString("USD 100000000000000000.01");
        assertThat(cent.plus(big)).hasToString("USD 100000000000000000.01");
        assertThat(big.negated().plus(cent)).hasToString("USD -99999999999999999.99");
        assertThat(cent.minus(big)).hasToString("USD -99999999999999999.99");
    }

    @Test
    void plus_sumReachingExactlyLongMin_isExactAndCompact() {
        Money a = Money.ofUnscaled(USD, Long.MIN_VALUE + 1, 0);
        Money sum = a.plus(Money.ofUnscaled(USD, -1, 0));

        assertThat(sum.amount()).isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE));
        assertThat(sum.isCompact()).isTrue();
        assertThat(sum.unscaledValue()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void plus_longMinOperand_isExact() {
        Money min = Money.ofUnscaled(USD, Long.MIN_VALUE, 0);

        assertThat(min.plus(Money.ofUnscaled(USD, 1, 0)).amount()).isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE + 1));
        assertThat(Money.ofUnscaled(USD, 1, 0).plus(min).amount()).isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE + 1));
        assertThat(min.plus(Money.of("USD", "0.5")).amount())
                .isEqualTo(new BigDecimal(Long.MIN_VALUE + "").add(new BigDecimal("0.5")));
    }

    @Test
    void plus_positiveOverflow_fallsBackExactly() {
        Money max = Money.ofUnscaled(USD, Long.MAX_VALUE, 0);

        Money sum = max.plus(Money.ofUnscaled(USD, 1, 0));

        assertThat(sum.amount()).isEqualTo(new BigDecimal("9223372036854775808"));
        assertThat(sum.isCompact()).isFalse();
    }

    @Test
    void negated_keepsTheScale_andLongMinFallsBack() {
        assertThat(Money.of("USD", "1.50").negated()).hasToString("USD -1.50");
        assertThat(Money.of("USD", "-0.000").negated()).hasToString("USD 0.000");
        Money negatedMin = Money.ofUnscaled(USD, Long.MIN_VALUE, 2).negated();
        assertThat(negatedMin.amount()).isEqualTo(new BigDecimal("92233720368547758.08"));
        assertThat(negatedMin.isCompact()).isFalse();
    }

    @Test
    void abs_ofZeroPositiveAndNegative() {
        Money zero = Money.of("USD", "0.00");
        Money plus = Money.of("USD", "3.10");

        assertThat(zero.abs()).isSameAs(zero);
        assertThat(plus.abs()).isSameAs(plus);
        assertThat(Money.of("USD", "-3.10").abs()).hasToString("USD 3.10");
    }

    @Test
    void multipliedByLong_atTheEdgesOfALong() {
        Money twoPow62 = Money.ofUnscaled(USD, TWO_POW_62, 0);
        Money minusTwoPow62 = Money.ofUnscaled(USD, -TWO_POW_62, 0);

        // -2^62 * 2 is exactly Long.MIN_VALUE: compact
        Money min = minusTwoPow62.multipliedBy(2);
        assertThat(min.isCompact()).isTrue();
        assertThat(min.unscaledValue()).isEqualTo(Long.MIN_VALUE);
        // 2^62 * 2 is 2^63: one beyond a long
        Money twoPow63 = twoPow62.multipliedBy(2);
        assertThat(twoPow63.isCompact()).isFalse();
        assertThat(twoPow63.amount()).isEqualTo(new BigDecimal("9223372036854775808"));
        // 2^62 * -3 is -1.5 * 2^63: beyond a long on the negative side
        assertThat(twoPow62.multipliedBy(-3).amount()).isEqualTo(new BigDecimal("-13835058055282163712"));
        assertThat(twoPow62.multipliedBy(-2).unscaledValue()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void multipliedByLong_zeroAndMinusOne_keepTheScale() {
        Money m = Money.of("USD", "2.50");

        assertThat(m.multipliedBy(0)).hasToString("USD 0.00");
        assertThat(m.multipliedBy(-1)).hasToString("USD -2.50");
        assertThat(Money.of("USD", "-2.50").multipliedBy(-2)).hasToString("USD 5.00");
        assertThat(Money.of("USD", "92233720368547758.08").multipliedBy(1)).hasToString("USD 92233720368547758.08");
    }

    @Test
    void multipliedByDecimal_productNeedingMoreThan18Decimals_keepsTheLargerScale() {
        // 1.000000000000000000 (18 decimals) x 1.0 = 19 decimals of which the last is a zero: kept at 18
        Money m = Money.of("USD", "1.000000000000000000").multipliedBy(new BigDecimal("1.0"));
        assertThat(m.scale()).isEqualTo(18);
        // 2.00 x 0.0000000000000000005 = 0.000000000000000001000: stripped to 18 decimals
        Money tiny = Money.of("USD", "2.00").multipliedBy(new BigDecimal("0.0000000000000000005"));
        assertThat(tiny).hasToString("USD 0.000000000000000001");
        // 0.01 x 0.0000000000000000001 needs 21 decimals: refused
        assertThatThrownBy(() -> Money.of("USD", "0.01").multipliedBy(new BigDecimal("0.0000000000000000001")))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("exact product 0.000000000000000000001 needs more than 18 decimals;"
                        + " pass a scale and a rounding mode");
        // exactly 18 decimals: no stripping
        assertThat(Money.of("USD", "0.10").multipliedBy(new BigDecimal("0.0000000000000001")))
                .hasToString("USD 0.000000000000000010");
    }

    @Test
    void multipliedByWithRounding_scaleBounds() {
        Money m = Money.of("USD", "1.25");

        assertThat(m.multipliedBy(BigDecimal.ONE, 0, RoundingMode.HALF_UP)).hasToString("USD 1");
        assertThat(m.multipliedBy(BigDecimal.ONE, 18, RoundingMode.UNNECESSARY).scale())
                .isEqualTo(18);
        assertThatThrownBy(() -> m.multipliedBy(BigDecimal.ONE, -1, RoundingMode.HALF_UP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale -1 is not between 0 and 18");
        assertThatThrownBy(() -> m.multipliedBy(BigDecimal.ONE, 19, RoundingMode.HALF_UP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale 19 is not between 0 and 18");
    }

    @Test
    void withScale_sameScale_isTheSameInstance_andBoundsAreChecked() {
        Money m = Money.of("USD", "1.20");

        assertThat(m.withScale(2)).isSameAs(m);
        assertThat(m.withScale(1)).hasToString("USD 1.2");
        assertThat(m.withScale(0 + 18).scale()).isEqualTo(18);
        assertThat(Money.of("USD", "3.00").withScale(0)).hasToString("USD 3");
        assertThatThrownBy(() -> m.withScale(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale -1 is not between 0 and 18");
        assertThatThrownBy(() -> m.withScale(19))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale 19 is not between 0 and 18");
        assertThatThrownBy(() -> m.withScale(0))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("amount 1.20 cannot be written with 0 decimals without rounding");
    }

    @Test
    void rounded_scaleBoundsAndNullMode() {
        Money m = Money.of("USD", "-1.255");

        assertThat(m.rounded(0, RoundingMode.DOWN)).hasToString("USD -1");
        assertThat(m.rounded(18, RoundingMode.UNNECESSARY).scale()).isEqualTo(18);
        assertThat(m.rounded(2, RoundingMode.HALF_EVEN)).hasToString("USD -1.26");
        assertThatThrownBy(() -> m.rounded(-1, RoundingMode.DOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale -1 is not between 0 and 18");
        assertThatThrownBy(() -> m.rounded(19, RoundingMode.DOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale 19 is not between 0 and 18");
        assertThatThrownBy(() -> m.rounded(2, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("rounding");
    }

    @Test
    void equals_sameInstanceAndOtherTypes() {
        Money m = Money.of("USD", "1.00");

        assertThat(m.equals(m)).isTrue();
        assertThat(m.equals("USD 1.00")).isFalse();
        assertThat(m.equals(null)).isFalse();
        assertThat(m.equals(Money.of("EUR", "1.00"))).isFalse();
        assertThat(m.equals(Money.of("USD", "1.01"))).isFalse();
    }

    @Test
    void of_refusalMessages_abbreviateHugeAndTinyAmounts() {
        // an exponent of up to 60 is written plainly, from 61 in scientific notation
        assertThatThrownBy(() -> Money.of(USD, new BigDecimal("1E+60")))
                .hasMessage("amount 1" + "0".repeat(60) + " has more than 40 digits before the decimal point");
        assertThatThrownBy(() -> Money.of(USD, new BigDecimal("1E+61")))
                .hasMessage("amount 1E+61 has more than 40 digits before the decimal point");
        // a tiny amount: up to 60 decimals it is written plainly, from 61 in scientific notation
        assertThatThrownBy(() -> Money.of(USD, new BigDecimal("1E-60")))
                .hasMessage("amount 0." + "0".repeat(59) + "1 has 60 decimal places, more than the 18 Money keeps;"
                        + " round it with a named policy first");
        assertThatThrownBy(() -> Money.of(USD, new BigDecimal("1E-61")))
                .hasMessage("amount 1E-61 has 61 decimal places, more than the 18 Money keeps;"
                        + " round it with a named policy first");
    }

    @Test
    void abbreviated_keeps80Characters_andCutsLongerText() {
        // 20 digits and 60 zeros make 80 characters; 21 digits make 81
        assertThat(Money.abbreviated(new BigDecimal("1".repeat(20) + "E+60")))
                .isEqualTo("1".repeat(20) + "0".repeat(60));
        assertThat(Money.abbreviated(new BigDecimal("1".repeat(21) + "E+60")))
                .isEqualTo("1".repeat(21) + "0".repeat(59) + "...");
        // up to 60 digits the plain form; 61 digits with an exponent in scientific notation
        assertThat(Money.abbreviated(new BigDecimal("1".repeat(60) + "E+1"))).isEqualTo("1".repeat(60) + "0");
        assertThat(Money.abbreviated(new BigDecimal("1".repeat(61) + "E+1"))).isEqualTo("1." + "1".repeat(60) + "E+61");
        assertThat(Money.abbreviated(new BigDecimal("-1E-60"))).isEqualTo("-0." + "0".repeat(59) + "1");
    }
}
