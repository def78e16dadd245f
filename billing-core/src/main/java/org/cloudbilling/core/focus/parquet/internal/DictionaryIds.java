package org.cloudbilling.core.focus.parquet.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cloudbilling.core.focus.parquet.internal.ParquetFile.RawPage;

/**
 * The values of a dictionary-encoded column chunk (a string or an {@code INT64} timestamp), read straight from its
 * pages' bytes one row at a time as the index of the value's dictionary entry: no value is materialised per row, as
 * parquet-java's column reader's per-value calls would. An id past the dictionary, a dictionary claiming a negative
 * count or more entries than its bytes hold (checked before allocating), or levels and ids that run past their page,
 * throw an {@link IllegalStateException}, as parquet-java's reader throws on them.
 *
 * <p>Not thread-safe: one per column chunk read.
 */
final class DictionaryIds {
    private static final java.lang.invoke.VarHandle LITTLE_ENDIAN_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final List<RawPage> pages;
    private final byte[] dictionary;
    private final int size;
    private final int maxDefinition;
    private final int levelWidth;
    private final Hybrid levels = new Hybrid();
    private final Hybrid ids = new Hybrid();
    /** For a BINARY dictionary: where each entry's bytes start (after its length), and their length. */
    private final int[] from;

    private final int[] length;

    private int page = -1;
    private int left;
    /** Whether the current page's id bit width has been read (on its first defined value). */
    private boolean started;

    private DictionaryIds(List<RawPage> pages, byte[] dictionary, int size, int maxDefinition, boolean binary) {
        this.pages = pages;
        this.dictionary = dictionary;
        this.size = size;
        this.maxDefinition = maxDefinition;
        this.levelWidth = 32 - Integer.numberOfLeadingZeros(maxDefinition);
        // checked before anything is allocated: a BINARY entry takes at least its 4-byte length, an INT64 one 8 bytes
        if (size < 0 || (long) size * (binary ? 4 : 8) > dictionary.length) {
            throw new IllegalStateException("the dictionary ends before its " + size + " entries");
        }
        if (binary) {
            from = new int[size];
            length = new int[size];
            int at = 0;
            for (int e = 0; e < size; e++) {
                if (at + 4 > dictionary.length) {
                    throw new IllegalStateException("the dictionary ends before its " + size + " entries");
                }
                int n = (dictionary[at] & 0xFF)
                        | (dictionary[at + 1] & 0xFF) << 8
                        | (dictionary[at + 2] & 0xFF) << 16
                        | (dictionary[at + 3] & 0xFF) << 24;
                at += 4;
                if (n < 0 || n > dictionary.length - at) {
                    throw new IllegalStateException("a dictionary entry of " + n + " bytes runs past the dictionary");
                }
                from[e] = at;
                length[e] = n;
                at += n;
            }
        } else {
            from = null;
            length = null;
        }
    }

    /**
     * The reader of {@code pages}' ids, or null when the chunk is not dictionary-encoded throughout (a page written
     * PLAIN after the dictionary grew too large): parquet-java's column reader reads those.
     *
     * @param binary whether the entries are BINARY (else INT64)
     * @throws IllegalStateException if the dictionary's entries run past its bytes
     */
    static DictionaryIds of(ParquetFile.Pages pages, int maxDefinition, boolean binary) {
        byte[] dictionary = pages.plainDictionary();
        if (dictionary == null || maxDefinition > 8) {
            return null;
        }
        return new DictionaryIds(pages.rawPages(), dictionary, pages.dictionarySize(), maxDefinition, binary);
    }

    /** The number of entries. */
    int size() {
        return size;
    }

    /** Moves to the next row; returns its value's entry, or -1 for a null. */
    int next() {
        while (left == 0) {
            nextPage();
        }
        left--;
        if (maxDefinition > 0 && levels.next() != maxDefinition) {
            return -1;
        }
        if (!started) {
            RawPage p = pages.get(page);
            if (p.valuesFrom >= p.values.length) {
                throw new IllegalStateException("a dictionary-encoded page has no bit width");
            }
            ids.reset(p.values, p.valuesFrom + 1, p.values.length, p.values[p.valuesFrom] & 0xFF);
            started = true;
        }
        int e = ids.next();
        if (e < 0 || e >= size) {
            throw new IllegalStateException("dictionary id " + e + " of a dictionary of " + size + " entries");
        }
        return e;
    }

    /** The text of a BINARY entry (UTF-8). */
    String text(int e) {
        return new String(dictionary, from[e], length[e], StandardCharsets.UTF_8);
    }

    /** The value of an INT64 entry. */
    long longAt(int e) {
        return (long) LITTLE_ENDIAN_LONG.get(dictionary, e * 8);
    }

    private void nextPage() {
        page++;
        if (page >= pages.size()) {
            throw new IllegalStateException("the column chunk has fewer values than rows");
        }
        RawPage p = pages.get(page);
        left = p.count;
        if (maxDefinition > 0) {
            levels.reset(p.levels, p.levelsFrom, p.levelsTo, levelWidth);
        }
        started = false;
    }
}
