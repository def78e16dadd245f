package org.cloudbilling.core.id;

/** The account or sub-account that performed the operation (Tencent operateUin). */
public final class OperatorUin extends Identifier {
    private OperatorUin(String value) {
        super(value, "operator UIN");
    }

    /**
     * Returns the operator UIN {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static OperatorUin of(String value) {
        return new OperatorUin(value);
    }
}
