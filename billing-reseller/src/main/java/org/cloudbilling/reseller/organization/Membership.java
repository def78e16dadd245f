package org.cloudbilling.reseller.organization;

import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.reseller.channel.Tenure;

/**
 * A member account of an entity for a tenure: from joining, until leaving (ORG-3).
 *
 * @param member the member account, not null
 * @param entity its entity, not null
 * @param tenure when it is a member, not null
 */
public record Membership(OwnerUin member, EntityId entity, Tenure tenure) {
    public Membership {
        requireNonNull(member, "member");
        requireNonNull(entity, "entity");
        requireNonNull(tenure, "tenure");
    }
}
