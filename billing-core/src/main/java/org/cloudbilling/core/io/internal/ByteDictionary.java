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
    /**
     * The slots, each a key and its value side by side ({@code [2i]} the key, {@code [2i + 1]} its value), so a
     * lookup in a large table (tags) reads the key's reference and the value's from one cache line. No hash is kept:
     * the key's length and bytes tell a slot apart, and a table at most half full probes few slots.
     */
    private Object[] slots = new Object[2 * 64];

    private int size;

    public int size() {
        return size;
    }

    public void clear() {
        slots = new Object[2 * 64];
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
    static int hash(byte[] b, int from, int to) {
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

    public Object get(byte[] b, int from, int to) {
        lookups++;
        Object[] t = slots;
        int mask = (t.length >>> 1) - 1;
        for (int i = hash(b, from, to) & mask; ; i = (i + 1) & mask) {
            byte[] key = (byte[]) t[2 * i];
            if (key == null) {
                misses++;
                if (size >= 8192 && misses * 4 > lookups && !tagsLike) {
                    direct = true;
                    clear();
                }
                return null;
            }
            if (same(key, b, from, to)) {
                return t[2 * i + 1];
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
        if ((size + 1) * 4 > slots.length) {
            grow();
        }
        insert(slots, key, value);
        size++;
    }

    private static void insert(Object[] t, byte[] key, Object value) {
        int mask = (t.length >>> 1) - 1;
        int i = hash(key, 0, key.length) & mask;
        while (t[2 * i] != null) {
            i = (i + 1) & mask;
        }
        t[2 * i] = key;
        t[2 * i + 1] = value;
    }

    private void grow() {
        Object[] old = slots;
        Object[] t = new Object[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != null) {
                insert(t, (byte[]) old[i], old[i + 1]);
            }
        }
        slots = t;
    }
}
