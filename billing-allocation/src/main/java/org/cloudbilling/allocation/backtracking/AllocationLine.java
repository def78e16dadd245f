package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.Optional;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;

/**
 * One line of a stored cost allocation bill: an {@link AllocatedRow} without its source item, only its id.
 *
 * @param item the source line item's id
 * @param unit the unit; empty for Unallocated
 * @param type the allocation type
 * @param amount the amount
 * @param rule the rule that decided
 */
public record AllocationLine(
        LineItemId item, Optional<UnitId> unit, AllocationType type, Money amount, Optional<RuleId> rule) {

    /**
     * The order lines are kept in: by item, unit (Unallocated first, then by id), type and rule (none first, then by
     * id). Compares the ids in place, making no object.
     */
    static final Comparator<AllocationLine> ORDER = AllocationLine::compare;

    private static int compare(AllocationLine a, AllocationLine b) {
        int c = a.item.compareTo(b.item);
        if (c != 0) {
            return c;
        }
        if (a.unit.isPresent() != b.unit.isPresent()) {
            return a.unit.isPresent() ? 1 : -1;
        }
        if (a.unit.isPresent()) {
            c = a.unit.get().value().compareTo(b.unit.get().value());
            if (c != 0) {
                return c;
            }
        }
        c = a.type.compareTo(b.type);
        if (c != 0) {
            return c;
        }
        return (a.rule.isPresent() ? a.rule.get().value() : "")
                .compareTo(b.rule.isPresent() ? b.rule.get().value() : "");
    }

    /**
     * Checks that no component is null and, as {@link AllocatedRow} does, that only an Unallocated line lacks a
     * unit.
     *
     * @throws IllegalArgumentException if a Collected or Shared line has no unit, or an Unallocated line has one
     */
    public AllocationLine {
        requireNonNull(item, "item");
        requireNonNull(unit, "unit");
        requireNonNull(type, "type");
        requireNonNull(amount, "amount");
        requireNonNull(rule, "rule");
        if (unit.isEmpty() && type != AllocationType.UNALLOCATED) {
            throw new HistoryProblem("unit", "a " + type + " line needs a unit; only an UNALLOCATED line has none");
        }
        if (unit.isPresent() && type == AllocationType.UNALLOCATED) {
            throw new HistoryProblem(
                    "unit",
                    "an UNALLOCATED line has no unit, but this one has "
                            + unit.get().value());
        }
    }

    /** Returns the line of {@code row}. */
    public static AllocationLine of(AllocatedRow row) {
        return new AllocationLine(row.item().id(), row.unit(), row.type(), row.amount(), row.rule());
    }
}
