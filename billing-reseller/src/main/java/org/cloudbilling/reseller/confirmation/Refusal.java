package org.cloudbilling.reseller.confirmation;

import static java.util.Objects.requireNonNull;

/**
 * Why an operation was refused: a reason to act on and a message naming the values.
 *
 * @param reason the reason, not null
 * @param message what was refused and why, not null
 */
public record Refusal(Reason reason, String message) {

    /** The reasons an operation on bills, credit, funds or memberships is refused. */
    public enum Reason {
        /** A distributor tried to confirm a bill of its second-level reseller's customer (RES-6). */
        DISTRIBUTOR_CANNOT_CONFIRM_INDIRECT,
        /** The actor is not the partner that bills the customer. */
        NOT_THE_CUSTOMERS_PARTNER,
        /** An amount is zero or negative where a positive amount is needed. */
        AMOUNT_NOT_POSITIVE,
        /** The amount exceeds what is left unconfirmed of the bill (RES-7). */
        EXCEEDS_UNCONFIRMED,
        /** The bill is confirmed in full already, over all its revisions (RES-7, RES-12). */
        ALREADY_CONFIRMED,
        /**
         * A revision lowered the bill's total below what was already confirmed of it: nothing more can be confirmed,
         * and the message names the over-confirmed amount (RES-12).
         */
        OVER_CONFIRMED,
        /** The bill is provisional: only an issued bill can be confirmed (RES-9, RES-12). */
        NOT_ISSUED,
        /** The reseller's allocatable credit pool is smaller than the amount (RES-7). */
        INSUFFICIENT_CREDIT_POOL,
        /** The actor lacks the permission the operation needs (ORG-4). */
        PERMISSION_MISSING,
        /** The account to take funds from holds less than the amount (ORG-3). */
        INSUFFICIENT_FUNDS,
        /** The account is not the admin the operation needs (ORG-3). */
        NOT_AN_ADMIN,
        /** The joining account's verified entity is not the admin's (ORG-5). */
        DIFFERENT_VERIFIED_ENTITY,
        /** The joining account's balance is below zero (ORG-5). */
        NEGATIVE_BALANCE,
        /** The joining account has pending orders (ORG-5). */
        PENDING_ORDERS,
        /** The joining account is a reseller or a reseller's customer (ORG-5). */
        RESELLER_ACCOUNT,
        /** The account is already a member at that time. */
        ALREADY_MEMBER,
        /** The amount is in another currency than the ledger, bill or invoice (ORG-9, ORG-10). */
        CURRENCY_MISMATCH,
        /** A movement or invoice id was used before for different content (ORG-9, ORG-10). */
        ID_REUSED,
        /** The account is not a member of the entity the operation needs, at that time (ORG-9, ORG-11). */
        NOT_A_MEMBER,
        /** The entity does not pay on behalf of its members at that time (ORG-8, ORG-9). */
        SELF_PAYING_ENTITY,
        /** The month's bill is not issued yet, so it cannot be invoiced (ORG-10). */
        MONTH_NOT_ISSUED,
        /** The account has no charge in the month to invoice (ORG-10). */
        NOTHING_TO_INVOICE,
        /** A charge is on another account's or entity's invoice already: a charge is invoiced once (ORG-10). */
        ALREADY_INVOICED
    }

    public Refusal {
        requireNonNull(reason, "reason");
        requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
