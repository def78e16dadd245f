package org.cloudbilling.core.id;

/** The account that pays for a charge (Tencent PayerUin; FOCUS BillingAccountId). */
public final class PayerUin extends Identifier {
    private PayerUin(String value) {
        super(value, "payer UIN");
    }

    /**
     * Returns the payer UIN {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static PayerUin of(String value) {
        return new PayerUin(value);
    }
}
