package org.cloudbilling.allocation;

import org.cloudbilling.core.id.Identifier;

/** A cost allocation unit: a company, a department, a team. */
public final class UnitId extends Identifier {
    private UnitId(String value) {
        super(value, "allocation unit id");
    }

    /**
     * Returns the allocation unit id {@code value}.
     *
     * @param value the identifier, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static UnitId of(String value) {
        return new UnitId(value);
    }
}
