package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

/** The costs a sharing rule splits: those matching a condition, or those collected into a unit. */
public sealed interface SharingSource permits SharingSource.Matching, SharingSource.CollectedBy {

    /**
     * The costs that match {@code condition}: they are shared instead of collected.
     *
     * @param condition which costs
     */
    record Matching(Condition condition) implements SharingSource {
        /** Checks that no component is null. */
        public Matching {
            requireNonNull(condition, "condition");
        }
    }

    /**
     * The costs collected into (or shared to) {@code unit}: the unit passes them on to the targets.
     *
     * @param unit the source unit
     */
    record CollectedBy(UnitId unit) implements SharingSource {
        /** Checks that no component is null. */
        public CollectedBy {
            requireNonNull(unit, "unit");
        }
    }

    /** The costs matching {@code condition}. */
    static SharingSource matching(Condition condition) {
        return new Matching(condition);
    }

    /** The costs collected into {@code unit}. */
    static SharingSource collectedBy(String unit) {
        return new CollectedBy(UnitId.of(unit));
    }
}
