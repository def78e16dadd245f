package org.cloudbilling.core.id;

/** One row of a detailed bill; unique within a bill. */
public final class LineItemId extends Identifier {
    /**
     * The text before {@link #number} of a compact id (read from a file, such as {@code li-} of {@code li-42}, one
     * {@code String} shared by the ids of a file), or null for an id that holds its text.
     */
    private final String prefix;

    /** The number that ends a compact id's text, written without leading zeros (0 is written {@code 0}). */
    private final long number;

    /**
     * A compact id's text, made when first asked for and kept: written with an immutable {@code String} only, so a
     * thread that sees null makes the same text again.
     */
    private String text;

    private LineItemId(String value) {
        super(value, "line item id");
        this.prefix = null;
        this.number = 0;
    }

    /** A compact id, of the text {@code prefix} followed by {@code number} in decimal. */
    private LineItemId(String prefix, long number) {
        this.prefix = prefix;
        this.number = number;
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

    /**
     * Not API (reached through {@code io.internal.LineItemFields}): the id whose text is {@code prefix} followed by
     * {@code number} in decimal, without holding that text until it is asked for; equal to, and with the hash of,
     * {@code of(prefix + number)}. The prefix does not end in a digit, so a text has one compact form (the number is
     * all its last digits), and two compact ids are equal exactly when their prefixes and numbers are.
     */
    static LineItemId compact(String prefix, long number) {
        if (prefix == null || number < 0 || (!prefix.isEmpty() && CompactText.endsInDigit(prefix))) {
            throw new IllegalArgumentException("bug: a compact line item id of " + prefix + " and " + number);
        }
        return new LineItemId(prefix, number);
    }

    @Override
    String text() {
        String t = text;
        if (t == null) {
            t = CompactText.text(prefix, number, CompactText.digitsOf(number));
            text = t;
        }
        return t;
    }

    @Override
    boolean sameValue(Identifier other) {
        LineItemId o = (LineItemId) other;
        if (prefix != null && o.prefix != null) {
            return number == o.number && prefix.equals(o.prefix);
        }
        return value().equals(o.value());
    }

    /** The hash of the text, as {@link String#hashCode()} gives it, without making the text of a compact id. */
    @Override
    int valueHash() {
        if (prefix == null) {
            return value().hashCode();
        }
        return CompactText.hash(prefix, number, CompactText.digitsOf(number));
    }
}
