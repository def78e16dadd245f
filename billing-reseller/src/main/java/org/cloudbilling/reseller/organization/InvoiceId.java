package org.cloudbilling.reseller.organization;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.cloudbilling.core.id.Identifier;

/** The unique id of an invoice or note, from the host's {@link InvoiceIdGenerator} (ORG-10, FOCUS InvoiceId). */
public final class InvoiceId extends Identifier {
    private InvoiceId(String value) {
        super(value, "invoice id");
    }

    /**
     * Returns the invoice id {@code value}.
     *
     * @param value the identifier, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    @JsonCreator
    public static InvoiceId of(String value) {
        return new InvoiceId(value);
    }
}
