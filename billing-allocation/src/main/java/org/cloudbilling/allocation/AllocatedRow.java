package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.money.Money;

/**
 * One row of a cost allocation bill: part or all of a source line item's total cost, placed in a unit (or
 * Unallocated) by a rule. The rows of one item add up to its total cost exactly (ALLOC-6).
 *
 * @param item the source line item
 * @param unit the unit; empty for Unallocated
 * @param type Collected, Shared or Unallocated
 * @param amount the amount, at the item's scale
 * @param rule the collection or sharing rule that decided; empty when no rule matched
 */
public record AllocatedRow(
        LineItem item, Optional<UnitId> unit, AllocationType type, Money amount, Optional<RuleId> rule) {
    /** Checks that no component is null and that only Unallocated rows lack a unit. */
    public AllocatedRow {
        requireNonNull(item, "item");
        requireNonNull(unit, "unit");
        requireNonNull(type, "type");
        requireNonNull(amount, "amount");
        requireNonNull(rule, "rule");
        if (unit.isEmpty() != (type == AllocationType.UNALLOCATED)) {
            throw new IllegalArgumentException("only an Unallocated row has no unit: " + type + " " + unit);
        }
    }
}
