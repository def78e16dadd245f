package org.cloudbilling.reseller;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Currency;
import java.util.Map;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;

/**
 * A reseller's credit at one moment: its allocatable credit pool, the credit returned to each customer, and how
 * much of each customer bill is confirmed (RES-7). Transitions are the functions of {@link Confirmation}; the
 * pool plus the customers' credit stays the same through every one of them.
 *
 * @param reseller the reseller, not null
 * @param pool the reseller's allocatable credit pool, not null
 * @param customerCredit the credit returned to each customer, not null
 * @param confirmed the confirmed amount of each customer bill, not null
 */
public record CreditState(
        PartnerUin reseller, Money pool, Map<OwnerUin, Money> customerCredit, Map<CustomerBill, Money> confirmed) {

    public CreditState {
        requireNonNull(reseller, "reseller");
        requireNonNull(pool, "pool");
        customerCredit = ImmutableMap.copyOf(customerCredit);
        confirmed = ImmutableMap.copyOf(confirmed);
        Currency currency = pool.currency();
        customerCredit.forEach((c, m) -> checkArgument(
                m.currency().equals(currency),
                "credit of customer %s is in %s, the pool in %s",
                c,
                m.currency(),
                currency));
    }

    /** Returns the opening state of {@code reseller}: a pool and no confirmations. */
    public static CreditState opening(PartnerUin reseller, Money pool) {
        return new CreditState(reseller, pool, Map.of(), Map.of());
    }

    /** Returns the credit returned to {@code customer}, zero when none, never null. */
    public Money creditOf(OwnerUin customer) {
        return customerCredit.getOrDefault(customer, Money.zero(pool.currency()));
    }

    /** Returns the confirmed amount of {@code bill}, zero when none, never null. */
    public Money confirmedOf(CustomerBill bill) {
        return confirmed.getOrDefault(bill, Money.zero(pool.currency()));
    }

    /** Returns the pool plus every customer's credit: what no confirmation changes, never null. */
    public Money totalCredit() {
        Money total = pool;
        for (Money m : customerCredit.values()) {
            total = total.plus(m);
        }
        return total;
    }
}
