package org.cloudbilling.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;

/**
 * The end of a period allocated in one pass: each held item ({@link AllocationRun.Held}) followed through the sharing
 * graph once, for both the rounding tally (ALLOC-12) and its shares. The tally needs every item's flow before the
 * corrections are known, so each flow's shares are added as it is followed, and counted by scale; once the run is
 * reconciled with the tally, the shares of an item that carries a correction are taken out again (the same flow,
 * followed again) and the item is allocated by the run with its correction. An item whose flow does not fit in
 * units, or falls back to Unallocated, is allocated by the run as well ({@link AllocationRun#addSharesThroughGraph},
 * else its path of rows). The totals are exactly those of allocating every item after the tally: the same sums, and
 * each the scale of the shares that remain in it (the counts by scale tell it, as a share taken out may have been
 * the only one of the largest scale).
 *
 * <p>With {@code parallel}, the items are followed, and their shares added, in parts on parallel streams (the threads
 * of the caller's fork-join pool); tallies and sums are exact and merge in any order, so the totals are the
 * sequential ones whatever the parts.
 */
final class HeldShares {
    /** The held items of one part are at least this many, when there are parts. */
    private static final int PART_MIN = 1 << 13;

    private HeldShares() {}

    /**
     * Adds the held items' rows to {@code totals}: the run of the period made from {@code collected} (each unit's
     * collected cost per currency) and reconciled with the held items' tally, then their shares.
     */
    static void addTo(
            TotalsAccumulator totals,
            Allocator allocator,
            TagBindings tags,
            Map<Currency, Map<UnitId, Money>> collected,
            List<AllocationRun.Held> held,
            boolean parallel) {
        AllocationRun bases = AllocationRun.basesOfPeriod(allocator, tags, collected);
        List<List<AllocationRun.Held>> parts = parts(held, parallel);
        List<Part> followed = inParts(parts.size())
                .mapToObj(p -> new Part(bases, parts.get(p), true))
                .toList();
        RoundingTally tally = merged(followed);
        AllocationRun run = tally.isEmpty() ? bases : bases.reconciled(tally);
        Set<LineItemId> corrected = run.correctedItems();
        long[] correctedKeys =
                corrected.stream().mapToLong(TieBreak::itemKey).sorted().toArray();
        if (parts.size() == 1) {
            followed.get(0).addTo(run, corrected, correctedKeys, totals);
            return;
        }
        inParts(parts.size())
                .mapToObj(p -> followed.get(p).addTo(run, corrected, correctedKeys, new TotalsAccumulator(allocator)))
                .toList()
                .forEach(totals::merge);
    }

    /**
     * The rounding tally (ALLOC-12) of {@code held}, followed through {@code bases}' sharing graph: with {@code
     * parallel}, in parts on a parallel stream, the parts' tallies merged; the same tally exactly either way, since
     * sums are exact and the designated item is the first in one order.
     */
    static RoundingTally tallyOf(AllocationRun bases, List<AllocationRun.Held> held, boolean parallel) {
        List<List<AllocationRun.Held>> parts = parts(held, parallel);
        return merged(inParts(parts.size())
                .mapToObj(p -> new Part(bases, parts.get(p), false))
                .toList());
    }

    private static RoundingTally merged(List<Part> parts) {
        UnitsTally tally = parts.get(0).follow;
        for (int p = 1; p < parts.size(); p++) {
            tally.merge(parts.get(p).follow);
        }
        return tally.tally();
    }

    private static IntStream inParts(int parts) {
        IntStream p = IntStream.range(0, parts);
        return parts > 1 ? p.parallel() : p;
    }

    /** The held items in consecutive parts: one part unless {@code parallel} and they are many. */
    private static List<List<AllocationRun.Held>> parts(List<AllocationRun.Held> held, boolean parallel) {
        if (!parallel || held.size() < UnitsTally.PARALLEL_MIN) {
            return List.of(held);
        }
        int n = Math.max(1, held.size() / PART_MIN);
        List<List<AllocationRun.Held>> parts = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            parts.add(held.subList((int) ((long) held.size() * p / n), (int) ((long) held.size() * (p + 1) / n)));
        }
        return parts;
    }

    /**
     * One part of the held items, followed: its rounding tally, and (with shares) the shares of the items followed in
     * units ({@link ShareSums}), with which items they are.
     */
    private static final class Part {
        private final AllocationRun bases;
        private final List<AllocationRun.Held> items;
        /** The part's items followed: their rounding tally, finished. */
        final UnitsTally follow;
        /** Per item of the part, whether its shares are in {@link #shares}. */
        private final boolean[] shared;

        private final ShareSums shares;
        /**
         * Per item of the part, its id's tie-break key ({@link TieBreak#itemKey}), made once while the item is
         * followed: an item is looked up among the corrected ones only when its key is one of theirs, so the part's
         * items are not read again at the end.
         */
        private final long[] itemKeys;

        Part(AllocationRun bases, List<AllocationRun.Held> items, boolean withShares) {
            this.bases = bases;
            this.items = items;
            RoundingTally tally = RoundingTally.of(bases.allocator());
            this.shares = withShares ? new ShareSums(bases.allocator().unitOrder.size()) : null;
            this.shared = withShares ? new boolean[items.size()] : null;
            this.itemKeys = new long[items.size()];
            this.follow = withShares
                    ? new UnitsTally(bases, tally, shares, ShareSums.SCALES - 1)
                    : new UnitsTally(bases, tally);
            for (int from = 0; from < items.size(); from += PlacementCache.GROUP) {
                int to = Math.min(items.size(), from + PlacementCache.GROUP);
                // each item's id read for the whole group first, so that their reads of memory overlap
                for (int i = from; i < to; i++) {
                    itemKeys[i] = TieBreak.itemKey(items.get(i).id());
                }
                for (int i = from; i < to; i++) {
                    follow.add(items.get(i), itemKeys[i]);
                    if (withShares) {
                        shared[i] = follow.shared();
                    }
                }
            }
            follow.finish();
        }

        /**
         * Adds the part's rows to {@code totals}, {@code run} reconciled with the tally of every part: the shares of an
         * item that carries a correction ({@code corrected}, whose ids' keys are {@code correctedKeys}, sorted)
         * taken out again and the item allocated by the run, as an item whose shares were not added; then the shares.
         */
        TotalsAccumulator addTo(
                AllocationRun run, Set<LineItemId> corrected, long[] correctedKeys, TotalsAccumulator totals) {
            UnitsTally again = null;
            AllocationRun.GraphScratch graph = null;
            for (int i = 0; i < items.size(); i++) {
                if (shared[i] && Arrays.binarySearch(correctedKeys, itemKeys[i]) < 0) {
                    continue; // its shares added, and no correction: the item is not read again
                }
                AllocationRun.Held h = items.get(i);
                if (shared[i]) {
                    if (!corrected.contains(h.id())) {
                        continue;
                    }
                    if (again == null) { // the same flow as the part's, into a tally of its own
                        again = new UnitsTally(
                                bases, RoundingTally.of(bases.allocator()), shares.removing(), ShareSums.SCALES - 1);
                    }
                    again.add(h, itemKeys[i]);
                    if (!again.shared()) {
                        throw new IllegalStateException("bug: a held item's flow did not give its shares again");
                    }
                }
                if (graph == null) {
                    graph = new AllocationRun.GraphScratch(run.allocator());
                }
                if (!run.addSharesThroughGraph(h.id(), h.amount(), h.entry(), totals, graph)) {
                    run.allocate(h, totals);
                }
            }
            shares.addTo(totals);
            return totals;
        }
    }
}
