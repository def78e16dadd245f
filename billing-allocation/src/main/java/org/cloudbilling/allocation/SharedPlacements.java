package org.cloudbilling.allocation;

import java.util.concurrent.locks.StampedLock;

/**
 * The placements found so far by every thread of one collection ({@link Allocator#toTotals}, {@link
 * Allocator#toSummary}), keyed by the values the rules test, as a {@link PlacementCache} reads them: one table for
 * all the threads, so a key is matched about once per collection rather than once per thread. It is cut by the
 * key's hash into {@link #SEGMENTS} segments, each with its own lock, which a thread takes only to keep a new key; a
 * look-up reads optimistically and takes the lock only if a writer came between. A segment is open addressing over
 * flat arrays; a hit allocates nothing and writes nothing. A segment holds at most {@link #MAX_ENTRIES} /
 * {@link #SEGMENTS} keys and starts again empty beyond that (its keys are then matched again as they come: a
 * placement depends on the key alone), so memory stays bounded.
 *
 * <p>A placement is what {@link PlacementCache#placementOf} returns. Local to one collection, never static.
 */
final class SharedPlacements {
    /** The most keys the whole table holds. */
    static final int MAX_ENTRIES = 1 << 19;
    /** How many segments the table is cut into: a power of two, chosen by the top bits of a key's hash. */
    static final int SEGMENTS = 64;
    /** What {@link #find} returns for a key not in the table: no placement is this small. */
    static final int NOT_FOUND = Integer.MIN_VALUE;

    private static final int SEGMENT_BITS = Integer.numberOfTrailingZeros(SEGMENTS);

    /** The values in a key. */
    private final int width;

    private final Segment[] segments;

    /**
     * An empty table of keys of {@code width} values each.
     *
     * @param width at least 1
     */
    SharedPlacements(int width) {
        this(width, MAX_ENTRIES);
    }

    /** An empty table holding at most {@code maxEntries} keys (a test's small bound). */
    SharedPlacements(int width, int maxEntries) {
        if (width < 1 || maxEntries < SEGMENTS) {
            throw new IllegalArgumentException("bug: width " + width + ", at most " + maxEntries + " keys");
        }
        this.width = width;
        this.segments = new Segment[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(width, maxEntries / SEGMENTS);
        }
    }

    /** The values in a key. */
    int width() {
        return width;
    }

    /** The segment of a hash: its top bits (a segment's slots are chosen by its low bits). */
    private Segment segment(int h) {
        return segments[h >>> (Integer.SIZE - SEGMENT_BITS)];
    }

    /**
     * Returns the placement kept for {@code key} (hashed to {@code h}, never 0) by any thread, or
     * {@link #NOT_FOUND}; then {@link #put} keeps the placement found.
     */
    int find(int h, String[] key) {
        return segment(h).find(h, key);
    }

    /**
     * Keeps the placement of {@code key} (hashed to {@code h}, never 0; its first {@link #width} values are
     * copied), after {@link #find} found none; if another thread kept it meanwhile, that placement (the same: a
     * placement depends on the key alone) stays.
     */
    void put(int h, String[] key, int placement) {
        segment(h).put(h, key, placement);
    }

    /** Returns the number of keys held. */
    int size() {
        int n = 0;
        for (Segment s : segments) {
            n += s.size();
        }
        return n;
    }

    /**
     * One segment: open addressing over flat arrays. A writer holds the segment's lock; a reader reads
     * optimistically and checks that no writer came between. A writer changes no slot a reader may be reading but
     * an empty one (it fills empty slots, and grows or starts again with new arrays), so a probe of arrays read once
     * always ends; a probe that a writer disturbed (a key not yet copied, an index past a shorter array) is thrown
     * away and done again under the lock.
     */
    private static final class Segment {
        private final StampedLock lock = new StampedLock();
        private final int width;
        private final int maxKeys;

        /** The keys, {@link #width} values each, densely in the order they came: key {@code e} at {@code e * width}. */
        private String[] keys;
        /**
         * The slots, three {@code int}s each, side by side so that a probe reads one place of memory: the key's
         * hash (0 for an empty slot), the key's number in {@link #keys}, and its placement.
         */
        private int[] slots;

        private int size;

        Segment(int width, int maxKeys) {
            this.width = width;
            this.maxKeys = maxKeys;
            allocate(1 << 6);
        }

        private void allocate(int capacity) {
            keys = new String[(capacity / 2) * width];
            slots = new int[capacity * 3];
            size = 0;
        }

        int size() {
            long stamp = lock.readLock();
            try {
                return size;
            } finally {
                lock.unlockRead(stamp);
            }
        }

        int find(int h, String[] key) {
            long stamp = lock.tryOptimisticRead();
            if (stamp != 0) {
                try {
                    int found = probe(h, key);
                    if (lock.validate(stamp)) {
                        return found;
                    }
                } catch (RuntimeException torn) {
                    // the arrays were being changed under the read: read again under the lock
                }
            }
            stamp = lock.readLock();
            try {
                return probe(h, key);
            } finally {
                lock.unlockRead(stamp);
            }
        }

        private int probe(int h, String[] key) {
            int[] s = slots;
            String[] k = keys;
            int mask = s.length / 3 - 1;
            for (int slot = h & mask; ; slot = (slot + 1) & mask) {
                int at = slot * 3;
                int stored = s[at];
                if (stored == 0) {
                    return NOT_FOUND;
                }
                if (stored == h && sameKey(k, s[at + 1] * width, key)) {
                    return s[at + 2];
                }
            }
        }

        private boolean sameKey(String[] k, int base, String[] key) {
            for (int i = 0; i < width; i++) {
                String a = k[base + i];
                String b = key[i];
                if (a != b && (a == null || !a.equals(b))) {
                    return false;
                }
            }
            return true;
        }

        void put(int h, String[] key, int placement) {
            long stamp = lock.writeLock();
            try {
                if (probe(h, key) != NOT_FOUND) {
                    return; // another thread kept it meanwhile
                }
                if (size >= maxKeys) {
                    allocate(1 << 6);
                } else if ((size + 1) * 2 > slots.length / 3) {
                    grow();
                }
                int e = size++;
                System.arraycopy(key, 0, keys, e * width, width);
                insert(slots, h, e, placement);
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        private static void insert(int[] s, int h, int e, int placement) {
            int mask = s.length / 3 - 1;
            int slot = h & mask;
            while (s[slot * 3] != 0) {
                slot = (slot + 1) & mask;
            }
            int at = slot * 3;
            s[at + 1] = e;
            s[at + 2] = placement;
            s[at] = h;
        }

        /** Doubles the table in new arrays: a reader still probing the old ones finds them unchanged. */
        private void grow() {
            int[] old = slots;
            int capacity = (old.length / 3) * 2;
            int[] s = new int[capacity * 3];
            for (int at = 0; at < old.length; at += 3) {
                if (old[at] != 0) {
                    insert(s, old[at], old[at + 1], old[at + 2]);
                }
            }
            keys = java.util.Arrays.copyOf(keys, (capacity / 2) * width);
            slots = s;
        }
    }
}
