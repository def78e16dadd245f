package org.cloudbilling.allocation;

import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.internal.MoneyInternals;
import org.cloudbilling.core.money.Money;

/**
 * The mutable state of {@link AllocationTotals}: per currency, one exact sum per (unit, allocation type) slot,
 * kept as a {@code long} of units at the slot's scale and turned into {@link Money} once, at the end. A collected
 * item found in the placement cache is added without making any object. Confined to one thread; merges.
 */
final class TotalsAccumulator implements AllocationRun.RowSink, AllocationRun.ShareSink {
    private static final int TYPES = AllocationType.values().length;
    private final AllocationRun run;
    private final Allocator allocator;
    final PlacementCache placements;
    private final int slots;
    final SumsByCurrency sums;

    long items;
    long rows;
    private final SplitScratch scratch;

    TotalsAccumulator(AllocationRun run) {
        this.run = run;
        this.allocator = run.allocator();
        this.placements = run.placements();
        this.slots = (allocator.unitOrder.size() + 1) * TYPES;
        this.scratch = new SplitScratch(allocator);
        this.sums = new SumsByCurrency(slots);
    }

    /** An accumulator of rows only ({@link #row}, {@link #addRow}), for a run not known yet: no {@link #add}. */
    TotalsAccumulator(Allocator allocator) {
        this(allocator, null);
    }

    /**
     * As {@link #TotalsAccumulator(Allocator)}, for one of the containers of a collection whose first currency is
     * {@code first} ({@link SumsByCurrency#SumsByCurrency(int, SumsByCurrency.First)}).
     */
    TotalsAccumulator(Allocator allocator, SumsByCurrency.First first) {
        this.run = null;
        this.allocator = allocator;
        this.placements = null;
        this.slots = (allocator.unitOrder.size() + 1) * TYPES;
        this.scratch = new SplitScratch(allocator);
        this.sums = new SumsByCurrency(slots, first);
    }

    /** Exact sums of one currency. */
    static final class Sums {
        final Currency currency;
        final long[] units;
        final byte[] scales;
        final boolean[] touched;
        /** What did not fit a long at the slot's scale, added as money; null where nothing spilled. */
        final Money[] spilled;

        Sums(Currency currency, int slots) {
            this.currency = currency;
            this.units = new long[slots];
            this.scales = new byte[slots];
            this.touched = new boolean[slots];
            this.spilled = new Money[slots];
        }

        void add(int slot, Money amount) {
            if (!MoneyInternals.isCompact(amount)
                    || !addUnits(slot, MoneyInternals.unscaledValue(amount), amount.scale())) {
                touched[slot] = true;
                spilled[slot] = spilled[slot] == null ? amount : spilled[slot].plus(amount);
            }
        }

        /** Adds {@code u} units at scale {@code s}: as {@link #add(int, Money)} adds that money, making none. */
        void add(int slot, long u, int s) {
            if (!addUnits(slot, u, s)) {
                add(slot, Money.ofUnscaled(currency, u, s));
            }
        }

        /** Adds {@code u} units at scale {@code s} when the sum fits a long; returns false, adding nothing, else. */
        boolean addUnits(int slot, long u, int s) {
            touched[slot] = true;
            {
                int current = scales[slot];
                long sum = units[slot];
                if (s > current) {
                    long scaled = ExactSum.scaleUp(sum, s - current);
                    if (scaled != Long.MIN_VALUE) {
                        sum = scaled;
                        current = s;
                        scales[slot] = (byte) s;
                        units[slot] = sum;
                    }
                } else if (s < current) {
                    u = ExactSum.scaleUp(u, current - s);
                }
                if (s <= current && u != Long.MIN_VALUE) {
                    long r = sum + u;
                    if (((sum ^ r) & (u ^ r)) >= 0) {
                        units[slot] = r;
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether any row was added. */
        boolean used() {
            for (boolean t : touched) {
                if (t) {
                    return true;
                }
            }
            return false;
        }

        Money total(int slot) {
            Money m = Money.ofUnscaled(currency, units[slot], scales[slot]);
            return spilled[slot] == null ? m : m.plus(spilled[slot]);
        }
    }

    Sums sums(Currency currency) {
        return sums.of(currency);
    }

    /** The sums of the currencies some row was added in: not those made at once and left empty. */
    List<Sums> usedSums() {
        return sums.used();
    }

    static int slot(int unitIndex, AllocationType type) {
        return (unitIndex + 1) * TYPES + type.ordinal();
    }

    void add(LineItem item) {
        items++;
        int placement = placements.placementOf(item);
        int entry;
        if (placement >= 0) {
            entry = allocator.onwardOfCollection[placement];
            if (entry < 0) {
                rows++;
                sums(item.currency())
                        .add(slot(allocator.unitOfCollection[placement], AllocationType.COLLECTED), item.totalCost());
                return;
            }
        } else {
            entry = placement <= -2 ? -2 - placement : -1;
        }
        if (entry >= 0 && run.addShares(item, entry, this)) {
            return;
        }
        run.allocate(item, placement, this);
    }

    /** Scratch tie-break keys for a split into {@code n} parts (see {@link AllocationRun#addShares}). */
    @Override
    public long[] keys(int n) {
        return scratch.keys(n);
    }

    /** Scratch parts for a split into {@code n} parts. */
    @Override
    public long[] parts(int n) {
        return scratch.parts(n);
    }

    /** Adds a shared row of {@code units} at {@code scale} to the unit of dense index {@code unitIndex}. */
    @Override
    public void addShare(Currency currency, int unitIndex, long units, int scale) {
        rows++;
        sums(currency).add(slot(unitIndex, AllocationType.SHARED), units, scale);
    }

    @Override
    public void row(LineItem item, UnitId unit, int unitIndex, AllocationType type, Money amount, RuleId rule) {
        addRow(unitIndex, type, amount);
    }

    /** Adds one row of {@code amount} to the unit of dense index {@code unitIndex} (-1 for Unallocated). */
    void addRow(int unitIndex, AllocationType type, Money amount) {
        rows++;
        sums(amount.currency()).add(slot(unitIndex, type), amount);
    }

    /** Adds {@code rows} shared rows, whose sum is {@code total}, to the unit of dense index {@code unitIndex}. */
    void addShares(int unitIndex, Money total, long rows) {
        this.rows += rows;
        sums(total.currency()).add(slot(unitIndex, AllocationType.SHARED), total);
    }

    /** {@link #addRow(int, AllocationType, Money)} of an amount given as an exact decimal's parts. */
    void addRow(int unitIndex, AllocationType type, Currency currency, long unscaled, int scale) {
        rows++;
        sums(currency).add(slot(unitIndex, type), unscaled, scale);
    }

    TotalsAccumulator merge(TotalsAccumulator other) {
        sums.add(other.sums);
        items += other.items;
        rows += other.rows;
        return this;
    }

    AllocationTotals toTotals() {
        return new AllocationTotals(allocator.unitOrder, this);
    }
}
