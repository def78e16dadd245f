package org.cloudbilling.core.io.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Not API: an open-addressing map from byte strings to values, for the byte fast paths of the CSV readers; one per
 * parser, so per thread.
 */
public final class ByteDictionary {
    /**
     * Whether the column's values are too often new to be worth a dictionary (such as resource ids, a few
     * rows each): a lookup in a large table misses the CPU caches, and costs more than making the value anew.
     */
    public boolean direct;

    private long lookups;
    private long misses;
    private byte[][] keys = new byte[64][];
    private Object[] values = new Object[64];
    private int[] hashes = new int[64];
    /**
     * Per slot, a key of at most 7 bytes as one word ({@link #word}): compared without reading the key's array, which
     * a table of many keys would fetch from far in memory; {@link #LONG_KEY} for a longer key.
     */
    private long[] words = new long[64];

    private int size;

    public int size() {
        return size;
    }

    public void clear() {
        keys = new byte[64][];
        values = new Object[64];
        hashes = new int[64];
        words = new long[64];
        size = 0;
    }

    /** Keys read 8 bytes at a time, the first byte in the lowest bits. */
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    /**
     * The hash of the bytes {@code [from, to)}: 8 bytes at a time (a tags cell is tens of bytes), the last 8 read
     * again when the length is not a multiple of 8, so every byte counts; mixed at the end (murmur3's finalizer),
     * since ids such as ins-039550 differ in their last bytes, which linear probing would cluster.
     */
    public static int hash(byte[] b, int from, int to) {
        int len = to - from;
        long h = len;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONG.get(b, i)) * MULTIPLIER;
            h ^= h >>> 29;
        }
        if (i < to) {
            long tail;
            if (len >= 8) {
                tail = (long) LONG.get(b, to - 8); // overlaps bytes already counted: the same for equal keys
            } else {
                tail = 0;
                for (int shift = 0; i < to; i++, shift += 8) {
                    tail |= (b[i] & 0xFFL) << shift;
                }
            }
            h = (h ^ tail) * MULTIPLIER;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return (int) (h ^ (h >>> 33));
    }

    /** What {@link #words} holds for a key of more than 7 bytes: no short key's word (whose top byte is 0 to 7). */
    private static final long LONG_KEY = -1L;

    /**
     * The bytes {@code [from, to)} as one word when they are at most 7: the first in the lowest bits, the length in
     * the top byte (so keys of different lengths differ); {@link #LONG_KEY} for more.
     */
    static long word(byte[] b, int from, int to) {
        int len = to - from;
        if (len > 7) {
            return LONG_KEY;
        }
        long w = 0;
        for (int i = to - 1; i >= from; i--) {
            w = w << 8 | (b[i] & 0xFFL);
        }
        return w | (long) len << 56;
    }

    public Object get(byte[] b, int from, int to) {
        lookups++;
        int h = hash(b, from, to);
        long w = word(b, from, to);
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            byte[] key = keys[i];
            if (key == null) {
                misses++;
                if (size >= 8192 && misses * 4 > lookups && !tagsLike) {
                    direct = true;
                    clear();
                }
                return null;
            }
            if (hashes[i] == h && (w != LONG_KEY ? words[i] == w : same(key, b, from, to))) {
                return values[i];
            }
        }
    }

    /** Whether making a value costs far more than a lookup (a tags cell is parsed as JSON): never direct. */
    public boolean tagsLike;

    /**
     * Whether {@code key} holds the bytes {@code [from, to)}: 8 bytes at a time, the last 8 read again when the
     * length is not a multiple of 8; a key shorter than 8 byte by byte.
     */
    static boolean same(byte[] key, byte[] b, int from, int to) {
        int len = key.length;
        if (len != to - from) {
            return false;
        }
        if (len < 8) {
            for (int i = 0; i < len; i++) {
                if (key[i] != b[from + i]) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i + 8 <= len; i += 8) {
            if ((long) LONG.get(key, i) != (long) LONG.get(b, from + i)) {
                return false;
            }
        }
        return (long) LONG.get(key, len - 8) == (long) LONG.get(b, to - 8);
    }

    public void put(byte[] key, Object value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(key, value, hash(key, 0, key.length), word(key, 0, key.length));
        size++;
    }

    private void insert(byte[] key, Object value, int h, long w) {
        int mask = keys.length - 1;
        int i = h & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        hashes[i] = h;
        words[i] = w;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        long[] oldWords = words;
        keys = new byte[oldKeys.length * 2][];
        values = new Object[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        words = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i], oldHashes[i], oldWords[i]);
            }
        }
    }
}
