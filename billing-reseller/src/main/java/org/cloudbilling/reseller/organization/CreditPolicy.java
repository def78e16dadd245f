package org.cloudbilling.reseller.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;

/**
 * How far below zero an account's fund balance may go (ORG-9). The default, {@link #NEVER_BELOW_ZERO}, refuses
 * any movement that would leave a balance negative; a named policy grants accounts a credit limit.
 *
 * <pre>{@code
 * CreditPolicy policy = CreditPolicy.of("hq-credit-line", Map.of(HQ_ADMIN, Money.of("CNY", "500.00")));
 * }</pre>
 *
 * @param name the policy's name, for records and messages, not null, not empty
 * @param limits the credit limit of each account, zero or positive; an account not listed has none
 */
public record CreditPolicy(String name, Map<OwnerUin, Money> limits) {

    /** No account may go below zero. */
    public static final CreditPolicy NEVER_BELOW_ZERO = new CreditPolicy("never-below-zero", Map.of());

    /**
     * @throws IllegalArgumentException if the name is empty or a limit is negative
     */
    public CreditPolicy {
        checkArgument(!requireNonNull(name, "name").isEmpty(), "a credit policy needs a name");
        limits = ImmutableMap.copyOf(limits);
        limits.forEach((account, limit) -> checkArgument(
                !limit.isNegative(), "credit policy %s: limit %s of %s is negative", name, limit, account));
    }

    /** Returns the policy {@code name} with {@code limits}, never null. */
    public static CreditPolicy of(String name, Map<OwnerUin, Money> limits) {
        return new CreditPolicy(name, limits);
    }

    /** Returns the lowest balance {@code account} may have: minus its limit, or zero, never null. */
    public Money floorOf(OwnerUin account, java.util.Currency currency) {
        Money limit = limits.get(account);
        return limit == null ? Money.zero(currency) : limit.negated();
    }
}
