package org.cloudbilling.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SplitAtAllocationScaleTest {

    private static List<String> plain(List<Money> parts) {
        return parts.stream().map(m -> m.amount().toPlainString()).toList();
    }

    @Test
    @Tag("MONEY-6")
    void apply_sameValueWrittenWithMoreZeros_splitsAlike() {
        Split thirds = Split.evenly(3);
        long[] noKeys = new long[3];
        for (String amount : List.of("1", "1.00", "1.0000", "1.00000000")) {
            // 1 / 3 at 8 decimals: 0.33333333 each, one unit left over for the first part
            assertThat(plain(thirds.apply(Money.of("USD", amount), 8, noKeys)))
                    .as(amount)
                    .containsExactly("0.33333334", "0.33333333", "0.33333333");
        }
    }

    @Test
    @Tag("MONEY-6")
    void apply_amountWithMoreDecimalsThanTheScale_keepsItsOwn() {
        // 10 significant decimals: split at 10, never rounded to 8
        assertThat(plain(Split.evenly(2).apply(Money.of("USD", "0.0000000003"), 8, new long[2])))
                .containsExactly("0.0000000002", "0.0000000001");
        // trailing zeros are not decimals of their own: 0.5000000000 is split at 8
        assertThat(Split.allocationScale(Money.of("USD", "0.5000000000"), 8)).isEqualTo(8);
        assertThat(Split.allocationScale(Money.of("USD", "0.0000000003"), 8)).isEqualTo(10);
        assertThat(Split.allocationScale(Money.of("JPY", "0"), 8)).isEqualTo(8);
    }

    @Test
    @Tag("ALLOC-12")
    void apply_equalRemainders_goToTheSmallerTieBreakKey() {
        Money cent = Money.of("USD", "0.00000002");
        // 2 units in 3 equal parts: floors 0, remainders equal; the two smallest keys (parts 2 and 0) get them
        assertThat(plain(Split.evenly(3).apply(cent, 8, new long[] {5, 9, -4})))
                .containsExactly("0.00000001", "0.00000000", "0.00000001");
        // a larger remainder still wins over a smaller key: 0.00000001 x 70/30 gives the unit to the 70
        assertThat(plain(Split.byWeights(List.of(new java.math.BigDecimal("30"), new java.math.BigDecimal("70")))
                        .apply(Money.of("USD", "0.00000001"), 8, new long[] {-100, 100})))
                .containsExactly("0.00000000", "0.00000001");
    }

    @Test
    @Tag("MONEY-6")
    void apply_badScaleOrKeys_areRefused() {
        assertThatThrownBy(() -> Split.evenly(2).apply(Money.of("USD", "1"), 19, new long[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allocation scale 19 is not between 0 and 18");
        assertThatThrownBy(() -> Split.evenly(2).apply(Money.of("USD", "1"), 8, new long[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 tie-break keys for 2 parts");
    }

    @Test
    @Tag("IO-3")
    void byAmounts_takesAnyAmountMoneyHolds_evenPast40Digits() {
        Money fortyNines = Money.of("USD", "9".repeat(40));
        Money sum = fortyNines.plus(fortyNines); // 41 digits: too many for Money.of, held by a sum
        Split split = Split.byAmounts(List.of(sum, Money.of("USD", "0.00"), fortyNines));
        // 2 x (10^40 - 1) : 0 : 10^40 - 1 is exactly 2 : 0 : 1: 3.00 gives 2.00, 0.00, 1.00
        assertThat(plain(split.apply(Money.of("USD", "3.00")))).containsExactly("2.00", "0.00", "1.00");
        assertThatThrownBy(() -> Split.byAmounts(List.of(Money.of("USD", "-1"), Money.of("USD", "2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight USD -1 at position 0 is negative");
        assertThatThrownBy(() -> Split.byAmounts(List.of(Money.of("USD", "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights are all zero");
    }
}
