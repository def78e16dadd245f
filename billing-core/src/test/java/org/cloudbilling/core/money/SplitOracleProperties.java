package org.cloudbilling.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * MONEY-4: the split computed with 128-bit longs gives exactly the parts of the {@code BigInteger} computation it
 * replaced ({@link SplitOracle}), over weights and amounts chosen to overflow 64-bit products, with ties and
 * tie-break keys that collide. A failure names its seed and case.
 */
@Tag("MONEY-4")
@Tag("MONEY-6")
@DisplayName("MONEY-4 the fast split gives exactly the parts of the BigInteger split it replaced")
class SplitOracleProperties {
    private static final Currency USD = Currency.getInstance("USD");

    /** A weight of 0 to 8 decimals whose size is spread over many orders of magnitude, zero now and then. */
    private static BigDecimal weight(Random r) {
        if (r.nextInt(10) == 0) {
            return BigDecimal.ZERO;
        }
        int digits = 1 + r.nextInt(r.nextBoolean() ? 6 : 17);
        long unscaled = 1 + (long) (r.nextDouble() * Math.pow(10, digits));
        return BigDecimal.valueOf(Math.min(unscaled, 999_999_999_999_999_999L), r.nextInt(9));
    }

    /** An amount of 0 to 8 decimals up to the largest compact one, negative half the time. */
    private static Money amount(Random r) {
        long unscaled = switch (r.nextInt(6)) {
            case 0 -> r.nextInt(100);
            case 1 -> Long.MAX_VALUE - r.nextInt(1000);
            case 2 -> r.nextLong() >>> 1;
            default -> (long) (r.nextDouble() * Math.pow(10, 1 + r.nextInt(18)));
        };
        return Money.ofUnscaled(USD, r.nextBoolean() ? -unscaled : unscaled, r.nextInt(9));
    }

    private static List<BigDecimal> weights(Random r) {
        int n = 1 + r.nextInt(r.nextInt(8) == 0 ? 200 : 9);
        List<BigDecimal> out = new ArrayList<>(n);
        boolean equal = r.nextInt(4) == 0;
        BigDecimal same = weight(r).add(BigDecimal.ONE);
        for (int i = 0; i < n; i++) {
            out.add(equal ? same : weight(r));
        }
        if (out.stream().allMatch(w -> w.signum() == 0)) {
            out.set(r.nextInt(n), BigDecimal.ONE);
        }
        return out;
    }

    /** The parts as written, so that a part at another scale differs (Money's equals ignores the scale). */
    private static List<String> written(List<Money> parts) {
        return parts.stream().map(m -> m.amount().toPlainString()).toList();
    }

    @Test
    void split_equalsTheBigIntegerSplit_atTheAmountsScale() {
        for (long seed = 0; seed < 20_000; seed++) {
            Random r = new Random(seed);
            List<BigDecimal> weights = weights(r);
            Money amount = amount(r);
            assertThat(written(Split.byWeights(weights).apply(amount)))
                    .as("seed %s: %s split by %s", seed, amount, weights)
                    .containsExactlyElementsOf(
                            written(SplitOracle.byWeights(weights).apply(amount)));
        }
    }

    @Test
    void split_equalsTheBigIntegerSplit_atTheAllocationScale_withTieBreakKeys() {
        for (long seed = 0; seed < 20_000; seed++) {
            Random r = new Random(seed);
            List<BigDecimal> weights = weights(r);
            Money amount = Money.ofUnscaled(USD, r.nextLong() % 10_000_000_000L, r.nextInt(5));
            int scale = r.nextInt(11);
            long[] keys = new long[weights.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = r.nextInt(3); // few distinct keys, so keys tie too
            }
            assertThat(written(Split.byWeights(weights).apply(amount, scale, keys)))
                    .as("seed %s: %s at scale %s split by %s", seed, amount, scale, weights)
                    .containsExactlyElementsOf(
                            written(SplitOracle.byWeights(weights).apply(amount, scale, keys)));
        }
    }

    @Test
    void divide128_matchesBigIntegerDivision() {
        Random r = new Random(7);
        long[] remainder = new long[1];
        for (int i = 0; i < 200_000; i++) {
            long divisor = 1 + ((r.nextLong() >>> 1) >>> r.nextInt(63));
            long a = (r.nextLong() >>> 1) >>> r.nextInt(63);
            long b = (r.nextLong() >>> 1) >>> r.nextInt(63);
            java.math.BigInteger product = java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b));
            java.math.BigInteger bigDivisor = java.math.BigInteger.valueOf(divisor);
            if (product.shiftRight(64).compareTo(bigDivisor) >= 0) {
                continue; // the quotient would not fit 64 bits: never asked of divide128
            }
            java.math.BigInteger[] qr = product.divideAndRemainder(bigDivisor);
            long q = Split.divide128(Math.multiplyHigh(a, b), a * b, divisor, remainder, 0);
            assertThat(q).as("%s x %s / %s", a, b, divisor).isEqualTo(qr[0].longValue());
            assertThat(remainder[0]).as("%s x %s %% %s", a, b, divisor).isEqualTo(qr[1].longValueExact());
        }
    }

    @Test
    void applyToUnits_equalsTheBigIntegerSplit_withAndWithoutTieBreakKeys() {
        for (long seed = 0; seed < 20_000; seed++) {
            Random r = new Random(seed);
            List<BigDecimal> weights = weights(r);
            Money amount = amount(r);
            long[] keys = null;
            if (r.nextBoolean()) {
                keys = new long[weights.size()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = r.nextInt(3);
                }
            }
            long[] units = new long[weights.size() + r.nextInt(2)];
            Split.byWeights(weights).applyToUnits(amount.unscaledValue(), keys, units);
            List<Money> expected = keys == null
                    ? SplitOracle.byWeights(weights).apply(amount)
                    : SplitOracle.byWeights(weights).apply(amount, amount.scale(), keys);
            List<String> got = new ArrayList<>();
            for (int i = 0; i < weights.size(); i++) {
                got.add(Money.ofUnscaled(USD, units[i], amount.scale()).amount().toPlainString());
            }
            assertThat(got)
                    .as(
                            "seed %s: %s units split by %s, keys %s",
                            seed, amount, weights, keys == null ? "none" : java.util.Arrays.toString(keys))
                    .containsExactlyElementsOf(written(expected));
        }
    }

    @Test
    void divideByReciprocal_matchesBigIntegerDivision() {
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            long divisor = 1 + ((r.nextLong() >>> 1) >>> r.nextInt(63));
            long a = (r.nextLong() >>> 1) >>> r.nextInt(63);
            long b = i % 7 == 0 ? divisor : (r.nextLong() >>> 1) >>> r.nextInt(63);
            java.math.BigInteger product = java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b));
            java.math.BigInteger bigDivisor = java.math.BigInteger.valueOf(divisor);
            if (product.shiftRight(64).compareTo(bigDivisor) >= 0) {
                continue; // the quotient would not fit 64 bits: never asked
            }
            long q = Split.divideByReciprocal(Math.multiplyHigh(a, b), a * b, divisor);
            assertThat(q)
                    .as("%s x %s / %s", a, b, divisor)
                    .isEqualTo(product.divide(bigDivisor).longValue());
        }
    }
}
