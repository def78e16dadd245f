package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A cost allocation unit, a node of the {@link UnitTree}: the root has no parent.
 *
 * @param id the unit's id, unique in its tree
 * @param name a display name
 * @param parent the parent unit; empty for the root
 */
public record AllocationUnit(UnitId id, String name, Optional<UnitId> parent) {
    /** Checks that no component is null. */
    public AllocationUnit {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(parent, "parent");
    }

    /** Returns the root unit {@code id}. */
    public static AllocationUnit root(String id, String name) {
        return new AllocationUnit(UnitId.of(id), name, Optional.empty());
    }

    /** Returns the unit {@code id} under {@code parent}. */
    public static AllocationUnit child(String id, String name, String parent) {
        return new AllocationUnit(UnitId.of(id), name, Optional.of(UnitId.of(parent)));
    }
}
