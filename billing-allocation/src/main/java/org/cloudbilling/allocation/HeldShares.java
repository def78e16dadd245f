package org.cloudbilling.allocation;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.Split;

/**
 * The end of a period allocated in one pass: each held item ({@link AllocationRun.Held}) followed through the sharing
 * graph once, for both the rounding tally (ALLOC-12) and its shares. The tally needs every item's flow before the
 * corrections are known, so each flow is kept, in units, as the item's shares ({@link UnitsTally.Followed}); once the
 * run is reconciled with the tally, the kept shares are added to the totals. An item that carries a correction, or
 * whose flow was not kept, is allocated again by the run as before ({@link AllocationRun#addSharesThroughGraph}, else
 * its path of rows). The totals are exactly those of following every item a second time.
 *
 * <p>With {@code parallel}, the items are followed, and their shares added, in parts on parallel streams (the threads
 * of the caller's fork-join pool); tallies and sums are exact and merge in any order, so the totals are the
 * sequential ones whatever the parts.
 */
final class HeldShares {
    /** The held items of one part are at least this many, when there are parts. */
    private static final int PART_MIN = 1 << 11;

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
        List<UnitsTally> tallies = follow(bases, parts, true);
        RoundingTally tally = merged(tallies);
        AllocationRun run = tally.isEmpty() ? bases : bases.reconciled(tally);
        Set<LineItemId> corrected = run.correctedItems();
        if (parts.size() == 1) {
            addShares(run, parts.get(0), tallies.get(0).followed(), corrected, totals);
            return;
        }
        inParts(parts.size())
                .mapToObj(p -> addShares(
                        run, parts.get(p), tallies.get(p).followed(), corrected, new TotalsAccumulator(allocator)))
                .toList()
                .forEach(totals::merge);
    }

    /**
     * The rounding tally (ALLOC-12) of {@code held}, followed through {@code bases}' sharing graph: with {@code
     * parallel}, in parts on a parallel stream, the parts' tallies merged; the same tally exactly either way, since
     * sums are exact and the designated item is the first in one order.
     */
    static RoundingTally tallyOf(AllocationRun bases, List<AllocationRun.Held> held, boolean parallel) {
        return merged(follow(bases, parts(held, parallel), false));
    }

    private static List<UnitsTally> follow(
            AllocationRun bases, List<List<AllocationRun.Held>> parts, boolean keepShares) {
        return inParts(parts.size())
                .mapToObj(p -> followPart(bases, parts.get(p), keepShares))
                .toList();
    }

    private static RoundingTally merged(List<UnitsTally> tallies) {
        RoundingTally tally = tallies.get(0).tally();
        for (int p = 1; p < tallies.size(); p++) {
            tally.mergeInPlace(tallies.get(p).tally());
        }
        return tally;
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

    /** Follows one part's items: their tally, finished, and with {@code keepShares} their shares kept. */
    private static UnitsTally followPart(AllocationRun bases, List<AllocationRun.Held> part, boolean keepShares) {
        UnitsTally units = new UnitsTally(
                bases, RoundingTally.of(bases.allocator()), keepShares ? new UnitsTally.Followed(part.size()) : null);
        for (AllocationRun.Held h : part) {
            units.add(h);
        }
        units.finish();
        return units;
    }

    /** Adds one part's shares to {@code totals}: kept where they can be, else by the run. */
    private static TotalsAccumulator addShares(
            AllocationRun run,
            List<AllocationRun.Held> part,
            UnitsTally.Followed followed,
            Set<LineItemId> corrected,
            TotalsAccumulator totals) {
        Allocator allocator = run.allocator();
        AllocationRun.GraphScratch scratch = null;
        for (int i = 0; i < part.size(); i++) {
            AllocationRun.Held h = part.get(i);
            if (followed.kept(i) && (corrected.isEmpty() || !corrected.contains(h.id()))) {
                Money amount = h.amount();
                Currency currency = amount.currency();
                int itemScale = amount.scale();
                int scale = Split.allocationScale(amount, allocator.allocationScale);
                for (int s = followed.start(i), end = followed.end(i); s < end; s++) {
                    AllocationRun.addShare(totals, currency, followed.unit(s), followed.units(s), scale, itemScale);
                }
                continue;
            }
            if (scratch == null) {
                scratch = new AllocationRun.GraphScratch(allocator);
            }
            if (!run.addSharesThroughGraph(h.id(), h.amount(), h.entry(), totals, scratch)) {
                run.allocate(h, totals);
            }
        }
        return totals;
    }
}
