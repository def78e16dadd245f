package org.cloudbilling.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link Split#applyToDecimal}: quantities split like amounts (largest remainder, exact, symmetric). */
@Tag("MONEY-4")
@Tag("FOCUS-9")
class SplitDecimalTest {
    private static List<String> plain(List<BigDecimal> parts) {
        return parts.stream().map(BigDecimal::toPlainString).toList();
    }

    @Test
    void applyToDecimal_oneInThree_firstPartGetsTheLeftoverUnit() {
        assertThat(plain(Split.evenly(3).applyToDecimal(new BigDecimal("1.00"))))
                .containsExactly("0.34", "0.33", "0.33");
    }

    @Test
    void applyToDecimal_negative_isTheNegatedSplitOfItsAbsoluteValue() {
        assertThat(plain(Split.evenly(3).applyToDecimal(new BigDecimal("-1.00"))))
                .containsExactly("-0.34", "-0.33", "-0.33");
    }

    @Test
    void applyToDecimal_fiveToThree_keepsTheScale() {
        Split split = Split.byWeights(List.of(new BigDecimal("0.20000000"), new BigDecimal("0.12000000")));

        // 1 x 5/8 = 0.625 and 1 x 3/8 = 0.375, at the 15 decimals of the quantity
        assertThat(plain(split.applyToDecimal(new BigDecimal("1.000000000000000"))))
                .containsExactly("0.625000000000000", "0.375000000000000");
    }

    @Test
    void applyToDecimal_sameAsTheMoneySplit_forAnAmountsDecimal() {
        Split split = Split.byWeights(List.of(new BigDecimal("7"), new BigDecimal("2"), new BigDecimal("2")));
        Money amount = Money.of("USD", "-10.01");

        assertThat(split.applyToDecimal(amount.amount()))
                .containsExactlyElementsOf(
                        split.apply(amount).stream().map(Money::amount).toList());
    }

    @Test
    void applyToDecimal_negativeScale_splitsWholeUnits() {
        // 1E+3 is 1000: in whole units, 334, 333, 333 (not thousands)
        assertThat(plain(Split.evenly(3).applyToDecimal(new BigDecimal("1E+3"))))
                .containsExactly("334", "333", "333");
    }

    @Test
    void applyToDecimal_null_isRefused() {
        assertThatThrownBy(() -> Split.evenly(2).applyToDecimal(null)).isInstanceOf(NullPointerException.class);
    }
}
