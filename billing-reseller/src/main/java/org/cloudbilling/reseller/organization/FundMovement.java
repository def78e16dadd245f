package org.cloudbilling.reseller.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;

/**
 * One movement of an organization's funds, with the host's id and the instant it happened (ORG-9).
 *
 * <ul>
 *   <li>{@link Kind#TOP_UP}: money from outside credited to {@code to}; {@code from} is who paid it in, the
 *       account itself or, in unified payment, a member of the entity {@code to} administers.
 *   <li>{@link Kind#ALLOCATION}: the group admin {@code from} gives funds to the entity admin {@code to}.
 *   <li>{@link Kind#CONSUMPTION}: consumption deducted from the paying account {@code from}.
 *   <li>{@link Kind#REFUND}: a refund of consumption credited back to the paying account {@code to}.
 * </ul>
 *
 * <pre>{@code
 * FundMovement m = FundMovement.topUp(MovementId.of("t-1"), at, M1, HQ_ADMIN, Money.of("CNY", "100.00"));
 * }</pre>
 *
 * @param id the host's id of the movement, not null
 * @param at when it happened, not null
 * @param kind what it is, not null
 * @param from the account debited (for a top-up: who paid it in); empty for a refund
 * @param to the account credited; empty for a consumption
 * @param amount the amount, not null (a non-positive amount is refused when applied)
 */
public record FundMovement(
        MovementId id, Instant at, Kind kind, Optional<OwnerUin> from, Optional<OwnerUin> to, Money amount) {

    /** The kinds of movement. */
    public enum Kind {
        /** Money from outside credited to an account. */
        TOP_UP,
        /** Funds moved from the group admin to an entity admin. */
        ALLOCATION,
        /** Consumption deducted from the paying account. */
        CONSUMPTION,
        /** A refund of consumption credited to the paying account. */
        REFUND
    }

    /**
     * @throws IllegalArgumentException if {@code from} and {@code to} do not fit the kind
     */
    public FundMovement {
        requireNonNull(id, "id");
        requireNonNull(at, "at");
        requireNonNull(kind, "kind");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(amount, "amount");
        checkArgument(
                from.isPresent() == (kind != Kind.REFUND),
                "movement %s: a %s %s a source account",
                id,
                kind,
                from.isPresent() ? "has no" : "needs");
        checkArgument(
                to.isPresent() == (kind != Kind.CONSUMPTION),
                "movement %s: a %s %s a target account",
                id,
                kind,
                to.isPresent() ? "has no" : "needs");
    }

    /** Returns a top-up of {@code account} paid in by {@code by} (the account itself or a member). */
    public static FundMovement topUp(MovementId id, Instant at, OwnerUin by, OwnerUin account, Money amount) {
        return new FundMovement(id, at, Kind.TOP_UP, Optional.of(by), Optional.of(account), amount);
    }

    /** Returns an allocation from the group admin {@code from} to the entity admin {@code to}. */
    public static FundMovement allocation(MovementId id, Instant at, OwnerUin from, OwnerUin to, Money amount) {
        return new FundMovement(id, at, Kind.ALLOCATION, Optional.of(from), Optional.of(to), amount);
    }

    /** Returns consumption deducted from {@code payer}. */
    public static FundMovement consumption(MovementId id, Instant at, OwnerUin payer, Money amount) {
        return new FundMovement(id, at, Kind.CONSUMPTION, Optional.of(payer), Optional.empty(), amount);
    }

    /** Returns a refund of consumption credited to {@code payer}. */
    public static FundMovement refund(MovementId id, Instant at, OwnerUin payer, Money amount) {
        return new FundMovement(id, at, Kind.REFUND, Optional.empty(), Optional.of(payer), amount);
    }

    /** Returns how this movement changes {@code account}'s balance, never null. */
    Money effectOn(OwnerUin account) {
        Money effect = Money.zero(amount.currency());
        if (kind != Kind.TOP_UP && from.filter(account::equals).isPresent()) {
            effect = effect.minus(amount);
        }
        if (to.filter(account::equals).isPresent()) {
            effect = effect.plus(amount);
        }
        return effect;
    }
}
