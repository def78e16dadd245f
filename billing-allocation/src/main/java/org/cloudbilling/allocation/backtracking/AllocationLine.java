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

    /** The order lines are kept in: by item, unit (Unallocated first), type and rule. */
    static final Comparator<AllocationLine> ORDER = Comparator.comparing(AllocationLine::item)
            .thenComparing(l -> l.unit().map(u -> "~" + u.value()).orElse(""))
            .thenComparing(AllocationLine::type)
            .thenComparing(l -> l.rule().map(r -> r.value()).orElse(""));

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
