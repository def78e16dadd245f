package org.cloudbilling.reseller.confirmation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Currency;
import java.util.Map;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.reseller.bill.CustomerBill;
import org.cloudbilling.reseller.bill.CustomerMonth;
import org.cloudbilling.reseller.channel.PartnerUin;

/**
 * A reseller's credit at one moment: its allocatable credit pool, the credit returned to each customer, and how
 * much of each customer bill is confirmed (RES-7). Transitions are the functions of {@link Confirmation}; the
 * pool plus the customers' credit stays the same through every one of them.
 *
 * <p>What is confirmed is kept per {@link CustomerMonth} (customer, reseller, month), never per total, so every
 * revision of a bill shares it (RES-12). The state keeps no bill totals: the bill passed to a query is taken as
 * the customer-month's latest revision.
 *
 * <p>What can be confirmed of a revision is its total, or nothing when the total is zero or negative (a month of
 * refunds returns no credit). A revision whose total is below what was already confirmed of the customer-month
 * leaves the bill <em>over-confirmed</em> ({@link #overConfirmedOf}): nothing more of it can be confirmed, and the
 * credit already returned is not taken back (this library does not model taking credit back; a host that
 * recovers it does so outside the credit state).
 *
 * @param reseller the reseller, not null
 * @param pool the reseller's allocatable credit pool, not null
 * @param customerCredit the credit returned to each customer, not null
 * @param confirmed the amount confirmed of each customer bill of the reseller, each positive, not null
 */
public record CreditState(
        PartnerUin reseller, Money pool, Map<OwnerUin, Money> customerCredit, Map<CustomerMonth, Money> confirmed) {

    /**
     * Checks the state.
     *
     * @throws IllegalArgumentException if an amount is in another currency than the pool, a confirmed amount is
     *     not positive, or a confirmed bill is billed by another reseller
     */
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
        confirmed.forEach((b, m) -> {
            checkArgument(b.reseller().equals(reseller), "%s is billed by %s, not by %s", b, b.reseller(), reseller);
            checkArgument(
                    m.currency().equals(currency), "%s is confirmed in %s, the pool in %s", b, m.currency(), currency);
            checkArgument(m.isPositive(), "%s is confirmed for %s, not a positive amount", b, m);
        });
    }

    /** Returns the opening state of {@code reseller}: a pool and no confirmations. */
    public static CreditState opening(PartnerUin reseller, Money pool) {
        return new CreditState(reseller, pool, Map.of(), Map.of());
    }

    /** Returns the credit returned to {@code customer}, zero when none, never null. */
    public Money creditOf(OwnerUin customer) {
        return customerCredit.getOrDefault(customer, Money.zero(pool.currency()));
    }

    /** Returns the amount confirmed of the customer bill {@code customerMonth}, zero when none, never null. */
    public Money confirmedOf(CustomerMonth customerMonth) {
        requireNonNull(customerMonth, "customerMonth");
        return confirmed.getOrDefault(customerMonth, Money.zero(pool.currency()));
    }

    /**
     * Returns the amount confirmed of {@code bill}'s customer-month, over all its revisions (RES-12), zero when
     * none, never null.
     */
    public Money confirmedOf(CustomerBill bill) {
        return confirmedOf(bill.customerMonth());
    }

    /**
     * Returns what is left to confirm of {@code bill}, taken as its customer-month's latest revision: its total
     * (zero when the total is negative) less what is confirmed, and zero when that is negative, never null.
     *
     * <p>Example: confirmed 100.00, the restated total 120.00: 20.00 is left.
     *
     * @param bill the latest revision of a bill of this state's reseller, in the pool's currency, not null
     * @throws IllegalArgumentException if the bill is of another reseller or in another currency
     */
    public Money unconfirmedOf(CustomerBill bill) {
        checkOwn(bill);
        Money left = confirmable(bill).minus(confirmedOf(bill));
        return left.isNegative() ? Money.zero(pool.currency()) : left;
    }

    /**
     * Returns by how much more than {@code bill}'s total was confirmed of its customer-month: what was confirmed
     * less the total (less zero when the total is negative), and zero when that is not positive, never null. It is
     * positive only after a revision lowered the total below what had been confirmed; the credit returned stays
     * with the customer and nothing more of the bill can be confirmed.
     *
     * <p>Example: 100.00 confirmed of a final bill of 100.00, restated to 80.00: 20.00 over-confirmed; restated to
     * -5.00 (refunds): 100.00 over-confirmed.
     *
     * @param bill the latest revision of a bill of this state's reseller, in the pool's currency, not null
     * @throws IllegalArgumentException if the bill is of another reseller or in another currency
     */
    public Money overConfirmedOf(CustomerBill bill) {
        checkOwn(bill);
        Money over = confirmedOf(bill).minus(confirmable(bill));
        return over.isPositive() ? over : Money.zero(pool.currency());
    }

    /** Returns the pool plus every customer's credit: what no confirmation changes, never null. */
    public Money totalCredit() {
        Money total = pool;
        for (Money m : customerCredit.values()) {
            total = total.plus(m);
        }
        return total;
    }

    private void checkOwn(CustomerBill bill) {
        requireNonNull(bill, "bill");
        checkArgument(
                bill.reseller().equals(reseller),
                "%s is billed by %s, not by %s",
                bill.customerMonth(),
                bill.reseller(),
                reseller);
        checkArgument(
                bill.total().currency().equals(pool.currency()),
                "%s is in %s, the pool in %s",
                bill.customerMonth(),
                bill.total().currency(),
                pool.currency());
    }

    /** The most that can be confirmed of {@code bill} in all: its total, or zero when the total is negative. */
    static Money confirmable(CustomerBill bill) {
        return bill.total().isNegative() ? Money.zero(bill.total().currency()) : bill.total();
    }
}
