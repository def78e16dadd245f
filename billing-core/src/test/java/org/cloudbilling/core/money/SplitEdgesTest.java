package org.cloudbilling.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.core.money.MoneyFixtures.USD;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("MONEY-4")
class SplitEdgesTest {
    /** 10^19 and 3 x 10^19: their sum does not fit a long, so the split works with BigIntegers. */
    private static final String E19 = "10000000000000000000";

    private static final String THREE_E19 = "30000000000000000000";

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static List<String> strings(List<Money> parts) {
        return parts.stream().map(Money::toString).toList();
    }

    @Test
    void evenly_negativeParts_isRefusedNamingTheCount() {
        assertThatThrownBy(() -> Split.evenly(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an even split needs at least one part, got -1");
        assertThat(Split.evenly(1).parts()).isEqualTo(1);
        assertThat(Split.evenly(3)).hasToString("Split[1, 1, 1]");
    }

    @Test
    void byWeights_bigWeights_leftoverGoesToTheLargestRemainder_notTheFirstPart() {
        // shares of 3 cents: 3 x 3/4 = 2.25 and 3 x 1/4 = 0.75; the leftover cent goes to the second part
        Split split = Split.byWeights(decimals(THREE_E19, E19));

        assertThat(split.parts()).isEqualTo(2);
        assertThat(split).hasToString("Split[" + THREE_E19 + ", " + E19 + "]");
        assertThat(strings(split.apply(Money.of("USD", "0.03")))).containsExactly("USD 0.02", "USD 0.01");
        assertThat(strings(split.apply(Money.of("USD", "-0.03")))).containsExactly("USD -0.02", "USD -0.01");
        // 30 units of 0.001: shares 22.5 and 7.5 tie, and the earlier part gets the leftover unit
        assertThat(strings(split.apply(Money.of("USD", "0.030")))).containsExactly("USD 0.023", "USD 0.007");
    }

    @Test
    void byWeights_bigWeights_equalRemainders_goToTheEarlierParts() {
        // 2 cents in three equal shares of 0.67: the first two parts get one cent each
        Split split = Split.byWeights(decimals(E19, E19, E19));

        assertThat(strings(split.apply(Money.of("USD", "0.02")))).containsExactly("USD 0.01", "USD 0.01", "USD 0.00");
        assertThat(strings(split.apply(Money.of("USD", "0")))).containsExactly("USD 0", "USD 0", "USD 0");
    }

    @Test
    void apply_productOfExactlyTwoToThe63_fallsBackAndStaysExact() {
        // 2^62 units x weight 2 is 2^63, one beyond a long: shares 2^63/3 = ...602.67 and 2^62/3 = ...301.33
        Money twoPow62 = Money.ofUnscaled(USD, 1L << 62, 0);

        List<Money> parts = Split.byWeights(decimals("2", "1")).apply(twoPow62);

        assertThat(strings(parts)).containsExactly("USD 3074457345618258603", "USD 1537228672809129301");
        assertThat(Money.total(USD, parts)).isEqualTo(twoPow62);
    }

    @Test
    void checkWeight_integerDigitAndDecimalLimits_areInclusive() {
        // 1E+39 has 40 digits before the point, 1E-18 eighteen after: both accepted
        assertThat(strings(Money.of("USD", "1.00").splitByWeights(decimals("1E+39", "1E+39"))))
                .containsExactly("USD 0.50", "USD 0.50");
        assertThat(strings(Money.of("USD", "1.00").splitByWeights(decimals("1E-18", "1E-18"))))
                .containsExactly("USD 0.50", "USD 0.50");
        assertThatThrownBy(() -> Split.byWeights(decimals("1", "1E+40")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight 10000000000000000000000000000000000000000 at position 1 is out of range: at most 40"
                        + " digits before the decimal point and 18 after");
        assertThatThrownBy(() -> Split.byWeights(decimals("1E-19")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight 0.0000000000000000001 at position 0 is out of range: at most 40 digits before the"
                        + " decimal point and 18 after");
    }

    @Test
    void checkWeight_zeroWithAHugeExponent_isAZeroWeight() {
        assertThat(strings(Money.of("USD", "1.00").splitByWeights(decimals("0E+100", "2"))))
                .containsExactly("USD 0.00", "USD 1.00");
    }

    @Test
    void byWeights_nineteenDecimalsWithinRange_isRefusedForItsScale() {
        // 0.1234567890123456789 has 19 significant decimals
        assertThatThrownBy(() -> Split.byWeights(decimals("0.1234567890123456789")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a weight has more than 18 decimal places");
        assertThat(Split.byWeights(decimals("0.123456789012345678", "0.123456789012345678"))
                        .apply(Money.of("USD", "0.02")))
                .containsExactly(Money.of("USD", "0.01"), Money.of("USD", "0.01"));
    }

    @Test
    void nulls_areRefusedNamingTheArgument() {
        assertThatThrownBy(() -> Split.byWeights(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("weights");
        assertThatThrownBy(() -> Split.byWeights(Arrays.asList(BigDecimal.ONE, null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("weight");
        assertThatThrownBy(() -> Split.byRatios(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ratios");
        assertThatThrownBy(() -> Split.evenly(2).apply(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("amount");
        assertThatThrownBy(() -> Split.applyByKey(null, Map.of("a", BigDecimal.ONE)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("amount");
    }

    @Test
    void byRatios_noRatios_addUpToZero() {
        assertThatThrownBy(() -> Split.byRatios(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ratios add up to 0, not exactly 1");
        assertThat(Split.byRatios(decimals("1.000")).apply(Money.of("USD", "4.56")))
                .containsExactly(Money.of("USD", "4.56"));
    }

    @Test
    void applyByKey_bigWeights_areSplitInKeyOrder() {
        Map<String, BigDecimal> weights = Map.of("b", new BigDecimal(E19), "a", new BigDecimal(THREE_E19));

        Map<String, Money> parts = Split.applyByKey(Money.of("USD", "0.03"), weights);

        assertThat(parts)
                .containsExactly(Map.entry("a", Money.of("USD", "0.02")), Map.entry("b", Money.of("USD", "0.01")));
    }
}
