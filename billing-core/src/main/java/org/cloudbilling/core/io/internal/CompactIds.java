package org.cloudbilling.core.io.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.ResourceId;

/**
 * The line item ids and resource ids of one parser's cells held compactly (not API). A line item id cell of plain
 * ASCII bytes that ends in a number of 1 to 18 digits without leading zeros, after at most {@link #MAX_PREFIX}
 * bytes (ids such as {@code li-41}, {@code li-42}), becomes {@link LineItemFields#compactId} of its prefix and the
 * number: the prefix's text is made once for a run of cells that share it, so no text is made per row. A resource id cell
 * the same way, its number of 1 to {@link #MAX_RESOURCE_DIGITS} digits, leading zeros allowed (ids such as
 * {@code ins-039550}), becomes {@link LineItemFields#compactResourceId}. One per parser thread: it keeps the last
 * prefix of each kind.
 */
public final class CompactIds {
    /** The longest prefix kept, in bytes. */
    static final int MAX_PREFIX = 32;

    /** The most digits of a compact resource id. */
    static final int MAX_RESOURCE_DIGITS = 17;

    private final Prefix ids = new Prefix();
    private final Prefix resources = new Prefix();

    /** The prefix of the last cell of a kind that ends in a number. */
    private static final class Prefix {
        /** Its bytes, {@link #length} of them. */
        private final byte[] bytes = new byte[MAX_PREFIX];
        /** The length of {@link #bytes}, -1 before the first. */
        private int length = -1;
        /** The text of {@link #bytes}. */
        private String text;

        /**
         * The text of the prefix {@code b[s, d)}: the last cell's when it is the same, else made and kept for the next
         * rows. Every such id of a file is held compactly, the first of a prefix too: code that reads ids (a tie-break
         * key of each held item at the period's end) then meets ids of one kind, not a few held as text among
         * millions held compactly.
         */
        String shared(byte[] b, int s, int d) {
            int p = d - s;
            if (p != length || !Arrays.equals(bytes, 0, p, b, s, d)) {
                System.arraycopy(b, s, bytes, 0, p);
                length = p;
                text = new String(b, s, p, StandardCharsets.ISO_8859_1);
            }
            return text;
        }
    }

    /** Where the digits that end {@code b[s, e)} start. */
    private static int digitsStart(byte[] b, int s, int e) {
        int d = e;
        while (d > s && b[d - 1] >= '0' && b[d - 1] <= '9') {
            d--;
        }
        return d;
    }

    private static long number(byte[] b, int d, int e) {
        long n = 0;
        for (int i = d; i < e; i++) {
            n = n * 10 + (b[i] - '0');
        }
        return n;
    }

    /**
     * The compact id of the unquoted ASCII bytes {@code b[s, e)}, or null when they are not such an id (then the
     * caller makes the id of their text, {@code LineItemId.of}, which equals the compact one where both exist).
     */
    public LineItemId of(byte[] b, int s, int e) {
        int d = digitsStart(b, s, e);
        int digits = e - d;
        if (digits == 0 || digits > 18 || (digits > 1 && b[d] == '0') || d - s > MAX_PREFIX) {
            return null;
        }
        return LineItemFields.compactId(ids.shared(b, s, d), number(b, d, e));
    }

    /**
     * The compact resource id of the unquoted ASCII bytes {@code b[s, e)}, or null when they are not such an id
     * (then the caller makes the id of their text, {@code ResourceId.of}, which equals the compact one where both
     * exist).
     */
    public ResourceId resourceId(byte[] b, int s, int e) {
        int d = digitsStart(b, s, e);
        int digits = e - d;
        if (digits == 0 || digits > MAX_RESOURCE_DIGITS || d - s > MAX_PREFIX) {
            return null;
        }
        return LineItemFields.compactResourceId(resources.shared(b, s, d), number(b, d, e), digits);
    }
}
