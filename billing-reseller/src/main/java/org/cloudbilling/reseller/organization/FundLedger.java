package org.cloudbilling.reseller.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.reseller.Outcome;
import org.cloudbilling.reseller.Refusal;

/**
 * The funds of an organization's admin accounts as a ledger (ORG-3): the group admin is topped up and allocates
 * funds to entity admins. Every transition returns a new ledger or a refusal; no balance ever goes below zero,
 * and the balances always add up to the top-ups.
 *
 * <pre>{@code
 * FundLedger ledger = FundLedger.empty(CNY).toppedUp(GROUP_ADMIN, Money.of("CNY", "1000.00"));
 * Outcome<FundLedger> o = ledger.allocate(org, GROUP_ADMIN, SUB_ADMIN, Money.of("CNY", "300.00"));
 * }</pre>
 *
 * @param currency the currency of every amount, not null
 * @param balances the balance of each account, not null
 * @param entries every top-up and allocation, oldest first, not null
 */
public record FundLedger(Currency currency, Map<OwnerUin, Money> balances, List<Entry> entries) {

    /**
     * One movement of funds.
     *
     * @param from the account funds came from; empty for a top-up
     * @param to the account funds went to, not null
     * @param amount the amount, positive, not null
     */
    public record Entry(Optional<OwnerUin> from, OwnerUin to, Money amount) {
        public Entry {
            requireNonNull(from, "from");
            requireNonNull(to, "to");
            requireNonNull(amount, "amount");
        }
    }

    public FundLedger {
        requireNonNull(currency, "currency");
        balances = ImmutableMap.copyOf(balances);
        entries = ImmutableList.copyOf(entries);
    }

    /** Returns the empty ledger in {@code currency}. */
    public static FundLedger empty(Currency currency) {
        return new FundLedger(currency, Map.of(), List.of());
    }

    /** Returns the balance of {@code account}, zero when it has none, never null. */
    public Money balanceOf(OwnerUin account) {
        return balances.getOrDefault(account, Money.zero(currency));
    }

    /**
     * Returns this ledger with {@code amount} added to {@code account}'s balance.
     *
     * @throws IllegalArgumentException if the amount is not positive or in another currency
     */
    public FundLedger toppedUp(OwnerUin account, Money amount) {
        requireNonNull(account, "account");
        checkAmount(amount);
        checkArgument(amount.isPositive(), "top-up %s of %s is not positive", amount, account);
        return move(Optional.empty(), account, amount);
    }

    /**
     * Allocates {@code amount} from the group admin to an entity admin.
     *
     * @param organization the organization, for admins and permissions, not null
     * @param actor who allocates; must be the group admin holding {@link Permission#ALLOCATE_FUNDS}, not null
     * @param entityAdmin the admin account of an entity, not null
     * @param amount the amount, not null
     * @return the new ledger, or the refusals, never null
     * @throws IllegalArgumentException if the amount is in another currency
     */
    public Outcome<FundLedger> allocate(Organization organization, OwnerUin actor, OwnerUin entityAdmin, Money amount) {
        requireNonNull(organization, "organization");
        requireNonNull(actor, "actor");
        requireNonNull(entityAdmin, "entityAdmin");
        checkAmount(amount);
        List<Refusal> refusals = new ArrayList<>();
        if (!actor.equals(organization.groupAdmin())) {
            refusals.add(new Refusal(Refusal.Reason.NOT_AN_ADMIN, actor + " is not the group admin"));
        } else if (!organization.holds(actor, Permission.ALLOCATE_FUNDS)) {
            refusals.add(new Refusal(Refusal.Reason.PERMISSION_MISSING, actor + " may not allocate funds"));
        }
        if (organization.entities().values().stream().noneMatch(e -> e.admin().equals(entityAdmin))) {
            refusals.add(new Refusal(Refusal.Reason.NOT_AN_ADMIN, entityAdmin + " is not an entity admin"));
        }
        if (!amount.isPositive()) {
            refusals.add(new Refusal(Refusal.Reason.AMOUNT_NOT_POSITIVE, "allocation " + amount + " is not positive"));
        } else if (amount.isGreaterThan(balanceOf(actor))) {
            refusals.add(new Refusal(
                    Refusal.Reason.INSUFFICIENT_FUNDS, actor + " holds " + balanceOf(actor) + ", less than " + amount));
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(refusals);
        }
        return Outcome.accepted(move(Optional.of(actor), entityAdmin, amount));
    }

    /** Returns the sum of every balance, never null. */
    public Money total() {
        Money total = Money.zero(currency);
        for (Money m : balances.values()) {
            total = total.plus(m);
        }
        return total;
    }

    private FundLedger move(Optional<OwnerUin> from, OwnerUin to, Money amount) {
        Map<OwnerUin, Money> next = new HashMap<>(balances);
        from.ifPresent(f -> next.put(f, balanceOf(f).minus(amount)));
        next.merge(to, amount, Money::plus);
        List<Entry> log = new ArrayList<>(entries);
        log.add(new Entry(from, to, amount));
        FundLedger ledger = new FundLedger(currency, next, log);
        for (Money balance : next.values()) {
            if (balance.isNegative()) {
                throw new AssertionError("bug: a balance went negative: " + next);
            }
        }
        return ledger;
    }

    private void checkAmount(Money amount) {
        requireNonNull(amount, "amount");
        checkArgument(
                amount.currency().equals(currency),
                "amount %s is not in the ledger's currency %s",
                amount,
                currency.getCurrencyCode());
    }
}
