package org.cloudbilling.allocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.internal.MoneyInternals;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * The mutable state of one summary; confined to the thread that fills it, then frozen. An item's breakdown values
 * are read once for all its rows (days and months through a small cache by instant, since a month's items start at
 * a few hundred distinct instants) and turned into dictionary numbers, one dictionary per breakdown. A cell is an
 * {@link ExactSum} found by a {@code long}: (unit, type, currency) for the per-unit cells, and the per-unit cell's
 * number with the value's number for a breakdown's cells, in open-addressing tables of primitives, so adding a row
 * makes no key object and no {@link Money}. The cells become keyed records once, at the end.
 */
final class SummaryAccumulator implements AllocationRun.RowSink {
    /** A cell of a summary: unit (null for Unallocated), type, breakdown value (null for none), currency. */
    record Key(UnitId unit, AllocationType type, String value, Currency currency) {}

    private static final Breakdown[] BREAKDOWNS = Breakdown.values();
    private static final AllocationType[] TYPES = AllocationType.values();
    private static final int CALENDAR_CACHE = 1 << 12;
    private static final int DAY = Breakdown.DAY.ordinal();
    private static final int MONTH = Breakdown.MONTH.ordinal();
    /**
     * The breakdowns whose cells a row adds to: all but the month's, whose cells are the day's cells added up by
     * month when its rows are made (a day lies in one month of the calendar's zone).
     */
    private static final int ADDED_PER_ROW = MONTH;

    static {
        if (MONTH != BREAKDOWNS.length - 1 || DAY >= MONTH) {
            throw new AssertionError("bug: the month must be the last breakdown, after the day");
        }
    }

    private final UnitTree units;
    private final List<UnitId> unitOrder;
    private final BillingCalendar calendar;
    /** The currencies met, by number; a currency's number is part of a per-unit cell's key. */
    private final List<Currency> currencies = new ArrayList<>(1);

    private Currency lastCurrency;
    private int lastCurrencyNumber;
    /** Per-unit cells by ((unit index + 1) << 24 | type << 16 | currency number). */
    private final Cells cellsByUnit = new Cells();
    /** Per breakdown: cells by (per-unit cell number << 32 | value number), value number 0 for none. */
    private final Cells[] cells = new Cells[BREAKDOWNS.length];
    /** Per breakdown: each value's number (from 1) and the values by number - 1. */
    private final Dictionary[] dictionaries = new Dictionary[BREAKDOWNS.length];

    private final Map<Currency, ExactSum> sources = new HashMap<>();
    long itemCount;

    /** The placements this accumulator's thread has found. */
    final PlacementCache placements;

    /** The item whose rows come next, and its breakdown values' numbers by breakdown ordinal. */
    private LineItem current;

    private final int[] valueNumbers = new int[BREAKDOWNS.length];

    /** A direct-mapped cache of day numbers by the epoch second they were read for; 0 marks an empty slot. */
    private final long[] cachedSecond = new long[CALENDAR_CACHE];

    private final int[] cachedDay = new int[CALENDAR_CACHE];
    /** The month's number of each day's number, by the day's number. */
    private int[] monthOfDay = new int[32];

    SummaryAccumulator(UnitTree units, List<UnitId> unitOrder, BillingCalendar calendar, PlacementCache placements) {
        this.placements = placements;
        this.units = units;
        this.unitOrder = unitOrder;
        this.calendar = calendar;
        for (int b = 0; b < BREAKDOWNS.length; b++) {
            cells[b] = new Cells();
            dictionaries[b] = new Dictionary();
        }
    }

    /**
     * Exact sums found by a {@code long} key: open addressing over flat arrays, the cells numbered in the order their
     * keys came, each cell's sum kept in primitive arrays by its number (units at the largest scale added so far, that
     * scale, and what does not fit a long as money), as {@link ExactSum} keeps one, without an object per cell.
     */
    static final class Cells {
        private long[] slotKeys = new long[256];
        /** The number of the slot's cell plus one; 0 marks an empty slot. */
        private int[] slotCells = new int[256];

        long[] keys = new long[16];
        private long[] units = new long[16];
        private int[] scales = new int[16];
        private Currency[] currencies = new Currency[16];
        /** What did not fit a long, by cell; null until a cell spills. */
        private Money[] spilled;

        private int size;

        int size() {
            return size;
        }

        /** Returns the number of the cell of {@code key}, making an empty one in {@code currency} if needed. */
        int cell(long key, Currency currency) {
            int mask = slotCells.length - 1;
            int slot = (int) TieBreak.mix(key) & mask;
            while (true) {
                int stored = slotCells[slot];
                if (stored == 0) {
                    break;
                }
                if (slotKeys[slot] == key) {
                    return stored - 1;
                }
                slot = (slot + 1) & mask;
            }
            int number = size;
            if ((number + 1) * 2 > slotCells.length) {
                grow();
                return cell(key, currency);
            }
            slotKeys[slot] = key;
            slotCells[slot] = number + 1;
            if (number == keys.length) {
                int capacity = number * 2;
                keys = java.util.Arrays.copyOf(keys, capacity);
                units = java.util.Arrays.copyOf(units, capacity);
                scales = java.util.Arrays.copyOf(scales, capacity);
                currencies = java.util.Arrays.copyOf(currencies, capacity);
                if (spilled != null) {
                    spilled = java.util.Arrays.copyOf(spilled, capacity);
                }
            }
            keys[number] = key;
            currencies[number] = currency;
            size++;
            return number;
        }

        /** Adds {@code amount} to cell {@code cell}'s sum, as {@link ExactSum#add(Money)} adds it. */
        void add(int cell, Money amount) {
            if (!MoneyInternals.isCompact(amount)
                    || !addUnits(cell, MoneyInternals.unscaledValue(amount), amount.scale())) {
                spill(cell, amount);
            }
        }

        /** Adds {@code u} units at scale {@code s} to cell {@code cell}'s sum, as {@link #add(int, Money)} adds them. */
        void add(int cell, long u, int s) {
            if (!addUnits(cell, u, s)) {
                spill(cell, Money.ofUnscaled(currencies[cell], u, s));
            }
        }

        /** Adds {@code u} units at scale {@code s} when the sum fits a long; returns false, adding nothing, else. */
        private boolean addUnits(int cell, long u, int s) {
            int scale = scales[cell];
            if (s > scale) {
                long scaled = ExactSum.scaleUp(units[cell], s - scale);
                if (scaled != Long.MIN_VALUE) {
                    units[cell] = scaled;
                    scales[cell] = s;
                    scale = s;
                }
            } else if (s < scale) {
                u = ExactSum.scaleUp(u, scale - s);
            }
            if (s <= scale && u != Long.MIN_VALUE) {
                long sum = units[cell];
                long r = sum + u;
                if (((sum ^ r) & (u ^ r)) >= 0) {
                    units[cell] = r;
                    return true;
                }
            }
            return false;
        }

        private void spill(int cell, Money amount) {
            if (spilled == null) {
                spilled = new Money[keys.length];
            }
            Money before = spilled[cell];
            spilled[cell] = before == null ? amount : before.plus(amount);
        }

        /** Adds the sum of cell {@code i} of {@code from} to cell {@code cell}, exactly, its scale kept. */
        void addCell(int cell, Cells from, int i) {
            add(cell, from.units[i], from.scales[i]);
            Money extra = from.spilled == null ? null : from.spilled[i];
            if (extra != null) {
                spill(cell, extra);
            }
        }

        Currency currency(int cell) {
            return currencies[cell];
        }

        /** Returns cell {@code cell}'s sum, as {@link ExactSum#total()} gives it. */
        Money total(int cell) {
            Money m = Money.ofUnscaled(currencies[cell], units[cell], scales[cell]);
            Money extra = spilled == null ? null : spilled[cell];
            return extra == null ? m : m.plus(extra);
        }

        private void grow() {
            long[] oldKeys = slotKeys;
            int[] oldCells = slotCells;
            slotKeys = new long[oldKeys.length * 2];
            slotCells = new int[oldCells.length * 2];
            int mask = slotCells.length - 1;
            for (int s = 0; s < oldCells.length; s++) {
                if (oldCells[s] != 0) {
                    int slot = (int) TieBreak.mix(oldKeys[s]) & mask;
                    while (slotCells[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slotKeys[slot] = oldKeys[s];
                    slotCells[slot] = oldCells[s];
                }
            }
        }
    }

    /**
     * A breakdown's dictionary: each value's number (from 1, in the order values came) in an open-addressing table of
     * the values and their numbers, so that numbering a value makes no {@code Integer} and follows no map node.
     */
    static final class Dictionary {
        private String[] slotValues = new String[256];
        private int[] slotNumbers = new int[256];
        /** Each slot's value's hash, so that a probe and a growth read no other value's string. */
        private int[] slotHashes = new int[256];
        /** The values by number - 1. */
        final List<String> names = new ArrayList<>();

        /** Returns the number of {@code value}, not null, numbering it if new. */
        int number(String value) {
            int h = value.hashCode();
            int mask = slotNumbers.length - 1;
            int slot = (h ^ (h >>> 16)) & mask;
            while (true) {
                int n = slotNumbers[slot];
                if (n == 0) {
                    break;
                }
                if (slotHashes[slot] == h) {
                    String v = slotValues[slot];
                    if (v == value || v.equals(value)) {
                        return n;
                    }
                }
                slot = (slot + 1) & mask;
            }
            if ((names.size() + 1) * 2 > slotNumbers.length) {
                grow();
                return number(value);
            }
            names.add(value);
            slotValues[slot] = value;
            slotHashes[slot] = h;
            slotNumbers[slot] = names.size();
            return names.size();
        }

        /** Returns the number of {@code value}, which this dictionary holds. */
        int numberOf(String value) {
            return number(value);
        }

        private void grow() {
            String[] oldValues = slotValues;
            int[] oldNumbers = slotNumbers;
            int[] oldHashes = slotHashes;
            slotValues = new String[oldValues.length * 2];
            slotNumbers = new int[oldNumbers.length * 2];
            slotHashes = new int[oldHashes.length * 2];
            int mask = slotNumbers.length - 1;
            for (int s = 0; s < oldNumbers.length; s++) {
                if (oldNumbers[s] != 0) {
                    int h = oldHashes[s];
                    int slot = (h ^ (h >>> 16)) & mask;
                    while (slotNumbers[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slotValues[slot] = oldValues[s];
                    slotHashes[slot] = h;
                    slotNumbers[slot] = oldNumbers[s];
                }
            }
        }
    }

    void addItem(LineItem item) {
        itemCount++;
        Money cost = item.totalCost();
        Currency currency = cost.currency();
        ExactSum source = sources.get(currency);
        if (source == null) {
            source = new ExactSum(currency);
            sources.put(currency, source);
        }
        source.add(cost);
    }

    /** Each currency's total of the items added. */
    Map<Currency, Money> sourceTotals() {
        Map<Currency, Money> out = new HashMap<>();
        sources.forEach((currency, sum) -> out.put(currency, sum.total()));
        return out;
    }

    @Override
    public void row(LineItem item, UnitId unit, int unitIndex, AllocationType type, Money amount, RuleId rule) {
        add(item, unitIndex, type, amount);
    }

    /** Adds a row of {@code item} to the unit of dense index {@code unitIndex} (-1 for Unallocated). */
    void add(LineItem item, int unitIndex, AllocationType type, Money amount) {
        if (item != current) {
            readValues(item);
        }
        Currency currency = amount.currency();
        int unitCell = cellsByUnit.cell(unitKey(unitIndex, type, currencyNumber(currency)), currency);
        cellsByUnit.add(unitCell, amount);
        long high = (long) unitCell << 32;
        for (int b = 0; b < ADDED_PER_ROW; b++) {
            Cells c = cells[b];
            c.add(c.cell(high | valueNumbers[b], currency), amount);
        }
    }

    /**
     * The shares of {@code item} followed in units ({@link AllocationRun#addSharesThroughGraph}), as shared rows of the
     * item: the same cells as its rows by {@link #row}, exactly. One sink per accumulator, for one item at a time.
     */
    AllocationRun.ShareSink sharesOf(LineItem item) {
        shares.item = item;
        return shares;
    }

    private final Shares shares = new Shares();

    /** The sink of {@link #sharesOf}. */
    private final class Shares implements AllocationRun.ShareSink {
        LineItem item;
        private final SplitScratch scratch = new SplitScratch();

        @Override
        public long[] keys(int n) {
            return scratch.keys(n);
        }

        @Override
        public long[] parts(int n) {
            return scratch.parts(n);
        }

        @Override
        public void addShare(Currency currency, int unitIndex, long units, int scale) {
            addUnits(item, unitIndex, AllocationType.SHARED, currency, units, scale);
        }
    }

    /** Adds a row of {@code units} at {@code scale} of {@code item}, as {@link #add} adds it as money. */
    private void addUnits(LineItem item, int unitIndex, AllocationType type, Currency currency, long units, int scale) {
        if (item != current) {
            readValues(item);
        }
        int unitCell = cellsByUnit.cell(unitKey(unitIndex, type, currencyNumber(currency)), currency);
        cellsByUnit.add(unitCell, units, scale);
        long high = (long) unitCell << 32;
        for (int b = 0; b < ADDED_PER_ROW; b++) {
            Cells c = cells[b];
            c.add(c.cell(high | valueNumbers[b], currency), units, scale);
        }
    }

    /** The key of a per-unit cell: unit index plus one (0 for Unallocated), type, currency number. */
    private static long unitKey(int unitIndex, AllocationType type, int currencyNumber) {
        return ((long) (unitIndex + 1) << 24) | ((long) type.ordinal() << 16) | currencyNumber;
    }

    /** The dense unit index in per-unit cell key {@code key} ({@link #unitKey}), -1 for Unallocated. */
    private static int unitIndexOf(long key) {
        return (int) (key >>> 24) - 1;
    }

    /** The type in per-unit cell key {@code key} ({@link #unitKey}). */
    private static AllocationType typeOf(long key) {
        return TYPES[(int) (key >>> 16) & 0xff];
    }

    /** The currency number in per-unit cell key {@code key} ({@link #unitKey}). */
    private static int currencyNumberOf(long key) {
        return (int) key & 0xffff;
    }

    private int currencyNumber(Currency currency) {
        if (currency == lastCurrency) {
            return lastCurrencyNumber;
        }
        int n = currencies.indexOf(currency);
        if (n < 0) {
            n = currencies.size();
            if (n >= 1 << 16) {
                throw new IllegalStateException("bug: a summary of more than 65,536 currencies");
            }
            currencies.add(currency);
        }
        lastCurrency = currency;
        lastCurrencyNumber = n;
        return n;
    }

    private void readValues(LineItem item) {
        current = item;
        for (int b = 0; b < DAY; b++) {
            valueNumbers[b] = number(b, valueOf(BREAKDOWNS[b], item));
        }
        valueNumbers[DAY] = dayNumber(item.feePeriod().start());
    }

    /** The number of breakdown {@code b}'s value {@code value}: 0 for none, else from 1 in the order values came. */
    private int number(int b, String value) {
        return value == null ? 0 : dictionaries[b].number(value);
    }

    private String valueOf(Breakdown b, LineItem item) {
        switch (b) {
            case PRODUCT:
                return item.businessCode().value();
            case RESOURCE:
                return item.resourceId().isPresent() ? item.resourceId().get().value() : null;
            case COMPONENT:
                return item.itemCode().isPresent() ? item.itemCode().get().value() : null;
            default:
                throw new AssertionError("bug: unknown breakdown " + b);
        }
    }

    /**
     * The number of the day {@code start} falls on, numbering it and its month if new; through a direct-mapped cache by
     * the second, since a month's items start at a few hundred distinct instants.
     */
    private int dayNumber(Instant start) {
        long second = start.getEpochSecond();
        if (start.getNano() != 0) { // not cached: the key is the whole second
            return numberDay(
                    calendar.dayOf(start).toString(), calendar.monthOf(start).toString());
        }
        int slot = Long.hashCode(second * 0x9E3779B97F4A7C15L) & (CALENDAR_CACHE - 1);
        if (cachedDay[slot] == 0 || cachedSecond[slot] != second) {
            cachedSecond[slot] = second;
            cachedDay[slot] = numberDay(
                    calendar.dayOf(start).toString(), calendar.monthOf(start).toString());
        }
        return cachedDay[slot];
    }

    /** The number of day {@code day}, numbering it, and its month {@code month}, if new. */
    private int numberDay(String day, String month) {
        int d = dictionaries[DAY].number(day);
        if (d >= monthOfDay.length) {
            monthOfDay = java.util.Arrays.copyOf(monthOfDay, Math.max(d + 1, monthOfDay.length * 2));
        }
        if (monthOfDay[d] == 0) {
            monthOfDay[d] = dictionaries[MONTH].number(month);
        }
        return d;
    }

    SummaryAccumulator combine(SummaryAccumulator other) {
        // the other's per-unit cells and values by their numbers here
        int[] unitCells = new int[other.cellsByUnit.size()];
        Currency[] currencyOf = new Currency[unitCells.length];
        for (int i = 0; i < unitCells.length; i++) {
            Key k = other.unitCellKey(i);
            unitCells[i] = cellsByUnit.cell(unitKey(k), k.currency());
            currencyOf[i] = k.currency();
            cellsByUnit.add(unitCells[i], other.cellsByUnit.total(i));
        }
        for (int b = 0; b < ADDED_PER_ROW; b++) {
            List<String> theirNames = other.dictionaries[b].names;
            int[] values = new int[theirNames.size() + 1];
            for (int v = 0; v < theirNames.size(); v++) {
                values[v + 1] = b == DAY
                        ? numberDay(theirNames.get(v), other.valueOf(MONTH, other.monthOfDay[v + 1]))
                        : number(b, theirNames.get(v));
            }
            Cells theirs = other.cells[b];
            for (int i = 0; i < theirs.size(); i++) {
                long key = theirs.keys[i];
                int theirUnitCell = (int) (key >>> 32);
                long mine = ((long) unitCells[theirUnitCell] << 32) | values[(int) key];
                cells[b].add(cells[b].cell(mine, currencyOf[theirUnitCell]), theirs.total(i));
            }
        }
        other.sources.forEach((currency, sum) ->
                sources.computeIfAbsent(currency, ExactSum::new).add(sum));
        itemCount += other.itemCount;
        return this;
    }

    private long unitKey(Key k) {
        int unitIndex = -1;
        if (k.unit() != null) {
            unitIndex = unitOrder.indexOf(k.unit());
        }
        return unitKey(unitIndex, k.type(), currencyNumber(k.currency()));
    }

    /** The key of per-unit cell number {@code cell}, without a value. */
    private Key unitCellKey(int cell) {
        long key = cellsByUnit.keys[cell];
        int unitIndex = unitIndexOf(key);
        return new Key(
                unitIndex < 0 ? null : unitOrder.get(unitIndex),
                typeOf(key),
                null,
                currencies.get(currencyNumberOf(key)));
    }

    private String valueOf(int b, int number) {
        return number == 0 ? null : dictionaries[b].names.get(number - 1);
    }

    /**
     * Adds each unit's collected total, per currency, to {@code bases} by the unit's dense index: the proportional
     * bases of the items whose rows were added, read once from their cells rather than added again item by item.
     */
    void addCollectedTo(CollectedBases bases) {
        for (int i = 0; i < cellsByUnit.size(); i++) {
            long key = cellsByUnit.keys[i];
            int unitIndex = unitIndexOf(key);
            if (unitIndex >= 0 && typeOf(key) == AllocationType.COLLECTED) {
                bases.of(currencies.get(currencyNumberOf(key))).add(unitIndex, cellsByUnit.total(i));
            }
        }
    }

    /** Each cell's total by unit and type. */
    Map<Key, Money> byUnit() {
        Map<Key, Money> out = new HashMap<>(cellsByUnit.size() * 2);
        for (int i = 0; i < cellsByUnit.size(); i++) {
            out.put(unitCellKey(i), cellsByUnit.total(i));
        }
        return out;
    }

    /**
     * The rows of a breakdown in the order of {@link AllocationSummary#ORDER}, sorted as numbers: each per-unit
     * cell's (unit, type) and currency, and each value, are ranked once, so that a cell's place is one {@code long}
     * of its ranks, and a breakdown of many cells (a month's resources) is sorted without comparing strings or
     * making a key per cell. Falls back to sorting keys when the ranks and cell numbers do not fit a long.
     */
    synchronized com.google.common.collect.ImmutableList<SummaryRow> rows(Breakdown breakdown) {
        int b = breakdown.ordinal();
        Cells c = cellsOf(b);
        int n = c.size();
        int unitCells = cellsByUnit.size();
        Key[] unitKeys = new Key[unitCells];
        Integer[] byUnitAndType = new Integer[unitCells];
        for (int i = 0; i < unitCells; i++) {
            unitKeys[i] = unitCellKey(i);
            byUnitAndType[i] = i;
        }
        java.util.Comparator<Key> unitAndType = AllocationSummary::compareUnitAndType;
        java.util.Arrays.sort(byUnitAndType, (x, y) -> unitAndType.compare(unitKeys[x], unitKeys[y]));
        int[] unitTypeRank = new int[unitCells];
        int rank = -1;
        for (int k = 0; k < unitCells; k++) {
            if (k == 0 || unitAndType.compare(unitKeys[byUnitAndType[k - 1]], unitKeys[byUnitAndType[k]]) != 0) {
                rank++;
            }
            unitTypeRank[byUnitAndType[k]] = rank;
        }
        long unitTypeCount = rank + 1L;
        // the values sorted as strings in an array of their own (distinct, so their order is strict), each then
        // found by its number: no boxed index and no list read per comparison
        Dictionary dictionary = dictionaries[b];
        List<String> byNumber = dictionary.names;
        String[] sorted = byNumber.toArray(new String[0]);
        java.util.Arrays.sort(sorted);
        int[] valueRank = new int[byNumber.size() + 1]; // number 0, no value, ranks first
        for (int k = 0; k < sorted.length; k++) {
            valueRank[dictionary.numberOf(sorted[k])] = k + 1;
        }
        long valueCount = byNumber.size() + 1L;
        Integer[] byCode = new Integer[currencies.size()];
        for (int k = 0; k < byCode.length; k++) {
            byCode[k] = k;
        }
        java.util.Arrays.sort(
                byCode,
                (x, y) -> currencies
                        .get(x)
                        .getCurrencyCode()
                        .compareTo(currencies.get(y).getCurrencyCode()));
        int[] currencyRank = new int[currencies.size()];
        for (int k = 0; k < byCode.length; k++) {
            currencyRank[byCode[k]] = k;
        }
        long currencyCount = Math.max(1, currencies.size());
        int cellBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n));
        int rankBits = 64 - Long.numberOfLeadingZeros(Math.max(1, unitTypeCount * valueCount * currencyCount));
        if (unitTypeCount > Integer.MAX_VALUE / 2 || valueCount > Integer.MAX_VALUE / 2 || rankBits + cellBits > 62) {
            return rowsByKeys(b, unitKeys);
        }
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            long key = c.keys[i];
            int unitCell = (int) (key >>> 32);
            int currency = currencyNumberOf(cellsByUnit.keys[unitCell]);
            long place = (unitTypeRank[unitCell] * valueCount + valueRank[(int) key]) * currencyCount
                    + currencyRank[currency];
            order[i] = (place << cellBits) | i;
        }
        java.util.Arrays.sort(order);
        long cellMask = (1L << cellBits) - 1;
        com.google.common.collect.ImmutableList.Builder<SummaryRow> out =
                com.google.common.collect.ImmutableList.builderWithExpectedSize(n);
        RowMaker rows = new RowMaker(b, unitKeys);
        for (long o : order) {
            out.add(rows.row((int) (o & cellMask)));
        }
        return out.build();
    }

    /** The month's cells, made from the day's once they are asked for; null until then. */
    private Cells monthCells;

    /** The cells of breakdown {@code b}: the month's made from the day's, once, when first asked for. */
    private Cells cellsOf(int b) {
        if (b != MONTH) {
            return cells[b];
        }
        if (monthCells == null) {
            Cells days = cells[DAY];
            Cells months = new Cells();
            for (int i = 0; i < days.size(); i++) {
                long key = days.keys[i];
                long monthKey = (key & 0xFFFFFFFF00000000L) | monthOfDay[(int) key];
                months.addCell(months.cell(monthKey, days.currency(i)), days, i);
            }
            monthCells = months;
        }
        return monthCells;
    }

    /**
     * Makes a breakdown's rows from its cells, each unit's and each value's {@code Optional} made once and shared by
     * the rows that have it (they are immutable).
     */
    private final class RowMaker {
        private final int b;
        private final Cells c;
        private final Key[] unitKeys;
        private final java.util.Optional<UnitId>[] units;
        private final java.util.Optional<String>[] values;

        @SuppressWarnings("unchecked") // arrays of a generic type, each filled with its own type only
        RowMaker(int b, Key[] unitKeys) {
            this.b = b;
            this.c = cellsOf(b);
            this.unitKeys = unitKeys;
            this.units = new java.util.Optional[unitKeys.length];
            this.values = new java.util.Optional[dictionaries[b].names.size() + 1];
        }

        SummaryRow row(int i) {
            long key = c.keys[i];
            int unitCell = (int) (key >>> 32);
            int value = (int) key;
            java.util.Optional<UnitId> unit = units[unitCell];
            if (unit == null) {
                unit = java.util.Optional.ofNullable(unitKeys[unitCell].unit());
                units[unitCell] = unit;
            }
            java.util.Optional<String> v = values[value];
            if (v == null) {
                v = java.util.Optional.ofNullable(valueOf(b, value));
                values[value] = v;
            }
            return new SummaryRow(unit, unitKeys[unitCell].type(), v, c.total(i));
        }
    }

    /** The rows of {@code breakdown} sorted by their keys, as when the ranks do not fit a long (for tests). */
    synchronized com.google.common.collect.ImmutableList<SummaryRow> rowsSortedByKeys(Breakdown breakdown) {
        Key[] unitKeys = new Key[cellsByUnit.size()];
        for (int i = 0; i < unitKeys.length; i++) {
            unitKeys[i] = unitCellKey(i);
        }
        return rowsByKeys(breakdown.ordinal(), unitKeys);
    }

    /** The rows of breakdown {@code b} sorted by their keys. */
    private com.google.common.collect.ImmutableList<SummaryRow> rowsByKeys(int b, Key[] unitKeys) {
        Cells c = cellsOf(b);
        Integer[] order = new Integer[c.size()];
        Key[] keys = new Key[c.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            long key = c.keys[i];
            Key u = unitKeys[(int) (key >>> 32)];
            keys[i] = new Key(u.unit(), u.type(), valueOf(b, (int) key), u.currency());
        }
        java.util.Arrays.sort(order, (x, y) -> AllocationSummary.ORDER.compare(keys[x], keys[y]));
        com.google.common.collect.ImmutableList.Builder<SummaryRow> out =
                com.google.common.collect.ImmutableList.builderWithExpectedSize(order.length);
        RowMaker rows = new RowMaker(b, unitKeys);
        for (int i : order) {
            out.add(rows.row(i));
        }
        return out.build();
    }

    AllocationSummary toSummary() {
        return new AllocationSummary(units, this);
    }
}
