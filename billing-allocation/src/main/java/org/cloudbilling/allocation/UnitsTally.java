package org.cloudbilling.allocation;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;

/**
 * A {@link RoundingTally} being filled in {@code long} units: what held items give each sharing rule, per
 * currency, summed without a {@code Money} per split (see {@link AllocationRun#tallyInUnits}). Each rule's sums
 * are kept at the scale its splits are made at, beside the scale the {@code Money} sums would have; at the end, or
 * when a sum would leave a {@code long} or the scale changes, they are moved into the tally as one
 * {@link RoundingTally.RuleTally}, which merges exactly as the items added one by one would (pools and targets added,
 * the designated item the first by the total order). Confined to one thread.
 */
final class UnitsTally {
    private final RoundingTally tally;
    private final Map<Integer, Map<Currency, Sums>> byRule = new HashMap<>();

    // the rules one item reaches, before they are added: its inputs and their parts, as the walk found them
    int visited;
    int[] visitedRule;
    long[] visitedInput;
    int[] visitedInputScale;
    int[] visitedPartsAt;
    int[] visitedParts;
    long[] partsBuffer;
    final long[] keys;
    final long[] parts;

    UnitsTally(Allocator allocator, RoundingTally tally) {
        this.tally = tally;
        int rules = allocator.topologicalOrder.length;
        int targets = 0;
        int widest = 0;
        for (int[] t : allocator.targetUnit) {
            targets += t.length;
            widest = Math.max(widest, t.length);
        }
        this.visitedRule = new int[rules];
        this.visitedInput = new long[rules];
        this.visitedInputScale = new int[rules];
        this.visitedPartsAt = new int[rules];
        this.visitedParts = new int[rules];
        this.partsBuffer = new long[targets];
        this.keys = new long[widest];
        this.parts = new long[widest];
    }

    /** One rule's sums in one currency, in units at {@link #scale}. */
    private static final class Sums {
        final int scale;
        long pool;
        /** The largest scale of the inputs added: the pool's scale as {@code Money} sums would have it. */
        int poolScale;

        final long[] toTarget;
        LineItemId designated;
        Money designatedAmount;
        int designatedEntry;
        /** The designated item's absolute input, in units, and its scale as {@code Money}. */
        long designatedInput;

        int designatedInputScale;

        Sums(int scale, int targets) {
            this.scale = scale;
            this.toTarget = new long[targets];
        }
    }

    /**
     * Adds the rules the walk of one item visited ({@link #visited} of them, their parts at {@code scale}): the
     * same as {@link RoundingTally#add} for each, with sign +1.
     */
    void addVisited(Currency currency, LineItemId id, Money amount, int entry, int scale) {
        for (int v = 0; v < visited; v++) {
            int rule = visitedRule[v];
            Map<Currency, Sums> byCurrency = byRule.computeIfAbsent(rule, r -> new HashMap<>(2));
            Sums sums = byCurrency.get(currency);
            int n = visitedParts[v];
            long input = visitedInput[v];
            int at = visitedPartsAt[v];
            if (sums != null && (sums.scale != scale || !fits(sums, input, at))) {
                flush(rule, currency, sums);
                sums = null;
            }
            if (sums == null) {
                sums = new Sums(scale, n);
                byCurrency.put(currency, sums);
            }
            sums.pool += input;
            sums.poolScale = Math.max(sums.poolScale, visitedInputScale[v]);
            for (int k = 0; k < n; k++) {
                sums.toTarget[k] += partsBuffer[at + k];
            }
            long abs = Math.abs(input); // not Long.MIN_VALUE: the walk refuses it
            if (sums.designated == null
                    || abs > sums.designatedInput
                    || (abs == sums.designatedInput && id.compareTo(sums.designated) < 0)) {
                sums.designated = id;
                sums.designatedAmount = amount;
                sums.designatedEntry = entry;
                sums.designatedInput = abs;
                sums.designatedInputScale = visitedInputScale[v];
            }
        }
        visited = 0;
    }

    /** Whether adding the input and parts keeps every sum within a {@code long} (and off its least value). */
    private boolean fits(Sums sums, long input, int at) {
        if (!adds(sums.pool, input)) {
            return false;
        }
        for (int k = 0; k < sums.toTarget.length; k++) {
            if (!adds(sums.toTarget[k], partsBuffer[at + k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean adds(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) >= 0 && r != Long.MIN_VALUE;
    }

    /** Moves every rule's sums into the tally, and returns it. */
    RoundingTally finish() {
        byRule.forEach((rule, byCurrency) -> byCurrency.forEach((currency, sums) -> flush(rule, currency, sums)));
        byRule.clear();
        return tally;
    }

    private void flush(int rule, Currency currency, Sums sums) {
        RoundingTally.RuleTally t = new RoundingTally.RuleTally();
        t.pool = atScale(currency, sums.pool, sums.scale, sums.poolScale);
        t.toTarget = new Money[sums.toTarget.length];
        for (int k = 0; k < t.toTarget.length; k++) {
            t.toTarget[k] = Money.ofUnscaled(currency, sums.toTarget[k], sums.scale);
        }
        t.scale = sums.scale;
        t.designated = sums.designated;
        t.designatedAmount = sums.designatedAmount;
        t.designatedEntry = sums.designatedEntry;
        t.designatedInput = atScale(currency, sums.designatedInput, sums.scale, sums.designatedInputScale);
        tally.byRule
                .computeIfAbsent(rule, r -> new HashMap<>())
                .computeIfAbsent(currency, c -> new RoundingTally.RuleTally())
                .merge(t);
    }

    /**
     * {@code units} at {@code scale}, written at {@code to} decimals (not more than {@code scale}): exact, as every
     * amount summed had at most {@code to} decimals.
     */
    private static Money atScale(Currency currency, long units, int scale, int to) {
        long u = units;
        for (int s = scale; s > to; s--) {
            u /= 10;
        }
        return Money.ofUnscaled(currency, u, to);
    }
}
