package org.cloudbilling.reseller.organization;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.confirmation.Refusal;
import org.cloudbilling.reseller.view.OutOfScopeException;

/**
 * An organization's funds as a ledger of movements (ORG-3, ORG-9): top-ups (by the account itself or, in unified
 * payment, by a member of its entity), allocations from the group admin to entity admins, consumption deducted
 * from the paying account and refunds of it. Every movement has an id and an instant and is applied once:
 * applying it again changes nothing, and another movement with a used id is refused. Balances at any instant are
 * the sum of the movements up to it, so they are reproducible from {@link #movements()} alone.
 *
 * <p>No balance goes below zero at any instant, unless the named {@link CreditPolicy} gives the account a
 * credit limit; a movement that would break that (also one arriving late, before later movements) is refused.
 * Reading a balance needs {@link Permission#VIEW_BALANCE} over the account, except for one's own.
 *
 * <pre>{@code
 * FundLedger ledger = FundLedger.empty(CNY);
 * ledger = ledger.apply(org, FundMovement.topUp(MovementId.of("t-1"), at, HQ_ADMIN, HQ_ADMIN, cny("1000.00"))).state();
 * ledger = ledger.apply(org, FundMovement.allocation(MovementId.of("a-1"), at, HQ_ADMIN, SUB_ADMIN, cny("300.00"))).state();
 * Money sub = ledger.balanceOf(org, HQ_ADMIN, SUB_ADMIN, at);   // CNY 300.00, with VIEW_BALANCE
 * }</pre>
 *
 * @param currency the currency of every amount, not null
 * @param creditPolicy how far below zero a balance may go, not null
 * @param movements every applied movement, in the order applied, not null
 */
public record FundLedger(Currency currency, CreditPolicy creditPolicy, List<FundMovement> movements) {

    public FundLedger {
        requireNonNull(currency, "currency");
        requireNonNull(creditPolicy, "creditPolicy");
        movements = ImmutableList.copyOf(movements);
    }

    /** Returns the empty ledger in {@code currency} where no balance goes below zero. */
    public static FundLedger empty(Currency currency) {
        return empty(currency, CreditPolicy.NEVER_BELOW_ZERO);
    }

    /** Returns the empty ledger in {@code currency} under {@code creditPolicy}. */
    public static FundLedger empty(Currency currency, CreditPolicy creditPolicy) {
        return new FundLedger(currency, creditPolicy, List.of());
    }

    /**
     * Returns {@code account}'s balance at {@code at} as {@code viewer} may read it (ORG-4, ORG-9).
     *
     * @param organization the organization, for scopes and permissions, not null
     * @param viewer who reads, not null
     * @param account whose balance, not null
     * @param at the instant, not null
     * @return the sum of the account's movements up to and including {@code at}, never null
     * @throws OutOfScopeException if the viewer is not the account and does not hold
     *     {@link Permission#VIEW_BALANCE} over it at {@code at}; the message names both, the instant and why
     */
    public Money balanceOf(Organization organization, OwnerUin viewer, OwnerUin account, Instant at) {
        requireNonNull(organization, "organization");
        requireNonNull(viewer, "viewer");
        requireNonNull(account, "account");
        if (!organization.permits(viewer, Permission.VIEW_BALANCE, account, at)) {
            throw new OutOfScopeException(viewer + " may not view the balance of " + account + " at " + at
                    + ": it does not hold " + Permission.VIEW_BALANCE + " over that account");
        }
        return balanceAt(account, at);
    }

    /** The balance of {@code account} at {@code at}, unguarded: for the library and its tests. */
    Money balanceAt(OwnerUin account, Instant at) {
        Money balance = Money.zero(currency);
        for (FundMovement m : movements) {
            if (!m.at().isAfter(at)) {
                balance = balance.plus(m.effectOn(account));
            }
        }
        return balance;
    }

    /** Every account's balance at {@code at}, unguarded: for the library and its tests. */
    ImmutableSortedMap<OwnerUin, Money> balancesAt(Instant at) {
        Map<OwnerUin, Money> out = new TreeMap<>();
        for (FundMovement m : movements) {
            if (!m.at().isAfter(at)) {
                Set<OwnerUin> touched = new LinkedHashSet<>();
                m.from().ifPresent(touched::add);
                m.to().ifPresent(touched::add);
                for (OwnerUin a : touched) {
                    out.merge(a, m.effectOn(a), Money::plus);
                }
            }
        }
        return ImmutableSortedMap.copyOf(out);
    }

    /**
     * Applies {@code movement} once (ORG-9). Applying a movement already applied returns this ledger unchanged;
     * every refusal leaves the ledger as it was.
     *
     * <p>Refused: an amount in another currency or not positive; an id already used for another movement; a
     * top-up by another account that is not, at that instant, a member of the entity the credited admin
     * administers while it pays on behalf; an allocation not from the group admin holding
     * {@link Permission#ALLOCATE_FUNDS} then, or not to an entity admin; any movement after which a balance would
     * be below its floor ({@link CreditPolicy#floorOf}) at some instant.
     *
     * @param organization the organization, for admins, memberships, modes and permissions, not null
     * @param movement the movement, not null
     * @return the ledger with the movement, this ledger for a replay, or the refusals, never null
     */
    public Outcome<FundLedger> apply(Organization organization, FundMovement movement) {
        requireNonNull(organization, "organization");
        requireNonNull(movement, "movement");
        String what = movement.kind() + " " + movement.id() + " of "
                + movement.to().or(movement::from).orElseThrow() + " at " + movement.at();
        if (!movement.amount().currency().equals(currency)) {
            return Outcome.refused(
                    Refusal.Reason.CURRENCY_MISMATCH,
                    "%s: the amount %s is not in the ledger's currency %s",
                    what,
                    movement.amount(),
                    currency.getCurrencyCode());
        }
        Optional<FundMovement> earlier =
                movements.stream().filter(m -> m.id().equals(movement.id())).findFirst();
        if (earlier.isPresent()) {
            if (earlier.get().equals(movement)) {
                return Outcome.accepted(this);
            }
            return Outcome.refused(
                    Refusal.Reason.ID_REUSED, "%s: the id was used for another movement, %s", what, earlier.get());
        }
        List<Refusal> refusals = new ArrayList<>();
        if (!movement.amount().isPositive()) {
            refusals.add(new Refusal(
                    Refusal.Reason.AMOUNT_NOT_POSITIVE,
                    what + ": the amount " + movement.amount() + " is not positive"));
        }
        switch (movement.kind()) {
            case TOP_UP -> checkTopUp(organization, movement, what, refusals);
            case ALLOCATION -> checkAllocation(organization, movement, what, refusals);
            case CONSUMPTION, REFUND -> {}
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(refusals);
        }
        List<FundMovement> next = new ArrayList<>(movements);
        next.add(movement);
        FundLedger ledger = new FundLedger(currency, creditPolicy, next);
        Optional<Refusal> belowFloor = ledger.firstBelowFloor(what);
        if (belowFloor.isPresent()) {
            return Outcome.refused(List.of(belowFloor.get()));
        }
        return Outcome.accepted(ledger);
    }

    private static void checkTopUp(Organization org, FundMovement m, String what, List<Refusal> refusals) {
        OwnerUin by = m.from().orElseThrow();
        OwnerUin account = m.to().orElseThrow();
        if (by.equals(account)) {
            return;
        }
        Optional<Entity> administered = org.entities().values().stream()
                .filter(e -> e.admin().equals(account))
                .findFirst();
        Optional<Membership> membership = org.membershipAt(by, m.at());
        if (administered.isEmpty()
                || membership.isEmpty()
                || !membership.get().entity().equals(administered.get().id())) {
            refusals.add(new Refusal(
                    Refusal.Reason.NOT_A_MEMBER,
                    what + ": " + by + " is not a member of an entity " + account + " administers"));
        } else if (org.modeOf(administered.get().id(), m.at()) != PaymentMode.UNIFIED) {
            refusals.add(new Refusal(
                    Refusal.Reason.SELF_PAYING_ENTITY,
                    what + ": entity " + administered.get().id() + " of " + by + " pays for itself, so " + by
                            + " may not top up " + account));
        }
    }

    private static void checkAllocation(Organization org, FundMovement m, String what, List<Refusal> refusals) {
        OwnerUin actor = m.from().orElseThrow();
        OwnerUin entityAdmin = m.to().orElseThrow();
        if (!actor.equals(org.groupAdmin())) {
            refusals.add(new Refusal(Refusal.Reason.NOT_AN_ADMIN, what + ": " + actor + " is not the group admin"));
        } else if (!org.holdsAt(actor, Permission.ALLOCATE_FUNDS, m.at())) {
            refusals.add(new Refusal(
                    Refusal.Reason.PERMISSION_MISSING,
                    what + ": " + actor + " may not allocate funds: it does not hold " + Permission.ALLOCATE_FUNDS));
        }
        if (org.entities().values().stream().noneMatch(e -> e.admin().equals(entityAdmin))) {
            refusals.add(
                    new Refusal(Refusal.Reason.NOT_AN_ADMIN, what + ": " + entityAdmin + " is not an entity admin"));
        }
    }

    private Optional<Refusal> firstBelowFloor(String what) {
        List<FundMovement> ordered = new ArrayList<>(movements);
        ordered.sort(Comparator.comparing(FundMovement::at));
        Map<OwnerUin, Money> running = new HashMap<>();
        for (FundMovement m : ordered) {
            Optional<OwnerUin> debited = m.kind() == FundMovement.Kind.TOP_UP ? Optional.empty() : m.from();
            if (debited.isEmpty()) {
                m.to().ifPresent(a -> running.merge(a, m.amount(), Money::plus));
                continue;
            }
            OwnerUin account = debited.get();
            m.to().ifPresent(a -> running.merge(a, m.amount(), Money::plus));
            Money after = running.getOrDefault(account, Money.zero(currency)).minus(m.amount());
            running.put(account, after);
            Money floor = creditPolicy.floorOf(account, currency);
            if (after.isLessThan(floor)) {
                return Optional.of(new Refusal(
                        Refusal.Reason.INSUFFICIENT_FUNDS,
                        what + ": " + account + " would hold " + after + " after " + m.kind() + " " + m.id() + " at "
                                + m.at() + ", below " + floor + " under credit policy " + creditPolicy.name()));
            }
        }
        return Optional.empty();
    }

    /** Returns the sum of every balance at {@code at}, never null. */
    Money totalAt(Instant at) {
        return Money.total(currency, balancesAt(at).values());
    }
}
