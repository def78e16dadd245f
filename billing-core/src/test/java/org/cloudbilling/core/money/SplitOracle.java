package org.cloudbilling.core.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The split as it was computed before the 128-bit fast path: every product and quotient on {@code BigInteger},
 * leftover units handed out after a stable sort of boxed indices. Kept as the oracle the fast path is compared
 * with ({@link SplitOracleProperties}); deliberately plain and slow.
 */
final class SplitOracle {
    private final BigInteger[] weights;
    private final BigInteger total;

    private SplitOracle(BigInteger[] weights, BigInteger total) {
        this.weights = weights;
        this.total = total;
    }

    static SplitOracle byWeights(List<BigDecimal> weights) {
        int commonScale = 0;
        for (BigDecimal w : weights) {
            commonScale = Math.max(commonScale, w.stripTrailingZeros().scale());
        }
        BigInteger[] big = new BigInteger[weights.size()];
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < big.length; i++) {
            big[i] = weights.get(i).setScale(commonScale).unscaledValue();
            sum = sum.add(big[i]);
        }
        return new SplitOracle(big, sum);
    }

    /** The split of {@code amount} at its own scale, ties to the earlier part. */
    List<Money> apply(Money amount) {
        return split(amount.amount(), amount, null);
    }

    /** The split at the allocation scale (MONEY-6), ties by the keys, then to the earlier part. */
    List<Money> apply(Money amount, int allocationScale, long[] tieBreak) {
        BigDecimal a = amount.amount();
        int own = a.signum() == 0 ? 0 : a.stripTrailingZeros().scale();
        return split(a.setScale(Math.max(allocationScale, own)), amount, tieBreak);
    }

    private List<Money> split(BigDecimal value, Money amount, long[] tieBreak) {
        BigInteger units = value.unscaledValue().abs();
        int n = weights.length;
        BigInteger[] floors = new BigInteger[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger assigned = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = units.multiply(weights[i]).divideAndRemainder(total);
            floors[i] = qr[0];
            remainders[i] = qr[1];
            assigned = assigned.add(qr[0]);
        }
        int leftover = units.subtract(assigned).intValueExact();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Comparator<Integer> byRemainder = (x, y) -> remainders[y].compareTo(remainders[x]);
        Arrays.sort(order, tieBreak == null ? byRemainder : byRemainder.thenComparing(i -> tieBreak[i]));
        for (int k = 0; k < leftover; k++) {
            floors[order[k]] = floors[order[k]].add(BigInteger.ONE);
        }
        List<Money> out = new ArrayList<>(n);
        for (BigInteger f : floors) {
            out.add(Money.of(amount.currency(), new BigDecimal(value.signum() < 0 ? f.negate() : f, value.scale())));
        }
        return out;
    }
}
