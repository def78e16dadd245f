package org.cloudbilling.core.id;

/** The account that owns a resource and uses it (Tencent OwnerUin; FOCUS SubAccountId). */
public final class OwnerUin extends Identifier {
    private OwnerUin(String value) {
        super(value, "owner UIN");
    }

    /**
     * Returns the owner UIN {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static OwnerUin of(String value) {
        return new OwnerUin(value);
    }
}
