package org.cloudbilling.core.id;

/** One row of a detailed bill; unique within a bill. */
public final class LineItemId extends Identifier {
    private LineItemId(String value) {
        super(value, "line item id");
    }

    /**
     * Returns the line item id {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static LineItemId of(String value) {
        return new LineItemId(value);
    }
}
