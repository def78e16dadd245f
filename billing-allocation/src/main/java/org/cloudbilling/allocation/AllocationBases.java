package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;

/**
 * The proportional bases of a period (ALLOC-5): each unit's collected cost per currency, what a proportional
 * sharing rule splits its pool by. An item adds its total cost to the unit a collection rule collects it into; an
 * item a sharing rule takes, or that no rule matches, adds nothing.
 *
 * <p>Bases of parts of a period merge into the bases of the whole: {@link #merge} is associative and commutative
 * and {@link #empty()} is its identity, so a period's bases can be computed in any split, in any order, on any
 * machine, and given to {@link Allocator#prepare(AllocationBases, Iterable, TagBindings)}, with exactly the rows of
 * a run prepared over the whole period in one pass.
 *
 * <pre>{@code
 * AllocationBases part = allocator.bases(partition, tags);                  // on each worker
 * AllocationBases month = part1.merge(part2);                               // anywhere, in any order
 * AllocationRun run = allocator.prepare(month, sharedItems, tags);          // rounding from the shared items
 * }</pre>
 *
 * <p>The sums are exact (a refund lowers its unit's base; a unit whose base is not positive takes no share) and
 * keep every decimal: merged bases equal one-pass bases to the last decimal, scale included. Immutable and
 * serializable (amounts travel as exact decimals).
 */
public final class AllocationBases implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final AllocationBases EMPTY = new AllocationBases(ImmutableMap.of());
    private static final Comparator<Currency> BY_CODE = Comparator.comparing(Currency::getCurrencyCode);

    /** By currency (in code order), then unit (in id order). */
    final transient ImmutableMap<Currency, ImmutableMap<UnitId, Money>> collected;

    private AllocationBases(ImmutableMap<Currency, ImmutableMap<UnitId, Money>> collected) {
        this.collected = collected;
    }

    /** Returns the bases of no item: the identity of {@link #merge}, never null. */
    public static AllocationBases empty() {
        return EMPTY;
    }

    /**
     * Returns the bases in which {@code unit} has collected {@code cost} and no other unit anything: for hosts that
     * keep collected costs themselves (a running month, a store of daily totals). {@code AllocationBases.of(web,
     * Money.of("CNY", "30.00"))} is web's base of CNY 30.00.
     *
     * @param unit the unit, not null
     * @param cost its collected cost, any sign, not null
     * @return the bases, never null
     */
    public static AllocationBases of(UnitId unit, Money cost) {
        requireNonNull(unit, "unit");
        requireNonNull(cost, "cost");
        return new AllocationBases(ImmutableMap.of(cost.currency(), ImmutableMap.of(unit, cost)));
    }

    /** Returns the bases of sums found by a pass, sorted; the maps are not kept. */
    static AllocationBases of(Map<Currency, ? extends Map<UnitId, Money>> sums) {
        if (sums.isEmpty()) {
            return EMPTY;
        }
        Map<Currency, Map<UnitId, Money>> sorted = new TreeMap<>(BY_CODE);
        sums.forEach((currency, byUnit) -> {
            if (!byUnit.isEmpty()) {
                sorted.put(currency, byUnit);
            }
        });
        ImmutableMap.Builder<Currency, ImmutableMap<UnitId, Money>> out = ImmutableMap.builder();
        sorted.forEach((currency, byUnit) -> out.put(currency, ImmutableMap.copyOf(new TreeMap<>(byUnit))));
        return new AllocationBases(out.build());
    }

    /**
     * Returns the bases of both parts: each unit's collected cost added up per currency. Associative and
     * commutative, with {@link #empty()} as identity; the two parts must hold different items.
     *
     * @param other the bases of other items of the period, not null
     * @return the merged bases, never null
     */
    public AllocationBases merge(AllocationBases other) {
        requireNonNull(other, "other");
        if (other.collected.isEmpty()) {
            return this;
        }
        if (collected.isEmpty()) {
            return other;
        }
        Map<Currency, Map<UnitId, Money>> sums = new HashMap<>();
        for (AllocationBases part : List.of(this, other)) {
            part.collected.forEach((currency, byUnit) -> {
                Map<UnitId, Money> into = sums.computeIfAbsent(currency, c -> new HashMap<>());
                byUnit.forEach((unit, cost) -> into.merge(unit, cost, Money::plus));
            });
        }
        return of(sums);
    }

    /**
     * Returns each unit's collected cost in {@code currency}; a unit that collected nothing is absent.
     *
     * @param currency the currency, not null
     * @return the costs by unit, in unit id order, never null
     */
    public ImmutableMap<UnitId, Money> collectedCost(Currency currency) {
        return collected.getOrDefault(requireNonNull(currency, "currency"), ImmutableMap.of());
    }

    /** Returns the currencies some unit collected cost in, in code order, never null. */
    public ImmutableSet<Currency> currencies() {
        return collected.keySet();
    }

    /** Returns whether no unit collected anything. */
    public boolean isEmpty() {
        return collected.isEmpty();
    }

    /**
     * Equal when every unit has the same collected cost in every currency, numerically ({@link Money#equals});
     * {@link #toString()} shows the scales too.
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof AllocationBases other && collected.equals(other.collected);
    }

    @Override
    public int hashCode() {
        return collected.hashCode();
    }

    /** Returns the costs by currency and unit, each amount with its scale, as {@code {CNY={web=CNY 30.00}}}. */
    @Override
    public String toString() {
        return collected.toString();
    }

    /**
     * Sums one pass's items by the unit that collects them, confined to one thread: one placement per distinct set
     * of rule-relevant values ({@link PlacementCache}).
     */
    static final class Accumulator {
        private final Allocator allocator;
        private final PlacementCache placements;
        private final Map<Currency, Map<UnitId, Money>> sums = new HashMap<>();

        Accumulator(Allocator allocator, TagBindings tags) {
            this.allocator = allocator;
            this.placements = new PlacementCache(allocator, tags);
        }

        void add(LineItem item) {
            int placement = placements.placementOf(requireNonNull(item, "item"));
            if (placement >= 0) { // collected, whether or not its unit shares on; a shared or Unallocated cost is none
                UnitId unit = allocator.rules.collectionRules().get(placement).unit();
                sums.computeIfAbsent(item.currency(), c -> new HashMap<>()).merge(unit, item.totalCost(), Money::plus);
            }
        }

        Accumulator merge(Accumulator other) {
            other.sums.forEach((currency, byUnit) -> {
                Map<UnitId, Money> into = sums.computeIfAbsent(currency, c -> new HashMap<>());
                byUnit.forEach((unit, cost) -> into.merge(unit, cost, Money::plus));
            });
            return this;
        }

        AllocationBases toBases() {
            return of(sums);
        }
    }

    /** Checks that every unit of these bases is a unit of {@code rules}. */
    void checkUnitsOf(AllocationRuleSet rules) {
        collected.forEach((currency, byUnit) -> byUnit.keySet().forEach(unit -> {
            if (!rules.units().units().containsKey(unit)) {
                throw new IllegalArgumentException("the bases name unit '" + unit.value()
                        + "', which the rule set does not have: bases and run must come from the same rule set");
            }
        }));
    }

    private Object writeReplace() {
        List<Object[]> rows = new ArrayList<>();
        collected.forEach((currency, byUnit) -> byUnit.forEach(
                (unit, cost) -> rows.add(new Object[] {currency.getCurrencyCode(), unit.value(), cost.amount()})));
        return new Form(rows.toArray(new Object[0][]));
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("bases are read through their serialized form");
    }

    /** The serialized form: currency codes, unit ids and exact decimals only. */
    private record Form(Object[][] rows) implements Serializable {
        private static final long serialVersionUID = 1L;

        private Object readResolve() {
            Map<Currency, Map<UnitId, Money>> sums = new HashMap<>();
            for (Object[] row : rows) {
                Currency currency = Money.currency((String) row[0]);
                sums.computeIfAbsent(currency, c -> new HashMap<>())
                        .merge(UnitId.of((String) row[1]), Money.of(currency, (BigDecimal) row[2]), Money::plus);
            }
            return of(sums);
        }
    }
}
