package org.cloudbilling.allocation;

import java.util.Arrays;

/**
 * The scratch arrays of one thread's splits in units ({@link org.cloudbilling.core.money.Split#applyToUnits}): tie-break
 * keys of exactly {@code n} and parts of at least {@code n}, reused from one split to the next, so a split makes no
 * array. Not thread-safe: one per sink or tally.
 */
final class SplitScratch {
    private long[][] keys = new long[0][];
    private long[] parts = new long[0];

    /** A scratch that grows as splits of more parts come. */
    SplitScratch() {}

    /**
     * A scratch made at once for every split of {@code allocator}'s sharing rules: a flow followed in compiled code
     * then never meets the growing path for the first time (which sends the JIT's code of the whole flow back to be
     * compiled again).
     */
    SplitScratch(Allocator allocator) {
        for (int[] targets : allocator.targetUnit) {
            keys(targets.length);
            parts(targets.length);
        }
    }

    /** Scratch tie-break keys for a split into {@code n} parts: an array of exactly {@code n}. */
    long[] keys(int n) {
        if (keys.length <= n) {
            keys = Arrays.copyOf(keys, n + 1);
        }
        if (keys[n] == null) {
            keys[n] = new long[n];
        }
        return keys[n];
    }

    /** Scratch parts for a split into {@code n} parts: an array of at least {@code n}. */
    long[] parts(int n) {
        if (parts.length < n) {
            parts = new long[n];
        }
        return parts;
    }
}
