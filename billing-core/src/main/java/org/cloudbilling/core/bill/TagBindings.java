package org.cloudbilling.core.bill;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.internal.ResourceHash;
import org.cloudbilling.core.time.Interval;

/**
 * The tag history of many resources, indexed to answer "the tags of resource R at instant t" and "the tags R
 * carried during an interval".
 *
 * <pre>{@code
 * TagBindings history = TagBindings.of(bindings);
 * Map<TagKey, String> tags = history.tagsAt(ResourceId.of("ins-1"), Instant.parse("2024-09-20T00:00:00Z"));
 * }</pre>
 *
 * <p>A resource carries at most one value per key at any instant; {@link #of(Iterable)} refuses a history
 * where two bindings of one key overlap. Instances are immutable and safe to share between threads.
 */
public final class TagBindings {
    private static final TagBindings EMPTY = new TagBindings(Map.of(), 0);
    /** The fewest bits of {@link #filter} per resource with bindings: one absent resource in sixteen is looked up. */
    private static final int FILTER_BITS_PER_RESOURCE = 16;

    /**
     * Each resource's bindings, by bound time; never modified after construction. A {@link HashMap}: allocation
     * looks up every item's resource, mostly absent, and its stored hashes spare comparing most keys.
     */
    private final Map<ResourceId, ImmutableList<TagBinding>> byResource;

    /**
     * One bit per hash of the resources with bindings ({@link #bit}), set for each of them: a resource whose bit is
     * clear has none, and is answered without looking it up (most are, in a month of allocation).
     */
    private final long[] filter;

    private final int size;

    private TagBindings(Map<ResourceId, ImmutableList<TagBinding>> byResource, int size) {
        this.byResource = byResource;
        this.size = size;
        long wanted = Math.min(1L << 30, Math.max(64L, (long) byResource.size() * FILTER_BITS_PER_RESOURCE));
        int bits = Integer.highestOneBit((int) wanted - 1) << 1; // a power of two, at least as many as wanted
        this.filter = new long[bits >>> 6];
        for (ResourceId r : byResource.keySet()) {
            int b = bit(r, bits - 1);
            filter[b >>> 6] |= 1L << b;
        }
    }

    /** The bit of {@code resource} in a filter of {@code mask + 1} bits. */
    private static int bit(ResourceId resource, int mask) {
        return ResourceHash.of(resource) & mask;
    }

    /** Returns a history without any binding. */
    public static TagBindings empty() {
        return EMPTY;
    }

    /**
     * Indexes {@code bindings}.
     *
     * @param bindings the bindings, in any order, not null
     * @return the history, never null
     * @throws IllegalArgumentException if two bindings of one key overlap on one resource
     */
    public static TagBindings of(Iterable<TagBinding> bindings) {
        requireNonNull(bindings, "bindings");
        Map<ResourceId, List<TagBinding>> grouped = new LinkedHashMap<>();
        for (TagBinding b : bindings) {
            grouped.computeIfAbsent(b.resourceId(), r -> new ArrayList<>()).add(b);
        }
        Map<ResourceId, ImmutableList<TagBinding>> index = new HashMap<>();
        int size = 0;
        Comparator<TagBinding> order = Comparator.comparing(TagBinding::boundAt)
                .thenComparing(TagBinding::tag)
                .thenComparing(b -> b.endedAt().orElse(Instant.MAX));
        for (Map.Entry<ResourceId, List<TagBinding>> e : grouped.entrySet()) {
            List<TagBinding> list = e.getValue();
            list.sort(order);
            checkNoOverlap(e.getKey(), list);
            index.put(e.getKey(), ImmutableList.copyOf(list));
            size += list.size();
        }
        return new TagBindings(index, size);
    }

    private static void checkNoOverlap(ResourceId resource, List<TagBinding> sorted) {
        Map<TagKey, TagBinding> latest = new LinkedHashMap<>();
        for (TagBinding b : sorted) {
            TagBinding previous = latest.put(b.tag().key(), b);
            if (previous != null) {
                Instant previousEnd = previous.endedAt().orElse(Instant.MAX);
                checkArgument(
                        !previousEnd.isAfter(b.boundAt()),
                        "resource %s carries two values of tag key %s at %s: %s and %s",
                        resource,
                        b.tag().key(),
                        b.boundAt(),
                        previous.tag(),
                        b.tag());
            }
        }
    }

    /** Returns every binding of {@code resource} (not null), by bound time, never null. */
    public ImmutableList<TagBinding> bindingsOf(ResourceId resource) {
        int b = bit(resource, (filter.length << 6) - 1);
        if ((filter[b >>> 6] & (1L << b)) == 0) {
            return ImmutableList.of();
        }
        return byResource.getOrDefault(resource, ImmutableList.of());
    }

    /**
     * Returns the tags {@code resource} carried at {@code instant}, in key order.
     *
     * @param resource the resource, not null
     * @param instant the instant, not null
     * @return each key's value, never null, empty when the resource carried none
     */
    public ImmutableMap<TagKey, String> tagsAt(ResourceId resource, Instant instant) {
        requireNonNull(instant, "instant");
        List<TagBinding> bindings = bindingsOf(resource);
        if (bindings.isEmpty()) {
            return ImmutableMap.of();
        }
        Map<TagKey, String> tags = new java.util.TreeMap<>();
        for (TagBinding b : bindings) {
            if (b.isActiveAt(instant)) {
                tags.put(b.tag().key(), b.tag().value());
            }
        }
        return ImmutableMap.copyOf(tags);
    }

    /**
     * Returns every tag {@code resource} carried at some instant of {@code interval}; a key re-tagged within the
     * interval appears with each of its values.
     *
     * @param resource the resource, not null
     * @param interval the interval, such as a billing month, not null
     * @return the tags, sorted, never null
     */
    public ImmutableSortedSet<Tag> tagsDuring(ResourceId resource, Interval interval) {
        requireNonNull(interval, "interval");
        ImmutableSortedSet.Builder<Tag> tags = ImmutableSortedSet.naturalOrder();
        for (TagBinding b : bindingsOf(resource)) {
            if (b.overlaps(interval)) {
                tags.add(b.tag());
            }
        }
        return tags.build();
    }

    /** Returns the number of bindings. */
    public int size() {
        return size;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TagBindings && ((TagBindings) obj).byResource.equals(byResource);
    }

    @Override
    public int hashCode() {
        return byResource.hashCode();
    }

    @Override
    public String toString() {
        return "TagBindings[" + size + " bindings of " + byResource.size() + " resources]";
    }
}
