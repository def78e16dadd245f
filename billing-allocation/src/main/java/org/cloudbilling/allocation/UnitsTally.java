package org.cloudbilling.allocation;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.internal.MoneyInternals;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.Split;

/**
 * The rounding tally (ALLOC-12) of the items a one-pass collector held ({@link AllocationRun.Held}), made in units:
 * each item followed through the sharing graph as {@link AllocationRun#follow} follows it with no correction, every
 * split made by {@link Split#applyToUnits} with the item's tie-break keys, and each rule's pool and targets' sums
 * kept as {@code long}s ({@link TotalsAccumulator.Sums}) until the end. The same tally as the path of {@code Money},
 * exactly (values and scales: a sum has the largest scale added, as {@link Money#plus} gives), without an object
 * per split. An item that does not fit (an amount not compact, more decimals than its shares, a sum beyond a long)
 * takes the path of {@code Money} into the same tally. Confined to one thread.
 */
final class UnitsTally {
    private final AllocationRun run;
    private final Allocator allocator;
    private final RoundingTally tally;
    /** By sharing rule index: the sums per currency. */
    private final List<List<RuleSums>> sums;

    // scratch of one item's flow, by position in the topological order
    private final long[] pending;
    private final boolean[] reached;
    private final int[] pendingScale;
    /** The rules one item's flow split, in order, with each one's input and where its parts are. */
    private final int[] splitRule;

    private final long[] splitInput;
    private final int[] splitInputScale;
    private final int[] partsAt;
    private final long[] parts;
    private final SplitScratch scratch;
    /** Where the shares of each item added go, or null. */
    private final AllocationRun.Shares shares;
    /** The largest allocation scale of an item whose shares go to {@link #shares}. */
    private final int shareScaleLimit;
    /** Whether the item added last passed its shares to {@link #shares}. */
    private boolean shared;
    /** Whether a rule of the flow followed last fell back to Unallocated ({@link #follow}). */
    private boolean fellBack;

    UnitsTally(AllocationRun run, RoundingTally tally) {
        this(run, tally, null, -1);
    }

    /**
     * A tally that also passes to {@code shares} the unit shares of every item it adds in units, when the item's
     * allocation scale is at most {@code shareScaleLimit} and no rule of its flow falls back to Unallocated.
     */
    UnitsTally(AllocationRun run, RoundingTally tally, AllocationRun.Shares shares, int shareScaleLimit) {
        this.shares = shares;
        this.shareScaleLimit = shareScaleLimit;
        this.run = run;
        this.allocator = run.allocator();
        this.tally = tally;
        int m = allocator.topologicalOrder.length;
        this.sums = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            sums.add(new ArrayList<>(1));
        }
        this.pending = new long[m];
        this.reached = new boolean[m];
        this.pendingScale = new int[m];
        this.splitRule = new int[m];
        this.splitInput = new long[m];
        this.splitInputScale = new int[m];
        this.partsAt = new int[m];
        int targets = 0;
        for (int[] t : allocator.targetUnit) {
            targets += t.length;
        }
        this.parts = new long[targets];
        this.scratch = new SplitScratch(allocator);
    }

    /**
     * Tallies one held item, {@code itemKey} its id's {@link TieBreak#itemKey} (made by the caller, once for the item,
     * out of the flow's compiled code: ids held in two ways, compact or as text, take two paths there): in units when
     * it fits, else by the path of {@code Money}. Returns whether it was tallied in units.
     */
    boolean add(AllocationRun.Held held, long itemKey) {
        shared = false;
        if (addUnits(held.id(), itemKey, held.amount(), held.entry())) {
            return true;
        }
        run.tallyMoney(held.id(), held.amount(), held.entry(), tally);
        return false;
    }

    /** Whether the item added last passed its shares to this tally's sink. */
    boolean shared() {
        return shared;
    }

    /**
     * Follows the item in units and adds what it gave; returns false, having added nothing, when it does not fit.
     * {@code itemKey} is the id's {@link TieBreak#itemKey}.
     */
    private boolean addUnits(LineItemId id, long itemKey, Money amount, int entry) {
        if (!MoneyInternals.isCompact(amount)) {
            return false;
        }
        int itemScale = amount.scale();
        int scale = Split.allocationScale(amount, allocator.allocationScale);
        long itemUnits = MoneyInternals.unscaledValue(amount);
        if (scale < itemScale
                || itemUnits == Long.MIN_VALUE
                || ExactSum.scaleUp(itemUnits, scale - itemScale) == Long.MIN_VALUE) {
            return false;
        }
        Currency currency = amount.currency();
        int splits = follow(itemKey, itemUnits, itemScale, scale, currency, allocator.positionOf[entry]);
        if (splits < 0) {
            return false;
        }
        for (int s = 0; s < splits; s++) {
            int ruleIndex = splitRule[s];
            int n = allocator.targetUnit[ruleIndex].length;
            RuleSums rule = sumsOf(ruleIndex, currency, n);
            rule.sums.add(0, splitInput[s], splitInputScale[s]);
            for (int t = 0; t < n; t++) {
                rule.sums.add(1 + t, parts[partsAt[s] + t], scale);
            }
            rule.scale = Math.max(rule.scale, scale);
            designate(rule.tally, currency, id, amount, entry, Math.abs(splitInput[s]), splitInputScale[s]);
        }
        if (shares != null && !fellBack && scale <= shareScaleLimit) {
            passShares(splits, currency, scale, itemScale);
            shared = true;
        }
        return true;
    }

    /**
     * Follows an item of {@code itemUnits} at {@code itemScale} from the rule at {@code first} (its position in the
     * topological order) through the graph, every split at {@code scale}: each split's rule, input and parts into
     * {@link #splitRule}, {@link #splitInput}, {@link #splitInputScale}, {@link #partsAt} and {@link #parts}, and
     * {@link #fellBack} set when a rule of the flow falls back to Unallocated. Returns the number of splits, or -1 when
     * a sum does not fit a long (the path of {@code Money} takes the item). The loop of the period's end, kept apart
     * from what the item's splits add, so that its compiled code is compiled once.
     */
    private int follow(long itemKey, long itemUnits, int itemScale, int scale, Currency currency, int first) {
        // the entry rule's input is the item's cost as it is; what reaches a rule from another is at the shares' scale
        pending[first] = itemUnits;
        pendingScale[first] = itemScale;
        reached[first] = true;
        int splits = 0;
        int used = 0;
        boolean ok = true;
        fellBack = false;
        for (int position = first; position < pending.length; position++) {
            if (!reached[position]) {
                continue;
            }
            reached[position] = false; // the scratch is left clean, whatever happens
            long input = pending[position];
            int inputScale = pendingScale[position];
            if (!ok) {
                continue;
            }
            int ruleIndex = allocator.topologicalOrder[position];
            Split split = run.splitOf(ruleIndex, currency);
            if (split == null) { // falls back to Unallocated: no split to tally, nothing passed on
                fellBack = true;
                continue;
            }
            long atScale = inputScale == scale ? input : ExactSum.scaleUp(input, scale - inputScale);
            if (input == Long.MIN_VALUE || atScale == Long.MIN_VALUE) {
                ok = false;
                continue;
            }
            int n = split.parts();
            long[] k = scratch.keys(n);
            TieBreak.keys(itemKey, allocator.targetSalt[ruleIndex], k);
            splitRule[splits] = ruleIndex;
            splitInput[splits] = input;
            splitInputScale[splits] = inputScale;
            partsAt[splits++] = used;
            long[] out = scratch.parts(n);
            split.applyToUnits(atScale, k, out);
            System.arraycopy(out, 0, parts, used, n);
            used += n;
            int[] onward = allocator.onward[ruleIndex];
            for (int t = 0; t < n; t++) {
                if (onward[t] < 0) {
                    continue;
                }
                int next = allocator.positionOf[onward[t]];
                long part = out[t];
                if (reached[next]) {
                    long sum = pending[next] + part;
                    if (((pending[next] ^ sum) & (part ^ sum)) < 0) {
                        ok = false; // beyond a long: the path of Money adds it exactly
                    }
                    pending[next] = sum;
                } else {
                    pending[next] = part;
                    pendingScale[next] = scale;
                    reached[next] = true;
                }
            }
        }
        return ok ? splits : -1;
    }

    /** Passes on the item's shares: each split's parts that go to a unit, not on to another rule. */
    private void passShares(int splits, Currency currency, int scale, int itemScale) {
        for (int s = 0; s < splits; s++) {
            int ruleIndex = splitRule[s];
            int[] onward = allocator.onward[ruleIndex];
            int[] targets = allocator.targetUnit[ruleIndex];
            for (int t = 0; t < targets.length; t++) {
                if (onward[t] < 0) {
                    AllocationRun.addShare(shares, currency, targets[t], parts[partsAt[s] + t], scale, itemScale);
                }
            }
        }
    }

    /**
     * One rule's sums in one currency: slot 0 the pool, slot 1 + k target k; the largest allocation scale; and the
     * rule's tally in that currency, where its designated item is kept, looked up once.
     */
    private static final class RuleSums {
        final TotalsAccumulator.Sums sums;
        final RoundingTally.RuleTally tally;
        int scale;

        RuleSums(Currency currency, int targets, RoundingTally.RuleTally tally) {
            this.sums = new TotalsAccumulator.Sums(currency, targets + 1);
            this.tally = tally;
        }
    }

    private RuleSums sumsOf(int ruleIndex, Currency currency, int targets) {
        List<RuleSums> byCurrency = sums.get(ruleIndex);
        for (int i = 0; i < byCurrency.size(); i++) {
            RuleSums s = byCurrency.get(i);
            if (s.sums.currency == currency || s.sums.currency.equals(currency)) {
                return s;
            }
        }
        RuleSums s = new RuleSums(currency, targets, tally.ruleTally(ruleIndex, currency));
        byCurrency.add(s);
        return s;
    }

    /**
     * Makes the item the rule's designated item when it comes first (the largest absolute input, then the smallest
     * id), as {@link RoundingTally.RuleTally#add} does; the input as {@code Money} only when it wins.
     */
    private static void designate(
            RoundingTally.RuleTally t,
            Currency currency,
            LineItemId id,
            Money amount,
            int entry,
            long absInput,
            int inputScale) {
        if (t.designated != null) {
            Money current = t.designatedInput;
            int byInput = MoneyInternals.isCompact(current) && current.scale() == inputScale
                    ? Long.compare(absInput, MoneyInternals.unscaledValue(current))
                    : Money.ofUnscaled(currency, absInput, inputScale).compareTo(current);
            if (byInput < 0 || (byInput == 0 && id.compareTo(t.designated) >= 0)) {
                return;
            }
        }
        t.designate(id, amount, entry, Money.ofUnscaled(currency, absInput, inputScale));
    }

    /**
     * Adds the sums kept in units to the tally: each rule's pool and targets' sums, and its scale; the sums start
     * again empty, so finishing twice adds them once.
     */
    void finish() {
        for (int ruleIndex = 0; ruleIndex < sums.size(); ruleIndex++) {
            for (RuleSums r : sums.get(ruleIndex)) {
                TotalsAccumulator.Sums s = r.sums;
                RoundingTally.RuleTally t = r.tally;
                Money[] toTarget = new Money[s.units.length - 1];
                for (int k = 0; k < toTarget.length; k++) {
                    toTarget[k] = s.total(1 + k);
                }
                t.addSums(s.total(0), toTarget, r.scale);
            }
            sums.get(ruleIndex).clear();
        }
    }

    /**
     * Adds {@code other}'s items into this tally (both finished first): pools and targets' sums added, the designated
     * item the first in the tally's order, so the tally of parts is the tally of the whole, exactly, in any order.
     */
    UnitsTally merge(UnitsTally other) {
        finish();
        other.finish();
        tally.mergeInPlace(other.tally);
        return this;
    }

    /** Fewer held items than this are followed on the calling thread alone ({@link HeldShares}). */
    static final int PARALLEL_MIN = 1 << 12;

    /** This tally's own rounding tally, complete once {@link #finish} ran. */
    RoundingTally tally() {
        return tally;
    }
}
