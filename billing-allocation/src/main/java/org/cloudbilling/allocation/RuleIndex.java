package org.cloudbilling.allocation;

import com.google.common.primitives.Ints;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cloudbilling.core.id.TagKey;

/**
 * A list of conditions in precedence order, compiled so that an item is tested only against the conditions
 * it could match.
 *
 * <p>Each condition gets an <em>anchor</em>: a set of (dimension, value) pairs one of which every matching
 * item must have, taken from its positive {@code in} lists ({@code and} uses its most selective anchored part;
 * {@code or} the union of its parts, when all are anchored). An index maps each pair to the conditions it
 * anchors; conditions without an anchor ({@code not in} alone) are tested for every item. For an item, the
 * candidates are merged from its values' index entries in ascending precedence, so the first match is found
 * without scanning the other rules.
 *
 * <p>Immutable and safe to share between threads.
 */
final class RuleIndex {
    private static final int[] NONE = new int[0];

    private final CompiledCondition[] conditions;
    /** The plain dimensions that anchor some condition, and beside each, its index from value to conditions. */
    private final AllocationDimension[] indexedDimensions;

    private final Map<String, int[]>[] byValue;
    private final Map<TagKey, Map<String, int[]>> byTag = new HashMap<>();
    private final int[] unanchored;
    /** The tag keys that anchor some condition, and beside each, its index ({@link #byTag}'s, as arrays). */
    private final TagKey[] tagKeys;

    private final Map<String, int[]>[] tagIndexes;
    /** The place of each of {@link #tagKeys} among the allocator's key tags ({@link ItemView#tag}). */
    private final int[] tagSlots;
    /** The most candidate lists an item can have: the unanchored, one per indexed dimension, one per tag key. */
    private final int maxLists;

    /** An index of {@code conditions} alone: its tags are read from views by key, not by place. */
    RuleIndex(List<Condition> conditions) {
        this(conditions, new TagKey[0]);
    }

    /**
     * An index of {@code conditions}, whose tags a view may hold by their place among {@code keyTags} (the
     * allocator's key tags, in order: every tag key the conditions read).
     */
    RuleIndex(List<Condition> conditions, TagKey[] keyTags) {
        this.conditions = new CompiledCondition[conditions.size()];
        Map<AllocationDimension, Map<String, List<Integer>>> plain = new EnumMap<>(AllocationDimension.class);
        Map<TagKey, Map<String, List<Integer>>> tags = new HashMap<>();
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            this.conditions[i] = CompiledCondition.of(c, keyTags);
            List<Condition.In> anchor = anchor(c);
            if (anchor == null) {
                free.add(i);
                continue;
            }
            for (Condition.In in : anchor) {
                Map<String, List<Integer>> index = in.tagKey().isPresent()
                        ? tags.computeIfAbsent(in.tagKey().get(), k -> new HashMap<>())
                        : plain.computeIfAbsent(in.dimension(), k -> new HashMap<>());
                for (String v : in.values()) {
                    index.computeIfAbsent(v, k -> new ArrayList<>()).add(i); // freeze drops repeats
                }
            }
        }
        this.indexedDimensions = plain.keySet().toArray(new AllocationDimension[0]);
        @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is made raw, then typed
        Map<String, int[]>[] indexes = new Map[indexedDimensions.length];
        for (int d = 0; d < indexes.length; d++) {
            indexes[d] = freeze(plain.get(indexedDimensions[d]));
        }
        this.byValue = indexes;
        tags.forEach((k, m) -> byTag.put(k, freeze(m)));
        this.unanchored = Ints.toArray(free);
        this.tagKeys = byTag.keySet().toArray(new TagKey[0]);
        @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is made raw, then typed
        Map<String, int[]>[] byKey = new Map[tagKeys.length];
        for (int t = 0; t < tagKeys.length; t++) {
            byKey[t] = byTag.get(tagKeys[t]);
        }
        this.tagIndexes = byKey;
        this.tagSlots = new int[tagKeys.length];
        for (int t = 0; t < tagKeys.length; t++) {
            tagSlots[t] = CompiledCondition.slotOf(tagKeys[t], keyTags);
        }
        this.maxLists = 1 + indexedDimensions.length + tagKeys.length;
    }

    private static Map<String, int[]> freeze(Map<String, List<Integer>> m) {
        Map<String, int[]> out = new HashMap<>(m.size() * 2);
        m.forEach((v, ids) -> out.put(v, Ints.toArray(new TreeSet<>(ids))));
        return out;
    }

    /** Returns the positive {@code in} terms one of which every match has, or null when there is none. */
    static List<Condition.In> anchor(Condition c) {
        if (c instanceof Condition.In in) {
            return in.negated() ? null : List.of(in);
        }
        if (c instanceof Condition.And and) {
            List<Condition.In> best = null;
            for (Condition part : and.conditions()) {
                List<Condition.In> a = anchor(part);
                if (a != null && (best == null || size(a) < size(best))) {
                    best = a;
                }
            }
            return best;
        }
        List<Condition.In> all = new ArrayList<>();
        for (Condition part : ((Condition.Or) c).conditions()) {
            List<Condition.In> a = anchor(part);
            if (a == null) {
                return null;
            }
            all.addAll(a);
        }
        return all;
    }

    private static int size(List<Condition.In> anchor) {
        int n = 0;
        for (Condition.In in : anchor) {
            n += in.values().size();
        }
        return n;
    }

    /** Returns the first condition, in precedence order, that {@code item} matches; -1 when none does. */
    int firstMatch(ItemView item) {
        MatchScratch scratch = item.scratch != null ? item.scratch : new MatchScratch();
        int[][] lists = scratch.lists(maxLists);
        int n = candidates(item, lists);
        if (n == 1) { // the common case: one value of the item anchors conditions
            for (int i : lists[0]) {
                if (conditions[i].test(item)) {
                    return i;
                }
            }
            return -1;
        }
        int[] pos = scratch.positions(n);
        while (true) {
            int next = Integer.MAX_VALUE;
            for (int k = 0; k < n; k++) {
                if (pos[k] < lists[k].length && lists[k][pos[k]] < next) {
                    next = lists[k][pos[k]];
                }
            }
            if (next == Integer.MAX_VALUE) {
                return -1;
            }
            if (conditions[next].test(item)) {
                return next;
            }
            for (int k = 0; k < n; k++) {
                if (pos[k] < lists[k].length && lists[k][pos[k]] == next) {
                    pos[k]++;
                }
            }
        }
    }

    /** Returns every condition {@code item} matches, in precedence order. */
    List<Integer> allMatches(ItemView item) {
        Set<Integer> candidates = new TreeSet<>();
        int[][] lists = new int[maxLists][];
        int n = candidates(item, lists);
        for (int k = 0; k < n; k++) {
            for (int i : lists[k]) {
                candidates.add(i);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i : candidates) {
            if (conditions[i].test(item)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Puts the item's non-empty candidate lists, each in ascending precedence, first in {@code lists} (at least
     * {@link #maxLists} long) and returns how many there are.
     */
    private int candidates(ItemView item, int[][] lists) {
        int n = 0;
        if (unanchored.length > 0) {
            lists[n++] = unanchored;
        }
        for (int d = 0; d < indexedDimensions.length; d++) {
            String v = item.value(indexedDimensions[d]);
            int[] list = byValue[d].get(v); // null when the item has no value: no condition anchors on that
            if (list != null) {
                lists[n++] = list;
            }
        }
        if (tagKeys.length > 0 && item.mayHaveTags()) { // the index's keys, few: no iterator over the item's tags
            for (int t = 0; t < tagKeys.length; t++) {
                String v = item.tag(tagSlots[t], tagKeys[t]);
                int[] list = v == null ? null : tagIndexes[t].get(v);
                if (list != null) {
                    lists[n++] = list;
                }
            }
        }
        return n;
    }

    /**
     * Scratch arrays for matching, of one thread: a placement cache ({@link PlacementCache}) matches many items and
     * lends its scratch to each item's view, so that matching allocates nothing.
     */
    static final class MatchScratch {
        /** The plain values of the item matched ({@link ItemView}), by dimension ordinal. */
        final String[] values = new String[AllocationDimension.values().length];

        private int[][] lists = new int[0][];
        private int[] positions = new int[0];

        int[][] lists(int n) {
            if (lists.length < n) {
                lists = new int[n][];
            }
            return lists;
        }

        /** Positions, the first {@code n} zero. */
        int[] positions(int n) {
            if (positions.length < n) {
                positions = new int[n];
            }
            java.util.Arrays.fill(positions, 0, n, 0);
            return positions;
        }
    }
}
