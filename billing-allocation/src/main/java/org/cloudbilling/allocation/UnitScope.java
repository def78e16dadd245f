package org.cloudbilling.allocation;

/**
 * What a unit's total covers: the unit alone, or the unit and every unit below it in the {@link UnitTree}.
 *
 * <pre>{@code
 * summary.unitTotal(UnitId.of("web"), UnitScope.WITH_SUBTREE, cny);
 * }</pre>
 */
public enum UnitScope {
    /** The cost placed in the unit itself. */
    UNIT_ONLY,
    /** The cost placed in the unit and in the units below it. */
    WITH_SUBTREE
}
