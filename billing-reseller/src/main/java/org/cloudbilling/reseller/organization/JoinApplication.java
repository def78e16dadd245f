package org.cloudbilling.reseller.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;

/**
 * An account asking to join an entity of an organization, with the facts joining is checked against (ORG-5).
 *
 * @param account the account, not null
 * @param entity the entity it joins, not null
 * @param verifiedName the verified entity the account is registered to, not null
 * @param balance its balance, not null
 * @param pendingOrders its number of unpaid or unfinished orders, at least zero
 */
public record JoinApplication(
        OwnerUin account, EntityId entity, String verifiedName, Money balance, int pendingOrders) {
    public JoinApplication {
        requireNonNull(account, "account");
        requireNonNull(entity, "entity");
        requireNonNull(verifiedName, "verifiedName");
        requireNonNull(balance, "balance");
        checkArgument(pendingOrders >= 0, "pending orders %s is negative", pendingOrders);
    }
}
