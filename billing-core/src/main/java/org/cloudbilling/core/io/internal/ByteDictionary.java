package org.cloudbilling.core.io.internal;

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
    private int size;

    public int size() {
        return size;
    }

    public void clear() {
        keys = new byte[64][];
        values = new Object[64];
        hashes = new int[64];
        size = 0;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        // mixed (murmur3's finalizer): ids such as ins-039550 have near hash codes, which linear probing clusters
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    public Object get(byte[] b, int from, int to) {
        lookups++;
        int h = hash(b, from, to);
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
            if (hashes[i] == h && same(key, b, from, to)) {
                return values[i];
            }
        }
    }

    /** Whether making a value costs far more than a lookup (a tags cell is parsed as JSON): never direct. */
    public boolean tagsLike;

    /** Byte by byte: keys are short, where {@code Arrays.equals} costs more to set up than to compare. */
    private static boolean same(byte[] key, byte[] b, int from, int to) {
        if (key.length != to - from) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    public void put(byte[] key, Object value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(key, value, hash(key, 0, key.length));
        size++;
    }

    private void insert(byte[] key, Object value, int h) {
        int mask = keys.length - 1;
        int i = h & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        hashes[i] = h;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        keys = new byte[oldKeys.length * 2][];
        values = new Object[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i], oldHashes[i]);
            }
        }
    }
}
