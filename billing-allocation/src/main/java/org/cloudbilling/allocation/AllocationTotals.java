package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.money.Money;

/**
 * What each unit received in a period, by allocation type and currency, and what stayed Unallocated: the totals of
 * the allocation rows without the rows, for callers that need only totals ({@link AllocationRun#toTotals()}). The
 * same sums as adding up the rows of {@link AllocationRun#allocate(org.cloudbilling.core.bill.LineItem)}, exactly;
 * a sum has the largest scale among its rows. Immutable.
 *
 * <pre>{@code
 * AllocationTotals totals = items.parallelStream().collect(run.toTotals());
 * Money engineering = totals.byUnit(CNY).get(UnitId.of("engineering"));
 * }</pre>
 */
public final class AllocationTotals {
    /** Totals by currency, then by unit (empty for Unallocated), then by type. */
    private final ImmutableMap<Currency, ImmutableMap<Optional<UnitId>, ImmutableMap<AllocationType, Money>>> totals;

    private final long itemCount;
    private final long rowCount;

    AllocationTotals(ImmutableList<UnitId> unitOrder, TotalsAccumulator acc) {
        int types = AllocationType.values().length;
        ImmutableMap.Builder<Currency, ImmutableMap<Optional<UnitId>, ImmutableMap<AllocationType, Money>>> out =
                ImmutableMap.builder();
        List<TotalsAccumulator.Sums> used = acc.usedSums();
        used.sort(Comparator.comparing(s -> s.currency.getCurrencyCode()));
        for (TotalsAccumulator.Sums s : used) {
            Map<Optional<UnitId>, Map<AllocationType, Money>> byUnit = new HashMap<>();
            for (int slot = 0; slot < s.touched.length; slot++) {
                if (!s.touched[slot]) {
                    continue;
                }
                int unit = slot / types - 1;
                Optional<UnitId> key = unit < 0 ? Optional.empty() : Optional.of(unitOrder.get(unit));
                byUnit.computeIfAbsent(key, k -> new java.util.EnumMap<>(AllocationType.class))
                        .put(AllocationType.values()[slot % types], s.total(slot));
            }
            ImmutableMap.Builder<Optional<UnitId>, ImmutableMap<AllocationType, Money>> frozen = ImmutableMap.builder();
            byUnit.forEach((u, m) -> frozen.put(u, ImmutableMap.copyOf(m)));
            out.put(s.currency, frozen.build());
        }
        this.totals = out.build();
        this.itemCount = acc.items;
        this.rowCount = acc.rows;
    }

    /** Returns the currencies the period's items came in, never null. */
    public com.google.common.collect.ImmutableSet<Currency> currencies() {
        return totals.keySet();
    }

    /**
     * Returns each unit's total of every allocation type in {@code currency}: the units that received a row,
     * in ascending id order, Unallocated left out.
     *
     * @param currency the currency, not null
     * @return the totals, never null, empty for a currency of no item
     */
    public ImmutableSortedMap<UnitId, Money> byUnit(Currency currency) {
        requireNonNull(currency, "currency");
        ImmutableSortedMap.Builder<UnitId, Money> out = ImmutableSortedMap.naturalOrder();
        totals.getOrDefault(currency, ImmutableMap.of()).forEach((unit, byType) -> {
            if (unit.isPresent()) {
                out.put(unit.get(), byType.values().stream().reduce(Money::plus).orElseThrow());
            }
        });
        return out.build();
    }

    /**
     * Returns what {@code unit} (empty for Unallocated) received as {@code type} in {@code currency}.
     *
     * @return the total, empty when no row of that kind was allocated, never null
     */
    public Optional<Money> total(Optional<UnitId> unit, AllocationType type, Currency currency) {
        requireNonNull(unit, "unit");
        requireNonNull(type, "type");
        requireNonNull(currency, "currency");
        return Optional.ofNullable(totals.getOrDefault(currency, ImmutableMap.of())
                .getOrDefault(unit, ImmutableMap.of())
                .get(type));
    }

    /**
     * Returns what stayed Unallocated in {@code currency}: items no rule placed and proportional shares with no
     * base that fall back to Unallocated (ALLOC-4, ALLOC-7).
     *
     * @return the total, zero when nothing stayed Unallocated, never null
     */
    public Money unallocated(Currency currency) {
        return total(Optional.empty(), AllocationType.UNALLOCATED, currency).orElse(Money.zero(currency));
    }

    /** Returns the number of items allocated. */
    public long itemCount() {
        return itemCount;
    }

    /** Returns the number of allocation rows the items made (the rows {@code allocate} would give). */
    public long rowCount() {
        return rowCount;
    }

    @Override
    public String toString() {
        return "AllocationTotals[" + itemCount + " items, " + rowCount + " rows, " + totals + "]";
    }
}
