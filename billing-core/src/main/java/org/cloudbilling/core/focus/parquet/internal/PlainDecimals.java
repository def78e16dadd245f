package org.cloudbilling.core.focus.parquet.internal;

import java.util.List;
import org.apache.parquet.column.Encoding;
import org.cloudbilling.core.focus.parquet.internal.ParquetFile.RawPage;

/**
 * The values of a PLAIN-encoded {@code FIXED_LEN_BYTE_ARRAY} or {@code BINARY} column chunk (a binary DECIMAL), read
 * straight from its pages' bytes, one row at a time: no {@code Binary} and no buffer per value, as parquet-java's
 * column reader makes. Each row's value is left in place: {@link #bytes} from {@link #at}, {@link #length} bytes.
 * A page whose levels or values run past its bytes throws an {@link IndexOutOfBoundsException} (or an
 * {@link IllegalStateException}), as parquet-java's reader throws on such a page.
 *
 * <p>Not thread-safe: one per column chunk read.
 */
final class PlainDecimals {
    private final List<RawPage> pages;
    private final int maxDefinition;
    private final int bitWidth;
    /** The value's width for FIXED_LEN_BYTE_ARRAY, or -1 for BINARY (each value after its 4-byte length). */
    private final int width;

    private int page = -1;
    private int left;

    /** The current page's definition levels. */
    private final Hybrid levels = new Hybrid();

    /** The current value, when defined: {@link #length} bytes of {@link #bytes} from {@link #at}. */
    byte[] bytes;

    int at;
    int length;
    private int next;

    private PlainDecimals(List<RawPage> pages, int maxDefinition, int width) {
        this.pages = pages;
        this.maxDefinition = maxDefinition;
        this.bitWidth = 32 - Integer.numberOfLeadingZeros(maxDefinition);
        this.width = width;
    }

    /**
     * The reader of {@code pages}' values, or null when a page is not PLAIN-encoded (a dictionary, a delta encoding)
     * or its levels are not RLE: parquet-java's column reader reads those.
     *
     * @param width the value's width for FIXED_LEN_BYTE_ARRAY, or -1 for BINARY
     */
    static PlainDecimals of(ParquetFile.Pages pages, int maxDefinition, int width) {
        List<RawPage> raw = pages.raw(Encoding.PLAIN);
        return raw == null || maxDefinition > 8 ? null : new PlainDecimals(raw, maxDefinition, width);
    }

    /** Moves to the next row's value; returns whether it is defined (else null). */
    boolean next() {
        while (left == 0) {
            nextPage();
        }
        left--;
        if (maxDefinition > 0 && levels.next() != maxDefinition) {
            return false;
        }
        byte[] b = bytes;
        int n = width;
        int from = next;
        if (n < 0) {
            if (from > b.length - 4) {
                throw new IllegalStateException("a value's length runs past its page");
            }
            n = (b[from] & 0xFF) | (b[from + 1] & 0xFF) << 8 | (b[from + 2] & 0xFF) << 16 | (b[from + 3] & 0xFF) << 24;
            from += 4;
            if (n < 0 || n > b.length - from) {
                throw new IllegalStateException("a value of " + n + " bytes runs past its page");
            }
        } else if (n > b.length - from) {
            throw new IllegalStateException("a value of " + n + " bytes runs past its page");
        }
        at = from;
        length = n;
        next = from + n;
        return true;
    }

    private void nextPage() {
        page++;
        if (page >= pages.size()) {
            throw new IllegalStateException("the column chunk has fewer values than rows");
        }
        RawPage p = pages.get(page);
        left = p.count;
        if (maxDefinition > 0) {
            levels.reset(p.levels, p.levelsFrom, p.levelsTo, bitWidth);
        }
        bytes = p.values;
        next = p.valuesFrom;
    }
}
