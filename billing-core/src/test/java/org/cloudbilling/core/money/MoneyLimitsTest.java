package org.cloudbilling.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bounds on what an amount may be: generous for bills, refusing input that could exhaust memory. */
@Tag("MONEY-2")
class MoneyLimitsTest {

    @Test
    void of_hugeExponent_isRefusedQuickly_withoutExpandingIt() {
        assertThatThrownBy(() -> Money.of("USD", "1e999999999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount 1E+999999999 has more than 40 digits before the decimal point");
    }

    @Test
    void of_fortyIntegerDigits_isKeptExactly_andFortyOneIsRefused() {
        String forty = "9".repeat(40) + ".12345678";
        assertThat(Money.of("USD", forty).amount().toPlainString()).isEqualTo(forty);
        assertThatThrownBy(() -> Money.of("USD", "1" + "0".repeat(40)))
                .hasMessageContaining("more than 40 digits before the decimal point");
    }

    @Test
    void of_tinyExponent_isRefusedForItsDecimals() {
        assertThatThrownBy(() -> Money.of("USD", "1e-999999999"))
                .hasMessageContaining("decimal places, more than the 18 Money keeps");
    }

    @Test
    void split_hugeOrTinyWeights_areRefusedWithoutExpandingThem() {
        Money m = Money.of("USD", "1.00");
        assertThatThrownBy(() -> m.splitByWeights(java.util.List.of(new java.math.BigDecimal("1e999999999"))))
                .hasMessage("weight 1E+999999999 at position 0 is out of range: at most 40 digits before the decimal"
                        + " point and 18 after");
        assertThatThrownBy(() -> m.splitByRatios(
                        java.util.List.of(new java.math.BigDecimal("1e-999999999"), java.math.BigDecimal.ONE)))
                .hasMessageContaining("weight 1E-999999999 at position 0 is out of range");
    }

    @Test
    void of_exponentNearIntegerLimits_isRefusedWithoutOverflow() {
        assertThatThrownBy(() -> Money.of("USD", "1e2147483647"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 40 digits before the decimal point");
        assertThatThrownBy(() -> Money.of("USD", "1e-2147483648")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseAmount_acceptsOnlyAsciiDigits() {
        assertThatThrownBy(() -> Money.of("USD", "\u0661\u0662\u0663"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a decimal number");
        assertThatThrownBy(() -> Money.of("USD", "1\u0662.5")).hasMessage("amount '1\u0662.5' is not a decimal number");
        assertThat(Money.of("USD", "-1.5e2").amount().toPlainString()).isEqualTo("-150");
    }

    @Test
    void of_moreThan18Decimals_keeps18_whenTheRestAreZeros() {
        assertThat(Money.of("USD", "1.2300000000000000000000").scale()).isEqualTo(18);
        assertThat(Money.of("USD", "1.2300000000000000000000").toString()).isEqualTo("USD 1.230000000000000000");
    }
}
