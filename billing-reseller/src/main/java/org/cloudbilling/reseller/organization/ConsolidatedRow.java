package org.cloudbilling.reseller.organization;

import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.OwnerUin;

/**
 * A row of a consolidated bill: a member's line item and the entity the member belonged to then (ORG-6).
 *
 * @param item the line item, which keeps its owner, not null
 * @param entity the owner's entity during the item's fee cycle, not null
 */
public record ConsolidatedRow(LineItem item, EntityId entity) {
    public ConsolidatedRow {
        requireNonNull(item, "item");
        requireNonNull(entity, "entity");
    }

    /** Returns the row's owner, never null. */
    public OwnerUin owner() {
        return item.ownerUin();
    }
}
