package org.cloudbilling.core.id;

/** A provider order, such as a purchase, renewal, change or refund order. */
public final class OrderId extends Identifier {
    private OrderId(String value) {
        super(value, "order id");
    }

    /**
     * Returns the order id {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static OrderId of(String value) {
        return new OrderId(value);
    }
}
