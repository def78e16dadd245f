package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

/**
 * A collection rule: the costs that match {@code condition} are collected into {@code unit}. When several
 * rules match a cost, the one that comes first in the rule set wins (ALLOC-3).
 *
 * @param id the rule's id, unique in its rule set
 * @param unit the unit the matching costs are collected into
 * @param condition which costs match
 */
public record AllocationRule(RuleId id, UnitId unit, Condition condition) {
    /** Checks that no component is null. */
    public AllocationRule {
        requireNonNull(id, "id");
        requireNonNull(unit, "unit");
        requireNonNull(condition, "condition");
    }

    /** Returns the rule {@code id}: costs matching {@code condition} go to {@code unit}. */
    public static AllocationRule of(String id, String unit, Condition condition) {
        return new AllocationRule(RuleId.of(id), UnitId.of(unit), condition);
    }
}
