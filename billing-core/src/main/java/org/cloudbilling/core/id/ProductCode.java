package org.cloudbilling.core.id;

/** A product at level 2, such as {@code sp_cvm_s1} (Tencent ProductCode). */
public final class ProductCode extends Identifier {
    private ProductCode(String value) {
        super(value, "product code");
    }

    /**
     * Returns the product code {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static ProductCode of(String value) {
        return new ProductCode(value);
    }
}
