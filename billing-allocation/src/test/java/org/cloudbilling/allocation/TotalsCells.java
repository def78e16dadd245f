package org.cloudbilling.allocation;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Allocation totals as cells that compare as text, for the tests that check two ways to the same totals: each
 * (currency, unit or "" for Unallocated, type) total keyed {@code "CNY unit TYPE"}, its amount as a plain decimal,
 * so the scale counts.
 */
final class TotalsCells {
    /** The currencies the tests' items are in. */
    private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("CNY"), Currency.getInstance("USD"));

    private TotalsCells() {}

    /** Each CNY and USD total of {@code totals}, for Unallocated and every unit of {@code allocator}. */
    static Map<String, String> cells(AllocationTotals totals, Allocator allocator) {
        Map<String, String> out = new TreeMap<>();
        for (Currency c : CURRENCIES) {
            List<Optional<UnitId>> units = new ArrayList<>();
            units.add(Optional.empty());
            allocator.unitOrder.forEach(u -> units.add(Optional.of(u)));
            for (Optional<UnitId> u : units) {
                for (AllocationType t : AllocationType.values()) {
                    totals.total(u, t, c)
                            .ifPresent(m -> out.put(key(c, u, t), m.amount().toPlainString()));
                }
            }
        }
        return out;
    }

    /** The same cells from the full summary of {@code allocateAll} (ALLOC-8), the plain path. */
    static Map<String, String> cells(AllocationSummary summary) {
        Map<String, String> out = new TreeMap<>();
        for (SummaryRow row : summary.byUnit()) {
            out.put(
                    key(row.amount().currency(), row.unit(), row.type()),
                    row.amount().amount().toPlainString());
        }
        return out;
    }

    private static String key(Currency currency, Optional<UnitId> unit, AllocationType type) {
        return currency + " " + unit.map(UnitId::value).orElse("") + " " + type;
    }
}
