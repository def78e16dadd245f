package org.cloudbilling.core.io.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/**
 * Not API: the values of recent cells, kept by a hash of what they are made of (an amount's unscaled digits, scale
 * and currency; a decimal's digits and scale; a period's or a time's seconds), so that the byte fast paths hand one
 * object, and one {@code Optional} of it, to the many rows with the same cell: a billed cost equal to the list cost,
 * a zero tax, a quantity of 1, a billing period's hour. One slot per hash, the last value made there kept: a
 * different value in the slot is made anew and takes it. A value is handed out only when everything it is made of
 * is equal (the currency too, and the scale: 1.0 and 1.00 are different decimals), so it is the value the plain path
 * makes. One per parser, so per thread.
 */
public final class RecentValues {
    private static final int SLOTS = 512;

    private final long[] amountUnits = new long[SLOTS];
    private final int[] amountScales = new int[SLOTS];
    private final Money[] amounts = new Money[SLOTS];
    /** The {@code Optional} of {@link #amounts}' entry, made when an optional field first asks for it. */
    private final Object[] amountOptionals = new Object[SLOTS];

    private final long[] decimalUnits = new long[SLOTS];
    private final int[] decimalScales = new int[SLOTS];
    /** The recent {@code Optional<BigDecimal>}s of simple decimals (quantities, rates). */
    private final Object[] decimals = new Object[SLOTS];

    private static final int PERIODS = 1024;
    private final long[] periodStarts = new long[PERIODS];
    private final long[] periodEnds = new long[PERIODS];
    private final Interval[] periods = new Interval[PERIODS];

    private final long[] timeSeconds = new long[PERIODS];
    private final Object[] times = new Object[PERIODS];

    private static int slot(long units, int scale) {
        long h = (units ^ (units >>> 29)) * 0x9E3779B97F4A7C15L + scale;
        return (int) (h >>> 40) & (SLOTS - 1);
    }

    /**
     * The amount {@code units} at {@code scale} in {@code currency}, as {@link Money#ofUnscaled} makes it.
     *
     * @param currency not null
     * @throws IllegalArgumentException as {@link Money#ofUnscaled}
     */
    public Money money(Currency currency, long units, int scale) {
        int i = slot(units, scale);
        Money m = amounts[i];
        if (m != null && amountUnits[i] == units && amountScales[i] == scale && m.currency() == currency) {
            return m;
        }
        m = Money.ofUnscaled(currency, units, scale);
        amounts[i] = m;
        amountUnits[i] = units;
        amountScales[i] = scale;
        amountOptionals[i] = null;
        return m;
    }

    /** {@link #money} as the {@code Optional} an item's optional amount stores. */
    @SuppressWarnings("unchecked")
    public Optional<Money> optionalMoney(Currency currency, long units, int scale) {
        Money m = money(currency, units, scale);
        int i = slot(units, scale);
        Object o = amountOptionals[i];
        if (o == null) {
            o = Optional.of(m);
            amountOptionals[i] = o;
        }
        return (Optional<Money>) o;
    }

    /** The {@code Optional} of the decimal {@code units} at {@code scale}, as {@link BigDecimal#valueOf(long, int)}. */
    @SuppressWarnings("unchecked")
    public Optional<BigDecimal> optionalDecimal(long units, int scale) {
        int i = slot(units, scale);
        Object d = decimals[i];
        if (d != null && decimalUnits[i] == units && decimalScales[i] == scale) {
            return (Optional<BigDecimal>) d;
        }
        Optional<BigDecimal> made = Optional.of(BigDecimal.valueOf(units, scale));
        decimals[i] = made;
        decimalUnits[i] = units;
        decimalScales[i] = scale;
        return made;
    }

    /**
     * The interval from second {@code start} to second {@code end} after the epoch, as {@link Interval#of} makes it.
     *
     * @throws IllegalArgumentException as {@link Interval#of}, when the end is not after the start
     */
    public Interval period(long start, long end) {
        int slot = (int) ((start * 31 + end) ^ ((start * 31 + end) >>> 17)) & (PERIODS - 1);
        Interval cached = periods[slot];
        if (cached != null && periodStarts[slot] == start && periodEnds[slot] == end) {
            return cached;
        }
        Interval made = Interval.of(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
        periods[slot] = made;
        periodStarts[slot] = start;
        periodEnds[slot] = end;
        return made;
    }

    /** The {@code Optional} of the instant {@code second} seconds after the epoch. */
    @SuppressWarnings("unchecked")
    public Optional<Instant> optionalTime(long second) {
        int slot = (int) (second ^ (second >>> 17)) & (PERIODS - 1);
        Object cached = times[slot];
        if (cached != null && timeSeconds[slot] == second) {
            return (Optional<Instant>) cached;
        }
        Optional<Instant> made = Optional.of(Instant.ofEpochSecond(second));
        times[slot] = made;
        timeSeconds[slot] = second;
        return made;
    }
}
