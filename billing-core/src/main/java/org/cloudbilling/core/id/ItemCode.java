package org.cloudbilling.core.id;

/** A billing component, the lowest product level, such as {@code v_cvm_cpu} (Tencent ItemCode; FOCUS SkuId). */
public final class ItemCode extends Identifier {
    private ItemCode(String value) {
        super(value, "item code");
    }

    /**
     * Returns the item code {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static ItemCode of(String value) {
        return new ItemCode(value);
    }
}
