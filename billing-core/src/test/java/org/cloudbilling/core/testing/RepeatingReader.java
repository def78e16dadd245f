package org.cloudbilling.core.testing;

import static java.util.Objects.requireNonNull;

import java.io.Reader;

/**
 * A header followed by {@code count} copies of a row, generated as they are read, so a test can feed a reader
 * millions of rows without holding them; {@link #consumed()} tells how much the reader under test has taken.
 */
public final class RepeatingReader extends Reader {
    private final String header;
    private final String row;
    private final long total;
    private long consumed;

    /**
     * Creates the reader.
     *
     * @param header the first line with its line break, not null
     * @param row the repeated line with its line break, not null nor empty
     * @param count how many times the row comes, at least 0
     */
    public RepeatingReader(String header, String row, long count) {
        this.header = requireNonNull(header, "header");
        this.row = requireNonNull(row, "row");
        this.total = header.length() + count * row.length();
    }

    /** Returns the number of characters handed out so far. */
    public long consumed() {
        return consumed;
    }

    @Override
    public int read(char[] buf, int off, int len) {
        if (consumed >= total) {
            return -1;
        }
        int n = 0;
        while (n < len && consumed < total) {
            long p = consumed;
            buf[off + n++] = p < header.length()
                    ? header.charAt((int) p)
                    : row.charAt((int) ((p - header.length()) % row.length()));
            consumed++;
        }
        return n;
    }

    @Override
    public void close() {}
}
