package org.cloudbilling.allocation;

import java.time.Instant;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.internal.ResourceHash;

/**
 * The placements of items found so far, by resource: the items of one resource copy its owner, product, project,
 * region and tags, so an item whose resource is already here is placed by comparing the objects it holds with the
 * ones kept, by reference first, without reading their text, hashing a key or looking its tags up in the history.
 * A look-up hashes the resource alone; an entry keeps the resource, the object of each key dimension
 * ({@link AllocationDimension#objectOf}), and where the key's tags came from: the item's own tags (the history knows
 * nothing of the resource), or the span of time in which the history's tags under the key's tag keys stay as they
 * were ({@link TagSpan}). An item matches an entry when every object equals the kept one and its tag time falls in the
 * span; its placement is then the entry's, as the placement depends only on those values.
 *
 * <p>Open addressing, with at most {@link #PROBES} slots probed, so that the many keys one resource may have (a
 * dimension that changes from item to item) cost a bounded look-up. A key that finds no free slot there grows the
 * table when at least a quarter of {@link #SAMPLE} slots are full, else takes the place of the first slot's (no count
 * of entries is kept); the table has at most twice {@link #MAX_ENTRIES} slots, so memory stays bounded. One table
 * serves every thread of one collection ({@link OnePassTotals}) without a lock (but to grow the table): an entry is an
 * immutable object, so a thread reading a slot another thread fills sees the entry whole or not at all, and an entry
 * lost to a race (two threads filling one slot, or one growing the table while another keeps an entry) is only matched
 * again. Local to one collection or one cache, never static.
 */
final class ResourcePlacements {
    static final int MAX_ENTRIES = 1 << 18;
    /** What {@link #find} returns for an item matching no entry: no placement is this small. */
    static final int NOT_FOUND = Integer.MIN_VALUE;
    /** The most slots a look-up reads. */
    static final int PROBES = 8;
    /**
     * The tags' source of an entry whose key read the item's own tags: the values it read under the key's tag keys
     * follow it.
     */
    static final Object ITEM_TAGS = new Object();

    private final AllocationDimension[] dimensions;
    private final TagKey[] tagKeys;
    /**
     * The objects of an entry: the resource, one per key dimension, the tags' source, the item's own tags when they are
     * the source (else null), one value per tag key.
     */
    private final int width;

    /** The slots; an entry is never changed once made, so a thread reading a slot another fills sees it whole. */
    private volatile Entry[] table = new Entry[1 << 10];

    /** The slots {@link #put} counts to judge how full the table is, when an entry finds no free slot. */
    static final int SAMPLE = 512;

    ResourcePlacements(AllocationDimension[] dimensions, TagKey[] tagKeys) {
        this.dimensions = dimensions;
        this.tagKeys = tagKeys;
        this.width = dimensions.length + 3 + tagKeys.length;
    }

    /** Returns the number of entries held, counting them (for tests). */
    int size() {
        return filled(table, 0, table.length);
    }

    /**
     * Drops every entry, once the collection that filled the table is done. The slots are emptied, not only the table
     * replaced: a large table is allocated among the heap's old objects, and a dead old table would keep its young
     * entries alive, to be copied by every young collection until the old ones are collected (the next collections of
     * a process that allocates month after month would copy all of them). A thread still reading finds no entry, and
     * places its item by its key.
     */
    void clear() {
        Entry[] t = table;
        table = new Entry[1 << 10];
        java.util.Arrays.fill(t, null);
    }

    /**
     * The hash an entry of {@code resource} is kept under: never 0. The resource's own hash is mixed first
     * ({@link ResourceHash}): the hashes of names in sequence are close to one another, and would fill runs of
     * neighbouring slots in which an entry finds no free slot.
     */
    static int hash(ResourceId resource) {
        int h = ResourceHash.of(resource);
        return h == 0 ? 1 : h;
    }

    /**
     * Returns the entry in the first slot of hash {@code h}, or null: reading it first, for a group of items, lets
     * the memory of many items' slots be fetched at once before {@link #find} reads them.
     */
    Object first(int h) {
        Entry[] t = table;
        return t[h & (t.length - 1)];
    }

    /** Whether {@code entry}, from {@link #first}, is of {@code resource} by reference: reading it fetches it. */
    static boolean keeps(Object entry, ResourceId resource) {
        return entry != null && ((Entry) entry).objects[0] == resource;
    }

    /**
     * Returns the placement kept for an item like {@code item}, of {@code resource} (hashed to {@code h} by
     * {@link #hash}), or {@link #NOT_FOUND}.
     */
    int find(LineItem item, ResourceId resource, int h) {
        Entry[] t = table;
        int mask = t.length - 1;
        int slot = h & mask;
        for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & mask) {
            Entry e = t[slot];
            if (e == null) {
                return NOT_FOUND;
            }
            if (e.hash == h && matches(e.objects, item, resource)) {
                return e.placement;
            }
        }
        return NOT_FOUND;
    }

    private boolean matches(Object[] k, LineItem item, ResourceId resource) {
        if (!same(k[0], resource)) {
            return false;
        }
        for (int d = 0; d < dimensions.length; d++) {
            if (!same(k[1 + d], dimensions[d].objectOf(item))) {
                return false;
            }
        }
        int t0 = 1 + dimensions.length;
        Object source = k[t0];
        if (source == null) { // no condition reads a tag
            return true;
        }
        if (source != ITEM_TAGS) {
            return ((TagSpan) source).holds(item);
        }
        Map<TagKey, String> tags = item.tags();
        if (tags == k[t0 + 1]) { // the entry's item's tags, as items of one resource often share them
            return true;
        }
        if (tags.isEmpty()) {
            for (int t = 0; t < tagKeys.length; t++) {
                if (k[t0 + 2 + t] != null) {
                    return false;
                }
            }
            return true;
        }
        for (int t = 0; t < tagKeys.length; t++) {
            if (!same(k[t0 + 2 + t], tags.get(tagKeys[t]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object kept, Object now) {
        return kept == now || (kept != null && kept.equals(now));
    }

    /**
     * Keeps the placement of {@code item}, of {@code resource} (hashed to {@code h}), after {@link #find} found none.
     * Threads may keep entries at once: one may take the slot another just filled, and one growing the table may
     * leave out an entry another keeps meanwhile; a lost entry is only matched again, as every entry holds whole.
     *
     * @param source where the key's tags came from: null when no condition reads a tag, {@link #ITEM_TAGS}, or the
     *     span of the history's
     * @param tagValues the values the key read under its tag keys, from {@code tagsFrom} on
     */
    void put(
            LineItem item, ResourceId resource, int h, Object source, String[] tagValues, int tagsFrom, int placement) {
        Object[] objects = new Object[width];
        objects[0] = resource;
        for (int d = 0; d < dimensions.length; d++) {
            objects[1 + d] = dimensions[d].objectOf(item);
        }
        int t0 = 1 + dimensions.length;
        objects[t0] = source;
        objects[t0 + 1] = source == ITEM_TAGS ? item.tags() : null;
        System.arraycopy(tagValues, tagsFrom, objects, t0 + 2, tagKeys.length);
        Entry entry = new Entry(h, placement, objects);

        Entry[] t = table;
        if (keep(t, entry)) {
            return;
        }
        // how full the table is, judged from the slots of a sample only now: a count the threads all write on every
        // entry kept would pass its line of memory from core to core, and make each entry wait for its writes
        if (t.length < 2 * MAX_ENTRIES
                && filled(t, entry.hash + t.length / 2, SAMPLE) * 4 >= Math.min(SAMPLE, t.length)) {
            t = grow(t);
            if (keep(t, entry)) {
                return;
            }
        }
        t[h & (t.length - 1)] = entry; // no free slot near: the first slot's entry makes room
    }

    /** Keeps {@code entry} in a free slot of {@code t} near its hash's, and returns true; false when there is none. */
    private boolean keep(Entry[] t, Entry entry) {
        int mask = t.length - 1;
        int slot = entry.hash & mask;
        for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & mask) {
            if (t[slot] == null) {
                t[slot] = entry;
                return true;
            }
        }
        return false;
    }

    /** The entries in {@code count} slots of {@code t} (at most all of them) from slot {@code from} on, round. */
    private static int filled(Entry[] t, int from, int count) {
        int mask = t.length - 1;
        int n = 0;
        for (int i = 0; i < Math.min(count, t.length); i++) {
            if (t[(from + i) & mask] != null) {
                n++;
            }
        }
        return n;
    }

    /**
     * A table twice as large with the entries of {@code old}, made the table; or the table another thread made from
     * {@code old} meanwhile. One thread at a time grows the table, as the lock says: two tables grown from one would
     * leave the entries kept in the one that lost to the other, a table large enough to be allocated among the heap's
     * old objects, dead but keeping its young entries alive, to be copied by every young collection until the old
     * ones are collected. The old table is emptied for the same reason. Look-ups and entries kept take no lock.
     */
    private synchronized Entry[] grow(Entry[] old) {
        Entry[] current = table;
        if (current != old) { // another thread grew it meanwhile
            return current;
        }
        Entry[] t = new Entry[old.length * 2];
        int mask = t.length - 1;
        for (Entry e : old) {
            if (e == null) {
                continue;
            }
            int slot = e.hash & mask;
            for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & mask) {
                if (t[slot] == null) {
                    t[slot] = e;
                    break;
                }
            }
        }
        table = t;
        java.util.Arrays.fill(old, null);
        return t;
    }

    /** A kept placement and the objects of the item it was found for; never changed. */
    private static final class Entry {
        final int hash;
        final int placement;
        /** The objects {@link ResourcePlacements#width} counts, in its order. */
        final Object[] objects;

        Entry(int hash, int placement, Object[] objects) {
            this.hash = hash;
            this.placement = placement;
            this.objects = objects;
        }
    }

    /**
     * The span of time, from {@link #from} (inclusive, or since ever when null) to {@link #until} (exclusive, or
     * for ever when null), in which no binding of the history under a key's tag key starts or ends: the tags the
     * key read at one instant of it are the ones of every instant of it.
     */
    static final class TagSpan {
        /** Every instant: no binding under the key's tag keys starts or ends. */
        static final TagSpan EVER = new TagSpan(null, null);

        private final Instant from;
        private final Instant until;

        TagSpan(Instant from, Instant until) {
            this.from = from;
            this.until = until;
        }

        /** Whether the tag time of {@code item} ({@link ItemView#tagInstant}) falls in this span. */
        boolean holds(LineItem item) {
            if (this == EVER) {
                return true;
            }
            Instant at = ItemView.tagInstant(item);
            return (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
        }
    }
}
