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
    /** The canonical columns of the class fields. */
    final int[] columns;
    /**
     * The columns an item told to {@link CostClassCollector#classOf} is made of (bit k for column k): the class
     * columns and those every item must have.
     */
    final long itemColumns;

    /** The segments, shared by every thread of the read. */
    private final Segment[] segments;

    private CostClassTable(CostClassCollector<?, ?> collector, int[] columns) {
        this.collector = collector;
        this.columns = columns;
        long mask = CanonicalChunkParser.REQUIRED;
        for (int k : columns) {
            mask |= 1L << k;
        }
        this.itemColumns = mask;
        this.segments = new Segment[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(columns);
        }
    }

    /**
     * The table for another thread of the same read: this one, as the keys are kept once for all the threads.
     */
    CostClassTable another() {
        return this;
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
        return new CostClassTable(collector, columns);
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

    /** The segment of a hash: its top bits (a segment's slots are chosen by its low bits). */
    private Segment segment(int h) {
        return segments[h >>> (Integer.SIZE - Integer.numberOfTrailingZeros(SEGMENTS))];
    }

    /**
     * The class kept for the row's class cells (hashed to {@code h}) by any thread of the read, or
     * {@link #NOT_FOUND}; then {@link #put} keeps the class found.
     */
    int find(int h, byte[] buf, int[] starts, int[] ends) {
        return segment(h).find(h, buf, starts, ends);
    }

    /**
     * {@link #NOT_FOUND} always: what another thread found is already found by {@link #find}, the keys being kept
     * once for all the threads. Kept so that a caller may ask, as when each thread had its own table.
     */
    int findShared(int h, byte[] buf, int[] starts, int[] ends) {
        return NOT_FOUND;
    }

    /**
     * Keeps the class of the row's class cells (hashed to {@code h}), after {@link #find} found none; if another
     * thread kept it meanwhile, its class (the same: a class depends on the cells alone) stays.
     */
    void put(int h, byte[] buf, int[] starts, int[] ends, int costClass) {
        segment(h).put(h, buf, starts, ends, costClass);
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

        private final int[] columns;

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

        Segment(int[] columns) {
            this.columns = columns;
            reset();
        }

        private void reset() {
            arena = new byte[1 << 12];
            arenaUsed = 0;
            allocate(1 << 6);
        }

        private void allocate(int capacity) {
            slots = new int[capacity * 4];
            mask = capacity - 1;
            size = 0;
        }

        /**
         * The class kept for the row's class cells, or {@link #NOT_FOUND}. Read without taking the lock (a hit
         * writes nothing another core reads): an optimistic read of the slots, checked afterwards against the
         * lock's stamp, and taken again under the lock if a writer came between (or made the read fail).
         */
        int find(int h, byte[] buf, int[] starts, int[] ends) {
            long stamp = lock.tryOptimisticRead();
            if (stamp != 0) {
                try {
                    int found = probe(h, buf, starts, ends);
                    if (lock.validate(stamp)) {
                        return found;
                    }
                } catch (RuntimeException torn) {
                    // the arrays were being changed under the read: read again under the lock
                }
            }
            stamp = lock.readLock();
            try {
                return probe(h, buf, starts, ends);
            } finally {
                lock.unlockRead(stamp);
            }
        }

        private int probe(int h, byte[] buf, int[] starts, int[] ends) {
            int[] s = slots;
            byte[] key = arena;
            for (int slot = h & (s.length / 4 - 1); ; slot = (slot + 1) & (s.length / 4 - 1)) {
                int at = slot * 4;
                int stored = s[at];
                if (stored == 0) {
                    return NOT_FOUND;
                }
                if (stored == h && sameKey(key, s[at + 1], s[at + 2], buf, starts, ends)) {
                    return s[at + 3];
                }
            }
        }

        void put(int h, byte[] buf, int[] starts, int[] ends, int costClass) {
            long stamp = lock.writeLock();
            try {
                if (probe(h, buf, starts, ends) == NOT_FOUND) { // else another thread kept it meanwhile
                    keep(h, buf, starts, ends, costClass);
                }
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        private void keep(int h, byte[] buf, int[] starts, int[] ends, int costClass) {
            int length = 0;
            for (int k : columns) {
                length += 4 + ends[k] - starts[k];
            }
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
            int p = arenaUsed;
            for (int k : columns) {
                int cell = ends[k] - starts[k];
                putInt(arena, p, cell);
                System.arraycopy(buf, starts[k], arena, p + 4, cell);
                p += 4 + cell;
            }
            insert(h, arenaUsed, length, costClass);
            arenaUsed += length;
        }

        /** Whether the key at {@code [at, at + length)} of {@code key} (the arena) is the row's class cells. */
        private boolean sameKey(byte[] key, int at, int length, byte[] buf, int[] starts, int[] ends) {
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

    private static int intAt(byte[] b, int at) {
        return (int) INT.get(b, at);
    }

    private static void putInt(byte[] b, int at, int v) {
        INT.set(b, at, v);
    }
}
