package org.cloudbilling.allocation.backtracking;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;

/**
 * What changed between two versions of a month (BACK-8): line by line and unit by unit, with totals.
 *
 * <pre>{@code
 * VersionDiff diff = VersionDiff.between(history.version(oct, 1), history.version(oct, 2), cny);
 * diff.units();    // each unit's total before, after, and the change
 * diff.lines();    // each added, removed or changed line
 * }</pre>
 *
 * @param from the older version
 * @param to the newer version
 * @param currency the currency compared
 * @param lines the lines that differ, in canonical order; never a line whose change is zero (a line of zero
 *     added or removed, or an amount written at another scale)
 * @param units every unit whose total differs, with Unallocated as an empty unit; never one whose change is zero
 * @param totalBefore the month's total in {@code from}
 * @param totalAfter the month's total in {@code to}
 */
public record VersionDiff(
        MonthVersion from,
        MonthVersion to,
        Currency currency,
        List<LineChange> lines,
        List<UnitChange> units,
        Money totalBefore,
        Money totalAfter) {

    /** How a line changed. */
    public enum Kind {
        /** In the newer version only. */
        ADDED,
        /** In the older version only. */
        REMOVED,
        /** In both, with another amount. */
        CHANGED
    }

    /**
     * A line that differs; lines are matched by item, unit, type and rule.
     *
     * @param kind how it changed
     * @param item the source item
     * @param unit the unit, empty for Unallocated
     * @param type the allocation type
     * @param rule the rule
     * @param before the amount before, empty when added
     * @param after the amount after, empty when removed
     * @param change after minus before
     */
    public record LineChange(
            Kind kind,
            LineItemId item,
            Optional<UnitId> unit,
            AllocationType type,
            Optional<RuleId> rule,
            Optional<Money> before,
            Optional<Money> after,
            Money change) {}

    /**
     * A unit whose total (all types) differs.
     *
     * @param unit the unit, empty for Unallocated
     * @param before its total before
     * @param after its total after
     * @param change after minus before
     */
    public record UnitChange(Optional<UnitId> unit, Money before, Money after, Money change) {}

    /** Copies the lists. */
    public VersionDiff {
        lines = List.copyOf(lines);
        units = List.copyOf(units);
    }

    /**
     * Compares two versions of the same month.
     *
     * @param from the older version, not null
     * @param to the newer version, not null
     * @param currency the currency to compare, not null
     * @return the differences, never null
     * @throws IllegalArgumentException if the versions are of different months
     */
    public static VersionDiff between(MonthVersion from, MonthVersion to, Currency currency) {
        checkArgument(
                from.month().equals(to.month()), "versions of different months: %s and %s", from.month(), to.month());
        Map<List<Object>, AllocationLine> before = index(from, currency);
        Map<List<Object>, AllocationLine> after = index(to, currency);
        Money zero = Money.zero(currency);
        List<LineChange> lines = new ArrayList<>();
        for (Map.Entry<List<Object>, AllocationLine> e : before.entrySet()) {
            AllocationLine b = e.getValue();
            AllocationLine a = after.get(e.getKey());
            if (a == null) {
                if (b.amount().isZero()) {
                    continue; // a zero line gone changes nothing
                }
                lines.add(new LineChange(
                        Kind.REMOVED,
                        b.item(),
                        b.unit(),
                        b.type(),
                        b.rule(),
                        Optional.of(b.amount()),
                        Optional.empty(),
                        zero.minus(b.amount())));
            } else if (!a.amount().minus(b.amount()).isZero()) {
                lines.add(new LineChange(
                        Kind.CHANGED,
                        b.item(),
                        b.unit(),
                        b.type(),
                        b.rule(),
                        Optional.of(b.amount()),
                        Optional.of(a.amount()),
                        a.amount().minus(b.amount())));
            }
        }
        for (Map.Entry<List<Object>, AllocationLine> e : after.entrySet()) {
            AllocationLine a = e.getValue();
            if (!before.containsKey(e.getKey()) && !a.amount().isZero()) {
                lines.add(new LineChange(
                        Kind.ADDED,
                        a.item(),
                        a.unit(),
                        a.type(),
                        a.rule(),
                        Optional.empty(),
                        Optional.of(a.amount()),
                        a.amount()));
            }
        }
        lines.sort(java.util.Comparator.comparing(LineChange::item)
                .thenComparing(l -> l.unit().map(u -> "~" + u.value()).orElse(""))
                .thenComparing(LineChange::type)
                .thenComparing(l -> l.rule().map(r -> r.value()).orElse("")));

        Map<Optional<UnitId>, Money> unitsBefore = unitTotals(from, currency);
        Map<Optional<UnitId>, Money> unitsAfter = unitTotals(to, currency);
        Map<String, Optional<UnitId>> allUnits = new TreeMap<>();
        unitsBefore
                .keySet()
                .forEach(u -> allUnits.put(u.map(id -> "~" + id.value()).orElse(""), u));
        unitsAfter
                .keySet()
                .forEach(u -> allUnits.put(u.map(id -> "~" + id.value()).orElse(""), u));
        List<UnitChange> units = new ArrayList<>();
        for (Optional<UnitId> u : allUnits.values()) {
            Money b = unitsBefore.getOrDefault(u, zero);
            Money a = unitsAfter.getOrDefault(u, zero);
            if (!a.minus(b).isZero()) {
                units.add(new UnitChange(u, b, a, a.minus(b)));
            }
        }
        return new VersionDiff(from, to, currency, lines, units, from.total(currency), to.total(currency));
    }

    private static Map<List<Object>, AllocationLine> index(MonthVersion v, Currency currency) {
        Map<List<Object>, AllocationLine> out = new LinkedHashMap<>();
        for (AllocationLine l : v.lines()) {
            if (l.amount().currency().equals(currency)) {
                out.put(List.of(l.item(), l.unit(), l.type(), l.rule()), l);
            }
        }
        return out;
    }

    private static Map<Optional<UnitId>, Money> unitTotals(MonthVersion v, Currency currency) {
        Map<Optional<UnitId>, Money> out = new LinkedHashMap<>();
        for (AllocationLine l : v.lines()) {
            if (l.amount().currency().equals(currency)) {
                out.merge(l.unit(), l.amount(), Money::plus);
            }
        }
        return out;
    }

    /** Returns whether nothing changed. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Returns the sum of every line's change: {@code totalAfter - totalBefore}. */
    public Money totalChange() {
        return totalAfter.minus(totalBefore);
    }
}
