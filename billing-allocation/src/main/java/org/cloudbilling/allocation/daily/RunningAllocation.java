package org.cloudbilling.allocation.daily;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationBases;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.Breakdown;
import org.cloudbilling.allocation.Explanation;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.SharedPools;
import org.cloudbilling.allocation.SharingMethod;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SummaryRow;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.backtracking.AllocationLine;
import org.cloudbilling.allocation.backtracking.MonthVersion;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.daily.ChargeChange;
import org.cloudbilling.core.daily.MonthLedger;
import org.cloudbilling.core.daily.internal.PersistentMap;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;

/**
 * A month's cost allocation that follows the month's daily batches (DAILY-1): after any sequence of {@link
 * MonthLedger.Update changes}, its rows and summaries equal those of {@link Allocator#prepare} and {@link
 * AllocationRun#allocateAll} over the month's charges in one pass, to the last decimal.
 *
 * <p><b>What is incremental.</b> An item that no sharing rule reaches (collected into a unit that shares nothing
 * on, or Unallocated) has rows that depend on the item alone: a batch allocates its new and restated items of
 * this kind once, and the summary cells, source totals and item count change by the rows' deltas, item by item.
 * The proportional bases (each target unit's collected cost per currency) are kept per collection rule. The items
 * that enter the sharing graph are kept in {@link SharedPools}: per sharing rule and currency, the pool, what the
 * items' own rounding gave each target and the order that designates the item carrying the rule's rounding
 * correction (ALLOC-12), all adjusted by the batch's items alone; the pools are split again (time linear in their
 * targets) and only the items whose rows changed are allocated again: the batch's, the designated items whose
 * correction changed and, when the batch changes a proportional base, the items that rule splits (each one's
 * split depends on the bases). {@link #allocatedByLastApply()} counts them. Backtracking ({@link #recomputed})
 * allocates the whole month again by new rules.
 *
 * <p>Immutable: each {@link #apply} returns a new value sharing every untouched item's rows with this one.
 */
public final class RunningAllocation {
    private static final Breakdown[] BREAKDOWNS = Breakdown.values();

    private final Allocator allocator;
    private final TagBindings tags;
    private final BillingCalendar calendar;
    private final ImmutableSet<UnitId> baseUnits;
    private final SharedPools pools;
    private final int allocated;
    private final PersistentMap<LineItemId, ImmutableList<AllocatedRow>> rows;
    private final PersistentMap<LineItemId, LineItem> shared;
    private final PersistentMap<BaseKey, PersistentMap<LineItemId, LineItem>> bases;
    private final PersistentMap<Cell, Sum> cells;
    private final ImmutableMap<Currency, Sum> sources;

    /** A summary cell: unit (null for Unallocated), type, breakdown (null for the per-unit totals), value. */
    private record Cell(UnitId unit, AllocationType type, Breakdown breakdown, String value, Currency currency) {}

    /** A cell's amount and the number of rows in it: a cell without rows is gone, as in a one-pass summary. */
    private record Sum(Money amount, long count) {
        Sum plus(Money m, int sign) {
            return new Sum(sign > 0 ? amount.plus(m) : amount.minus(m), count + sign);
        }
    }

    /** A collection rule's items in one currency: their collected cost is a proportional base. */
    private record BaseKey(Currency currency, RuleId rule) {}

    private RunningAllocation(
            Allocator allocator,
            TagBindings tags,
            BillingCalendar calendar,
            ImmutableSet<UnitId> baseUnits,
            SharedPools pools,
            int allocated,
            PersistentMap<LineItemId, ImmutableList<AllocatedRow>> rows,
            PersistentMap<LineItemId, LineItem> shared,
            PersistentMap<BaseKey, PersistentMap<LineItemId, LineItem>> bases,
            PersistentMap<Cell, Sum> cells,
            ImmutableMap<Currency, Sum> sources) {
        this.allocator = allocator;
        this.tags = tags;
        this.calendar = calendar;
        this.baseUnits = baseUnits;
        this.pools = pools;
        this.allocated = allocated;
        this.rows = rows;
        this.shared = shared;
        this.bases = bases;
        this.cells = cells;
        this.sources = sources;
    }

    /**
     * Returns the allocation of a month without charges.
     *
     * @param allocator the month's compiled rules, not null
     * @param tags the resources' tag history, not null
     * @param calendar cuts days and months for the summaries, not null
     * @return the empty allocation, never null
     */
    public static RunningAllocation start(Allocator allocator, TagBindings tags, BillingCalendar calendar) {
        requireNonNull(allocator, "allocator");
        requireNonNull(tags, "tags");
        requireNonNull(calendar, "calendar");
        ImmutableSet.Builder<UnitId> baseUnits = ImmutableSet.builder();
        for (SharingRule r : allocator.rules().sharingRules()) {
            if (r.method() == SharingMethod.PROPORTIONAL) {
                baseUnits.addAll(r.targets());
            }
        }
        return new RunningAllocation(
                allocator,
                tags,
                calendar,
                baseUnits.build(),
                SharedPools.start(allocator.prepare(List.of(), tags)),
                0,
                PersistentMap.empty(),
                PersistentMap.empty(),
                PersistentMap.empty(),
                PersistentMap.empty(),
                ImmutableMap.of());
    }

    /**
     * Returns the allocation of the ledger's charges, computed whole: how a month starts from a stored ledger, and
     * how backtracking recomputes it by other rules.
     *
     * @param allocator the rules, not null
     * @param tags the resources' tag history, not null
     * @param calendar cuts days and months for the summaries, not null
     * @param ledger the month's charges, not null
     * @return the allocation, never null
     */
    public static RunningAllocation of(
            Allocator allocator, TagBindings tags, BillingCalendar calendar, MonthLedger ledger) {
        List<ChargeChange> all = new ArrayList<>(ledger.size());
        ledger.forEachCharge(item -> all.add(new ChargeChange(Optional.empty(), Optional.of(item))));
        return start(allocator, tags, calendar).apply(all);
    }

    /**
     * Returns this month's allocation by other rules over the same charges (BACK-1): everything is allocated
     * again.
     *
     * @param rules the rules in force now, not null
     * @param ledger the month's charges, the ones this allocation follows, not null
     * @return the recomputed allocation, never null
     */
    public RunningAllocation recomputed(Allocator rules, MonthLedger ledger) {
        return of(rules, tags, calendar, ledger);
    }

    /** Returns the rules this allocation follows, never null. */
    public Allocator allocator() {
        return allocator;
    }

    /** Returns the run the shared items are allocated with: the month's bases and rounding, never null. */
    public AllocationRun run() {
        return pools.run();
    }

    /**
     * Returns how many items the last {@link #apply} allocated: its new and restated items, the shared items split
     * again by new proportional bases, and the designated items whose rounding correction changed (ALLOC-12). The
     * work of a batch, in items; it does not grow with the month unless the batch changes a proportional base.
     */
    public int allocatedByLastApply() {
        return allocated;
    }

    /**
     * Returns this allocation after {@code update}'s changes.
     *
     * @param update a ledger update whose changes follow the charges this allocation holds, not null
     * @return the new allocation, never null
     */
    public RunningAllocation apply(MonthLedger.Update update) {
        return apply(update.changes());
    }

    /**
     * Returns this allocation after {@code changes}: each takes out its charge's old content and puts in its new.
     *
     * @param changes the changes, each to a charge this allocation holds (before) or not (added), not null
     * @return the new allocation, never null
     * @throws IllegalArgumentException if a change takes out a charge this allocation does not hold
     */
    public RunningAllocation apply(List<ChargeChange> changes) {
        if (changes.isEmpty()) {
            return this;
        }
        Work w = new Work();
        for (ChargeChange change : changes) {
            if (change.before().isPresent()) {
                w.remove(change.before().get());
            }
            if (change.after().isPresent()) {
                w.add(change.after().get());
            }
        }
        SharedPools nextPools = pools;
        if (w.basesChanged || !w.removedShared.isEmpty() || !w.addedShared.isEmpty()) {
            AllocationRun bases = pools.bases();
            if (w.basesChanged) {
                Map<RuleId, UnitId> unitOf = new HashMap<>();
                allocator.rules().collectionRules().forEach(rule -> unitOf.put(rule.id(), rule.unit()));
                AllocationBases[] sums = {AllocationBases.empty()};
                w.bases.forEach((key, members) -> sums[0] = sums[0].merge(collected(unitOf.get(key.rule()), members)));
                bases = allocator.prepare(sums[0], tags);
            }
            nextPools = pools.apply(bases, w.removedShared, w.addedShared);
            AllocationRun r = nextPools.run();
            for (LineItemId id : nextPools.changedItems()) {
                LineItem item = w.shared.get(id);
                if (item == null) {
                    continue; // it left the month
                }
                ImmutableList<AllocatedRow> old = w.rows.get(id);
                if (old != null) {
                    w.cells(old, -1);
                }
                ImmutableList<AllocatedRow> fresh = r.allocate(item);
                w.rows = w.rows.put(id, fresh);
                w.cells(fresh, +1);
                w.allocated++;
            }
        }
        return new RunningAllocation(
                allocator,
                tags,
                calendar,
                baseUnits,
                nextPools,
                w.allocated,
                w.rows,
                w.shared,
                w.bases,
                w.cells,
                ImmutableMap.copyOf(w.sources));
    }

    /** The base of a collection rule's items in one currency, collected into {@code unit}: their total cost. */
    private static AllocationBases collected(UnitId unit, PersistentMap<LineItemId, LineItem> members) {
        List<LineItem> items = members.values();
        Money sum = items.get(0).totalCost();
        for (int i = 1; i < items.size(); i++) {
            sum = sum.plus(items.get(i).totalCost());
        }
        return AllocationBases.of(unit, sum);
    }

    /** The maps of one {@link #apply}, changed item by item. */
    private final class Work {
        PersistentMap<LineItemId, ImmutableList<AllocatedRow>> rows = RunningAllocation.this.rows;
        PersistentMap<LineItemId, LineItem> shared = RunningAllocation.this.shared;
        PersistentMap<BaseKey, PersistentMap<LineItemId, LineItem>> bases = RunningAllocation.this.bases;
        PersistentMap<Cell, Sum> cells = RunningAllocation.this.cells;
        final Map<Currency, Sum> sources = new HashMap<>(RunningAllocation.this.sources);
        final List<LineItem> removedShared = new ArrayList<>();
        final List<LineItem> addedShared = new ArrayList<>();
        boolean basesChanged;
        int allocated;

        /** Takes {@code item} out. */
        void remove(LineItem item) {
            ImmutableList<AllocatedRow> old = rows.get(item.id());
            if (old == null) {
                throw new IllegalArgumentException("line item " + item.id() + " is not in the allocation");
            }
            rows = rows.remove(item.id());
            cells(old, -1);
            source(item, -1);
            if (shared.containsKey(item.id())) {
                shared = shared.remove(item.id());
                removedShared.add(item);
                sharedBase(item, -1);
                return;
            }
            base(old.get(0), item, -1);
        }

        /** Puts {@code item} in. */
        void add(LineItem item) {
            ImmutableList<AllocatedRow> fresh = pools.run().allocate(item);
            source(item, +1);
            if (dependsOnRun(fresh)) {
                shared = shared.put(item.id(), item); // rows follow once the pools are split again
                addedShared.add(item);
                sharedBase(item, +1);
                return;
            }
            rows = rows.put(item.id(), fresh);
            cells(fresh, +1);
            allocated++;
            base(fresh.get(0), item, +1);
        }

        /** A shared item collected into a unit that is a proportional target (and shares on) is in its base. */
        private void sharedBase(LineItem item, int sign) {
            if (baseUnits.isEmpty()) {
                return;
            }
            Explanation e = allocator.explain(item, tags);
            if (e.collectedInto().isPresent()
                    && baseUnits.contains(e.collectedInto().get())) {
                base(e.collectedBy().orElseThrow(), item, sign);
            }
        }

        private void base(AllocatedRow row, LineItem item, int sign) {
            if (row.type() == AllocationType.COLLECTED
                    && baseUnits.contains(row.unit().orElseThrow())) {
                base(row.rule().orElseThrow(), item, sign);
            }
        }

        private void base(RuleId rule, LineItem item, int sign) {
            basesChanged = true;
            BaseKey key = new BaseKey(item.currency(), rule);
            PersistentMap<LineItemId, LineItem> members = bases.get(key);
            members = members == null ? PersistentMap.empty() : members;
            members = sign > 0 ? members.put(item.id(), item) : members.remove(item.id());
            bases = members.isEmpty() ? bases.remove(key) : bases.put(key, members);
        }

        private void source(LineItem item, int sign) {
            Sum s = sources.get(item.currency());
            s = s == null ? new Sum(item.totalCost(), 1) : s.plus(item.totalCost(), sign);
            if (s.count() == 0) {
                sources.remove(item.currency());
            } else {
                sources.put(item.currency(), s);
            }
        }

        void cells(List<AllocatedRow> list, int sign) {
            for (AllocatedRow row : list) {
                UnitId unit = row.unit().orElse(null);
                Currency currency = row.amount().currency();
                cell(new Cell(unit, row.type(), null, null, currency), row.amount(), sign);
                for (Breakdown b : BREAKDOWNS) {
                    cell(new Cell(unit, row.type(), b, valueOf(b, row.item()), currency), row.amount(), sign);
                }
            }
        }

        private void cell(Cell key, Money amount, int sign) {
            Sum s = cells.get(key);
            s = s == null ? new Sum(amount, 1) : s.plus(amount, sign);
            cells = s.count() == 0 ? cells.remove(key) : cells.put(key, s);
        }
    }

    /**
     * Whether an item's rows depend on the month: only an item collected into a unit that shares nothing on, or
     * matched by no rule, has one row without a sharing rule's hand in it.
     */
    private static boolean dependsOnRun(List<AllocatedRow> rows) {
        if (rows.size() != 1) {
            return true;
        }
        AllocatedRow row = rows.get(0);
        return row.type() == AllocationType.SHARED
                || (row.type() == AllocationType.UNALLOCATED && row.rule().isPresent());
    }

    private String valueOf(Breakdown b, LineItem item) {
        return switch (b) {
            case PRODUCT -> item.businessCode().value();
            case RESOURCE -> item.resourceId().map(r -> r.value()).orElse(null);
            case COMPONENT -> item.itemCode().map(c -> c.value()).orElse(null);
            case DAY -> calendar.dayOf(item.feePeriod().start()).toString();
            case MONTH -> calendar.monthOf(item.feePeriod().start()).toString();
        };
    }

    /** Returns the number of items allocated. */
    public long itemCount() {
        long n = 0;
        for (Sum s : sources.values()) {
            n += s.count();
        }
        return n;
    }

    /** Returns the items' total cost per currency: what the rows add up to, never null. */
    public ImmutableMap<Currency, Money> sourceTotals() {
        ImmutableMap.Builder<Currency, Money> out = ImmutableMap.builder();
        sources.forEach((c, s) -> out.put(c, s.amount()));
        return out.build();
    }

    /**
     * Returns the cost placed in {@code unit} (not its subtree), of every type, in {@code currency}.
     *
     * @param unit the unit, not null
     * @param currency the currency, not null
     * @return the total, zero when the unit has none, never null
     */
    public Money unitTotal(UnitId unit, Currency currency) {
        requireNonNull(unit, "unit");
        Money sum = Money.zero(requireNonNull(currency, "currency"));
        for (SummaryRow r : byUnit()) {
            if (r.unit().equals(Optional.of(unit)) && r.amount().currency().equals(currency)) {
                sum = sum.plus(r.amount());
            }
        }
        return sum;
    }

    /** Returns the total per unit and allocation type, as {@code AllocationSummary.byUnit()} orders it. */
    public ImmutableList<SummaryRow> byUnit() {
        return summaryRows(null);
    }

    /** Returns the totals per unit, type and {@code breakdown} value, as {@code AllocationSummary.by} orders them. */
    public ImmutableList<SummaryRow> by(Breakdown breakdown) {
        return summaryRows(requireNonNull(breakdown, "breakdown"));
    }

    private static final Comparator<Cell> ORDER = Comparator.comparing(
                    (Cell k) -> k.unit() == null ? "" : "~" + k.unit().value())
            .thenComparing(Cell::type)
            .thenComparing(k -> k.value() == null ? "" : "~" + k.value())
            .thenComparing(k -> k.currency().getCurrencyCode());

    private ImmutableList<SummaryRow> summaryRows(Breakdown breakdown) {
        List<Map.Entry<Cell, Sum>> picked = new ArrayList<>();
        cells.forEach((cell, sum) -> {
            if (cell.breakdown() == breakdown) {
                picked.add(Map.entry(cell, sum));
            }
        });
        picked.sort(Map.Entry.comparingByKey(ORDER));
        ImmutableList.Builder<SummaryRow> out = ImmutableList.builderWithExpectedSize(picked.size());
        for (Map.Entry<Cell, Sum> e : picked) {
            Cell c = e.getKey();
            out.add(new SummaryRow(
                    Optional.ofNullable(c.unit()),
                    c.type(),
                    Optional.ofNullable(c.value()),
                    e.getValue().amount()));
        }
        return out.build();
    }

    /** Returns the rows of {@code id}, empty when the month has no such item, never null. */
    public ImmutableList<AllocatedRow> rowsOf(LineItemId id) {
        ImmutableList<AllocatedRow> r = rows.get(requireNonNull(id, "id"));
        return r == null ? ImmutableList.of() : r;
    }

    /** Returns every row, items in id order, each item's rows as the run gives them; costs a copy of the month. */
    public ImmutableList<AllocatedRow> rows() {
        List<Map.Entry<LineItemId, ImmutableList<AllocatedRow>>> all = rows.entries();
        all.sort(Map.Entry.comparingByKey());
        ImmutableList.Builder<AllocatedRow> out = ImmutableList.builder();
        for (Map.Entry<LineItemId, ImmutableList<AllocatedRow>> e : all) {
            out.addAll(e.getValue());
        }
        return out.build();
    }

    /**
     * Returns this allocation as a version of the month's history, to compare with {@link
     * org.cloudbilling.allocation.backtracking.VersionDiff} (DAILY-3, BACK-8).
     *
     * @param month the month, not null
     * @param number the version's number, at least 1
     * @param ruleVersion the id of the rules' version, not null
     * @param backtrack the backtrack record that made it, empty for a daily version, not null
     * @param computedAt when it was computed, not null
     * @param effectiveFrom from when readers see it, not null
     * @return the version, never null
     */
    public MonthVersion version(
            BillingMonth month,
            int number,
            String ruleVersion,
            Optional<String> backtrack,
            Instant computedAt,
            Instant effectiveFrom) {
        List<AllocationLine> lines = new ArrayList<>();
        for (AllocatedRow row : rows()) {
            lines.add(AllocationLine.of(row));
        }
        lines.sort(Comparator.comparing(AllocationLine::item)
                .thenComparing(l -> l.unit().map(u -> "~" + u.value()).orElse(""))
                .thenComparing(AllocationLine::type)
                .thenComparing(l -> l.rule().map(r -> r.value()).orElse("")));
        return new MonthVersion(month, number, ruleVersion, backtrack, computedAt, effectiveFrom, lines);
    }

    /** Returns the ids of the items that enter the sharing graph: their rows depend on the month's pools. */
    public Set<LineItemId> sharedItems() {
        Set<LineItemId> out = new java.util.HashSet<>();
        shared.forEach((id, item) -> out.add(id));
        return out;
    }

    @Override
    public String toString() {
        return "RunningAllocation[" + rows.size() + " items, " + shared.size() + " shared]";
    }
}
