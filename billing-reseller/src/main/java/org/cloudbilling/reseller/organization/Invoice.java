package org.cloudbilling.reseller.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;

/**
 * An invoice, or a credit or debit note correcting one, for an account's (a member's or an entity's) month
 * (ORG-10). An immutable value; written to and read from JSON with {@code BillingJson.mapper()}, amounts as
 * strings.
 *
 * @param id the document's unique id, not null
 * @param kind invoice, credit note or debit note, not null
 * @param account whose month: the member, or the admin of the entity invoiced, not null
 * @param entity the entity, for an entity's invoice; empty for a member's
 * @param month the month invoiced, not null
 * @param issuedAt when it was issued, not null
 * @param refersTo for a note, the invoice it corrects; empty for an invoice
 * @param settlementPolicy the name of the settlement policy of its total, not null
 * @param lines each covered charge with its exact amount (for a note: the change), in charge order, not null
 * @param total the payable amount: the month's settled total now, minus the totals issued before, not null
 */
public record Invoice(
        InvoiceId id,
        Kind kind,
        OwnerUin account,
        Optional<EntityId> entity,
        BillingMonth month,
        Instant issuedAt,
        Optional<InvoiceId> refersTo,
        String settlementPolicy,
        List<Line> lines,
        Money total) {

    /** The kinds of document. */
    public enum Kind {
        /** The first invoice of an account's month. */
        INVOICE,
        /** A correction lowering what was invoiced. */
        CREDIT_NOTE,
        /** A correction raising what was invoiced, or keeping it with changed lines. */
        DEBIT_NOTE
    }

    /**
     * A charge covered by the document.
     *
     * @param charge the charge's line item id, which carries this document's id as its invoice id, not null
     * @param amount the charge's exact amount, or for a note the change of it, not null
     */
    public record Line(LineItemId charge, Money amount) {
        public Line {
            requireNonNull(charge, "charge");
            requireNonNull(amount, "amount");
        }
    }

    /**
     * @throws IllegalArgumentException if a note refers to no invoice or an invoice refers to one, or there are no lines
     */
    public Invoice {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(account, "account");
        requireNonNull(entity, "entity");
        requireNonNull(month, "month");
        requireNonNull(issuedAt, "issuedAt");
        requireNonNull(refersTo, "refersTo");
        requireNonNull(settlementPolicy, "settlementPolicy");
        requireNonNull(total, "total");
        lines = ImmutableList.copyOf(lines);
        checkArgument(
                refersTo.isPresent() == (kind != Kind.INVOICE),
                "%s %s: an invoice refers to none, a note to the invoice it corrects",
                kind,
                id);
        checkArgument(!lines.isEmpty(), "%s %s of %s for %s has no lines", kind, id, account, month);
    }

    /** Returns the sum of the lines, exact, never null. */
    public Money exactTotal() {
        return Money.total(total.currency(), lines.stream().map(Line::amount).toList());
    }
}
