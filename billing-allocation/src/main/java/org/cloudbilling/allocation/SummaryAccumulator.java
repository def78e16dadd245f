package org.cloudbilling.allocation;

import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;

/** The mutable state of one summary; confined to the thread that fills it, then frozen. */
final class SummaryAccumulator implements AllocationRun.RowSink {
    /** A cell of a summary: unit (null for Unallocated), type, breakdown value (null for none), currency. */
    record Key(UnitId unit, AllocationType type, String value, Currency currency) {}

    private final UnitTree units;
    private final BillingCalendar calendar;
    final Map<Key, Money> byUnit = new HashMap<>();
    final EnumMap<Breakdown, Map<Key, Money>> breakdowns = new EnumMap<>(Breakdown.class);
    final Map<Currency, Money> sourceTotals = new HashMap<>();
    long itemCount;

    /** The placements this accumulator's thread has found; null when it only merges. */
    final PlacementCache placements;

    SummaryAccumulator(UnitTree units, BillingCalendar calendar, PlacementCache placements) {
        this.placements = placements;
        this.units = units;
        this.calendar = calendar;
        for (Breakdown b : Breakdown.values()) {
            breakdowns.put(b, new HashMap<>());
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
        Currency currency = amount.currency();
        byUnit.merge(new Key(unit, type, null, currency), amount, Money::plus);
        for (Breakdown b : Breakdown.values()) {
            breakdowns.get(b).merge(new Key(unit, type, valueOf(b, item), currency), amount, Money::plus);
        }
    }

    private String valueOf(Breakdown b, LineItem item) {
        switch (b) {
            case PRODUCT:
                return item.businessCode().value();
            case RESOURCE:
                return item.resourceId().map(r -> r.value()).orElse(null);
            case COMPONENT:
                return item.itemCode().map(c -> c.value()).orElse(null);
            case DAY:
                return calendar.dayOf(item.feePeriod().start()).toString();
            case MONTH:
                return calendar.monthOf(item.feePeriod().start()).toString();
            default:
                throw new AssertionError("bug: unknown breakdown " + b);
        }
    }

    SummaryAccumulator combine(SummaryAccumulator other) {
        other.byUnit.forEach((k, v) -> byUnit.merge(k, v, Money::plus));
        other.breakdowns.forEach((b, m) -> m.forEach((k, v) -> breakdowns.get(b).merge(k, v, Money::plus)));
        other.sourceTotals.forEach((k, v) -> sourceTotals.merge(k, v, Money::plus));
        itemCount += other.itemCount;
        return this;
    }

    AllocationSummary toSummary() {
        return new AllocationSummary(units, this);
    }
}
