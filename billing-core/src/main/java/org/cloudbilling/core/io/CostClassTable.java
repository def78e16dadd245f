package org.cloudbilling.core.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.locks.StampedLock;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.io.internal.CellTally;

/**
 * The classes of a {@link CostClassCollector} found so far by the threads of one read, keyed by the bytes of the
 * class cells of a canonical row as the file holds them (each with its length before it, so a tuple of cells is one
 * key): equal bytes are equal values, so a key's class is the class of any item of it. One table for all the
 * threads, so a key is kept once and classed about once per read: it is cut by the key's hash into
 * {@link #SEGMENTS} segments, each with its own lock, which a thread takes only to keep a new key (a look-up reads
 * optimistically and takes it only if a writer came between). A segment is open addressing over flat arrays; a hit
 * allocates nothing and writes nothing. A segment holds at most
 * {@link #MAX_ENTRIES} / {@link #SEGMENTS} keys and starts again empty beyond that (its keys are then classed
 * again as they come: a class depends on the cells alone).
 */
final class CostClassTable {
    /** The most keys the whole table holds. */
    static final int MAX_ENTRIES = 1 << 19;
    /** How many segments the table is cut into: a power of two, chosen by the top bits of a key's hash. */
    static final int SEGMENTS = 64;
    /** What {@link #find} returns for a key not in the table: no class is this small. */
    static final int NOT_FOUND = Integer.MIN_VALUE;

    final CostClassCollector<?, ?> collector;
    /** The canonical columns of the class fields, in ascending order. */
    final int[] columns;
    /** The class field of each of {@link #columns}. */
    final LineItemField[] fields;
    /**
     * The columns an item told to {@link CostClassCollector#classOf} is made of (bit k for column k): the class
     * columns and those every item must have.
     */
    final long itemColumns;

    /** The segments, shared by every thread of the read. */
    private final Segment[] segments;

    private CostClassTable(CostClassCollector<?, ?> collector, int[] columns, LineItemField[] fields, long fileSize) {
        this.collector = collector;
        this.columns = columns;
        this.fields = fields;
        long mask = CanonicalChunkParser.REQUIRED;
        for (int k : columns) {
            mask |= 1L << k;
        }
        this.itemColumns = mask;
        this.segments = new Segment[SEGMENTS];
        // sized at first for a key in every 4,000 bytes of the file (this file's rows have one in about 1,000), so
        // that a large file's segments do not start from the smallest arrays and grow step by step
        long keys = Math.min(MAX_ENTRIES, Math.max(0, fileSize) / 4_000);
        int capacity = Math.max(MIN_SLOTS, Integer.highestOneBit((int) Math.max(1, 2 * keys / SEGMENTS)) * 2);
        int arena = (int) Math.min(Segment.MAX_ARENA, Math.max(MIN_ARENA, keys * 64 / SEGMENTS));
        this.initialSlots = capacity;
        this.initialArena = arena;
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(this);
        }
    }

    /** The fewest slots a segment starts with. */
    private static final int MIN_SLOTS = 1 << 6;
    /** The fewest key bytes a segment starts with. */
    private static final int MIN_ARENA = 1 << 12;

    /** How many slots a segment starts (and starts again) with. */
    private final int initialSlots;
    /** How many key bytes a segment starts (and starts again) with. */
    private final int initialArena;

    /** A table for {@code collector}, or null when one of its class fields is not a canonical column. */
    static CostClassTable of(CostClassCollector<?, ?> collector) {
        return of(collector, 0);
    }

    /**
     * A table for {@code collector} reading a file of {@code fileSize} bytes (its arrays sized at first for it), or
     * null when one of its class fields is not a canonical column.
     */
    static CostClassTable of(CostClassCollector<?, ?> collector, long fileSize) {
        Set<LineItemField> classFields = collector.classFields();
        LineItemField[] byColumn = new LineItemField[CanonicalColumn.values().length];
        for (LineItemField f : classFields) {
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
            byColumn[column.ordinal()] = f;
        }
        int[] columns = new int[classFields.size()];
        LineItemField[] fields = new LineItemField[classFields.size()];
        int i = 0;
        for (int k = 0; k < byColumn.length; k++) {
            if (byColumn[k] != null) {
                columns[i] = k;
                fields[i++] = byColumn[k];
            }
        }
        return new CostClassTable(collector, columns, fields, fileSize);
    }

    /** The bytes of an array as little-endian {@code long}s at any offset. */
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long K = 0x9E3779B97F4A7C15L;

    /** A length of a cell this long or longer is written as this byte and then four bytes. */
    private static final int LONG_CELL = 0xFF;

    /**
     * The class cells of one row as one key: each cell's length (one byte, or {@link #LONG_CELL} and four bytes for
     * a cell of 255 bytes or more), then its bytes, one cell after another. Equal tuples of cells are equal keys, and
     * cells that differ only in where one ends and the next begins are not (each length is in the key). A thread's
     * own, filled by {@link #load} for each row and read by {@link #find} and {@link #put}: a row's key is compared
     * with a kept one in one comparison of two runs of bytes, and kept by one copy.
     */
    static final class Key {
        /** The key's bytes, then at least eight bytes more (a cell is copied eight bytes at a time). */
        byte[] bytes = new byte[256];
        /** How many bytes of {@link #bytes} are the key. */
        int length;
        /** The key's hash, never 0. */
        int hash;
    }

    /**
     * Makes {@code key} the key of the row's class cells, and returns its hash (never 0: 0 marks an empty slot):
     * the key's bytes eight at a time, the last fewer than eight as one word; equal keys hash equal.
     */
    int load(Key key, byte[] buf, int[] starts, int[] ends) {
        byte[] b = key.bytes;
        int p = 0;
        for (int k : columns) {
            int i = starts[k];
            int to = ends[k];
            int cell = to - i;
            if (p + cell + 16 > b.length) {
                b = key.bytes = Arrays.copyOf(b, Math.max(2 * b.length, p + cell + 16));
            }
            if (cell < LONG_CELL) {
                b[p++] = (byte) cell;
            } else {
                b[p] = (byte) LONG_CELL;
                putInt(b, p + 1, cell);
                p += 5;
            }
            if (to + 8 <= buf.length) {
                // eight bytes at a time, the last word running past the cell (overwritten by the next, or past
                // the key's end)
                for (int q = p; i < to; i += 8, q += 8) {
                    LONG.set(b, q, (long) LONG.get(buf, i));
                }
            } else {
                System.arraycopy(buf, i, b, p, cell);
            }
            p += cell;
        }
        key.length = p;
        long h = 1;
        int i = 0;
        for (; i + 8 <= p; i += 8) {
            h = (h ^ (long) LONG.get(b, i)) * K;
        }
        if (i < p) {
            long tail = (long) LONG.get(b, i) & (-1L >>> (8 * (8 - (p - i))));
            h = (h ^ tail) * K;
        }
        h = (h + p) * K;
        int x = CellTally.mix((int) (h ^ (h >>> 32)));
        key.hash = x == 0 ? 1 : x;
        return key.hash;
    }

    /**
     * The hash of the row's class cells, never 0, as {@link #load} gives it; equal cells hash equal. The
     * reader loads a key of its own once for a row instead; this and the methods of the same arguments make one.
     */
    int hash(byte[] buf, int[] starts, int[] ends) {
        return load(new Key(), buf, starts, ends);
    }

    /** The segment of a hash: its top bits (a segment's slots are chosen by its low bits). */
    private Segment segment(int h) {
        return segments[h >>> (Integer.SIZE - Integer.numberOfTrailingZeros(SEGMENTS))];
    }

    /**
     * The class kept for the row's class cells (hashed to {@code h}) by any thread of the read, or
     * {@link #NOT_FOUND}; then {@link #put} keeps the class found.
     */
    int find(int h, byte[] buf, int[] starts, int[] ends) {
        Key key = new Key();
        load(key, buf, starts, ends);
        key.hash = h;
        return find(key);
    }

    /**
     * The class kept for {@code key}, as {@link #load} left it (or under another hash not 0), by any
     * thread of the read, or {@link #NOT_FOUND}.
     */
    int find(Key key) {
        return segment(key.hash).find(key);
    }

    /**
     * Keeps the class of the row's class cells (hashed to {@code h}), after {@link #find} found none; if another
     * thread kept it meanwhile, the key is kept twice, with the same class (a class depends on the cells alone).
     */
    void put(int h, byte[] buf, int[] starts, int[] ends, int costClass) {
        Key key = new Key();
        load(key, buf, starts, ends);
        key.hash = h;
        put(key, costClass);
    }

    /** Keeps the class of {@code key}, as {@link #load} left it, after {@link #find} found none. */
    void put(Key key, int costClass) {
        segment(key.hash).put(key, costClass);
    }

    /**
     * One segment of the table: open addressing over flat arrays. A writer holds the segment's lock; a reader reads
     * optimistically and checks that no writer came between. A writer never changes a slot or key bytes a reader
     * may be reading other than an empty slot (it fills empty slots, and grows by new arrays), so a probe of arrays
     * read once always ends.
     */
    private static final class Segment {
        private final StampedLock lock = new StampedLock();

        /** The most keys a segment holds before it starts again empty. */
        private static final int MAX_KEYS = MAX_ENTRIES / SEGMENTS;
        /** The most bytes {@link #arena} holds before the segment starts again empty. */
        private static final int MAX_ARENA = 1 << 22;

        /**
         * The keys of the slots, one after another in one array (no object a key, no reference stored in the
         * slot arrays: the collector neither traces nor copies them one by one, and no card is dirtied per key).
         */
        private byte[] arena;

        private int arenaUsed;
        /**
         * The slots, four {@code int}s each, side by side so that a probe reads one place of memory: the key's
         * hash (0 for an empty slot), where its key starts in {@link #arena}, the key's length, and its class.
         */
        private int[] slots;

        private int mask;
        private int size;

        private final CostClassTable table;

        Segment(CostClassTable table) {
            this.table = table;
            reset();
        }

        private void reset() {
            arena = new byte[table.initialArena];
            arenaUsed = 0;
            allocate(table.initialSlots);
        }

        private void allocate(int capacity) {
            slots = new int[capacity * 4];
            mask = capacity - 1;
            size = 0;
        }

        /**
         * The class kept for the key, or {@link #NOT_FOUND}. Read without taking the lock (a hit writes nothing
         * another core reads): an optimistic read of the slots, checked afterwards against the lock's stamp, and
         * taken again under the lock if a writer came between (or made the read fail).
         */
        int find(Key key) {
            long stamp = lock.tryOptimisticRead();
            if (stamp != 0) {
                try {
                    int found = probe(key);
                    if (lock.validate(stamp)) {
                        return found;
                    }
                } catch (RuntimeException torn) {
                    // the arrays were being changed under the read: read again under the lock
                }
            }
            stamp = lock.readLock();
            try {
                return probe(key);
            } finally {
                lock.unlockRead(stamp);
            }
        }

        private int probe(Key key) {
            int h = key.hash;
            int length = key.length;
            int[] s = slots;
            byte[] kept = arena;
            for (int slot = h & (s.length / 4 - 1); ; slot = (slot + 1) & (s.length / 4 - 1)) {
                int at = slot * 4;
                int stored = s[at];
                if (stored == 0) {
                    return NOT_FOUND;
                }
                if (stored == h && s[at + 2] == length) {
                    int from = s[at + 1];
                    if (Arrays.equals(kept, from, from + length, key.bytes, 0, length)) {
                        return s[at + 3];
                    }
                }
            }
        }

        void put(Key key, int costClass) {
            long stamp = lock.writeLock();
            try {
                // not probed again: if another thread kept the key meanwhile, a second entry of the same class
                // (a class depends on the cells alone) costs a slot, where a branch taken once in a million rows
                // cost the compiled reader, which inlines this, being compiled again
                keep(key, costClass);
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        private void keep(Key key, int costClass) {
            int length = key.length;
            if (length > MAX_ARENA / 2) {
                return; // a key this long is not kept: its rows are classed each time
            }
            if (size >= MAX_KEYS || length > MAX_ARENA - arenaUsed) {
                reset();
            } else if ((size + 1) * 2 > mask + 1) {
                grow();
            }
            if (length > arena.length - arenaUsed) {
                arena = Arrays.copyOf(arena, (int)
                        Math.min(MAX_ARENA, Math.max(2L * arena.length, (long) arenaUsed + length)));
            }
            System.arraycopy(key.bytes, 0, arena, arenaUsed, length);
            insert(key.hash, arenaUsed, length, costClass);
            arenaUsed += length;
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
    }

    /** The bytes of an array as little-endian {@code int}s at any offset. */
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private static void putInt(byte[] b, int at, int v) {
        INT.set(b, at, v);
    }
}
