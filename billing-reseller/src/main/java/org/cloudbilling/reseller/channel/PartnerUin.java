package org.cloudbilling.reseller.channel;

import org.cloudbilling.core.id.Identifier;

/** The account of a channel partner: a distributor or a second-level reseller (RES-1). */
public final class PartnerUin extends Identifier {
    private PartnerUin(String value) {
        super(value, "partner UIN");
    }

    /**
     * Returns the partner UIN {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static PartnerUin of(String value) {
        return new PartnerUin(value);
    }
}
