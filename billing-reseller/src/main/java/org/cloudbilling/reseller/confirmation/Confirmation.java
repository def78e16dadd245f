package org.cloudbilling.reseller.confirmation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.CustomerBill;
import org.cloudbilling.reseller.bill.CustomerMonth;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;

/**
 * Confirmation of customer bills and the credit it moves (RES-6, RES-7, RES-12), as pure transitions over a
 * {@link CreditState}: each returns the new state or the refusal and leaves its input unchanged.
 *
 * <ul>
 *   <li>A bill is confirmed as a whole or for a partial amount of its total; there is no per-row confirmation.
 *   <li>A batch confirms whole bills only, and all of them or none (documented default).
 *   <li>Confirming an amount returns it to the customer as credit and reduces the reseller's allocatable pool
 *       by the same amount; a pool smaller than the amount refuses (documented default).
 *   <li>Only the partner the customer is bound to in the bill's month may confirm; its distributor cannot
 *       (RES-6).
 *   <li>Only an issued bill ({@link BillStatus#FINAL}) can be confirmed; a provisional one is refused
 *       ({@code NOT_ISSUED}, RES-9).
 *   <li>What is confirmed is counted per customer-month (customer, reseller, month), whatever the total of the
 *       revision (RES-12): the bill passed is taken as the latest revision, and in all no more than its total is
 *       confirmed (nothing when the total is zero or negative). A bill confirmed in full is refused
 *       ({@code ALREADY_CONFIRMED}). A revision whose total is below what was already confirmed is refused
 *       ({@code OVER_CONFIRMED}, naming the over-confirmed amount, see {@link CreditState#overConfirmedOf}); the
 *       credit returned is never taken back.
 * </ul>
 *
 * <p>The state does not know the order of revisions: pass the latest revision of each bill, such as
 * {@code billB.customerBill(customer)} of the latest Bill B.
 *
 * <pre>{@code
 * Outcome<CreditState> o = Confirmation.confirmPartial(state, channel, reseller, bill, Money.of("CNY", "100.00"));
 * }</pre>
 */
public final class Confirmation {
    private Confirmation() {}

    /**
     * Confirms what is left unconfirmed of {@code bill}: its total less what was confirmed of any revision of it.
     *
     * @param state the reseller's credit, not null
     * @param channel the channel, to tell the bill's partner from its distributor, not null
     * @param actor the partner confirming, not null
     * @param bill the latest revision of the customer bill, not null
     * @return the new state, or the refusal, never null
     * @throws IllegalArgumentException if the bill is not of the state's reseller or not in its currency
     */
    public static Outcome<CreditState> confirmWhole(
            CreditState state, Channel channel, PartnerUin actor, CustomerBill bill) {
        checkBill(state, bill);
        return confirm(state, channel, actor, bill, Optional.empty());
    }

    /**
     * Confirms {@code amount} of {@code bill}'s total.
     *
     * @param state the reseller's credit, not null
     * @param channel the channel, not null
     * @param actor the partner confirming, not null
     * @param bill the latest revision of the customer bill, not null
     * @param amount the amount to confirm, not null
     * @return the new state, or the refusal, never null
     * @throws IllegalArgumentException if the bill is not of the state's reseller or an amount is in another
     *     currency
     */
    public static Outcome<CreditState> confirmPartial(
            CreditState state, Channel channel, PartnerUin actor, CustomerBill bill, Money amount) {
        checkBill(state, bill);
        requireNonNull(amount, "amount");
        checkArgument(
                amount.currency().equals(state.pool().currency()),
                "amount %s is not in the pool's currency %s",
                amount,
                state.pool().currency());
        return confirm(state, channel, actor, bill, Optional.of(amount));
    }

    /**
     * Confirms every bill of {@code bills} as a whole, or none of them.
     *
     * @param state the reseller's credit, not null
     * @param channel the channel, not null
     * @param actor the partner confirming, not null
     * @param bills the latest revisions of the customer bills, not null
     * @return the new state, or the first refusal, never null
     * @throws IllegalArgumentException if a bill is not of the state's reseller, or two bills are of the same
     *     customer-month (the same bill or two revisions of it)
     */
    public static Outcome<CreditState> confirmBatch(
            CreditState state, Channel channel, PartnerUin actor, List<CustomerBill> bills) {
        Set<CustomerMonth> seen = new HashSet<>();
        for (CustomerBill bill : bills) {
            checkArgument(seen.add(bill.customerMonth()), "batch names %s twice: %s", bill.customerMonth(), bills);
        }
        CreditState current = state;
        for (CustomerBill bill : bills) {
            Outcome<CreditState> next = confirmWhole(current, channel, actor, bill);
            if (!next.isAccepted()) {
                return next;
            }
            current = next.state();
        }
        return Outcome.accepted(current);
    }

    private static void checkBill(CreditState state, CustomerBill bill) {
        requireNonNull(state, "state");
        requireNonNull(bill, "bill");
        checkArgument(
                bill.reseller().equals(state.reseller()),
                "bill of %s for %s is billed by %s, not by %s",
                bill.customer(),
                bill.month(),
                bill.reseller(),
                state.reseller());
        checkArgument(
                bill.total().currency().equals(state.pool().currency()),
                "bill of %s is in %s, the pool in %s",
                bill.customer(),
                bill.total().currency(),
                state.pool().currency());
    }

    private static Outcome<CreditState> confirm(
            CreditState state, Channel channel, PartnerUin actor, CustomerBill bill, Optional<Money> partial) {
        requireNonNull(channel, "channel");
        requireNonNull(actor, "actor");
        CustomerMonth customerMonth = bill.customerMonth();
        if (!actor.equals(bill.reseller())) {
            if (channel.isPartner(bill.reseller())
                    && channel.distributorOf(bill.reseller()).equals(Optional.of(actor))) {
                return Outcome.refused(
                        Refusal.Reason.DISTRIBUTOR_CANNOT_CONFIRM_INDIRECT,
                        "distributor %s cannot confirm the bill of %s, an end customer of its reseller %s",
                        actor,
                        bill.customer(),
                        bill.reseller());
            }
            return Outcome.refused(
                    Refusal.Reason.NOT_THE_CUSTOMERS_PARTNER,
                    "%s does not bill customer %s; %s does",
                    actor,
                    bill.customer(),
                    bill.reseller());
        }
        if (!bill.isIssued()) {
            return Outcome.refused(
                    Refusal.Reason.NOT_ISSUED,
                    "%s is %s: only an issued bill can be confirmed",
                    customerMonth,
                    bill.status());
        }
        Money confirmed = state.confirmedOf(customerMonth);
        Money over = state.overConfirmedOf(bill);
        if (over.isPositive()) {
            return Outcome.refused(
                    Refusal.Reason.OVER_CONFIRMED,
                    "%s is over-confirmed by %s: %s was confirmed, its total is now %s; nothing more can be confirmed",
                    customerMonth,
                    over,
                    confirmed,
                    bill.total());
        }
        Money left = state.unconfirmedOf(bill);
        if (left.isZero() && confirmed.isPositive()) {
            return Outcome.refused(
                    Refusal.Reason.ALREADY_CONFIRMED,
                    "%s is confirmed in full: %s of its total %s",
                    customerMonth,
                    confirmed,
                    bill.total());
        }
        if (partial.isEmpty() && left.isZero()) {
            return Outcome.refused(
                    Refusal.Reason.AMOUNT_NOT_POSITIVE,
                    "nothing to confirm: %s has a total of %s",
                    customerMonth,
                    bill.total());
        }
        Money amount = partial.orElse(left);
        if (!amount.isPositive()) {
            return Outcome.refused(
                    Refusal.Reason.AMOUNT_NOT_POSITIVE, "nothing to confirm: %s of %s", amount, customerMonth);
        }
        if (amount.isGreaterThan(left)) {
            return Outcome.refused(
                    Refusal.Reason.EXCEEDS_UNCONFIRMED,
                    "%s exceeds the %s left unconfirmed of %s",
                    amount,
                    left,
                    customerMonth);
        }
        if (amount.isGreaterThan(state.pool())) {
            return Outcome.refused(
                    Refusal.Reason.INSUFFICIENT_CREDIT_POOL,
                    "%s exceeds the credit pool %s of %s",
                    amount,
                    state.pool(),
                    state.reseller());
        }
        Map<OwnerUin, Money> credit = new HashMap<>(state.customerCredit());
        credit.merge(bill.customer(), amount, Money::plus);
        Map<CustomerMonth, Money> confirmedAfter = new HashMap<>(state.confirmed());
        confirmedAfter.merge(customerMonth, amount, Money::plus);
        return Outcome.accepted(new CreditState(state.reseller(), state.pool().minus(amount), credit, confirmedAfter));
    }
}
