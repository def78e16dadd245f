package org.cloudbilling.reseller.organization;

import org.cloudbilling.core.id.Identifier;

/** The host's identifier of a fund movement; a movement is applied once per id (ORG-9). */
public final class MovementId extends Identifier {
    private MovementId(String value) {
        super(value, "movement id");
    }

    /**
     * Returns the movement id {@code value}.
     *
     * @param value the identifier, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static MovementId of(String value) {
        return new MovementId(value);
    }
}
