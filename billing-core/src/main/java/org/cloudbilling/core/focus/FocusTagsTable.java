package org.cloudbilling.core.focus;

import java.util.Arrays;
import org.cloudbilling.core.io.internal.ByteDictionary;

/**
 * The tags of the tags cells a parser has read, by the cell's bytes ({@link FocusChunkParser}'s items): an
 * open-addressing table whose keys are kept one after the other in large arrays of bytes, not in an array each. A
 * file holds tens of thousands of distinct tags cells, so a lookup misses the CPU caches on every step: here a slot
 * (the key's hash and where its bytes are, one {@code long}), the key's bytes and the value, one step fewer than a
 * table of key arrays; and the collector copies a few large arrays, not an object per key. One per parser, so per
 * thread.
 */
final class FocusTagsTable {
    /** A table of more entries than this is emptied, so memory stays bounded on any file. */
    static final int MAX_ENTRIES = 1 << 18;

    /** A key longer than this is not kept: its value is made every time (the same value). */
    static final int MAX_KEY = 1 << 12;

    /** Chunks of records past which the table is emptied (with {@link #MAX_ENTRIES}, memory stays bounded). */
    static final int MAX_CHUNKS = 128;

    /**
     * Per slot, 0 when empty, else the key's hash (high 32 bits) and where its record is (low 32 bits): the chunk of
     * {@link #chunks} (above {@link #CHUNK_BITS}) and the place in it.
     */
    private long[] slots = new long[64];

    private Object[] values = new Object[64];

    /** The bits of a place in a chunk: a chunk holds {@code 1 << CHUNK_BITS} bytes. */
    private static final int CHUNK_BITS = 18;

    /**
     * The keys' records, one after the other in chunks that are never copied (a record does not cross chunks): the
     * key's length (2 bytes, low byte first), then its bytes.
     */
    private byte[][] chunks = new byte[8][];

    /** The chunk records go to, and where the next goes in it; records start at 1, so no slot holds 0. */
    private int chunk = -1;

    private int end = 1 << CHUNK_BITS;

    private int size;

    int size() {
        return size;
    }

    /** The value of the key {@code b[from, to)}, or null when the table does not hold it. */
    Object get(byte[] b, int from, int to) {
        int len = to - from;
        if (len > MAX_KEY) {
            return null;
        }
        int h = ByteDictionary.hash(b, from, to);
        long[] s = slots;
        int mask = s.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long slot = s[i];
            if (slot == 0) {
                return null;
            }
            if ((int) (slot >>> 32) == h && same((int) slot, b, from, len)) {
                return values[i];
            }
        }
    }

    /** Whether the record {@code at} holds the {@code len} bytes at {@code from} of {@code b}. */
    private boolean same(int at, byte[] b, int from, int len) {
        byte[] k = chunks[at >>> CHUNK_BITS];
        int p = at & ((1 << CHUNK_BITS) - 1);
        if ((k[p] & 0xFF | (k[p + 1] & 0xFF) << 8) != len) {
            return false;
        }
        return Arrays.equals(k, p + 2, p + 2 + len, b, from, from + len);
    }

    /**
     * Keeps {@code value} for the key {@code b[from, to)}, which the table does not hold ({@link #get} just said so);
     * a key longer than {@link #MAX_KEY} is not kept. Empties the table first when it is full ({@link #MAX_ENTRIES},
     * {@link #MAX_CHUNKS}).
     */
    void put(byte[] b, int from, int to, Object value) {
        int len = to - from;
        if (len > MAX_KEY) {
            return;
        }
        if (end + 2 + len > 1 << CHUNK_BITS) {
            if (chunk + 1 == MAX_CHUNKS) {
                clear();
            }
            chunk++;
            if (chunk == chunks.length) {
                chunks = Arrays.copyOf(chunks, 2 * chunks.length);
            }
            chunks[chunk] = new byte[1 << CHUNK_BITS];
            end = chunk == 0 ? 1 : 0;
        }
        if (size >= MAX_ENTRIES) {
            clear();
            put(b, from, to, value);
            return;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        byte[] k = chunks[chunk];
        int p = end;
        k[p] = (byte) len;
        k[p + 1] = (byte) (len >>> 8);
        System.arraycopy(b, from, k, p + 2, len);
        end = p + 2 + len;
        int at = chunk << CHUNK_BITS | p;
        insert(((long) ByteDictionary.hash(b, from, to) << 32) | at, value);
        size++;
    }

    private void insert(long slot, Object value) {
        int mask = slots.length - 1;
        int i = (int) (slot >>> 32) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = slot;
        values[i] = value;
    }

    private void grow() {
        long[] oldSlots = slots;
        Object[] oldValues = values;
        slots = new long[oldSlots.length * 2];
        values = new Object[oldSlots.length * 2];
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                insert(oldSlots[i], oldValues[i]);
            }
        }
    }

    /** Forgets every key. */
    void clear() {
        slots = new long[64];
        values = new Object[64];
        chunks = new byte[8][];
        chunk = -1;
        end = 1 << CHUNK_BITS;
        size = 0;
    }
}
