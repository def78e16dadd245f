package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.Random;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The primitive sums behind summaries and totals add exactly as {@link Money#plus} does, scale included. */
@Tag("ALLOC-8")
@DisplayName("ALLOC-8 summary cells add up exactly like Money, past the range of a long too")
class ExactSumTest {
    private static final Currency CNY = Currency.getInstance("CNY");

    private static Money amount(Random r) {
        int scale = r.nextInt(4) == 0 ? r.nextInt(19) : 2 * r.nextInt(5);
        long units = switch (r.nextInt(5)) {
            case 0 -> Long.MAX_VALUE - r.nextInt(3);
            case 1 -> Long.MIN_VALUE + 1 + r.nextInt(3);
            default -> r.nextLong() >> r.nextInt(64);
        };
        return Money.ofUnscaled(CNY, units, scale);
    }

    @Test
    void sum_equalsMoneyPlus_forMixedScalesAndOverflows() {
        for (long seed = 0; seed < 3_000; seed++) {
            Random r = new Random(seed);
            ExactSum sum = new ExactSum(CNY);
            Money expected = Money.zero(CNY);
            int n = 1 + r.nextInt(20);
            for (int i = 0; i < n; i++) {
                Money m = amount(r);
                sum.add(m);
                expected = expected.plus(m);
            }
            assertThat(sum.total().amount().toPlainString())
                    .as("seed %s", seed)
                    .isEqualTo(expected.amount().toPlainString());
        }
    }

    @Test
    void scaleUp_refusesWhatDoesNotFitALong() {
        assertThat(ExactSum.scaleUp(922_337_203_685_477_580L, 1)).isEqualTo(9_223_372_036_854_775_800L);
        assertThat(ExactSum.scaleUp(922_337_203_685_477_581L, 1)).isEqualTo(Long.MIN_VALUE);
        assertThat(ExactSum.scaleUp(-922_337_203_685_477_580L, 1)).isEqualTo(-9_223_372_036_854_775_800L);
        assertThat(ExactSum.scaleUp(1, 19)).isEqualTo(Long.MIN_VALUE);
    }
}
