package org.cloudbilling.allocation.focus;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.backtracking.AllocationLine;
import org.cloudbilling.allocation.backtracking.MonthVersion;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Cost allocation bills in FOCUS 1.0 form. Each allocated row is a FOCUS row of its source item (mapped by
 * {@link FocusLineItems#toRow}) whose BilledCost and EffectiveCost are the allocated amount, and whose ListCost
 * and ContractedCost are the item's split in the same proportions, exactly ({@link Money#splitByWeights}); the
 * unit, allocation type and rule go to {@link #EXTRA_COLUMNS}. The item's payment columns are left out: they
 * describe the whole item, not a share.
 *
 * <pre>{@code
 * try (FocusCsvWriter out = FocusCsv.writer(writer, AllocationFocus.EXTRA_COLUMNS, FormulaGuard.ON)) {
 *     AllocationFocus.toRows(bill.rows(), month, export).forEach(out::write);
 * }
 * }</pre>
 */
public final class AllocationFocus {
    /** The cost allocation unit; empty for Unallocated. */
    public static final String X_ALLOCATION_UNIT = "x_AllocationUnit";
    /** Collected, Shared or Unallocated (ALLOC-6). */
    public static final String X_ALLOCATION_TYPE = "x_AllocationType";
    /** The rule that decided; empty when no rule matched. */
    public static final String X_ALLOCATION_RULE = "x_AllocationRule";

    private static final List<String> AMOUNT_COLUMNS = List.of(
            "x_ReservedInstanceDeduction",
            "x_SavingsPlanDeduction",
            "x_CashPaid",
            "x_VoucherPaid",
            "x_IncentivePaid",
            "x_TransferPaid",
            "x_CreditPaid",
            "x_CouponPaid",
            "x_Tax");

    /** The custom columns of an allocation export, in order: the line-item ones without amounts, then these. */
    public static final List<String> EXTRA_COLUMNS = extraColumns();

    private AllocationFocus() {}

    private static List<String> extraColumns() {
        List<String> out = new ArrayList<>(FocusLineItems.EXTRA_COLUMNS);
        out.removeAll(AMOUNT_COLUMNS);
        out.addAll(List.of(X_ALLOCATION_UNIT, X_ALLOCATION_TYPE, X_ALLOCATION_RULE));
        return List.copyOf(out);
    }

    /**
     * Returns the FOCUS rows of a cost allocation bill, in the order of {@code rows}.
     *
     * @param rows the allocated rows, not null; all rows of an item must be among them, so that its list cost
     *     is split among them
     * @param billingMonth the month whose invoice the rows are on, not null
     * @param export the issuer's names and calendar, not null
     * @return one FOCUS row per allocated row, never null
     */
    public static List<FocusRow> toRows(List<AllocatedRow> rows, BillingMonth billingMonth, FocusExport export) {
        requireNonNull(billingMonth, "billingMonth");
        requireNonNull(export, "export");
        Map<LineItemId, List<Integer>> byItem = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byItem.computeIfAbsent(rows.get(i).item().id(), k -> new ArrayList<>())
                    .add(i);
        }
        FocusRow[] out = new FocusRow[rows.size()];
        for (List<Integer> indexes : byItem.values()) {
            LineItem item = rows.get(indexes.get(0)).item();
            List<Money> amounts = new ArrayList<>();
            indexes.forEach(i -> amounts.add(rows.get(i).amount()));
            List<Money> list = listShares(item, amounts);
            for (int k = 0; k < indexes.size(); k++) {
                AllocatedRow r = rows.get(indexes.get(k));
                out[indexes.get(k)] =
                        row(item, r.unit(), r.type(), r.rule(), r.amount(), list.get(k), billingMonth, export, false);
            }
        }
        return List.of(out);
    }

    /**
     * Returns the correction rows that take a month's cost allocation bill from {@code before} to {@code after}
     * (a backtrack, BACK-8): one row per item, unit, type and rule whose amount changed, carrying the change,
     * with ChargeClass {@code Correction} (FOCUS-4). The corrections of an item add up to zero when both versions
     * allocate all of it.
     *
     * @param before the version in force until now, not null
     * @param after the recomputed version of the same month, not null
     * @param items the source items by id, not null; must know every item of either version
     * @param billingMonth the month whose invoice carries the corrections, after the corrected month, not null
     * @param export the issuer's names and calendar, not null
     * @return the correction rows, in the order of {@code after}'s lines then lines only {@code before} has
     * @throws IllegalArgumentException if the versions are of different months, the billing month is not after
     *     theirs, or an item is unknown
     */
    public static List<FocusRow> corrections(
            MonthVersion before,
            MonthVersion after,
            Function<LineItemId, LineItem> items,
            BillingMonth billingMonth,
            FocusExport export) {
        checkArgument(
                before.month().equals(after.month()),
                "versions of %s and %s are of different months",
                before.month(),
                after.month());
        checkArgument(
                after.month().isBefore(billingMonth),
                "a correction of %s is billed in a later month, not in %s",
                after.month(),
                billingMonth);
        Map<List<Object>, Money[]> change = new LinkedHashMap<>(); // key -> {billed, list}
        Map<List<Object>, LineItem> itemOf = new LinkedHashMap<>();
        addLines(after.lines(), items, change, itemOf, false);
        addLines(before.lines(), items, change, itemOf, true);
        List<FocusRow> out = new ArrayList<>();
        for (Map.Entry<List<Object>, Money[]> e : change.entrySet()) {
            Money billed = e.getValue()[0];
            Money list = e.getValue()[1];
            if (billed.isZero() && list.isZero()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Optional<UnitId> unit = (Optional<UnitId>) e.getKey().get(1);
            @SuppressWarnings("unchecked")
            Optional<RuleId> rule = (Optional<RuleId>) e.getKey().get(3);
            out.add(row(
                    itemOf.get(e.getKey()),
                    unit,
                    (AllocationType) e.getKey().get(2),
                    rule,
                    billed,
                    list,
                    billingMonth,
                    export,
                    true));
        }
        return out;
    }

    private static void addLines(
            List<AllocationLine> lines,
            Function<LineItemId, LineItem> items,
            Map<List<Object>, Money[]> change,
            Map<List<Object>, LineItem> itemOf,
            boolean negate) {
        Map<LineItemId, List<AllocationLine>> byItem = new LinkedHashMap<>();
        lines.forEach(
                l -> byItem.computeIfAbsent(l.item(), k -> new ArrayList<>()).add(l));
        for (Map.Entry<LineItemId, List<AllocationLine>> e : byItem.entrySet()) {
            LineItem item = requireNonNull(items.apply(e.getKey()), () -> "no line item " + e.getKey());
            List<Money> amounts =
                    e.getValue().stream().map(AllocationLine::amount).toList();
            List<Money> list = listShares(item, amounts);
            for (int k = 0; k < amounts.size(); k++) {
                AllocationLine l = e.getValue().get(k);
                List<Object> key = List.of(l.item(), l.unit(), l.type(), l.rule());
                Money billed = negate ? l.amount().negated() : l.amount();
                Money listed = negate ? list.get(k).negated() : list.get(k);
                itemOf.putIfAbsent(key, item);
                change.merge(
                        key, new Money[] {billed, listed}, (a, b) -> new Money[] {a[0].plus(b[0]), a[1].plus(b[1])});
            }
        }
    }

    /** The item's list cost split in proportion to the absolute allocated amounts; evenly when all are zero. */
    private static List<Money> listShares(LineItem item, List<Money> amounts) {
        List<BigDecimal> weights = amounts.stream().map(m -> m.amount().abs()).toList();
        boolean allZero = weights.stream().allMatch(w -> w.signum() == 0);
        return allZero
                ? item.listCost().splitEvenly(amounts.size())
                : item.listCost().splitByWeights(weights);
    }

    private static FocusRow row(
            LineItem item,
            Optional<UnitId> unit,
            AllocationType type,
            Optional<RuleId> rule,
            Money billed,
            Money list,
            BillingMonth billingMonth,
            FocusExport export,
            boolean correction) {
        FocusRow.Builder b = FocusLineItems.toRow(item, billingMonth, export).toBuilder()
                .set(FocusColumn.BILLED_COST, billed.amount())
                .set(FocusColumn.EFFECTIVE_COST, billed.amount())
                .set(FocusColumn.LIST_COST, list.amount())
                .set(FocusColumn.CONTRACTED_COST, list.amount())
                .extra(X_ALLOCATION_UNIT, unit.map(UnitId::value).orElse(null))
                .extra(X_ALLOCATION_TYPE, typeName(type))
                .extra(X_ALLOCATION_RULE, rule.map(RuleId::value).orElse(null));
        AMOUNT_COLUMNS.forEach(c -> b.extra(c, null));
        if (correction) {
            b.set(FocusColumn.CHARGE_CLASS, "Correction");
        }
        return b.build();
    }

    /** Returns {@code Collected}, {@code Shared} or {@code Unallocated}. */
    static String typeName(AllocationType type) {
        String n = type.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Returns the allocation line a row of an allocation export holds: what export then import gives back.
     *
     * @param row a row written by {@link #toRows}, not null
     * @return the line, never null
     * @throws IllegalArgumentException naming the column when the row lacks its line item id, BilledCost or
     *     currency, or has an unknown allocation type
     */
    public static AllocationLine toLine(FocusRow row) {
        String id = row.extra(FocusLineItems.X_LINE_ITEM_ID)
                .orElseThrow(() -> new IllegalArgumentException(FocusLineItems.X_LINE_ITEM_ID + " is null"));
        String type = row.extra(X_ALLOCATION_TYPE)
                .orElseThrow(() -> new IllegalArgumentException(X_ALLOCATION_TYPE + " is null"));
        AllocationType t = null;
        for (AllocationType candidate : AllocationType.values()) {
            if (typeName(candidate).equals(type)) {
                t = candidate;
            }
        }
        checkArgument(t != null, "%s '%s' is not Collected, Shared or Unallocated", X_ALLOCATION_TYPE, type);
        String currency = row.text(FocusColumn.BILLING_CURRENCY)
                .orElseThrow(() -> new IllegalArgumentException("BillingCurrency is null"));
        BigDecimal amount = row.decimal(FocusColumn.BILLED_COST)
                .orElseThrow(() -> new IllegalArgumentException("BilledCost is null"));
        return new AllocationLine(
                LineItemId.of(id),
                row.extra(X_ALLOCATION_UNIT).map(UnitId::of),
                t,
                Money.of(Money.currency(currency), amount),
                row.extra(X_ALLOCATION_RULE).map(RuleId::of));
    }
}
