package org.cloudbilling.core.id;

/**
 * The text of a compact identifier (a prefix shared by the ids of a file, then a number written in a count of decimal
 * digits), made without holding it: one mechanism for {@link LineItemId} and {@link ResourceId}.
 */
final class CompactText {
    /** 10 to the power of the index, up to 10^18 (the most digits below 2^63). */
    static final long[] POWERS = powers();

    private CompactText() {}

    private static long[] powers() {
        long[] p = new long[19];
        p[0] = 1;
        for (int i = 1; i < p.length; i++) {
            p[i] = p[i - 1] * 10;
        }
        return p;
    }

    /** Whether {@code s} (not empty) ends in a decimal digit, so it cannot be a compact id's prefix. */
    static boolean endsInDigit(String s) {
        char c = s.charAt(s.length() - 1);
        return c >= '0' && c <= '9';
    }

    /** The count of decimal digits of {@code n} (not negative) written without leading zeros: 1 for 0. */
    static int digitsOf(long n) {
        int d = 1;
        while (d < POWERS.length && n >= POWERS[d]) {
            d++;
        }
        return d;
    }

    /** The text {@code prefix} followed by {@code n} written in exactly {@code digits} digits, leading zeros included. */
    static String text(String prefix, long n, int digits) {
        StringBuilder s = new StringBuilder(prefix.length() + digits).append(prefix);
        for (int i = digits - 1; i >= 0; i--) {
            s.append((char) ('0' + (n / POWERS[i]) % 10));
        }
        return s.toString();
    }

    /**
     * The {@link String#hashCode()} of {@link #text}, without making the text: the digits taken from the last one, each
     * by a division by the constant 10 (a multiplication once compiled), each weighted by its power of 31, and the
     * prefix's hash weighted by 31 to the count of digits, in {@code int} arithmetic as {@code String} does it.
     */
    static int hash(String prefix, long n, int digits) {
        int h = 0;
        int weight = 1;
        long m = n;
        for (int i = 0; i < digits; i++) {
            h += weight * ('0' + (int) (m % 10));
            m /= 10;
            weight *= 31;
        }
        return prefix.hashCode() * weight + h;
    }
}
