package org.cloudbilling.allocation;

import java.util.Optional;
import org.cloudbilling.core.money.Money;

/**
 * One line of an allocation summary: a unit (empty for Unallocated), an allocation type, a breakdown value
 * (empty in the plain per-unit summary, or when the items have none), and the amount.
 *
 * @param unit the unit; empty for Unallocated
 * @param type the allocation type
 * @param value the breakdown value, such as a product code or a day
 * @param amount the amount
 */
public record SummaryRow(Optional<UnitId> unit, AllocationType type, Optional<String> value, Money amount) {}
