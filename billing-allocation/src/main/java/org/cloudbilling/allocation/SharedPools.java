package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.Split;

/**
 * The sharing rules' pools of a period that grows by batches (DAILY-1), kept by deltas: per sharing rule and
 * currency, the pool, what the items' own rounding gave each target and the items in the order that designates
 * one (ALLOC-12). Adding, withdrawing or restating a shared item follows that item alone through the rules it
 * reaches; the pools are then split again (each in time linear in its targets) and the rounding corrections found
 * as {@link Allocator#prepare} over the whole period finds them, so {@link #run()} is exactly the run one pass
 * over the period's items prepares.
 *
 * <p>An item's rows change only when the item itself changes, when it is, or stops being, the designated item
 * of a rule whose correction changed, or when a proportional rule it reaches splits by other bases: {@link
 * #changedItems()} names those items after each {@link #apply}. A batch that changes no proportional base
 * re-allocates its own shared items and at most two items per sharing rule and currency; one that changes a
 * proportional base re-allocates the items that reach that rule in that currency, since each one's split
 * depends on the bases.
 *
 * <p>Immutable: {@link #apply} returns new pools sharing the untouched ones with these.
 */
public final class SharedPools {
    private final Allocator allocator;
    /** The bases the pools' items were followed with, without corrections. */
    private final AllocationRun bases;
    /** The bases with the rounding corrections of the pools. */
    private final AllocationRun run;

    private final ImmutableMap<PoolKey, Pool> pools;
    private final ImmutableSet<LineItemId> changed;

    /** A sharing rule, by index, in one currency. */
    private record PoolKey(int rule, Currency currency) {}

    /** One pool's sums and members; changed only while one {@link #apply} builds it. */
    private static final class Pool {
        Money pool;
        Money[] toTarget;
        /** How many members were split at each scale: the pool's scale is the largest with a member. */
        int[] scales;

        int split;
        PoolMembers members;

        Pool(Currency currency, int targets) {
            pool = Money.zero(currency);
            toTarget = new Money[targets];
            java.util.Arrays.fill(toTarget, pool);
            scales = new int[Money.MAX_SCALE + 1];
            members = PoolMembers.EMPTY;
        }

        Pool(Pool other) {
            pool = other.pool;
            toTarget = other.toTarget.clone();
            scales = other.scales.clone();
            split = other.split;
            members = other.members;
        }

        void add(PoolMembers.Member m, Money input, List<Money> parts, int scale, int sign) {
            if (parts != null) {
                pool = sign > 0 ? pool.plus(input) : pool.minus(input);
                for (int k = 0; k < parts.size(); k++) {
                    toTarget[k] = sign > 0 ? toTarget[k].plus(parts.get(k)) : toTarget[k].minus(parts.get(k));
                }
                scales[scale] += sign;
                split += sign;
            }
            members = sign > 0 ? members.with(m) : members.without(m);
        }

        int scale() {
            for (int s = scales.length - 1; s > 0; s--) {
                if (scales[s] > 0) {
                    return s;
                }
            }
            return 0;
        }
    }

    private SharedPools(
            Allocator allocator,
            AllocationRun bases,
            AllocationRun run,
            ImmutableMap<PoolKey, Pool> pools,
            ImmutableSet<LineItemId> changed) {
        this.allocator = allocator;
        this.bases = bases;
        this.run = run;
        this.pools = pools;
        this.changed = changed;
    }

    /**
     * Returns the pools of a period without shared items.
     *
     * @param bases a run holding the period's proportional bases (its rounding corrections play no part), not null
     * @return the empty pools, never null
     */
    public static SharedPools start(AllocationRun bases) {
        AllocationRun bare = requireNonNull(bases, "bases").bare();
        return new SharedPools(bases.allocator(), bare, bare, ImmutableMap.of(), ImmutableSet.of());
    }

    /** Returns the run to allocate the period's items with: its bases and rounding corrections, never null. */
    public AllocationRun run() {
        return run;
    }

    /** Returns the run of the bases alone, without rounding corrections, never null. */
    public AllocationRun bases() {
        return bases;
    }

    /**
     * Returns the items whose rows the last {@link #apply} changed: the items it added, the items re-split by
     * new proportional bases, and the designated items whose correction changed (some of them may have left the
     * period). Never null.
     */
    public ImmutableSet<LineItemId> changedItems() {
        return changed;
    }

    /**
     * Returns the pools after taking out {@code removed} and putting in {@code added}, with the period's bases
     * now {@code nextBases}. Items that do not enter the sharing graph are passed over.
     *
     * @param nextBases a run of the same rules holding the period's proportional bases after the change (its
     *     rounding corrections play no part), not null
     * @param removed items these pools hold, taken out, not null
     * @param added items put in, not null
     * @return the new pools, never null
     * @throws IllegalArgumentException if {@code nextBases} follows other rules
     */
    public SharedPools apply(AllocationRun nextBases, Collection<LineItem> removed, Collection<LineItem> added) {
        requireNonNull(nextBases, "nextBases");
        requireNonNull(removed, "removed");
        requireNonNull(added, "added");
        if (nextBases.allocator() != allocator) {
            throw new IllegalArgumentException("the bases follow other rules than these pools");
        }
        AllocationRun next = nextBases.bare();
        Map<PoolKey, Pool> work = new HashMap<>(pools);
        Set<PoolKey> copied = new HashSet<>();
        Set<LineItemId> touched = new HashSet<>();

        // an item that reaches a proportional rule whose bases changed is split again: out by the old, in by the new
        Map<LineItemId, PoolMembers.Member> reflow = new LinkedHashMap<>();
        pools.forEach((key, pool) -> {
            if (!sameSplit(key, next)) {
                pool.members.forEach(m -> reflow.putIfAbsent(m.id(), m));
            }
        });
        for (LineItem item : removed) {
            int entry = bases.entryRule(item);
            if (entry >= 0) {
                reflow.remove(item.id());
                follow(bases, item.id(), item.totalCost(), entry, work, copied, -1);
            }
        }
        for (PoolMembers.Member m : reflow.values()) {
            follow(bases, m.id(), m.amount(), m.entry(), work, copied, -1);
        }
        for (PoolMembers.Member m : reflow.values()) {
            follow(next, m.id(), m.amount(), m.entry(), work, copied, +1);
            touched.add(m.id());
        }
        for (LineItem item : added) {
            int entry = next.entryRule(item);
            if (entry >= 0) {
                follow(next, item.id(), item.totalCost(), entry, work, copied, +1);
                touched.add(item.id());
            }
        }
        work.values().removeIf(p -> p.members.isEmpty());
        ImmutableMap<PoolKey, Pool> frozen = ImmutableMap.copyOf(work);

        RoundingTally tally = RoundingTally.of(allocator);
        frozen.forEach((key, pool) -> {
            if (pool.split == 0) {
                return; // the rule falls back to Unallocated: nothing to round
            }
            RoundingTally.RuleTally t = new RoundingTally.RuleTally();
            t.pool = pool.pool;
            t.toTarget = pool.toTarget.clone();
            t.scale = pool.scale();
            PoolMembers.Member first = pool.members.first();
            t.designated = first.id();
            t.designatedAmount = first.amount();
            t.designatedEntry = first.entry();
            t.designatedInput = first.input();
            tally.byRule.computeIfAbsent(key.rule(), r -> new HashMap<>()).put(key.currency(), t);
        });
        AllocationRun nextRun = tally.isEmpty() ? next : next.reconciled(tally);
        corrected(run.corrections(), nextRun.corrections(), touched);
        corrected(nextRun.corrections(), run.corrections(), touched);
        return new SharedPools(allocator, next, nextRun, frozen, ImmutableSet.copyOf(touched));
    }

    /** Adds to {@code out} the designated item of each correction of {@code a} that {@code b} does not have. */
    private static void corrected(
            ImmutableMap<Integer, ImmutableMap<Currency, AllocationRun.Correction>> a,
            ImmutableMap<Integer, ImmutableMap<Currency, AllocationRun.Correction>> b,
            Set<LineItemId> out) {
        a.forEach((rule, byCurrency) -> byCurrency.forEach((currency, c) -> {
            ImmutableMap<Currency, AllocationRun.Correction> other = b.get(rule);
            AllocationRun.Correction d = other == null ? null : other.get(currency);
            if (d == null || !d.item().equals(c.item()) || !sameDeltas(c.delta(), d.delta())) {
                out.add(c.item());
            }
        }));
    }

    private static boolean sameDeltas(Money[] a, Money[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int k = 0; k < a.length; k++) {
            if (!a[k].equals(b[k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether a pool's rule splits the same way by {@code next}'s bases as by these pools' bases. */
    private boolean sameSplit(PoolKey key, AllocationRun next) {
        SharingRule rule = allocator.rules.sharingRules().get(key.rule());
        if (rule.method() != SharingMethod.PROPORTIONAL) {
            return true;
        }
        ImmutableMap<UnitId, Money> before = bases.collectedCost(key.currency());
        ImmutableMap<UnitId, Money> after = next.collectedCost(key.currency());
        ImmutableList<UnitId> targets = allocator.sortedTargets.get(rule.id());
        for (UnitId t : targets) {
            if (weight(before.get(t)).compareTo(weight(after.get(t))) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A target's weight in a proportional split: its base when positive, else zero. */
    private static java.math.BigDecimal weight(Money base) {
        return base == null || !base.isPositive() ? java.math.BigDecimal.ZERO : base.amount();
    }

    /** Follows one item under {@code by}'s splits, without corrections, into (+1) or out of (-1) the pools. */
    private void follow(
            AllocationRun by,
            LineItemId id,
            Money amount,
            int entry,
            Map<PoolKey, Pool> work,
            Set<PoolKey> copied,
            int sign) {
        int scale = Split.allocationScale(amount, allocator.allocationScale);
        by.follow(id, amount, entry, (rule, input, parts) -> {
            PoolKey key = new PoolKey(rule, input.currency());
            Pool pool = work.get(key);
            if (pool == null) {
                pool = new Pool(
                        input.currency(),
                        allocator
                                .sortedTargets
                                .get(allocator.rules.sharingRules().get(rule).id())
                                .size());
                work.put(key, pool);
                copied.add(key);
            } else if (copied.add(key)) {
                pool = new Pool(pool);
                work.put(key, pool);
            }
            pool.add(new PoolMembers.Member(id, amount, entry, input.abs()), input, parts, scale, sign);
        });
    }
}
