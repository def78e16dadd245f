package org.cloudbilling.reseller.organization;

import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.time.BillingMonth;

/**
 * The host's source of invoice ids (ORG-10): the library asks for one id per document it issues and refuses an id
 * already used. A generator may be stateful (a sequence) or derive the id from its arguments.
 *
 * <pre>{@code
 * InvoiceIdGenerator ids = (account, month, kind) -> InvoiceId.of(kind + "-" + account + "-" + month + "-" + UUID.randomUUID());
 * }</pre>
 */
@FunctionalInterface
public interface InvoiceIdGenerator {
    /**
     * Returns a new id for a document of {@code kind} for {@code account}'s {@code month}.
     *
     * @param account whose invoice, not null
     * @param month the month invoiced, not null
     * @param kind the kind of document, not null
     * @return the id, never null
     */
    InvoiceId next(OwnerUin account, BillingMonth month, Invoice.Kind kind);
}
