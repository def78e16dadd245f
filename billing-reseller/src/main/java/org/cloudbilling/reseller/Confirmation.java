package org.cloudbilling.reseller;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;

/**
 * Confirmation of customer bills and the credit it moves (RES-6, RES-7), as pure transitions over a
 * {@link CreditState}: each returns the new state or the refusal and leaves its input unchanged.
 *
 * <ul>
 *   <li>A bill is confirmed as a whole or for a partial amount of its total; there is no per-row confirmation.
 *   <li>A batch confirms whole bills only, and all of them or none (documented default).
 *   <li>Confirming an amount returns it to the customer as credit and reduces the reseller's allocatable pool
 *       by the same amount; a pool smaller than the amount refuses (documented default).
 *   <li>Only the partner the customer is bound to in the bill's month may confirm; its distributor cannot
 *       (RES-6).
 * </ul>
 *
 * <pre>{@code
 * Outcome<CreditState> o = Confirmation.confirmPartial(state, channel, reseller, bill, Money.of("CNY", "100.00"));
 * }</pre>
 */
public final class Confirmation {
    private Confirmation() {}

    /**
     * Confirms what is left unconfirmed of {@code bill}.
     *
     * @param state the reseller's credit, not null
     * @param channel the channel, to tell the bill's partner from its distributor, not null
     * @param actor the partner confirming, not null
     * @param bill the customer bill, not null
     * @return the new state, or the refusal, never null
     * @throws IllegalArgumentException if the bill is not of the state's reseller or not in its currency
     */
    public static Outcome<CreditState> confirmWhole(
            CreditState state, Channel channel, PartnerUin actor, CustomerBill bill) {
        checkBill(state, bill);
        return confirm(state, channel, actor, bill, bill.total().minus(state.confirmedOf(bill)));
    }

    /**
     * Confirms {@code amount} of {@code bill}'s total.
     *
     * @param state the reseller's credit, not null
     * @param channel the channel, not null
     * @param actor the partner confirming, not null
     * @param bill the customer bill, not null
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
        return confirm(state, channel, actor, bill, amount);
    }

    /**
     * Confirms every bill of {@code bills} as a whole, or none of them.
     *
     * @param state the reseller's credit, not null
     * @param channel the channel, not null
     * @param actor the partner confirming, not null
     * @param bills the customer bills, not null
     * @return the new state, or the first refusal, never null
     * @throws IllegalArgumentException if a bill is not of the state's reseller or appears twice
     */
    public static Outcome<CreditState> confirmBatch(
            CreditState state, Channel channel, PartnerUin actor, List<CustomerBill> bills) {
        checkArgument(bills.stream().distinct().count() == bills.size(), "batch names a bill twice: %s", bills);
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
            CreditState state, Channel channel, PartnerUin actor, CustomerBill bill, Money amount) {
        requireNonNull(channel, "channel");
        requireNonNull(actor, "actor");
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
        if (!amount.isPositive()) {
            return Outcome.refused(
                    Refusal.Reason.AMOUNT_NOT_POSITIVE,
                    "nothing to confirm: %s of the bill of %s for %s",
                    amount,
                    bill.customer(),
                    bill.month());
        }
        Money left = bill.total().minus(state.confirmedOf(bill));
        if (amount.isGreaterThan(left)) {
            return Outcome.refused(
                    Refusal.Reason.EXCEEDS_UNCONFIRMED,
                    "%s exceeds the %s left unconfirmed of the bill of %s for %s",
                    amount,
                    left,
                    bill.customer(),
                    bill.month());
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
        Map<CustomerBill, Money> confirmed = new HashMap<>(state.confirmed());
        confirmed.merge(bill, amount, Money::plus);
        return Outcome.accepted(new CreditState(state.reseller(), state.pool().minus(amount), credit, confirmed));
    }
}
