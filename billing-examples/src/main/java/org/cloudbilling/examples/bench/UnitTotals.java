package org.cloudbilling.examples.bench;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collector;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.AllocationTotals;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.money.Money;

/**
 * Each unit's total of allocated rows, Unallocated included: what the library and DuckDB must agree on. Mutable,
 * confined to one thread; partial totals merge.
 */
final class UnitTotals {
    /** The key of the Unallocated total in {@link #toDecimals()}. */
    static final String UNALLOCATED = "(unallocated)";

    /** Totals by unit; the null key holds Unallocated. */
    private final Map<UnitId, Money> byUnit = new HashMap<>();

    private long rows;

    void add(AllocatedRow row) {
        byUnit.merge(row.unit().orElse(null), row.amount(), Money::plus);
        rows++;
    }

    UnitTotals merge(UnitTotals other) {
        other.byUnit.forEach((u, m) -> byUnit.merge(u, m, Money::plus));
        rows += other.rows;
        return this;
    }

    long rows() {
        return rows;
    }

    /** Returns the totals by unit id as plain decimals, Unallocated under {@link #UNALLOCATED}. */
    ImmutableSortedMap<String, BigDecimal> toDecimals() {
        ImmutableSortedMap.Builder<String, BigDecimal> out = ImmutableSortedMap.naturalOrder();
        byUnit.forEach((u, m) -> out.put(u == null ? UNALLOCATED : u.value(), m.amount()));
        return out.build();
    }

    /** Returns the totals the library's totals collector found, every currency together (one in the bench). */
    static UnitTotals of(AllocationTotals found) {
        UnitTotals totals = new UnitTotals();
        for (java.util.Currency c : found.currencies()) {
            found.byUnit(c).forEach((u, m) -> totals.byUnit.merge(u, m, Money::plus));
            Money unallocated = found.unallocated(c);
            if (found.total(java.util.Optional.empty(), org.cloudbilling.allocation.AllocationType.UNALLOCATED, c)
                    .isPresent()) {
                totals.byUnit.merge(null, unallocated, Money::plus);
            }
        }
        totals.rows = found.rowCount();
        return totals;
    }

    /** Returns a collector that allocates each item with {@code run} and adds up its rows. */
    static Collector<LineItem, UnitTotals, UnitTotals> allocating(AllocationRun run) {
        return Collector.of(
                UnitTotals::new,
                (acc, item) -> run.allocate(item, acc::add),
                UnitTotals::merge,
                Collector.Characteristics.UNORDERED,
                Collector.Characteristics.IDENTITY_FINISH);
    }
}
