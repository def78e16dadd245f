package org.cloudbilling.reseller.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.id.OwnerUin;

/**
 * A legal entity of the group with its admin account (ORG-3).
 *
 * @param id the entity, not null
 * @param admin the entity's admin account, which pays on behalf of its members, not null
 * @param verifiedName the verified (real-name) entity the accounts are registered to, not null, not blank
 */
public record Entity(EntityId id, OwnerUin admin, String verifiedName) {
    public Entity {
        requireNonNull(id, "id");
        requireNonNull(admin, "admin");
        requireNonNull(verifiedName, "verifiedName");
        checkArgument(!verifiedName.isBlank(), "entity %s has a blank verified name", id);
    }
}
