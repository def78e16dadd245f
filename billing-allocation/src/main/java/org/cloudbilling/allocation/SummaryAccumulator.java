package org.cloudbilling.allocation;

import java.time.Instant;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * The mutable state of one summary; confined to the thread that fills it, then frozen. An item's breakdown values
 * are read once for all its rows (days and months through a small cache by instant, since a month's items start at
 * a few hundred distinct instants), and each cell is an {@link ExactSum}, so adding a row makes no {@link Money}.
 */
final class SummaryAccumulator implements AllocationRun.RowSink {
    /** A cell of a summary: unit (null for Unallocated), type, breakdown value (null for none), currency. */
    record Key(UnitId unit, AllocationType type, String value, Currency currency) {}

    private static final Breakdown[] BREAKDOWNS = Breakdown.values();
    private static final int CALENDAR_CACHE = 1 << 12;

    private final UnitTree units;
    private final BillingCalendar calendar;
    private final Map<Key, ExactSum> cellsByUnit = new HashMap<>();
    private final EnumMap<Breakdown, Map<Key, ExactSum>> cells = new EnumMap<>(Breakdown.class);
    final Map<Currency, Money> sourceTotals = new HashMap<>();
    long itemCount;

    /** The placements this accumulator's thread has found. */
    final PlacementCache placements;

    /** The item whose rows come next, and its breakdown values by breakdown ordinal. */
    private LineItem current;

    private final String[] values = new String[BREAKDOWNS.length];

    /** A direct-mapped cache of day and month names by the epoch second they were read for. */
    private final long[] cachedSecond = new long[CALENDAR_CACHE];

    private final String[] cachedDay = new String[CALENDAR_CACHE];
    private final String[] cachedMonth = new String[CALENDAR_CACHE];

    SummaryAccumulator(UnitTree units, BillingCalendar calendar, PlacementCache placements) {
        this.placements = placements;
        this.units = units;
        this.calendar = calendar;
        for (Breakdown b : BREAKDOWNS) {
            cells.put(b, new HashMap<>());
        }
    }

    void addItem(LineItem item) {
        itemCount++;
        sourceTotals.merge(item.currency(), item.totalCost(), Money::plus);
    }

    @Override
    public void row(LineItem item, UnitId unit, int unitIndex, AllocationType type, Money amount, RuleId rule) {
        add(item, unit, type, amount);
    }

    void add(LineItem item, UnitId unit, AllocationType type, Money amount) {
        if (item != current) {
            readValues(item);
        }
        Currency currency = amount.currency();
        cellsByUnit
                .computeIfAbsent(new Key(unit, type, null, currency), k -> new ExactSum(currency))
                .add(amount);
        for (int b = 0; b < BREAKDOWNS.length; b++) {
            cells.get(BREAKDOWNS[b])
                    .computeIfAbsent(new Key(unit, type, values[b], currency), k -> new ExactSum(currency))
                    .add(amount);
        }
    }

    private void readValues(LineItem item) {
        current = item;
        for (int b = 0; b < BREAKDOWNS.length; b++) {
            values[b] = valueOf(BREAKDOWNS[b], item);
        }
    }

    private String valueOf(Breakdown b, LineItem item) {
        switch (b) {
            case PRODUCT:
                return item.businessCode().value();
            case RESOURCE:
                return item.resourceId().isPresent() ? item.resourceId().get().value() : null;
            case COMPONENT:
                return item.itemCode().isPresent() ? item.itemCode().get().value() : null;
            case DAY:
                return calendarName(item.feePeriod().start(), true);
            case MONTH:
                return calendarName(item.feePeriod().start(), false);
            default:
                throw new AssertionError("bug: unknown breakdown " + b);
        }
    }

    private String calendarName(Instant start, boolean day) {
        long second = start.getEpochSecond();
        int slot = (int) (Long.hashCode(second * 0x9E3779B97F4A7C15L) & (CALENDAR_CACHE - 1));
        if (cachedDay[slot] == null || cachedSecond[slot] != second || start.getNano() != 0) {
            if (start.getNano() != 0) { // not cached: the key is the whole second
                return day
                        ? calendar.dayOf(start).toString()
                        : calendar.monthOf(start).toString();
            }
            cachedSecond[slot] = second;
            cachedDay[slot] = calendar.dayOf(start).toString();
            cachedMonth[slot] = calendar.monthOf(start).toString();
        }
        return day ? cachedDay[slot] : cachedMonth[slot];
    }

    SummaryAccumulator combine(SummaryAccumulator other) {
        other.cellsByUnit.forEach((k, v) -> cellsByUnit.merge(k, v, SummaryAccumulator::sum));
        other.cells.forEach((b, m) -> m.forEach((k, v) -> cells.get(b).merge(k, v, SummaryAccumulator::sum)));
        other.sourceTotals.forEach((k, v) -> sourceTotals.merge(k, v, Money::plus));
        itemCount += other.itemCount;
        return this;
    }

    private static ExactSum sum(ExactSum a, ExactSum b) {
        a.add(b);
        return a;
    }

    /** Each cell's total by unit and type. */
    Map<Key, Money> byUnit() {
        return totals(cellsByUnit);
    }

    /** Each cell's total by unit, type and the breakdown's value. */
    Map<Key, Money> by(Breakdown b) {
        return totals(cells.get(b));
    }

    private static Map<Key, Money> totals(Map<Key, ExactSum> cells) {
        Map<Key, Money> out = new HashMap<>(cells.size() * 2);
        cells.forEach((k, v) -> out.put(k, v.total()));
        return out;
    }

    AllocationSummary toSummary() {
        return new AllocationSummary(units, this);
    }
}
