package org.cloudbilling.allocation;

import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.internal.IdInternals;

/**
 * Tie-break keys for splits: among equal remainders, the unit left over goes to the target with the smaller key,
 * a hash of the item, the rule and the target. The keys depend only on those ids (String hash codes are
 * specified by Java), so results are the same on every machine and in every order, and leftovers fall on each
 * target equally often on average (ALLOC-12).
 */
final class TieBreak {
    private TieBreak() {}

    /** The finalizer of MurmurHash3: a bijection on longs that spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Returns the keys of one item's split by one rule, one per target, given the rule's target salts. */
    static long[] keys(LineItemId itemId, long[] salts) {
        long[] keys = new long[salts.length];
        keys(itemId, salts, keys);
        return keys;
    }

    /**
     * Writes the keys of one item's split by one rule into {@code keys}, one per target salt. The item's part is the
     * hash of its id's text ({@link IdInternals#textHash}: an id read compactly from a file is not made into text).
     */
    static void keys(LineItemId itemId, long[] salts, long[] keys) {
        keys(itemKey(itemId), salts, keys);
    }

    /**
     * The item's part of its keys, the same for every split of its flow: the hash of its id's text ({@link
     * IdInternals#textHash}: an id read compactly from a file is not made into text), mixed.
     */
    static long itemKey(LineItemId itemId) {
        return mix(IdInternals.textHash(itemId) * 0x9E3779B97F4A7C15L);
    }

    /** Writes the keys of a split of the item of {@link #itemKey} {@code item} into {@code keys}, one per salt. */
    static void keys(long item, long[] salts, long[] keys) {
        for (int k = 0; k < salts.length; k++) {
            keys[k] = mix(item ^ salts[k]);
        }
    }
}
