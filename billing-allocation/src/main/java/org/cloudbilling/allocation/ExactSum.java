package org.cloudbilling.allocation;

import java.util.Currency;
import org.cloudbilling.core.internal.MoneyInternals;
import org.cloudbilling.core.money.Money;

/**
 * A running exact sum of amounts in one currency, kept as a {@code long} of units at the largest scale added so far
 * and turned into {@link Money} once, at the end; what does not fit a long is added as money. The result is what
 * adding the amounts with {@link Money#plus} gives, scale included. Mutable, confined to one thread.
 */
final class ExactSum {
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p = i < 18 ? p * 10 : p;
        }
    }

    private final Currency currency;
    private long units;
    private int scale;
    private Money spilled;

    ExactSum(Currency currency) {
        this.currency = currency;
    }

    void add(Money amount) {
        if (MoneyInternals.isCompact(amount)) {
            long u = MoneyInternals.unscaledValue(amount);
            int s = amount.scale();
            if (s > scale) {
                long scaled = scaleUp(units, s - scale);
                if (scaled != Long.MIN_VALUE) {
                    units = scaled;
                    scale = s;
                }
            } else if (s < scale) {
                u = scaleUp(u, scale - s);
            }
            if (s <= scale && u != Long.MIN_VALUE) {
                long r = units + u;
                if (((units ^ r) & (u ^ r)) >= 0) {
                    units = r;
                    return;
                }
            }
        }
        spilled = spilled == null ? amount : spilled.plus(amount);
    }

    void add(ExactSum other) {
        add(other.total());
    }

    Money total() {
        Money m = Money.ofUnscaled(currency, units, scale);
        return spilled == null ? m : m.plus(spilled);
    }

    /** Returns {@code value} times 10^digits, or {@code Long.MIN_VALUE} when that does not fit a long. */
    static long scaleUp(long value, int digits) {
        if (digits >= POWERS_OF_TEN.length || value == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        long p = POWERS_OF_TEN[digits];
        long hi = Math.multiplyHigh(value, p);
        long lo = value * p;
        return hi == (lo >> 63) && lo != Long.MIN_VALUE ? lo : Long.MIN_VALUE;
    }
}
