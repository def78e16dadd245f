package org.cloudbilling.core.io.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.cloudbilling.core.id.LineItemId;

/**
 * The line item ids of one parser's cells held compactly (not API): an id cell of plain ASCII bytes that ends in a
 * number of 1 to 18 digits without leading zeros, after at most {@link #MAX_PREFIX} bytes that the last such cell
 * began with too (ids such as {@code li-41}, {@code li-42}), becomes {@link LineItemFields#compactId} of the shared
 * prefix and the number, with no text per row. One per parser thread: it keeps the last prefix.
 */
public final class CompactIds {
    /** The longest prefix kept, in bytes. */
    static final int MAX_PREFIX = 32;

    /** The prefix of the last id cell that ends in a number (its bytes, {@link #prefixLength} of them). */
    private final byte[] prefix = new byte[MAX_PREFIX];
    /** The length of {@link #prefix}, -1 before the first. */
    private int prefixLength = -1;
    /** The text of {@link #prefix}, made when a second id with that prefix is read; null before. */
    private String prefixText;

    /**
     * The compact id of the unquoted ASCII bytes {@code b[s, e)}, or null when they are not such an id (then the
     * caller makes the id of their text, {@code LineItemId.of}, which equals the compact one where both exist).
     */
    public LineItemId of(byte[] b, int s, int e) {
        int d = e;
        while (d > s && b[d - 1] >= '0' && b[d - 1] <= '9') {
            d--;
        }
        int digits = e - d;
        int p = d - s;
        if (digits == 0 || digits > 18 || (digits > 1 && b[d] == '0') || p > MAX_PREFIX) {
            return null;
        }
        if (p != prefixLength || !Arrays.equals(prefix, 0, p, b, s, d)) {
            System.arraycopy(b, s, prefix, 0, p); // a new prefix: kept for the next rows, this id with its text
            prefixLength = p;
            prefixText = null;
            return null;
        }
        String text = prefixText;
        if (text == null) {
            text = new String(b, s, p, StandardCharsets.ISO_8859_1);
            prefixText = text;
        }
        long n = 0;
        for (int i = d; i < e; i++) {
            n = n * 10 + (b[i] - '0');
        }
        return LineItemFields.compactId(text, n);
    }
}
