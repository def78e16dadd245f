package org.cloudbilling.core.id;

/** A cloud resource, such as an instance id or an ARN. */
public final class ResourceId extends Identifier {
    /** The most digits of a compact id's number: with the count above {@link #DIGITS_SHIFT}, it fits a long. */
    static final int MAX_DIGITS = 17;

    /** Where a compact id's digit count is kept in {@link #digitsAndNumber}: 10^17 is below 2^59. */
    private static final int DIGITS_SHIFT = 59;

    /**
     * The text before the digits of a compact id (read from a file, such as {@code ins-} of {@code ins-039550}, one
     * {@code String} shared by the ids of a file), or null for an id that holds its text.
     */
    private final String prefix;

    /**
     * A compact id's number (the bits below {@link #DIGITS_SHIFT}) and the count of digits it is written with,
     * leading zeros included (the bits above): one field, so a compact id is no larger than an id with a text.
     */
    private final long digitsAndNumber;

    /**
     * A compact id's text, made when first asked for and kept: written with an immutable {@code String} only, so a
     * thread that sees null makes the same text again.
     */
    private String text;

    private ResourceId(String value) {
        super(value, "resource id");
        this.prefix = null;
        this.digitsAndNumber = 0;
    }

    /** A compact id, of the text {@code prefix} followed by its number in {@code digits} decimal digits. */
    private ResourceId(String prefix, long digitsAndNumber) {
        this.prefix = prefix;
        this.digitsAndNumber = digitsAndNumber;
    }

    /**
     * Returns the resource id {@code value}.
     *
     * @param value the identifier as the provider writes it, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static ResourceId of(String value) {
        return new ResourceId(value);
    }

    /**
     * Not API (reached through {@code io.internal.LineItemFields}): the id whose text is {@code prefix} followed by
     * {@code number} written in exactly {@code digits} decimal digits (leading zeros included, as in
     * {@code ins-039550}), without holding that text until it is asked for; equal to, and with the hash of,
     * {@code of(} that text {@code )}. The prefix does not end in a digit, so a text has one compact form (the
     * digits are all its last digits), and two compact ids are equal exactly when their prefixes, numbers and digit
     * counts are.
     */
    static ResourceId compact(String prefix, long number, int digits) {
        if (prefix == null
                || digits < 1
                || digits > MAX_DIGITS
                || number < 0
                || number >= CompactText.POWERS[digits]
                || (!prefix.isEmpty() && CompactText.endsInDigit(prefix))) {
            throw new IllegalArgumentException(
                    "bug: a compact resource id of " + prefix + ", " + number + " and " + digits + " digits");
        }
        return new ResourceId(prefix, number | ((long) digits << DIGITS_SHIFT));
    }

    /** A compact id's count of digits. */
    private int digits() {
        return (int) (digitsAndNumber >>> DIGITS_SHIFT);
    }

    /** A compact id's number. */
    private long number() {
        return digitsAndNumber & ((1L << DIGITS_SHIFT) - 1);
    }

    @Override
    String text() {
        String t = text;
        if (t == null) {
            t = CompactText.text(prefix, number(), digits());
            text = t;
        }
        return t;
    }

    @Override
    boolean sameValue(Identifier other) {
        ResourceId o = (ResourceId) other;
        if (prefix != null && o.prefix != null) {
            return digitsAndNumber == o.digitsAndNumber && prefix.equals(o.prefix);
        }
        return value().equals(o.value());
    }

    /** The hash of the text, as {@link String#hashCode()} gives it, without making the text of a compact id. */
    @Override
    int valueHash() {
        if (prefix == null) {
            return value().hashCode();
        }
        return CompactText.hash(prefix, number(), digits());
    }
}
