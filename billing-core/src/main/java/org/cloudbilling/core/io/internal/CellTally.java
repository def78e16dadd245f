package org.cloudbilling.core.io.internal;

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
 * Not API: the totals of the rows of one part of a CSV file that a byte fast path (the canonical or the FOCUS CSV)
 * proved valid without making their items, per group: the count and the exact sums of ListCost, BilledCost,
 * EffectiveCost, ContractedCost, ConsumedQuantity and PricingQuantity, in longs at the largest scale seen (a
 * {@link BigDecimal} past a long), as {@link Money#plus} keeps them; {@link #toRollup} gives exactly what
 * consolidating the items gives.
 *
 * <p>A row's group is found by its key cells, hashed and compared in place in the row cutter's buffer
 * ({@link CsvByteRows}): the cells of {@link #columns} as the file holds them, each followed by a comma (raw cells
 * joined as CSV, so one text for one tuple of cells), a day or a month as 8 bytes, then the currency cell and a
 * comma. The key is copied only for a new group, whose {@link GroupKey} the caller gives. Two keys may name one
 * group (the same value quoted and not, say): {@link #toRollup} merges them.
 *
 * <p>A key column is a cell's index, or {@link #DAY} or {@link #MONTH}: the day or the month a time cell (the
 * start of the fee period) falls in, at a fixed offset from UTC.
 *
 * <p>Holds one part's state: one per part, confined to the thread that reads it.
 */
public final class CellTally {
    /** The day a time falls on, as a key column. */
    public static final int DAY = -1;
    /** The month a time falls in, as a key column. */
    public static final int MONTH = -2;

    /** The key columns, in order: cells, or {@link #DAY} or {@link #MONTH}. */
    private final int[] columns;
    /** The cell of the currency, the last part of every key. */
    private final int currencyColumn;
    /** The offset from UTC, in seconds, of the zone days and months are cut in. */
    private final int offsetSeconds;

    private final List<Sums> groups = new ArrayList<>();
    /** The groups by the hash of their key, open addressing; a power of two long. */
    private Sums[] table = new Sums[64];
    /** The hash of the key {@link #find} looked up last. */
    private int lastHash;

    /**
     * @param columns the key columns, in order: cells, or {@link #DAY} or {@link #MONTH}
     * @param currencyColumn the currency's cell
     * @param offsetSeconds the offset from UTC of the zone days and months are cut in
     */
    public CellTally(int[] columns, int currencyColumn, int offsetSeconds) {
        this.columns = columns.clone();
        this.currencyColumn = currencyColumn;
        this.offsetSeconds = offsetSeconds;
    }

    /**
     * The offset from UTC, in seconds, of the zone {@code grouping} cuts days and months in: 0 without a calendar,
     * null when the zone's offset changes (summer time), whose days a tally does not cut.
     */
    public static Integer offsetSeconds(Grouping grouping) {
        if (grouping.calendar().isEmpty()) {
            return 0;
        }
        java.time.zone.ZoneRules rules = grouping.calendar().get().zone().getRules();
        if (!rules.isFixedOffset()) {
            return null;
        }
        return rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds();
    }

    /** The key columns, in order. */
    public int[] columns() {
        return columns.clone();
    }

    /** One group's sums. */
    public static final class Sums {
        private final GroupKey group;
        /** The group's key, as {@link CellTally} makes it, and its hash. */
        private byte[] key;

        private int hash;
        /** The number of rows. */
        public long count;
        /** ListCost. */
        public final Sum list = new Sum();
        /** BilledCost. */
        public final Sum billed = new Sum();
        /** EffectiveCost. */
        public final Sum effective = new Sum();
        /** ContractedCost. */
        public final Sum contracted = new Sum();
        /** ConsumedQuantity, of the rows that report one. */
        public final Sum consumed = new Sum();
        /** PricingQuantity, of the rows that report one. */
        public final Sum pricing = new Sum();

        Sums(GroupKey group) {
            this.group = group;
        }

        /** Adds {@code other}'s rows: its count and its sums. */
        void plus(Sums other) {
            count += other.count;
            list.plus(other.list);
            billed.plus(other.billed);
            effective.plus(other.effective);
            contracted.plus(other.contracted);
            consumed.plus(other.consumed);
            pricing.plus(other.pricing);
        }
    }

    /**
     * The sums of the tallies of several parts of one file, group by group ({@link GroupKey}): what one tally of all
     * their rows holds, so {@link #toRollup} gives what merging their roll-ups gives, without a roll-up per part.
     * Confined to one thread; each tally added is no more used by its part.
     */
    public static final class Merged {
        private final Map<GroupKey, Sums> groups = new HashMap<>();

        /** Adds the sums of {@code part}'s groups, which the caller no more uses. */
        public void add(CellTally part) {
            for (Sums g : part.groups) {
                Sums into = groups.putIfAbsent(g.group, g);
                if (into != null) {
                    into.plus(g);
                }
            }
        }

        /** Whether no group was added. */
        public boolean isEmpty() {
            return groups.isEmpty();
        }

        /** The totals of the groups. */
        public Rollup toRollup(Grouping grouping) {
            return CellTally.toRollup(grouping, groups.values());
        }
    }

    /**
     * The sums of the current row's group ({@code rows}' current row), or null when its key is new: then
     * {@link #add} makes the group. {@code start} is the time days and months are cut from, in seconds since the
     * epoch (any value when the key has no day or month).
     */
    public Sums find(CsvByteRows rows, long start) {
        byte[] buf = rows.buf();
        int[] starts = rows.starts;
        int[] ends = rows.ends;
        int h = 0;
        for (int k : columns) {
            h = k >= 0 ? hash(h, buf, starts[k], ends[k]) : 31 * h + Long.hashCode(period(k, start));
        }
        h = mix(hash(h, buf, starts[currencyColumn], ends[currencyColumn]));
        lastHash = h;
        Sums[] t = table;
        int mask = t.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Sums g = t[i];
            if (g == null) {
                return null;
            }
            if (g.hash == h && sameKey(g.key, rows, start)) {
                return g;
            }
        }
    }

    /** Makes the group of the current row, which {@link #find} just looked up and did not find, named {@code group}. */
    public Sums add(CsvByteRows rows, long start, GroupKey group) {
        return add(key(rows, start), group);
    }

    /**
     * The key of the current row's group as this tally keeps it (the same bytes for the same key cells in any part
     * of a file, so that other parts' tallies may share what it names), for the row {@link #find} just looked up.
     */
    public byte[] key(CsvByteRows rows, long start) {
        // the key columns in one loop and the currency after it: a loop over the columns and one more step, whose
        // last step skips the array, let the JIT hoist the array's bounds check over every step and trap on the last
        // ("profile_predicate"), which made it compile the row check it inlines this into a second time
        int[] cols = columns;
        int[] starts = rows.starts;
        int[] ends = rows.ends;
        int len = ends[currencyColumn] - starts[currencyColumn] + 1;
        for (int k : cols) {
            len += k >= 0 ? ends[k] - starts[k] + 1 : 8;
        }
        byte[] key = new byte[len];
        int p = 0;
        for (int k : cols) {
            p = k >= 0 ? putCell(key, p, rows, k) : putPeriod(key, p, period(k, start));
        }
        putCell(key, p, rows, currencyColumn);
        return key;
    }

    /** Puts cell {@code k}'s bytes and a comma at {@code p}; returns where the key goes on. */
    private static int putCell(byte[] key, int p, CsvByteRows rows, int k) {
        int cell = rows.ends[k] - rows.starts[k];
        System.arraycopy(rows.buf(), rows.starts[k], key, p, cell);
        key[p + cell] = ',';
        return p + cell + 1;
    }

    /** Puts a period's 8 bytes at {@code p}; returns where the key goes on. */
    private static int putPeriod(byte[] key, int p, long period) {
        putLong(key, p, period);
        return p + 8;
    }

    /**
     * Makes the group of the current row, which {@link #find} just looked up and did not find, with its {@link #key},
     * named {@code group}.
     */
    public Sums add(byte[] key, GroupKey group) {
        Sums sums = new Sums(group);
        sums.hash = lastHash;
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
        return sums;
    }

    /**
     * The values of the key columns of the current row as a grouping by those columns words them: a cell's text
     * (null when empty), a day as {@code 2024-09-18}, a month as {@code 2024-09}.
     */
    public String[] cellValues(CsvByteRows rows, long start) {
        String[] values = new String[columns.length];
        for (int j = 0; j < columns.length; j++) {
            int k = columns[j];
            values[j] = k >= 0 ? (rows.isEmpty(k) ? null : rows.text(k)) : periodText(k, period(k, start));
        }
        return values;
    }

    private void insert(Sums sums) {
        int mask = table.length - 1;
        int i = sums.hash & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = sums;
    }

    /**
     * Whether {@code key} is the key of the current row's group. The key columns in one loop and the currency after
     * it, each cell's bytes compared by {@link Arrays#equals(byte[], int, int, byte[], int, int)}: no inner loop whose
     * profiled predicates make the JIT compile the row check again.
     */
    private boolean sameKey(byte[] key, CsvByteRows rows, long start) {
        int[] cols = columns;
        int p = 0;
        for (int k : cols) {
            p = k >= 0 ? sameCell(key, p, rows, k) : samePeriod(key, p, k, start);
            if (p < 0) {
                return false;
            }
        }
        return sameCell(key, p, rows, currencyColumn) == key.length;
    }

    /** Where the key goes on after cell {@code k} when it holds that cell at {@code p}, followed by a comma; else -1. */
    private static int sameCell(byte[] key, int p, CsvByteRows rows, int k) {
        int from = rows.starts[k];
        int len = rows.ends[k] - from;
        if (p + len >= key.length || key[p + len] != ',' || !sameBytes(key, p, rows.buf(), from, len)) {
            return -1;
        }
        return p + len + 1;
    }

    /**
     * Whether the {@code len} bytes at {@code a} of {@code x} are those at {@code b} of {@code y}: 8 at a time, the
     * last 8 read again when {@code len} is not a multiple of 8; fewer than 8 one by one. (A key's cells are a few
     * bytes: a call of {@link Arrays#equals(byte[], int, int, byte[], int, int)} costs more than the compare.)
     */
    static boolean sameBytes(byte[] x, int a, byte[] y, int b, int len) {
        if (len < 8) {
            for (int i = 0; i < len; i++) {
                if (x[a + i] != y[b + i]) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i + 8 <= len; i += 8) {
            if ((long) LONG.get(x, a + i) != (long) LONG.get(y, b + i)) {
                return false;
            }
        }
        return (long) LONG.get(x, a + len - 8) == (long) LONG.get(y, b + len - 8);
    }

    /** Bytes read 8 at a time, the first in the lowest bits. */
    private static final java.lang.invoke.VarHandle LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Where the key goes on after the period {@code k} of {@code start} when it holds it at {@code p}; else -1. */
    private int samePeriod(byte[] key, int p, int k, long start) {
        return p + 8 <= key.length && longAt(key, p) == period(k, start) ? p + 8 : -1;
    }

    /**
     * {@code h} followed by the bytes {@code [from, to)} and a comma: 8 bytes at a time, the last fewer than 8 as one
     * word too when the buffer holds 8 bytes from them (the bytes past {@code to} masked off), else one by one. The
     * same hash for the same bytes, wherever they are.
     */
    static int hash(int h, byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONG.get(b, i);
            h = 31 * h + (int) (w ^ (w >>> 32));
        }
        int rest = to - i;
        if (rest > 0) {
            long w;
            if (i + 8 <= b.length) {
                w = (long) LONG.get(b, i) & ((1L << (rest << 3)) - 1);
            } else {
                w = 0;
                for (int shift = 0; i < to; i++, shift += 8) {
                    w |= (b[i] & 0xFFL) << shift;
                }
            }
            h = 31 * h + (int) (w ^ (w >>> 32));
        }
        return 31 * h + ',';
    }

    /** Spreads a hash over its bits (murmur3's finalizer), so that near keys do not cluster. */
    public static int mix(int h) {
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
    public long period(int dimension, long epochSecond) {
        long day = Math.floorDiv(epochSecond + offsetSeconds, 86_400L);
        return dimension == DAY ? day : monthOfDay(day);
    }

    /** The text of a period, as {@code Grouping} words it: {@code 2024-09-18} or {@code 2024-09}. */
    public String periodText(int dimension, long period) {
        if (dimension == DAY) {
            return java.time.LocalDate.ofEpochDay(period).toString();
        }
        return java.time.YearMonth.of((int) Math.floorDiv(period, 12), (int) Math.floorMod(period, 12) + 1)
                .toString();
    }

    /** The month of a day (days since 1970-01-01), as year times 12 plus the month from 0: civil from days. */
    public static long monthOfDay(long day) {
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

    private static long longAt(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    /** An exact sum of decimals, at the largest scale added, as {@link Money#plus} keeps it. */
    public static final class Sum {
        private boolean any;
        private long units;
        private int scale;
        private BigDecimal big;

        /** Adds {@code u} times ten to minus {@code s}. */
        public void add(long u, int s) {
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

        /** Adds what {@code other} holds (nothing when nothing was added to it). */
        void plus(Sum other) {
            if (!other.any) {
                return;
            }
            if (other.big != null) {
                any = true;
                big = (big != null ? big : BigDecimal.valueOf(units, scale)).add(other.big);
            } else {
                add(other.units, other.scale);
            }
        }

        /** Adds {@code v}: as units when its scale is 0 to 18 and its unscaled value fits a long. */
        public void add(BigDecimal v) {
            if (v.scale() >= 0 && v.scale() <= 18 && v.unscaledValue().bitLength() < 64) {
                add(v.unscaledValue().longValue(), v.scale());
                return;
            }
            any = true;
            big = (big != null ? big : BigDecimal.valueOf(units, scale)).add(v);
        }

        /** The sum, or null when nothing was added. */
        public BigDecimal decimal() {
            return !any ? null : big != null ? big : BigDecimal.valueOf(units, scale);
        }

        /** The sum in {@code currency} (zero at scale 0 when nothing was added). */
        public Money money(Currency currency) {
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
    public static long scaled(long value, int digits) {
        return digits == 0 ? value : Math.multiplyExact(value, POWERS[digits]);
    }

    /** Ten to {@code digits} (0 to 18). */
    public static long power(int digits) {
        return POWERS[digits];
    }

    /**
     * Whether {@code a} at scale {@code as} and {@code b} at scale {@code bs} are the same number; throws
     * {@link ArithmeticException} when bringing them to one scale passes a long.
     */
    public static boolean sameValue(long a, int as, long b, int bs) {
        int s = Math.max(as, bs);
        return scaled(a, s - as) == scaled(b, s - bs);
    }

    // the result of the last product
    private long productUnits;
    private int productScale;

    /**
     * Computes {@code a} times {@code b} (unscaled values and scales) as {@code Money.of} keeps it: the exact product
     * at the sum of the scales, past {@link Money#MAX_SCALE} decimals its trailing zeros dropped down to it; then
     * {@link #productUnits()} and {@link #productScale()} give it. Returns false when the product does not fit a
     * long or needs more than {@link Money#MAX_SCALE} decimals (where {@code Money.of} refuses it).
     */
    public boolean product(long a, int as, long b, int bs) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        if (high != (product >> 63)) {
            return false; // past a long
        }
        int s = as + bs;
        if (product == 0) {
            s = Math.min(s, Money.MAX_SCALE);
        }
        while (s > Money.MAX_SCALE && product % 10 == 0) {
            product /= 10;
            s--;
        }
        if (s > Money.MAX_SCALE) {
            return false;
        }
        productUnits = product;
        productScale = s;
        return true;
    }

    /** The unscaled value of the last {@link #product}. */
    public long productUnits() {
        return productUnits;
    }

    /** The scale of the last {@link #product}. */
    public int productScale() {
        return productScale;
    }

    /** The totals of the groups, merged by their {@link GroupKey}. */
    public Rollup toRollup(Grouping grouping) {
        return toRollup(grouping, groups);
    }

    private static Rollup toRollup(Grouping grouping, Iterable<Sums> groups) {
        Map<GroupKey, Totals> totals = new HashMap<>();
        for (Sums g : groups) {
            Currency currency = g.group.currency();
            Totals t = Totals.of(
                    g.count,
                    g.list.money(currency),
                    g.billed.money(currency),
                    g.effective.money(currency),
                    g.contracted.money(currency),
                    g.consumed.decimal(),
                    g.pricing.decimal());
            totals.merge(g.group, t, Totals::plus);
        }
        return Rollup.of(grouping, totals);
    }
}
