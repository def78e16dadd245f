package org.cloudbilling.reseller.channel;

import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.id.OwnerUin;

/**
 * A customer bound to a channel partner for a tenure (RES-1): while it holds, the customer is that partner's
 * end customer; outside every binding it is a direct customer of the provider.
 *
 * @param customer the end customer, told apart by its owner UIN, not null
 * @param partner the distributor or second-level reseller it is bound to, not null
 * @param tenure when the binding holds, not null
 */
public record Binding(OwnerUin customer, PartnerUin partner, Tenure tenure) {
    public Binding {
        requireNonNull(customer, "customer");
        requireNonNull(partner, "partner");
        requireNonNull(tenure, "tenure");
    }
}
