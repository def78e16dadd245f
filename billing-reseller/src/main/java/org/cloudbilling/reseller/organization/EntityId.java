package org.cloudbilling.reseller.organization;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.cloudbilling.core.id.Identifier;

/** A legal entity of a corporate group, such as a subsidiary (ORG-3). */
public final class EntityId extends Identifier {
    private EntityId(String value) {
        super(value, "entity id");
    }

    /**
     * Returns the entity id {@code value}.
     *
     * @param value the identifier, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    @JsonCreator
    public static EntityId of(String value) {
        return new EntityId(value);
    }
}
