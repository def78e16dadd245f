package org.cloudbilling.allocation.focus;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.cloudbilling.core.bill.CostMetric;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.Split;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Cost allocation bills in FOCUS 1.0 form, following FOCUS 1.3's split cost allocation (FOCUS-9). Each allocated
 * row is the FOCUS row of its source item, the origin charge (mapped by {@link FocusLineItems#toRow}), with:
 *
 * <ul>
 *   <li>BilledCost: the allocated amount;
 *   <li>the other summable metrics (EffectiveCost, ListCost, ContractedCost, ConsumedQuantity, PricingQuantity):
 *       the origin's value split in proportion to the absolute allocated amounts (evenly when they are all zero)
 *       by the exact largest-remainder method of {@link Split}, so that over the rows of one origin each adds up to
 *       the origin's value exactly; a metric the origin lacks stays null;
 *   <li>every dimension and unit price: the origin's.
 * </ul>
 *
 * <p>Each row also carries FOCUS 1.3's split cost allocation columns ({@link SplitColumns}): AllocatedMethodId, the
 * method that decided the row ({@code Collected/r1}, {@code Shared/s1}, {@code Unallocated}: the allocation type
 * and the rule), and AllocatedMethodDetails, a JSON object whose {@code Elements} hold the row's
 * {@code AllocatedRatio} (its weight among the origin's rows, at 12 decimal places, split by largest remainder so
 * that the ratios of one origin add up to exactly 1) and whose custom keys {@code x_AllocationUnit},
 * {@code x_AllocationType} and {@code x_AllocationRule} name the unit, type and rule. A FOCUS 1.3 export writes them
 * as {@code AllocatedMethodId} and {@code AllocatedMethodDetails}; FOCUS 1.0 and 1.2 lack those columns, so their
 * exports write the same values as {@code x_AllocatedMethodId} and {@code x_AllocatedMethodDetails}. With
 * {@link SplitColumns#FOCUS_1_3}, or when the export's version is 1.3 ({@link FocusExport#version()}), the rows carry
 * them in FOCUS 1.3's own columns ({@link FocusColumn#ALLOCATED_METHOD_ID},
 * {@link FocusColumn#ALLOCATED_METHOD_DETAILS}), which only a 1.3 writer writes (an earlier one refuses them, never
 * dropping them), and the export's custom columns are {@link #extraColumns(FocusVersion)}.
 *
 * <p>The unit, allocation type and rule also go to {@link #X_ALLOCATION_UNIT}, {@link #X_ALLOCATION_TYPE} and
 * {@link #X_ALLOCATION_RULE}, which {@link #toLine} reads back. The item's payment columns are left out: they
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

    /**
     * The key of AllocatedMethodDetails naming the cost metric the split followed, when not BilledCost (FOCUS-11).
     */
    public static final String X_ALLOCATION_METRIC = "x_AllocationMetric";

    /** The summable metrics (FOCUS-9) split among the allocated rows of an origin; BilledCost is their amount. */
    private static final List<FocusColumn> SPLIT_METRICS = List.of(
            FocusColumn.EFFECTIVE_COST,
            FocusColumn.LIST_COST,
            FocusColumn.CONTRACTED_COST,
            FocusColumn.CONSUMED_QUANTITY,
            FocusColumn.PRICING_QUANTITY);

    /**
     * The scale of AllocatedRatio: 12 decimal places, so that a share is exact to a millionth of a millionth and the
     * shares of one origin add up to exactly 1.
     */
    public static final int RATIO_SCALE = 12;

    /**
     * The columns FOCUS 1.3's split cost allocation (FOCUS-9) is written to: its own columns in a FOCUS 1.3 export,
     * {@code x_} columns in a FOCUS 1.0 or 1.2 export, which lack them.
     */
    public enum SplitColumns {
        /** FOCUS 1.3: {@code AllocatedMethodId} and {@code AllocatedMethodDetails}. */
        FOCUS_1_3("AllocatedMethodId", "AllocatedMethodDetails"),
        /** FOCUS 1.0 and 1.2: {@code x_AllocatedMethodId} and {@code x_AllocatedMethodDetails}. */
        CUSTOM("x_AllocatedMethodId", "x_AllocatedMethodDetails");

        private final String methodId;
        private final String methodDetails;

        SplitColumns(String methodId, String methodDetails) {
            this.methodId = methodId;
            this.methodDetails = methodDetails;
        }

        /**
         * Returns the header of the AllocatedMethodId column.
         *
         * @return the header, never null
         */
        public String methodId() {
            return methodId;
        }

        /**
         * Returns the header of the AllocatedMethodDetails column.
         *
         * @return the header, never null
         */
        public String methodDetails() {
            return methodDetails;
        }
    }

    /**
     * The custom columns of a FOCUS 1.0 or 1.2 allocation export, in order: the line-item ones without amounts, the
     * unit, type and rule, then {@code x_AllocatedMethodId} and {@code x_AllocatedMethodDetails}.
     */
    public static final List<String> EXTRA_COLUMNS = extraColumns(SplitColumns.CUSTOM);

    private AllocationFocus() {}

    /**
     * Returns the columns beyond FOCUS 1.0's that an allocation export written with {@code split} has, in order.
     *
     * @param split where the split cost allocation columns go, not null
     * @return the columns, never null
     */
    public static List<String> extraColumns(SplitColumns split) {
        requireNonNull(split, "split");
        List<String> out = new ArrayList<>(FocusLineItems.EXTRA_COLUMNS);
        out.removeAll(FocusLineItems.AMOUNT_COLUMNS);
        out.addAll(List.of(X_ALLOCATION_UNIT, X_ALLOCATION_TYPE, X_ALLOCATION_RULE));
        if (split == SplitColumns.CUSTOM) {
            out.addAll(List.of(split.methodId(), split.methodDetails()));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the columns beyond FOCUS's own that an allocation export of FOCUS {@code version} has, in order: in
     * FOCUS 1.3, which has AllocatedMethodId and AllocatedMethodDetails as its own columns, the line-item ones without
     * amounts and the unit, type and rule; in 1.0, 1.1 and 1.2, {@link #EXTRA_COLUMNS}.
     *
     * @param version the version written, not null
     * @return the columns, never null
     */
    public static List<String> extraColumns(FocusVersion version) {
        if (requireNonNull(version, "version").has(FocusColumn.ALLOCATED_METHOD_ID)) {
            return extraColumns(SplitColumns.FOCUS_1_3);
        }
        return EXTRA_COLUMNS;
    }

    /**
     * Whether the rows carry AllocatedMethodId and AllocatedMethodDetails in FOCUS 1.3's own columns: when asked
     * ({@link SplitColumns#FOCUS_1_3}) or when the export's version has them.
     */
    private static boolean inColumns(FocusExport export, SplitColumns split) {
        return split == SplitColumns.FOCUS_1_3 || export.version().has(FocusColumn.ALLOCATED_METHOD_ID);
    }

    /**
     * Returns the FOCUS rows of a cost allocation bill, in the order of {@code rows}.
     *
     * @param rows the allocated rows, not null; all rows of an item must be among them, so that its summable
     *     metrics are split among them (FOCUS-9)
     * @param billingMonth the month whose invoice the rows are on, not null
     * @param export the issuer's names and calendar, not null
     * @return one FOCUS row per allocated row, never null
     */
    public static List<FocusRow> toRows(List<AllocatedRow> rows, BillingMonth billingMonth, FocusExport export) {
        return toRows(rows, billingMonth, export, SplitColumns.CUSTOM);
    }

    /**
     * Returns the FOCUS rows of a cost allocation bill, in the order of {@code rows}, with the split cost allocation
     * columns named as {@code split} says.
     *
     * <pre>{@code
     * AllocationFocus.toRows(bill.rows(), month, export, SplitColumns.FOCUS_1_3); // AllocatedMethodId, ...
     * }</pre>
     *
     * @param rows the allocated rows, not null; all rows of an item must be among them, so that its summable
     *     metrics are split among them (FOCUS-9)
     * @param billingMonth the month whose invoice the rows are on, not null
     * @param export the issuer's names and calendar, not null
     * @param split where the split cost allocation columns go, not null
     * @return one FOCUS row per allocated row, never null
     */
    public static List<FocusRow> toRows(
            List<AllocatedRow> rows, BillingMonth billingMonth, FocusExport export, SplitColumns split) {
        return toRows(rows, billingMonth, export, split, CostMetric.BILLED_COST);
    }

    /**
     * Returns the FOCUS rows of a cost allocation bill computed on {@code metric} (FOCUS-11): the rows' amounts are
     * that metric's ({@link CostMetric#view}), while each row's item is the origin itself. The amounts are the
     * weights: with {@link CostMetric#BILLED_COST} as {@link #toRows(List, BillingMonth, FocusExport, SplitColumns)};
     * with another metric, every summable metric of the origin, BilledCost and the named one included, is split by
     * those same weights exactly (FOCUS-9), and AllocatedMethodDetails names the metric ({@code
     * "x_AllocationMetric":"EffectiveCost"}).
     *
     * @param rows the allocated rows, not null; their items the origins, their amounts of {@code metric}
     * @param billingMonth the month whose invoice the rows are on, not null
     * @param export the issuer's names, calendar and version, not null
     * @param split where the split cost allocation columns go, not null
     * @param metric the metric the allocation was computed on, not null
     * @return one FOCUS row per allocated row, never null
     */
    public static List<FocusRow> toRows(
            List<AllocatedRow> rows,
            BillingMonth billingMonth,
            FocusExport export,
            SplitColumns split,
            CostMetric metric) {
        requireNonNull(split, "split");
        requireNonNull(metric, "metric");
        requireNonNull(billingMonth, "billingMonth");
        requireNonNull(export, "export");
        Map<LineItemId, List<Integer>> byItem = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byItem.computeIfAbsent(rows.get(i).item().id(), k -> new ArrayList<>())
                    .add(i);
        }
        FocusRow[] out = new FocusRow[rows.size()];
        for (List<Integer> indexes : byItem.values()) {
            FocusRow origin = FocusLineItems.toRow(rows.get(indexes.get(0)).item(), billingMonth, export);
            List<Money> amounts = new ArrayList<>();
            indexes.forEach(i -> amounts.add(rows.get(i).amount()));
            List<Map<FocusColumn, BigDecimal>> shares =
                    metric == CostMetric.BILLED_COST ? shares(origin, amounts) : sharesByWeight(origin, amounts);
            List<BigDecimal> ratios = split(amounts).applyToDecimal(BigDecimal.ONE.setScale(RATIO_SCALE));
            for (int k = 0; k < indexes.size(); k++) {
                AllocatedRow r = rows.get(indexes.get(k));
                FocusRow.Builder b = row(origin, r.unit(), r.type(), r.rule(), shares.get(k), false).toBuilder();
                String id = methodId(r.type(), r.rule());
                String details = methodDetails(ratios.get(k), r.unit(), r.type(), r.rule(), metric);
                if (inColumns(export, split)) {
                    b.set(FocusColumn.ALLOCATED_METHOD_ID, id).set(FocusColumn.ALLOCATED_METHOD_DETAILS, details);
                } else {
                    b.extra(split.methodId(), id);
                    b.extra(split.methodDetails(), details);
                }
                out[indexes.get(k)] = b.build();
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
        return corrections(before, after, items, billingMonth, export, SplitColumns.CUSTOM);
    }

    /**
     * Returns the correction rows that take a month's cost allocation bill from {@code before} to {@code after}, as
     * {@link #corrections(MonthVersion, MonthVersion, Function, BillingMonth, FocusExport)} does, with the
     * AllocatedMethodId column named as {@code split} says. A correction carries a change, not a share of its
     * origin, so it has no AllocatedMethodDetails (no AllocatedRatio).
     *
     * @param before the version in force until now, not null
     * @param after the recomputed version of the same month, not null
     * @param items the source items by id, not null; must know every item of either version
     * @param billingMonth the month whose invoice carries the corrections, after the corrected month, not null
     * @param export the issuer's names and calendar, not null
     * @param split where the split cost allocation columns go, not null
     * @return the correction rows, never null
     * @throws IllegalArgumentException if the versions are of different months, the billing month is not after
     *     theirs, or an item is unknown
     */
    public static List<FocusRow> corrections(
            MonthVersion before,
            MonthVersion after,
            Function<LineItemId, LineItem> items,
            BillingMonth billingMonth,
            FocusExport export,
            SplitColumns split) {
        requireNonNull(split, "split");
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
        Map<List<Object>, Map<FocusColumn, BigDecimal>> change = new LinkedHashMap<>(); // key -> metrics
        Map<List<Object>, FocusRow> originOf = new LinkedHashMap<>();
        Origins origins = new Origins(items, billingMonth, export);
        addLines(after.lines(), origins, change, originOf, false);
        addLines(before.lines(), origins, change, originOf, true);
        List<FocusRow> out = new ArrayList<>();
        for (Map.Entry<List<Object>, Map<FocusColumn, BigDecimal>> e : change.entrySet()) {
            if (e.getValue().values().stream().allMatch(v -> v.signum() == 0)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Optional<UnitId> unit = (Optional<UnitId>) e.getKey().get(1);
            @SuppressWarnings("unchecked")
            Optional<RuleId> rule = (Optional<RuleId>) e.getKey().get(3);
            AllocationType type = (AllocationType) e.getKey().get(2);
            FocusRow.Builder b = row(originOf.get(e.getKey()), unit, type, rule, e.getValue(), true).toBuilder();
            if (inColumns(export, split)) {
                b.set(FocusColumn.ALLOCATED_METHOD_ID, methodId(type, rule));
            } else {
                b.extra(split.methodId(), methodId(type, rule));
            }
            out.add(b.build());
        }
        return out;
    }

    /** The FOCUS rows of the origin items of corrections, each mapped once. */
    private static final class Origins {
        private final Function<LineItemId, LineItem> items;
        private final BillingMonth billingMonth;
        private final FocusExport export;
        private final Map<LineItemId, FocusRow> rows = new LinkedHashMap<>();

        Origins(Function<LineItemId, LineItem> items, BillingMonth billingMonth, FocusExport export) {
            this.items = items;
            this.billingMonth = billingMonth;
            this.export = export;
        }

        FocusRow of(LineItemId id) {
            return rows.computeIfAbsent(id, k -> {
                LineItem item = requireNonNull(items.apply(k), () -> "no line item " + k);
                return FocusLineItems.toRow(item, billingMonth, export);
            });
        }
    }

    private static void addLines(
            List<AllocationLine> lines,
            Origins origins,
            Map<List<Object>, Map<FocusColumn, BigDecimal>> change,
            Map<List<Object>, FocusRow> originOf,
            boolean negate) {
        Map<LineItemId, List<AllocationLine>> byItem = new LinkedHashMap<>();
        lines.forEach(
                l -> byItem.computeIfAbsent(l.item(), k -> new ArrayList<>()).add(l));
        for (Map.Entry<LineItemId, List<AllocationLine>> e : byItem.entrySet()) {
            FocusRow origin = origins.of(e.getKey());
            List<Money> amounts =
                    e.getValue().stream().map(AllocationLine::amount).toList();
            List<Map<FocusColumn, BigDecimal>> shares = shares(origin, amounts);
            for (int k = 0; k < amounts.size(); k++) {
                AllocationLine l = e.getValue().get(k);
                List<Object> key = List.of(l.item(), l.unit(), l.type(), l.rule());
                originOf.putIfAbsent(key, origin);
                Map<FocusColumn, BigDecimal> sum = change.computeIfAbsent(key, x -> new EnumMap<>(FocusColumn.class));
                shares.get(k).forEach((c, v) -> sum.merge(c, negate ? v.negate() : v, BigDecimal::add));
            }
        }
    }

    /**
     * Each allocated row's summable metrics when the weights are of another metric than BilledCost (FOCUS-11): every
     * summable metric of the origin, BilledCost included, split by the absolute weights exactly.
     */
    private static List<Map<FocusColumn, BigDecimal>> sharesByWeight(FocusRow origin, List<Money> weights) {
        Split split = split(weights);
        List<Map<FocusColumn, BigDecimal>> out = new ArrayList<>();
        weights.forEach(w -> out.add(new EnumMap<>(FocusColumn.class)));
        List<FocusColumn> summable = new ArrayList<>();
        summable.add(FocusColumn.BILLED_COST);
        summable.addAll(SPLIT_METRICS);
        putParts(origin, summable, split, out);
        return out;
    }

    /**
     * Each allocated row's summable metrics (FOCUS-9): BilledCost is its amount; the origin's other summable
     * metrics are split in proportion to the absolute amounts (evenly when all are zero), exactly.
     */
    private static List<Map<FocusColumn, BigDecimal>> shares(FocusRow origin, List<Money> amounts) {
        Split split = split(amounts);
        List<Map<FocusColumn, BigDecimal>> out = new ArrayList<>();
        for (Money amount : amounts) {
            Map<FocusColumn, BigDecimal> metrics = new EnumMap<>(FocusColumn.class);
            metrics.put(FocusColumn.BILLED_COST, amount.amount());
            out.add(metrics);
        }
        putParts(origin, SPLIT_METRICS, split, out);
        return out;
    }

    /** Puts each row's part of every one of {@code metrics} the origin has, as {@code split} splits it, in its map. */
    private static void putParts(
            FocusRow origin, List<FocusColumn> metrics, Split split, List<Map<FocusColumn, BigDecimal>> rows) {
        for (FocusColumn metric : metrics) {
            Optional<BigDecimal> total = origin.decimal(metric);
            if (total.isPresent()) {
                List<BigDecimal> parts = split.applyToDecimal(total.get());
                for (int k = 0; k < parts.size(); k++) {
                    rows.get(k).put(metric, parts.get(k));
                }
            }
        }
    }

    /** The weights of an origin's allocated rows: their absolute amounts, evenly when all are zero. */
    private static Split split(List<Money> amounts) {
        List<BigDecimal> weights = amounts.stream().map(m -> m.amount().abs()).toList();
        return weights.stream().allMatch(w -> w.signum() == 0)
                ? Split.evenly(amounts.size())
                : Split.byWeights(weights);
    }

    /**
     * Returns the AllocatedMethodId of a row: the allocation type and the rule that decided it, {@code Shared/s1};
     * the type alone when no rule decided ({@code Unallocated}).
     */
    static String methodId(AllocationType type, Optional<RuleId> rule) {
        return typeName(type) + rule.map(r -> "/" + r.value()).orElse("");
    }

    /**
     * Returns the AllocatedMethodDetails of a row: {@code {"Elements":[{"AllocatedRatio":0.625}],
     * "x_AllocationUnit":"web","x_AllocationType":"Shared","x_AllocationRule":"s1"}}, the unit and rule left out when
     * absent.
     */
    static String methodDetails(BigDecimal ratio, Optional<UnitId> unit, AllocationType type, Optional<RuleId> rule) {
        return methodDetails(ratio, unit, type, rule, CostMetric.BILLED_COST);
    }

    /** As above; a metric other than BilledCost is named in {@code x_AllocationMetric}. */
    static String methodDetails(
            BigDecimal ratio, Optional<UnitId> unit, AllocationType type, Optional<RuleId> rule, CostMetric metric) {
        ObjectNode details = JSON.createObjectNode();
        details.putArray("Elements").addObject().put("AllocatedRatio", ratio);
        unit.ifPresent(u -> details.put(X_ALLOCATION_UNIT, u.value()));
        details.put(X_ALLOCATION_TYPE, typeName(type));
        rule.ifPresent(r -> details.put(X_ALLOCATION_RULE, r.value()));
        if (metric != CostMetric.BILLED_COST) {
            details.put(X_ALLOCATION_METRIC, metric.focusName());
        }
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bug: a JSON tree that does not serialize", e);
        }
    }

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private static FocusRow row(
            FocusRow origin,
            Optional<UnitId> unit,
            AllocationType type,
            Optional<RuleId> rule,
            Map<FocusColumn, BigDecimal> metrics,
            boolean correction) {
        FocusRow.Builder b = origin.toBuilder()
                .extra(X_ALLOCATION_UNIT, unit.map(UnitId::value).orElse(null))
                .extra(X_ALLOCATION_TYPE, typeName(type))
                .extra(X_ALLOCATION_RULE, rule.map(RuleId::value).orElse(null));
        metrics.forEach(b::set);
        FocusLineItems.AMOUNT_COLUMNS.forEach(c -> b.extra(c, null));
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
