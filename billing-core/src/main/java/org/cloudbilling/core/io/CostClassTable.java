package org.cloudbilling.core.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.io.internal.CellTally;

/**
 * The classes of a {@link CostClassCollector} found so far on one thread, keyed by the bytes of the class cells of a
 * canonical row as the file holds them (each with its length before it, so a tuple of cells is one key): equal
 * bytes are equal values, so a key's class is the class of any item of it. Open addressing over flat arrays; a hit
 * allocates nothing. Holds at most {@link #MAX_ENTRIES} keys and starts again empty beyond that. The threads of one
 * read share what they found ({@link #findShared}), so a key is classed about once per read, not once per thread.
 */
final class CostClassTable {
    static final int MAX_ENTRIES = 1 << 18;
    /** What {@link #find} returns for a key not in the table: no class is this small. */
    static final int NOT_FOUND = Integer.MIN_VALUE;

    final CostClassCollector<?, ?> collector;
    /** The canonical columns of the class fields. */
    final int[] columns;
    /**
     * The columns an item told to {@link CostClassCollector#classOf} is made of (bit k for column k): the class
     * columns and those every item must have.
     */
    final long itemColumns;

    /**
     * The keys of the slots, one after another in one array (no object a key, no reference stored in the large
     * slot arrays: the collector neither traces nor copies them one by one, and no card is dirtied per key).
     */
    private byte[] arena;

    private int arenaUsed;
    /**
     * The slots, four {@code int}s each, side by side so that a probe reads one place of memory: the key's hash (0
     * for an empty slot), where its key starts in {@link #arena}, the key's length, and its class.
     */
    private int[] slots;

    private int mask;
    private int size;

    /** The most bytes {@link #arena} holds before the table starts again empty. */
    private static final int MAX_ARENA = 1 << 28;

    /**
     * The classes every thread of the read found, by key: a key new to this thread but found by another is looked
     * up here rather than made an item and classed again. Bounded as the tables are.
     */
    private final ConcurrentHashMap<Key, Integer> shared;

    private CostClassTable(CostClassCollector<?, ?> collector, int[] columns, ConcurrentHashMap<Key, Integer> shared) {
        this.collector = collector;
        this.columns = columns;
        long mask = CanonicalChunkParser.REQUIRED;
        for (int k : columns) {
            mask |= 1L << k;
        }
        this.itemColumns = mask;
        this.shared = shared;
        reset();
    }

    /**
     * A key of {@link #shared}: the bytes of a row's class cells, each after its length, and their {@link #hash}
     * (taken once from the row's cells: equal bytes have equal hashes, so the map does not hash them again).
     */
    record Key(byte[] bytes, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "Key" + Arrays.toString(bytes);
        }
    }

    /** A table for another thread of the same read: its own slots, the shared classes in common. */
    CostClassTable another() {
        return new CostClassTable(collector, columns, shared);
    }

    /** A table for {@code collector}, or null when one of its class fields is not a canonical column. */
    static CostClassTable of(CostClassCollector<?, ?> collector) {
        Set<LineItemField> fields = collector.classFields();
        int[] columns = new int[fields.size()];
        int i = 0;
        for (LineItemField f : fields) {
            if (f.canonicalColumn().isEmpty()) {
                return null;
            }
            CanonicalColumn column = null;
            for (CanonicalColumn c : CanonicalColumn.values()) {
                if (c.header.equals(f.canonicalColumn().get())) {
                    column = c;
                }
            }
            if (column == null) {
                return null;
            }
            columns[i++] = column.ordinal();
        }
        Arrays.sort(columns);
        return new CostClassTable(collector, columns, new ConcurrentHashMap<>());
    }

    private void reset() {
        arena = new byte[1 << 16];
        arenaUsed = 0;
        allocate(1 << 10);
    }

    private void allocate(int capacity) {
        slots = new int[capacity * 4];
        mask = capacity - 1;
        size = 0;
    }

    /** The bytes of an array as little-endian {@code long}s at any offset. */
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long K = 0x9E3779B97F4A7C15L;

    /**
     * The hash of the row's class cells, never 0 (0 marks an empty slot): each cell's length, then its bytes eight
     * at a time (a tags cell is a hundred bytes or more, and every row is hashed), the last fewer than eight as one
     * word; equal cells hash equal.
     */
    int hash(byte[] buf, int[] starts, int[] ends) {
        long h = 1;
        for (int k : columns) {
            int i = starts[k];
            int to = ends[k];
            h = (h + (to - i)) * K;
            for (; i + 8 <= to; i += 8) {
                h = (h ^ (long) LONG.get(buf, i)) * K;
            }
            long tail = 0;
            for (; i < to; i++) {
                tail = (tail << 8) | (buf[i] & 0xFF);
            }
            h = (h ^ tail) * K;
        }
        int x = CellTally.mix((int) (h ^ (h >>> 32)));
        return x == 0 ? 1 : x;
    }

    /** The class stored for the row's class cells (hashed to {@code h}), or {@link #NOT_FOUND}. */
    int find(int h, byte[] buf, int[] starts, int[] ends) {
        int[] s = slots;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int at = slot * 4;
            int stored = s[at];
            if (stored == 0) {
                return NOT_FOUND;
            }
            if (stored == h && sameKey(s[at + 1], s[at + 2], buf, starts, ends)) {
                return s[at + 3];
            }
        }
    }

    /** Whether the key at {@code [at, at + length)} of {@link #arena} is the row's class cells. */
    private boolean sameKey(int at, int length, byte[] buf, int[] starts, int[] ends) {
        byte[] key = arena;
        int p = at;
        int end = at + length;
        for (int k : columns) {
            int from = starts[k];
            int len = ends[k] - from;
            if (p + 4 + len > end || intAt(key, p) != len) {
                return false;
            }
            if (!Arrays.equals(key, p + 4, p + 4 + len, buf, from, from + len)) {
                return false;
            }
            p += 4 + len;
        }
        return p == end;
    }

    /**
     * Returns the class of the row's class cells (hashed to {@code h}, not in this thread's table) that another
     * thread found, and keeps it in this table; or {@link #NOT_FOUND}, and then {@link #put} keeps the class found.
     */
    int findShared(int h, byte[] buf, int[] starts, int[] ends) {
        pending = key(buf, starts, ends);
        Integer found = shared.get(new Key(pending, h));
        if (found == null) {
            return NOT_FOUND;
        }
        keep(h, pending, found);
        pending = null;
        return found;
    }

    /** The key {@link #findShared} did not find, for {@link #put}. */
    private byte[] pending;

    /** Stores the class of the row's class cells (hashed to {@code h}), after {@link #findShared} found none. */
    void put(int h, byte[] buf, int[] starts, int[] ends, int costClass) {
        byte[] key = pending != null ? pending : key(buf, starts, ends);
        pending = null;
        keep(h, key, costClass);
        if (shared.size() < MAX_ENTRIES) {
            shared.putIfAbsent(new Key(key, h), costClass);
        }
    }

    private void keep(int h, byte[] key, int costClass) {
        if (key.length > MAX_ARENA / 2) {
            return; // a key this long is not kept: its rows ask the shared classes
        }
        if (size >= MAX_ENTRIES || key.length > MAX_ARENA - arenaUsed) {
            reset();
        } else if ((size + 1) * 2 > mask + 1) {
            grow();
        }
        if (key.length > arena.length - arenaUsed) {
            arena = Arrays.copyOf(
                    arena, (int) Math.min(MAX_ARENA, Math.max(2L * arena.length, arenaUsed + key.length)));
        }
        System.arraycopy(key, 0, arena, arenaUsed, key.length);
        insert(h, arenaUsed, key.length, costClass);
        arenaUsed += key.length;
    }

    private byte[] key(byte[] buf, int[] starts, int[] ends) {
        int len = 0;
        for (int k : columns) {
            len += 4 + ends[k] - starts[k];
        }
        byte[] key = new byte[len];
        int p = 0;
        for (int k : columns) {
            int cell = ends[k] - starts[k];
            putInt(key, p, cell);
            System.arraycopy(buf, starts[k], key, p + 4, cell);
            p += 4 + cell;
        }
        return key;
    }

    private void insert(int h, int at, int length, int costClass) {
        int[] s = slots;
        int slot = h & mask;
        while (s[slot * 4] != 0) {
            slot = (slot + 1) & mask;
        }
        int i = slot * 4;
        s[i] = h;
        s[i + 1] = at;
        s[i + 2] = length;
        s[i + 3] = costClass;
        size++;
    }

    private void grow() {
        int[] old = slots;
        allocate((mask + 1) * 2);
        for (int i = 0; i < old.length; i += 4) {
            if (old[i] != 0) {
                insert(old[i], old[i + 1], old[i + 2], old[i + 3]);
            }
        }
    }

    private static int intAt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
