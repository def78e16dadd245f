package org.cloudbilling.core.money;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * A way to divide an amount into parts that add up to it exactly (MONEY-4), prepared once and applied to
 * any number of amounts.
 *
 * <p>Every part has the amount's scale and lies within one smallest unit of its exact share. The method is
 * largest remainder: each part first gets the floor of its exact share (in units of the amount's last
 * decimal), then the units left over go one each to the parts with the largest remainders. <b>Tie-break:</b>
 * among equal remainders the part that comes first wins; {@link #applyByKey(Money, Map)} orders parts by key,
 * so its result does not depend on the order of the input. A negative amount is split as its absolute value
 * and the parts negated, so {@code split(-a) == -split(a)}.
 *
 * <pre>{@code
 * Split.evenly(3).apply(Money.of("USD", "100.00"));              // 33.34, 33.33, 33.33
 * Split.byRatios(List.of(new BigDecimal("0.7"), new BigDecimal("0.3")))
 *      .apply(Money.of("USD", "0.05"));                          // 0.04, 0.01
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Split {

    /** Integer weights; every weight is non-negative and their sum is positive. */
    private final long[] weights;

    private final long totalWeight;
    /** The weights as BigIntegers when they or their sum do not fit a long; null otherwise. */
    private final BigInteger[] bigWeights;

    private final BigInteger bigTotal;

    /** How far {@link #totalWeight} is shifted left to set its top bit (for the division by reciprocal). */
    private final int shift;

    /** {@link #totalWeight} shifted left by {@link #shift}: its top bit is set. */
    private final long normalizedTotal;

    /** floor((2^128 - 1) / normalizedTotal) - 2^64: the reciprocal that turns a division into two products. */
    private final long reciprocal;

    private Split(long[] weights, long totalWeight) {
        this.weights = weights;
        this.totalWeight = totalWeight;
        this.bigWeights = null;
        this.bigTotal = null;
        this.shift = Long.numberOfLeadingZeros(totalWeight);
        this.normalizedTotal = totalWeight << shift;
        this.reciprocal = reciprocal(normalizedTotal);
    }

    private Split(BigInteger[] bigWeights, BigInteger bigTotal) {
        this.weights = null;
        this.totalWeight = 0;
        this.bigWeights = bigWeights;
        this.bigTotal = bigTotal;
        this.shift = 0;
        this.normalizedTotal = 0;
        this.reciprocal = 0;
    }

    /**
     * Returns a split into {@code parts} equal shares; the first parts get the leftover units.
     *
     * @param parts the number of parts, at least 1
     * @return the split, never null
     * @throws IllegalArgumentException if {@code parts < 1}
     */
    public static Split evenly(int parts) {
        checkArgument(parts >= 1, "an even split needs at least one part, got %s", parts);
        long[] w = new long[parts];
        Arrays.fill(w, 1L);
        return new Split(w, parts);
    }

    /**
     * Returns a split in proportion to {@code weights}, such as the collected costs of the targets.
     *
     * @param weights the weights, not null, each at least zero, not all zero, at most {@link Money#MAX_SCALE}
     *     decimals
     * @return the split, never null
     * @throws IllegalArgumentException if the list is empty, a weight is negative, or all are zero
     */
    public static Split byWeights(List<BigDecimal> weights) {
        requireNonNull(weights, "weights");
        checkArgument(!weights.isEmpty(), "a split needs at least one weight");
        int commonScale = 0;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal w = checkWeight(weights.get(i), i);
            commonScale = Math.max(commonScale, w.stripTrailingZeros().scale());
        }
        checkArgument(commonScale <= Money.MAX_SCALE, "a weight has more than %s decimal places", Money.MAX_SCALE);
        BigInteger[] big = new BigInteger[weights.size()];
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < big.length; i++) {
            big[i] = weights.get(i).setScale(commonScale).unscaledValue();
            total = total.add(big[i]);
        }
        checkArgument(total.signum() > 0, "weights are all zero; choose a fallback such as an even split");
        return of(big, total);
    }

    private static Split of(BigInteger[] big, BigInteger total) {
        if (total.bitLength() < 63) {
            long[] w = new long[big.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = big[i].longValueExact();
            }
            return new Split(w, total.longValueExact());
        }
        return new Split(big, total);
    }

    /**
     * Returns a split in proportion to amounts of money, such as each target unit's collected cost over a month:
     * any amount {@link Money} holds is a weight, even a sum past {@link Money#MAX_INTEGER_DIGITS} digits (IO-3).
     *
     * @param weights the weights, not null, each at least zero, not all zero; their currencies are not compared
     * @return the split, never null
     * @throws IllegalArgumentException if the list is empty, a weight is negative, or all are zero
     */
    public static Split byAmounts(List<Money> weights) {
        requireNonNull(weights, "weights");
        checkArgument(!weights.isEmpty(), "a split needs at least one weight");
        int commonScale = 0;
        for (int i = 0; i < weights.size(); i++) {
            Money w = requireNonNull(weights.get(i), "weight");
            checkArgument(!w.isNegative(), "weight %s at position %s is negative", w, i);
            commonScale = Math.max(commonScale, w.scale());
        }
        BigInteger[] big = new BigInteger[weights.size()];
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < big.length; i++) {
            big[i] = weights.get(i).amount().setScale(commonScale).unscaledValue();
            total = total.add(big[i]);
        }
        checkArgument(total.signum() > 0, "weights are all zero; choose a fallback such as an even split");
        return of(big, total);
    }

    /**
     * Returns a split by explicit ratios, such as 0.5, 0.3 and 0.2, which must add up to exactly 1.
     *
     * @param ratios the ratios, not null, each at least zero
     * @return the split, never null
     * @throws IllegalArgumentException if the ratios do not add up to exactly 1, naming their sum
     */
    public static Split byRatios(List<BigDecimal> ratios) {
        requireNonNull(ratios, "ratios");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < ratios.size(); i++) {
            sum = sum.add(checkWeight(ratios.get(i), i));
        }
        checkArgument(sum.compareTo(BigDecimal.ONE) == 0, "ratios add up to %s, not exactly 1", sum.toPlainString());
        return byWeights(ratios);
    }

    /** Checks a weight's sign and size before any arithmetic could expand a huge exponent. */
    private static BigDecimal checkWeight(BigDecimal w, int position) {
        requireNonNull(w, "weight");
        checkArgument(w.signum() >= 0, "weight %s at position %s is negative", Money.abbreviated(w), position);
        checkArgument(
                w.signum() == 0
                        || (w.precision() - w.scale() <= Money.MAX_INTEGER_DIGITS
                                && w.scale() - w.precision() < Money.MAX_SCALE),
                "weight %s at position %s is out of range: at most %s digits before the decimal point and %s after",
                Money.abbreviated(w),
                position,
                Money.MAX_INTEGER_DIGITS,
                Money.MAX_SCALE);
        return w;
    }

    /**
     * Splits {@code amount} among keyed weights. Parts are laid out in ascending key order before the
     * split, so ties go to the smaller key and the result is the same for any order of the map.
     *
     * @param amount the amount, not null
     * @param weights each key's weight, not null, not empty, not all zero
     * @param <K> the key type
     * @return each key's part in ascending key order, never null
     */
    public static <K extends Comparable<? super K>> ImmutableMap<K, Money> applyByKey(
            Money amount, Map<K, BigDecimal> weights) {
        requireNonNull(amount, "amount");
        List<K> keys = new ArrayList<>(weights.keySet());
        keys.sort(null);
        List<BigDecimal> ordered = new ArrayList<>(keys.size());
        for (K k : keys) {
            ordered.add(weights.get(k));
        }
        List<Money> parts = byWeights(ordered).apply(amount);
        ImmutableMap.Builder<K, Money> result = ImmutableMap.builderWithExpectedSize(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            result.put(keys.get(i), parts.get(i));
        }
        return result.build();
    }

    /** Returns the number of parts this split produces. */
    public int parts() {
        return weights != null ? weights.length : bigWeights.length;
    }

    /**
     * Splits {@code amount}; the parts add up to it exactly and each has its scale.
     *
     * @param amount the amount, not null; negative amounts are split symmetrically
     * @return the parts, one per weight in order, never null
     */
    public ImmutableList<Money> apply(Money amount) {
        requireNonNull(amount, "amount");
        return split(amount, null);
    }

    /**
     * Splits {@code amount} at the allocation scale (MONEY-6): at {@code allocationScale} decimals, or at the
     * amount's own significant decimals when it has more, so that {@code 1.00} and {@code 1.0000} split alike.
     * Among equal remainders the part with the smaller {@code tieBreak} key gets the unit left over (then the
     * earlier part); keys drawn from a hash of what is split and where make the leftovers fall evenly on average
     * instead of always on the first parts.
     *
     * <pre>{@code
     * Split.evenly(3).apply(Money.of("USD", "1.00"), 8, new long[] {0, 0, 0}); // 0.33333334, 0.33333333, 0.33333333
     * }</pre>
     *
     * @param amount the amount, not null
     * @param allocationScale the least number of decimals of the parts, from 0 to {@link Money#MAX_SCALE}
     * @param tieBreak one key per part, not null
     * @return the parts, one per weight in order, each at the same scale, adding up to {@code amount}; never null
     * @throws IllegalArgumentException if the scale is out of range or the keys do not match the parts
     */
    public ImmutableList<Money> apply(Money amount, int allocationScale, long[] tieBreak) {
        requireNonNull(amount, "amount");
        requireNonNull(tieBreak, "tieBreak");
        checkArgument(
                allocationScale >= 0 && allocationScale <= Money.MAX_SCALE,
                "allocation scale %s is not between 0 and %s",
                allocationScale,
                Money.MAX_SCALE);
        checkArgument(tieBreak.length == parts(), "%s tie-break keys for %s parts", tieBreak.length, parts());
        return split(amount.withScale(allocationScale(amount, allocationScale)), tieBreak);
    }

    /**
     * Returns the scale {@link #apply(Money, int, long[])} splits {@code amount} at: {@code allocationScale}, or
     * the amount's own significant decimals when it has more.
     */
    public static int allocationScale(Money amount, int allocationScale) {
        int own;
        if (amount.isZero()) {
            own = 0;
        } else if (amount.isCompact()) {
            long units = amount.unscaledValue();
            own = amount.scale();
            while (units % 10 == 0) { // not zero here, so the loop ends
                units /= 10;
                own--;
            }
        } else {
            own = amount.amount().stripTrailingZeros().scale();
        }
        return Math.max(allocationScale, own);
    }

    /**
     * Splits {@code units} units of an amount's last decimal into parts written to {@code into}, as
     * {@link #apply(Money)} splits a compact amount of that many units: the same parts, but no {@code Money} and no
     * list, for callers that only add the parts up. Makes no objects unless many units are left over among many
     * parts or the weights do not fit a long.
     *
     * <pre>{@code
     * long[] parts = new long[3];
     * Split.evenly(3).applyToUnits(10_000, parts); // 3334, 3333, 3333
     * }</pre>
     *
     * @param units the amount in units of its last decimal, greater than {@link Long#MIN_VALUE}; negative amounts
     *     are split symmetrically
     * @param into receives the parts, one per weight in order; not null, at least {@link #parts()} long
     * @throws IllegalArgumentException if {@code units} is {@link Long#MIN_VALUE} or {@code into} is too short
     */
    public void applyToUnits(long units, long[] into) {
        applyToUnits(units, null, into);
    }

    /**
     * Splits {@code units} units into {@code into} as {@link #apply(Money, int, long[])} splits a compact amount of
     * that many units once it is at its allocation scale ({@link #allocationScale(Money, int)}): among equal
     * remainders the part with the smaller {@code tieBreak} key gets the unit left over (then the earlier part).
     *
     * @param units the amount in units of its allocation scale, greater than {@link Long#MIN_VALUE}
     * @param tieBreak one key per part, or null for none (the earlier part wins a tie)
     * @param into receives the parts, one per weight in order; not null, at least {@link #parts()} long
     * @throws IllegalArgumentException if {@code units} is {@link Long#MIN_VALUE}, or {@code into} or the keys do not
     *     match the parts
     */
    public void applyToUnits(long units, long[] tieBreak, long[] into) {
        requireNonNull(into, "into");
        int n = parts();
        checkArgument(
                units != Long.MIN_VALUE, "%s units cannot be split: their absolute value does not fit a long", units);
        checkArgument(into.length >= n, "room for %s parts, need %s", into.length, n);
        checkArgument(
                tieBreak == null || tieBreak.length == n,
                "%s tie-break keys for %s parts",
                tieBreak == null ? 0 : tieBreak.length,
                n);
        long total = Math.abs(units);
        if (weights != null) {
            applyLong(total, tieBreak, into);
        } else {
            BigInteger[] parts = applyBig(BigInteger.valueOf(total), tieBreak);
            for (int i = 0; i < n; i++) {
                into[i] = parts[i].longValueExact(); // a part never exceeds the total
            }
        }
        if (units < 0) {
            for (int i = 0; i < n; i++) {
                into[i] = -into[i];
            }
        }
    }

    private ImmutableList<Money> split(Money amount, long[] tieBreak) {
        int n = parts();
        int scale = amount.scale();
        boolean negative = amount.isNegative();
        if (weights != null && amount.isCompact() && amount.unscaledValue() != Long.MIN_VALUE) {
            long total = Math.abs(amount.unscaledValue());
            long[] parts = new long[n];
            applyLong(total, tieBreak, parts);
            // a builder of the exact size hands its array to the list: copyOf(array) would copy it once more
            ImmutableList.Builder<Money> out = ImmutableList.builderWithExpectedSize(n);
            Currency currency = amount.currency();
            for (int i = 0; i < n; i++) {
                out.add(Money.ofUnscaled(currency, negative ? -parts[i] : parts[i], scale));
            }
            return out.build();
        }
        BigInteger total = amount.amount().unscaledValue().abs();
        BigInteger[] parts = applyBig(total, tieBreak);
        Money[] out = new Money[n];
        for (int i = 0; i < n; i++) {
            BigInteger p = negative ? parts[i].negate() : parts[i];
            out[i] = Money.of(amount.currency(), new BigDecimal(p, scale));
        }
        return ImmutableList.copyOf(out);
    }

    /**
     * Splits a non-negative unit count below 2^63 into {@code floors} with 128-bit products of longs:
     * {@code total x weight} is formed exactly in two longs and divided by the total weight (less than 2^63) with
     * its precomputed reciprocal, so no product overflows, no hardware division runs and no {@code BigInteger} is
     * made. The quotient never exceeds {@code total}, so it fits a long. The remainders are not kept: each is the
     * low 64 bits of {@code total x weight - floor x totalWeight}, found again when the leftover units are handed
     * out.
     */
    private void applyLong(long total, long[] tieBreak, long[] floors) {
        int n = weights.length;
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            long w = weights[i];
            long q = divideByReciprocal(Math.multiplyHigh(total, w), total * w);
            floors[i] = q;
            assigned += q;
        }
        int leftover = (int) (total - assigned); // less than n: each floor loses less than one unit
        distribute(leftover, total, floors, tieBreak);
    }

    /** The remainder of part {@code i} once its floor is known (below the total weight, so the low bits suffice). */
    private long remainder(long total, long[] floors, int i) {
        return total * weights[i] - floors[i] * totalWeight;
    }

    /**
     * Divides the unsigned 128-bit value {@code hi:lo} by the total weight with its reciprocal (Moller and
     * Granlund, "Improved division by invariant integers", 2011, algorithm 4). Needs {@code hi < totalWeight}.
     */
    private long divideByReciprocal(long hi, long lo) {
        int s = shift;
        long d = normalizedTotal;
        long u1 = s == 0 ? hi : (hi << s) | (lo >>> (64 - s));
        long u0 = lo << s;
        long p0 = reciprocal * u1;
        long p1 = unsignedMultiplyHigh(reciprocal, u1);
        long q0 = p0 + u0;
        long q1 = p1 + u1 + (Long.compareUnsigned(q0, p0) < 0 ? 1 : 0) + 1;
        long r = u0 - q1 * d;
        if (Long.compareUnsigned(r, q0) > 0) {
            q1--;
            r += d;
        }
        if (Long.compareUnsigned(r, d) >= 0) {
            q1++;
        }
        return q1;
    }

    /** The reciprocal of a divisor whose top bit is set: floor((2^128 - 1) / d) - 2^64. */
    static long reciprocal(long d) {
        // (2^128 - 1) - 2^64 d is ~d:~0, and ~d < d
        return divide128(~d, -1L, d, new long[1], 0);
    }

    /** The high 64 bits of the unsigned product of {@code a} and {@code b}. */
    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** For tests: {@code hi:lo / divisor} by the reciprocal of a split whose total weight is {@code divisor}. */
    static long divideByReciprocal(long hi, long lo, long divisor) {
        return new Split(new long[] {divisor}, divisor).divideByReciprocal(hi, lo);
    }

    /**
     * Divides the unsigned 128-bit value {@code hi:lo} by {@code divisor} (Knuth's algorithm D with two 32-bit
     * digits, as in Hacker's Delight {@code divlu}); stores the remainder in {@code remainders[at]} and returns
     * the quotient. Needs {@code 0 < divisor} and {@code hi < divisor}, so the quotient fits 64 bits.
     */
    static long divide128(long hi, long lo, long divisor, long[] remainders, int at) {
        final long base = 1L << 32;
        final long mask = base - 1;
        int shift = Long.numberOfLeadingZeros(divisor);
        long v = divisor << shift;
        long vn1 = v >>> 32;
        long vn0 = v & mask;
        long un32 = shift == 0 ? hi : (hi << shift) | (lo >>> (64 - shift));
        long un10 = lo << shift;
        long un1 = un10 >>> 32;
        long un0 = un10 & mask;

        long q1 = Long.divideUnsigned(un32, vn1);
        long rhat = un32 - q1 * vn1;
        while (q1 >= base || Long.compareUnsigned(q1 * vn0, (rhat << 32) + un1) > 0) {
            q1--;
            rhat += vn1;
            if (rhat >= base) {
                break;
            }
        }
        long un21 = (un32 << 32) + un1 - q1 * v;

        long q0 = Long.divideUnsigned(un21, vn1);
        rhat = un21 - q0 * vn1;
        while (q0 >= base || Long.compareUnsigned(q0 * vn0, (rhat << 32) + un0) > 0) {
            q0--;
            rhat += vn1;
            if (rhat >= base) {
                break;
            }
        }
        remainders[at] = ((un21 << 32) + un0 - q0 * v) >>> shift;
        return (q1 << 32) + q0;
    }

    private BigInteger[] applyBig(BigInteger total, long[] tieBreak) {
        BigInteger[] w = bigWeights != null ? bigWeights : toBig(weights);
        BigInteger sum = bigTotal != null ? bigTotal : BigInteger.valueOf(totalWeight);
        int n = w.length;
        BigInteger[] floors = new BigInteger[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger assigned = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = total.multiply(w[i]).divideAndRemainder(sum);
            floors[i] = qr[0];
            remainders[i] = qr[1];
            assigned = assigned.add(qr[0]);
        }
        int leftover = total.subtract(assigned).intValueExact();
        Integer[] order = byLargestRemainder(n, (a, b) -> remainders[b].compareTo(remainders[a]), tieBreak);
        for (int k = 0; k < leftover; k++) {
            floors[order[k]] = floors[order[k]].add(BigInteger.ONE);
        }
        return floors;
    }

    /**
     * Gives the {@code leftover} units one each to the parts with the largest remainders: among equal remainders
     * the smaller tie-break key (when there are keys), then the earlier part. When few units are left over, picks
     * them one after another with plain comparisons of longs, each the greatest part in that order below the one
     * picked before (no marks, no boxing, no sort); sorts indices otherwise.
     */
    private void distribute(int leftover, long total, long[] floors, long[] tieBreak) {
        if (leftover == 0) {
            return;
        }
        int n = weights.length;
        if (leftover <= 16 || (long) leftover * n <= 4096) {
            int previous = -1;
            long previousRemainder = 0;
            for (int k = 0; k < leftover; k++) {
                int best = -1;
                long bestRemainder = 0;
                for (int i = 0; i < n; i++) {
                    long r = remainder(total, floors, i);
                    if (previous >= 0 && !before(previous, previousRemainder, i, r, tieBreak)) {
                        continue; // picked already, or ranked before a part picked already
                    }
                    if (best < 0 || before(i, r, best, bestRemainder, tieBreak)) {
                        best = i;
                        bestRemainder = r;
                    }
                }
                previous = best;
                previousRemainder = bestRemainder;
            }
            // every part ranked at or before the last one picked gets a unit: exactly the leftover units
            for (int i = 0; i < n; i++) {
                long r = remainder(total, floors, i);
                if (i == previous || before(i, r, previous, previousRemainder, tieBreak)) {
                    floors[i]++;
                }
            }
            return;
        }
        long[] remainders = new long[n];
        for (int i = 0; i < n; i++) {
            remainders[i] = remainder(total, floors, i);
        }
        Integer[] order = byLargestRemainder(n, (a, b) -> Long.compare(remainders[b], remainders[a]), tieBreak);
        for (int k = 0; k < leftover; k++) {
            floors[order[k]]++;
        }
    }

    /**
     * Whether part {@code a} (remainder {@code ra}) ranks strictly before part {@code b} (remainder {@code rb}):
     * a larger remainder, then a smaller tie-break key, then the earlier part.
     */
    private static boolean before(int a, long ra, int b, long rb, long[] tieBreak) {
        if (ra != rb) {
            return ra > rb;
        }
        if (tieBreak != null && tieBreak[a] != tieBreak[b]) {
            return tieBreak[a] < tieBreak[b];
        }
        return a < b;
    }

    /**
     * Indices sorted by remainder, largest first; among equal remainders the smaller tie-break key first (when
     * there are keys), and the sort is stable, so remaining ties keep the earlier index first.
     */
    private static Integer[] byLargestRemainder(
            int n, java.util.Comparator<Integer> byRemainderDescending, long[] tieBreak) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                tieBreak == null ? byRemainderDescending : byRemainderDescending.thenComparing(i -> tieBreak[i]));
        return order;
    }

    private static BigInteger[] toBig(long[] w) {
        BigInteger[] out = new BigInteger[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = BigInteger.valueOf(w[i]);
        }
        return out;
    }

    /**
     * Splits a decimal that is not an amount of money, such as a consumed quantity shared like the cost it goes
     * with (FOCUS-9), exactly as {@link #apply(Money)} splits an amount: the parts add up to it exactly, each has its
     * scale (at least 0) and lies within one unit of its last decimal of its exact share.
     *
     * <p>{@code Split.evenly(3).applyToDecimal(new BigDecimal("1.00"))} is 0.34, 0.33, 0.33.
     *
     * @param value the decimal, not null; negative values are split symmetrically
     * @return the parts, one per weight in order, never null
     */
    public ImmutableList<BigDecimal> applyToDecimal(BigDecimal value) {
        requireNonNull(value, "value");
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        BigInteger[] parts = applyBig(v.unscaledValue().abs(), null);
        ImmutableList.Builder<BigDecimal> out = ImmutableList.builderWithExpectedSize(parts.length);
        for (BigInteger p : parts) {
            out.add(new BigDecimal(v.signum() < 0 ? p.negate() : p, v.scale()));
        }
        return out.build();
    }

    @Override
    public String toString() {
        return "Split" + (weights != null ? Arrays.toString(weights) : Arrays.toString(bigWeights));
    }
}
