package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cloudbilling.core.money.Money;

/**
 * The totals of a cost allocation bill (ALLOC-8): per unit and allocation type, and broken down by product,
 * resource, component, day and month; a unit's total with or without its subtree.
 *
 * <p>Rows are sorted by unit id (Unallocated first), type, value and currency. Immutable and safe to share between
 * threads. A breakdown's rows are made from the summary's cells when they are first asked for ({@link #by}), so a
 * caller that reads only the per-unit totals, or one breakdown, pays for no other breakdown's rows.
 */
public final class AllocationSummary {
    /**
     * The order of the rows: Unallocated (no unit) first, then units by id; then type; then no value first, then
     * values; then currency code. Compares the fields as they are, so sorting makes no object.
     */
    static final Comparator<SummaryAccumulator.Key> ORDER = AllocationSummary::compare;

    private static int compare(SummaryAccumulator.Key a, SummaryAccumulator.Key b) {
        int c = compareUnitAndType(a, b);
        if (c != 0) {
            return c;
        }
        c = nullsFirst(a.value(), b.value());
        if (c != 0) {
            return c;
        }
        return a.currency().getCurrencyCode().compareTo(b.currency().getCurrencyCode());
    }

    /** The first two fields of {@link #ORDER}: no unit first, then units by id; then type. */
    static int compareUnitAndType(SummaryAccumulator.Key a, SummaryAccumulator.Key b) {
        int c = nullsFirst(
                a.unit() == null ? null : a.unit().value(),
                b.unit() == null ? null : b.unit().value());
        return c != 0 ? c : a.type().compareTo(b.type());
    }

    private static int nullsFirst(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    private final UnitTree units;
    private final ImmutableList<SummaryRow> byUnit;
    /** The cells every breakdown's rows are made from; no longer changed once this summary is made. */
    private final SummaryAccumulator cells;
    /** Each breakdown's rows by ordinal, made when first asked for; null until then. Guarded by {@code made}. */
    private final ImmutableList<SummaryRow>[] made;

    private final ImmutableMap<Currency, Money> sourceTotals;
    private final long itemCount;

    AllocationSummary(UnitTree units, SummaryAccumulator acc) {
        this.units = units;
        this.byUnit = rows(acc.byUnit());
        this.cells = acc;
        @SuppressWarnings("unchecked") // an array of a generic type: filled only with the rows of one breakdown each
        ImmutableList<SummaryRow>[] none = new ImmutableList[Breakdown.values().length];
        this.made = none;
        this.sourceTotals = ImmutableMap.copyOf(acc.sourceTotals());
        this.itemCount = acc.itemCount;
    }

    private static ImmutableList<SummaryRow> rows(Map<SummaryAccumulator.Key, Money> cells) {
        List<SummaryAccumulator.Key> keys = new ArrayList<>(cells.keySet());
        keys.sort(ORDER);
        ImmutableList.Builder<SummaryRow> out = ImmutableList.builderWithExpectedSize(keys.size());
        for (SummaryAccumulator.Key k : keys) {
            out.add(new SummaryRow(
                    Optional.ofNullable(k.unit()), k.type(), Optional.ofNullable(k.value()), cells.get(k)));
        }
        return out.build();
    }

    /** Returns the total per unit and allocation type, never null. */
    public ImmutableList<SummaryRow> byUnit() {
        return byUnit;
    }

    /** Returns the totals per unit, allocation type and {@code breakdown} value, never null. */
    public ImmutableList<SummaryRow> by(Breakdown breakdown) {
        int b = requireNonNull(breakdown, "breakdown").ordinal();
        synchronized (made) {
            ImmutableList<SummaryRow> rows = made[b];
            if (rows == null) {
                rows = cells.rows(breakdown);
                made[b] = rows;
            }
            return rows;
        }
    }

    /** Returns the number of source items allocated. */
    public long itemCount() {
        return itemCount;
    }

    /** Returns the sum of the source items' total cost per currency: what the rows add up to. */
    public ImmutableMap<Currency, Money> sourceTotals() {
        return sourceTotals;
    }

    /**
     * Returns the cost placed in {@code unit}, of every type.
     *
     * @param unit the unit, not null
     * @param scope the unit alone, or with the units below it; not null
     * @param currency a currency of the summary (a key of {@link #sourceTotals()}), not null
     * @return the total, zero when the unit has none in that currency, never null
     * @throws IllegalArgumentException if the summary has no amounts in {@code currency}, naming its currencies:
     *     a total in a currency the bill does not have is not zero, it does not exist
     */
    public Money unitTotal(UnitId unit, UnitScope scope, Currency currency) {
        requireNonNull(scope, "scope");
        checkCurrency(currency);
        Set<UnitId> wanted = scope == UnitScope.WITH_SUBTREE
                ? units.subtree(unit)
                : Set.of(units.unit(unit).id());
        Money sum = Money.zero(currency);
        for (SummaryRow r : byUnit) {
            if (r.unit().isPresent()
                    && wanted.contains(r.unit().get())
                    && r.amount().currency().equals(currency)) {
                sum = sum.plus(r.amount());
            }
        }
        return sum;
    }

    /**
     * Returns the total of one allocation type.
     *
     * @param type the type, not null
     * @param currency a currency of the summary (a key of {@link #sourceTotals()}), not null
     * @return the total, zero when the type has none in that currency, never null
     * @throws IllegalArgumentException if the summary has no amounts in {@code currency}, naming its currencies
     */
    public Money total(AllocationType type, Currency currency) {
        checkCurrency(currency);
        Money sum = Money.zero(currency);
        for (SummaryRow r : byUnit) {
            if (r.type() == type && r.amount().currency().equals(currency)) {
                sum = sum.plus(r.amount());
            }
        }
        return sum;
    }

    /**
     * Returns the total of every row: equal to {@link #sourceTotals()} for that currency (ALLOC-6).
     *
     * @param currency a currency of the summary (a key of {@link #sourceTotals()}), not null
     * @return the total, never null
     * @throws IllegalArgumentException if the summary has no amounts in {@code currency}, naming its currencies
     */
    public Money allocatedTotal(Currency currency) {
        checkCurrency(currency);
        Money sum = Money.zero(currency);
        for (AllocationType t : AllocationType.values()) {
            sum = sum.plus(total(t, currency));
        }
        return sum;
    }

    private void checkCurrency(Currency currency) {
        if (!sourceTotals.containsKey(requireNonNull(currency, "currency"))) {
            throw new IllegalArgumentException("the summary has no " + currency.getCurrencyCode()
                    + " amounts; its currencies are "
                    + (sourceTotals.isEmpty()
                            ? "none"
                            : sourceTotals.keySet().stream()
                                    .map(Currency::getCurrencyCode)
                                    .sorted()
                                    .collect(Collectors.joining(", "))));
        }
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof AllocationSummary)) {
            return false;
        }
        AllocationSummary o = (AllocationSummary) obj;
        if (!(byUnit.equals(o.byUnit) && sourceTotals.equals(o.sourceTotals) && itemCount == o.itemCount)) {
            return false;
        }
        for (Breakdown b : Breakdown.values()) {
            if (!by(b).equals(o.by(b))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hash(byUnit, sourceTotals, itemCount);
        for (Breakdown b : Breakdown.values()) {
            h = 31 * h + by(b).hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return "AllocationSummary[" + itemCount + " items, " + byUnit.size() + " unit rows]";
    }
}
