package org.cloudbilling.core.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.money.Money;

/**
 * The totals of the rows of one part of a canonical CSV file that {@link CanonicalChunkParser} proved valid without
 * making their items: per group, the count and the exact sums of list cost, total cost, contracted cost and usage
 * quantity, in longs at the largest scale seen (a {@link BigDecimal} past a long). Such an item's effective cost is
 * its total cost (a canonical row reports no amortization) and its contracted cost its list cost times its discount
 * rate, or its list cost without one, so {@link #toRollup} gives exactly what consolidating the items gives.
 *
 * <p>A dimension is a canonical column (its ordinal), or {@link #DAY} or {@link #MONTH}: the day or the month the
 * fee period starts in, at a fixed offset from UTC.
 */
final class CanonicalTally {
    /** The day the fee period starts on, as a dimension of {@link #columns}. */
    static final int DAY = -1;
    /** The month the fee period starts in, as a dimension of {@link #columns}. */
    static final int MONTH = -2;

    /** The canonical columns of the grouping's dimensions, in order, or {@link #DAY} or {@link #MONTH}. */
    final int[] columns;
    /** The offset from UTC, in seconds, of the zone days and months are cut in. */
    private final int offsetSeconds;

    final List<Sums> groups = new ArrayList<>();
    /** The groups by the hash of their key, open addressing; a power of two long. */
    Sums[] table = new Sums[64];

    CanonicalTally(int[] columns) {
        this(columns, 0);
    }

    CanonicalTally(int[] columns, int offsetSeconds) {
        this.columns = columns;
        this.offsetSeconds = offsetSeconds;
    }

    /** One group's sums. */
    static final class Sums {
        final String[] values;
        final Currency currency;
        /** The group's key, as {@link CanonicalChunkParser} makes it, and its hash. */
        byte[] key;

        int hash;
        long count;
        final Sum list = new Sum();
        final Sum total = new Sum();
        final Sum contracted = new Sum();
        final Sum quantity = new Sum();

        Sums(String[] values, Currency currency) {
            this.values = values;
            this.currency = currency;
        }
    }

    /** Adds a new group of key {@code key} and hash {@code hash}. */
    void add(Sums sums, int hash, byte[] key) {
        sums.hash = hash;
        sums.key = key;
        groups.add(sums);
        if (groups.size() * 2 > table.length) {
            table = new Sums[table.length * 2];
            for (Sums g : groups) {
                insert(g);
            }
        } else {
            insert(sums);
        }
    }

    private void insert(Sums sums) {
        int mask = table.length - 1;
        int i = sums.hash & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = sums;
    }

    /** Spreads a hash over its bits (murmur3's finalizer), so that near keys do not cluster. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /**
     * The day ({@link #DAY}: days since 1970-01-01) or the month ({@link #MONTH}: year times 12 plus the month from
     * 0) that the instant {@code epochSecond} falls in, in the zone of this tally.
     */
    long period(int dimension, long epochSecond) {
        long day = Math.floorDiv(epochSecond + offsetSeconds, 86_400L);
        return dimension == DAY ? day : monthOfDay(day);
    }

    /** The text of a period, as {@code Grouping} words it: {@code 2024-09-18} or {@code 2024-09}. */
    String periodText(int dimension, long period) {
        if (dimension == DAY) {
            return java.time.LocalDate.ofEpochDay(period).toString();
        }
        return java.time.YearMonth.of((int) Math.floorDiv(period, 12), (int) Math.floorMod(period, 12) + 1)
                .toString();
    }

    /** The month of a day (days since 1970-01-01), as year times 12 plus the month from 0: civil from days. */
    static long monthOfDay(long day) {
        long z = day + 719_468; // from 0000-03-01
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shifted = (5 * dayOfYear + 2) / 153; // months from March
        long month = shifted < 10 ? shifted + 3 : shifted - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 12 + month - 1;
    }

    static long longAt(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    static int intAt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static void putLong(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    /** An exact sum of decimals, at the largest scale added, as {@link Money#plus} keeps it. */
    static final class Sum {
        private boolean any;
        private long units;
        private int scale;
        private BigDecimal big;

        void add(long u, int s) {
            any = true;
            if (big == null) {
                try {
                    int to = Math.max(scale, s);
                    units = Math.addExact(scaled(units, to - scale), scaled(u, to - s));
                    scale = to;
                    return;
                } catch (ArithmeticException overflow) {
                    big = BigDecimal.valueOf(units, scale);
                }
            }
            big = big.add(BigDecimal.valueOf(u, s));
        }

        BigDecimal decimal() {
            return !any ? null : big != null ? big : BigDecimal.valueOf(units, scale);
        }

        Money money(Currency currency) {
            return big != null ? Money.of(currency, big) : Money.ofUnscaled(currency, units, scale);
        }
    }

    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** {@code value} times ten to {@code digits} (0 to 18); throws {@link ArithmeticException} past a long. */
    static long scaled(long value, int digits) {
        return digits == 0 ? value : Math.multiplyExact(value, POWERS[digits]);
    }

    /** The totals of the groups: ListCost, BilledCost, EffectiveCost and ContractedCost, and ConsumedQuantity. */
    Rollup toRollup(Grouping grouping) {
        Map<GroupKey, Totals> totals = new HashMap<>();
        for (Sums g : groups) {
            Money list = g.list.money(g.currency);
            Money total = g.total.money(g.currency);
            Money contracted = g.contracted.money(g.currency);
            Totals t = Totals.of(g.count, list, total, total, contracted, g.quantity.decimal(), null);
            totals.merge(GroupKey.of(Arrays.asList(g.values), g.currency), t, Totals::plus);
        }
        return Rollup.of(grouping, totals);
    }
}
