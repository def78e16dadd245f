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
                .hasMessage("amount 1E+999999999 has more than 30 digits before the decimal point");
    }

    @Test
    void of_thirtyIntegerDigits_isKeptExactly_andThirtyOneIsRefused() {
        String thirty = "9".repeat(30) + ".12345678";
        assertThat(Money.of("USD", thirty).amount().toPlainString()).isEqualTo(thirty);
        assertThatThrownBy(() -> Money.of("USD", "1" + "0".repeat(30)))
                .hasMessageContaining("more than 30 digits before the decimal point");
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
                .hasMessage("weight 1E+999999999 at position 0 is out of range: at most 30 digits before the decimal"
                        + " point and 18 after");
        assertThatThrownBy(() -> m.splitByRatios(
                        java.util.List.of(new java.math.BigDecimal("1e-999999999"), java.math.BigDecimal.ONE)))
                .hasMessageContaining("weight 1E-999999999 at position 0 is out of range");
    }
}
