package org.cloudbilling.core.id;

/** A product at level 1, such as {@code p_cvm} (Tencent BusinessCode; FOCUS ServiceName). */
public final class BusinessCode extends Identifier {
    private BusinessCode(String value) {
        super(value, "business code");
    }

    /**
     * Returns the business code {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static BusinessCode of(String value) {
        return new BusinessCode(value);
    }
}
