package org.cloudbilling.allocation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;

/**
 * Each item's placement, cached by the values the rules test: the plain dimensions some condition reads and the
 * item's tags (at its charge time) under the keys some condition reads. Items that share these values share their
 * placement, whatever else differs; a month of a million items has a few hundred thousand such keys, as items copy
 * their owner, product, project, region and tags from their resource.
 *
 * <p>A placement is an {@code int}: a collection rule's index ({@code >= 0}), {@link #UNALLOCATED}, or the entry
 * sharing rule {@code r} as {@code -2 - r}. The table is open addressing over flat arrays, filled from a scratch key,
 * so a hit allocates nothing. Local to one run and confined to one thread (one per accumulator); it holds at most
 * {@link #MAX_ENTRIES} keys and starts again empty beyond that, so memory stays bounded. The caches of the threads of
 * one collection keep their placements in one {@link SharedPlacements} instead, each cache keeping only its thread's
 * scratch, so that a key is matched once for all the threads.
 *
 * <p>When a key reads the item's resource (a tag, or the resource dimension), the cache looks first in placements by
 * resource ({@link ResourcePlacements}): an item of a resource seen before is placed by comparing the objects it
 * holds, without reading its key. {@link #placementsOf} places a group of items so that their reads of memory
 * overlap.
 */
final class PlacementCache {
    static final int UNALLOCATED = -1;
    static final int MAX_ENTRIES = 1 << 18;
    /** The most items {@link #placementsOf} places at once. */
    static final int GROUP = 64;
    /** The key look-ups after which a cache with placements by resource judges whether its key table pays. */
    static final int TRIAL = 1 << 12;
    /** What {@link #find} returns for a key not in the table: no placement is this small. */
    private static final int NOT_FOUND = Integer.MIN_VALUE;

    private final Allocator allocator;
    /** The placements the run's preparation found, read-only and shared by every thread; or null. */
    private final PlacementCache prepared;
    /** The table every thread of one collection keeps its placements in, instead of this cache's own; or null. */
    private final SharedPlacements shared;

    private final TagBindings history;
    private final AllocationDimension[] dimensions;
    private final TagKey[] tagKeys;
    private final int width;
    private final String[] scratch;
    /** Scratch for matching the rules on a key not seen before. */
    private final RuleIndex.MatchScratch matchScratch = new RuleIndex.MatchScratch();
    /** Whether a key needs the item's resource: a tag key (its history is the resource's) or the resource dimension. */
    private final boolean readsResource;

    /**
     * Where the tags of the key last read came from, for {@link ResourcePlacements}: null when the key has no tag,
     * {@link ResourcePlacements#ITEM_TAGS}, or the span in which the history's stay as read.
     */
    private Object tagSource;
    /** The placements found so far by resource, looked in first: no key is read for an item they know. */
    private final ResourcePlacements byResource;
    /** The look-ups in the key table so far, and how many found their key ({@link #keysPay}). */
    private long keyLookups;

    private long keyHits;
    /** Scratch of {@link #placementsOf}: each item's resource, its text, its hash, and its first slot's entry. */
    private final ResourceId[] groupResources = new ResourceId[GROUP];

    private final String[] groupTexts = new String[GROUP];

    private final int[] groupHashes = new int[GROUP];
    private final Object[] groupFirsts = new Object[GROUP];
    /** Whether the first slot's entry of each item of the group is of its resource (read to fetch the entry). */
    private final boolean[] groupKept = new boolean[GROUP];
    /** The items of the group its placements by resource do not know, and their resources' tag histories. */
    private final int[] groupMisses = new int[GROUP];
    /** The sum of the hashes of each missed item's values: read only so that their text is fetched at once. */
    private final int[] groupFetched = new int[GROUP];

    @SuppressWarnings("unchecked")
    private final List<TagBinding>[] groupBindings = new List[GROUP];

    /** The keys, {@link #width} strings each, densely in the order they came: key {@code e} at {@code e * width}. */
    private String[] keys;
    /** The placement of each key, in the same order. */
    private int[] placements;
    /** The open-addressing table: per slot, the hash of its key (0 for an empty slot) and the key's number. */
    private int[] hashes;

    private int[] entries;
    private int size;
    private int mask;

    PlacementCache(Allocator allocator, TagBindings history) {
        this(allocator, history, (PlacementCache) null);
    }

    /**
     * A cache that looks first in {@code prepared}, which it never changes: the placements a run's preparation
     * found, so that allocating an item the preparation placed matches no rule again.
     */
    PlacementCache(Allocator allocator, TagBindings history, PlacementCache prepared) {
        this(allocator, history, prepared, null, byResource(allocator));
    }

    /**
     * A cache for one thread that keeps its placements in {@code shared}, a table of every thread of one
     * collection, so that a key one thread matched is not matched again by another.
     */
    PlacementCache(Allocator allocator, TagBindings history, SharedPlacements shared, ResourcePlacements byResource) {
        this(allocator, history, null, shared, byResource);
    }

    /** The placements by resource of a cache that keeps its own: null when no key reads the item's resource. */
    static ResourcePlacements byResource(Allocator allocator) {
        return readsResource(allocator) ? new ResourcePlacements(allocator.keyDimensions, allocator.keyTags) : null;
    }

    private static boolean readsResource(Allocator allocator) {
        return allocator.keyTags.length > 0
                || java.util.Arrays.asList(allocator.keyDimensions).contains(AllocationDimension.RESOURCE_ID);
    }

    private PlacementCache(
            Allocator allocator,
            TagBindings history,
            PlacementCache prepared,
            SharedPlacements shared,
            ResourcePlacements byResource) {
        this.prepared = prepared;
        this.shared = shared;
        this.allocator = allocator;
        this.history = history;
        this.dimensions = allocator.keyDimensions;
        this.tagKeys = allocator.keyTags;
        this.width = keyWidth(allocator);
        if (shared != null && shared.width() != width) {
            throw new IllegalArgumentException("bug: a shared table of keys of " + shared.width() + " values");
        }
        this.scratch = new String[width];
        this.readsResource = readsResource(allocator);
        if (readsResource != (byResource != null)) {
            throw new IllegalArgumentException("bug: placements by resource for keys that read no resource");
        }
        this.byResource = byResource;
        allocate(shared != null ? 2 : 1 << 10);
    }

    /** The values in a key of {@code allocator}'s placements: its key dimensions and key tags, at least 1. */
    static int keyWidth(Allocator allocator) {
        return Math.max(1, allocator.keyDimensions.length + allocator.keyTags.length);
    }

    private void allocate(int capacity) {
        keys = new String[(capacity / 2) * width];
        placements = new int[capacity / 2];
        hashes = new int[capacity];
        entries = new int[capacity];
        mask = capacity - 1;
        size = 0;
    }

    /** Returns the number of keys held. */
    int size() {
        return size;
    }

    /** Returns the placement of {@code item}, matching the rules only for a key not seen before. */
    int placementOf(LineItem item) {
        // read once: each call of an optional accessor of LineItem may make an Optional
        ResourceId r = readsResource ? item.resourceId().orElse(null) : null;
        if (r == null) {
            return placementOfKey(item, null, null);
        }
        return placementByResource(item, r, ResourcePlacements.hash(r), null);
    }

    /**
     * Returns the placement of {@code item}, of {@code resource} (hashed to {@code h}): its resource's entry's, or
     * else by its key, then kept by resource; {@code bindings} are the resource's in the tag history, or null to
     * look them up.
     */
    private int placementByResource(LineItem item, ResourceId resource, int h, List<TagBinding> bindings) {
        int found = byResource.find(item, resource, h);
        if (found != ResourcePlacements.NOT_FOUND) {
            return found;
        }
        int placement = placementOfKey(item, resource, bindings);
        byResource.put(item, resource, h, tagSource, scratch, dimensions.length, placement);
        return placement;
    }

    /**
     * Sets {@code placements[i]} to the placement of {@code items[i]}, for {@code i < count}: as {@link #placementOf}
     * of each, but reading the memory of the items' resources and of their slots for the whole group first. An item
     * is a chain of reads that miss the caches (the item, its resource, the slot, the entry), each waiting on the one
     * before; read for many items in one loop, the reads of different items overlap.
     */
    void placementsOf(LineItem[] items, int count, int[] placements) {
        if (byResource == null) {
            for (int i = 0; i < count; i++) {
                placements[i] = placementOf(items[i]);
            }
            return;
        }
        ResourceId[] resources = groupResources;
        for (int i = 0; i < count; i++) {
            resources[i] = items[i].resourceId().orElse(null);
        }
        // each read waits on the one before (the item, its resource, the resource's text): one loop each, so that
        // the reads of the group's items overlap
        String[] texts = groupTexts;
        for (int i = 0; i < count; i++) {
            texts[i] = resources[i] == null ? null : resources[i].value();
        }
        int[] hashes = groupHashes;
        for (int i = 0; i < count; i++) {
            hashes[i] = texts[i] == null ? 0 : ResourcePlacements.hash(resources[i]);
        }
        Object[] firsts = groupFirsts;
        for (int i = 0; i < count; i++) {
            firsts[i] = hashes[i] == 0 ? null : byResource.first(hashes[i]);
        }
        boolean[] kept = groupKept;
        for (int i = 0; i < count; i++) {
            kept[i] = ResourcePlacements.keeps(firsts[i], resources[i]);
        }
        int[] misses = groupMisses;
        int missed = 0;
        for (int i = 0; i < count; i++) {
            ResourceId r = resources[i];
            int found = r == null ? ResourcePlacements.NOT_FOUND : byResource.find(items[i], r, hashes[i]);
            if (found == ResourcePlacements.NOT_FOUND) {
                misses[missed++] = i;
            } else {
                placements[i] = found;
            }
        }
        // the items read by key: their tag histories and their values' text, each in its own loop first
        List<TagBinding>[] bindings = groupBindings;
        for (int m = 0; m < missed; m++) {
            ResourceId r = resources[misses[m]];
            bindings[m] = r == null ? List.of() : history.bindingsOf(r);
        }
        int[] fetched = groupFetched;
        for (int m = 0; m < missed; m++) {
            LineItem item = items[misses[m]];
            int h = 0;
            for (AllocationDimension dimension : dimensions) {
                if (dimension != AllocationDimension.RESOURCE_ID) {
                    String v = dimension.valueOf(item);
                    h += v == null ? 0 : v.hashCode();
                }
            }
            fetched[m] = h;
        }
        for (int m = 0; m < missed; m++) { // looked up again: an item before it in the group may have kept its entry
            int i = misses[m];
            ResourceId r = resources[i];
            placements[i] = r == null
                    ? placementOfKey(items[i], null, bindings[m])
                    : placementByResource(items[i], r, hashes[i], bindings[m]);
        }
        java.util.Arrays.fill(resources, 0, count, null);
        java.util.Arrays.fill(texts, 0, count, null);
        java.util.Arrays.fill(firsts, 0, count, null);
        java.util.Arrays.fill(bindings, 0, missed, null);
    }

    /**
     * Returns the placement of {@code item} by the values of its key; {@code resource} is its resource when a key
     * reads it (else null), {@code bindings} the resource's in the tag history, or null to look them up.
     */
    private int placementOfKey(LineItem item, ResourceId resource, List<TagBinding> bindings) {
        String[] key = scratch;
        int h = 1;
        int d = 0;
        for (; d < dimensions.length; d++) {
            AllocationDimension dimension = dimensions[d];
            String v = dimension == AllocationDimension.RESOURCE_ID
                    ? (resource == null ? null : resource.value())
                    : dimension.valueOf(item);
            key[d] = v;
            h = 31 * h + (v == null ? 0 : v.hashCode());
        }
        if (tagKeys.length > 0) {
            readTags(item, resource, bindings, key, d);
            for (int t = d; t < d + tagKeys.length; t++) {
                h = 31 * h + (key[t] == null ? 0 : key[t].hashCode());
            }
        }
        h ^= h >>> 16;
        h = h == 0 ? 1 : h; // 0 marks an empty slot
        if (prepared != null) {
            int found = prepared.find(h, key);
            if (found != NOT_FOUND) {
                return found;
            }
        }
        if (!keysPay()) {
            return AllocationRun.placement(allocator, viewOf(item, key));
        }
        keyLookups++;
        if (shared != null) {
            int found = shared.find(h, key);
            if (found != SharedPlacements.NOT_FOUND) {
                keyHits++;
                return found;
            }
            int placement = AllocationRun.placement(allocator, viewOf(item, key));
            shared.put(h, key, placement);
            return placement;
        }
        int found = find(h, key);
        if (found != NOT_FOUND) {
            keyHits++;
            return found;
        }
        int placement = AllocationRun.placement(allocator, viewOf(item, key));
        if (size >= MAX_ENTRIES) {
            allocate(1 << 10);
        } else if ((size + 1) * 2 > hashes.length) {
            grow();
        }
        insert(h, key, 0, placement);
        return placement;
    }

    /**
     * Whether keys are looked up (and kept) in the table: always, unless placements by resource are looked in first
     * and the first {@link #TRIAL} look-ups found fewer than one key in two. Then only a resource's first item reads
     * a key, and when resources seldom share keys (tags that differ from resource to resource) a look-up costs about
     * as much as matching the rules, and finds nothing: the cache then matches every key read, and stops keeping
     * them. Either way, each item gets the placement matching gives.
     */
    private boolean keysPay() {
        return byResource == null || keyLookups < TRIAL || keyHits * 2 >= keyLookups;
    }

    /** Whether keys read are still looked up and kept in the table ({@link #keysPay}; for tests). */
    boolean keepsKeys() {
        return keysPay();
    }

    /**
     * The view the rules test, from the key just read: the rules read no dimension but the key's and no tag but
     * those under the key's tag keys, so the item is not read again and its tags not looked up again.
     */
    private ItemView viewOf(LineItem item, String[] key) {
        return new ItemView(item, dimensions, key, matchScratch);
    }

    private void readTags(LineItem item, ResourceId resource, List<TagBinding> known, String[] key, int from) {
        for (int t = 0; t < tagKeys.length; t++) {
            key[from + t] = null;
        }
        List<TagBinding> bindings = known != null ? known : resource != null ? history.bindingsOf(resource) : List.of();
        if (bindings.isEmpty()) { // the history knows nothing of the resource: the tags the bill shows
            Map<TagKey, String> tags = item.tags();
            tagSource = ResourcePlacements.ITEM_TAGS;
            if (!tags.isEmpty()) {
                for (int t = 0; t < tagKeys.length; t++) {
                    key[from + t] = tags.get(tagKeys[t]);
                }
            }
            return;
        }
        Instant at = ItemView.tagInstant(item);
        // the span around the tag time in which no binding under a key's tag key starts or ends
        Instant since = null;
        Instant until = null;
        boolean keyed = false;
        for (int b = 0; b < bindings.size(); b++) {
            TagBinding binding = bindings.get(b);
            int t = tagKeyIndex(binding.tag().key());
            if (t < 0) {
                continue;
            }
            keyed = true;
            Instant bound = binding.boundAt();
            Instant ended = binding.endedAt().orElse(null);
            if (!at.isBefore(bound)) {
                since = since == null || bound.isAfter(since) ? bound : since;
            } else {
                until = until == null || bound.isBefore(until) ? bound : until;
            }
            if (ended != null) {
                if (!at.isBefore(ended)) {
                    since = since == null || ended.isAfter(since) ? ended : since;
                } else {
                    until = until == null || ended.isBefore(until) ? ended : until;
                }
            }
            if (!at.isBefore(bound) && (ended == null || at.isBefore(ended))) { // active at the tag time: the last
                // binding active under the key is the one the history reads
                key[from + t] = binding.tag().value();
            }
        }
        tagSource = keyed ? new ResourcePlacements.TagSpan(since, until) : ResourcePlacements.TagSpan.EVER;
    }

    /** The index of {@code key} among the key's tag keys, or -1. */
    private int tagKeyIndex(TagKey key) {
        for (int t = 0; t < tagKeys.length; t++) {
            if (tagKeys[t].equals(key)) {
                return t;
            }
        }
        return -1;
    }

    /** Returns the placement stored under {@code key} (hashed to {@code h}), or {@link #NOT_FOUND}. */
    private int find(int h, String[] key) {
        int slot = h & mask;
        while (true) {
            int stored = hashes[slot];
            if (stored == 0) {
                return NOT_FOUND;
            }
            if (stored == h && sameKey(entries[slot], key)) {
                return placements[entries[slot]];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Adds the entries of {@code other}, a cache of the same run filled on another thread. */
    void absorb(PlacementCache other) {
        for (int s = 0; s < other.hashes.length; s++) {
            int h = other.hashes[s];
            if (h == 0) {
                continue;
            }
            int e = other.entries[s];
            System.arraycopy(other.keys, e * width, scratch, 0, width);
            if (find(h, scratch) != NOT_FOUND || size >= MAX_ENTRIES) {
                continue;
            }
            if ((size + 1) * 2 > hashes.length) {
                grow();
            }
            insert(h, scratch, 0, other.placements[e]);
        }
    }

    private boolean sameKey(int entry, String[] key) {
        int base = entry * width;
        for (int i = 0; i < width; i++) {
            String a = keys[base + i];
            String b = key[i];
            if (a != b && (a == null || !a.equals(b))) {
                return false;
            }
        }
        return true;
    }

    /** Adds a key not held yet, the table having room: at most half full once it is in. */
    private void insert(int h, String[] from, int fromBase, int placement) {
        int e = size++; // the dense arrays hold half the table's slots, as many keys as the table takes
        System.arraycopy(from, fromBase, keys, e * width, width);
        placements[e] = placement;
        slot(h, e);
    }

    private void slot(int h, int e) {
        int slot = h & mask;
        while (hashes[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = h;
        entries[slot] = e;
    }

    /** Doubles the table; the keys stay where they are, only the slots are laid out again. */
    private void grow() {
        int[] oldHashes = hashes;
        int[] oldEntries = entries;
        int capacity = oldHashes.length * 2;
        hashes = new int[capacity];
        entries = new int[capacity];
        mask = capacity - 1;
        for (int s = 0; s < oldHashes.length; s++) {
            if (oldHashes[s] != 0) {
                slot(oldHashes[s], oldEntries[s]);
            }
        }
        placements = java.util.Arrays.copyOf(placements, capacity / 2);
        keys = java.util.Arrays.copyOf(keys, (capacity / 2) * width);
    }
}
