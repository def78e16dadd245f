package org.cloudbilling.allocation.focus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.Allocation;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.backtracking.AllocationLine;
import org.cloudbilling.allocation.backtracking.MonthVersion;
import org.cloudbilling.allocation.json.RuleSetJson;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.BillFixtures;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FOCUS-9: the allocated rows of one charge keep its dimensions and unit prices, and their summable metrics add up
 * to the charge's exactly. Expectations are worked out by hand from the rule, or summed from the source file.
 */
@Tag("FOCUS-9")
class AllocationFocusSplitTest {
    private static final FocusExport EXPORT =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud International", BillingCalendar.TENCENT);
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final LineItem CVM = BillFixtures.CVM_HOUR; // total 0.32, list 0.40, discount 0.8, 1 hour

    /** The summable metrics of FOCUS-9. */
    private static final Set<FocusColumn> SUMMABLE = EnumSet.of(
            FocusColumn.BILLED_COST,
            FocusColumn.EFFECTIVE_COST,
            FocusColumn.LIST_COST,
            FocusColumn.CONTRACTED_COST,
            FocusColumn.CONSUMED_QUANTITY,
            FocusColumn.PRICING_QUANTITY);

    /**
     * The rows of {@code items} allocated by the rule set {@code rules} (JSON) in {@code calendar}, by the month of
     * each item's start, in month order.
     */
    static Map<BillingMonth, List<AllocatedRow>> allocatedByMonth(
            String rules, List<LineItem> items, BillingCalendar calendar) {
        Map<BillingMonth, List<AllocatedRow>> byMonth = new TreeMap<>();
        for (AllocatedRow r : Allocation.allocate(RuleSetJson.read(rules), items, TagBindings.empty(), calendar)
                .rows()) {
            byMonth.computeIfAbsent(calendar.monthOf(r.item().feePeriod().start()), m -> new ArrayList<>())
                    .add(r);
        }
        return byMonth;
    }

    private static AllocatedRow shared(LineItem item, String unit, String amount) {
        return new AllocatedRow(
                item,
                Optional.of(UnitId.of(unit)),
                AllocationType.SHARED,
                Money.of(item.currency(), new BigDecimal(amount)),
                Optional.of(RuleId.of("share")));
    }

    @Test
    void toRows_itemSharedFiveToThree_splitsEverySummableMetricFiveToThree() {
        List<FocusRow> rows = AllocationFocus.toRows(
                List.of(shared(CVM, "web", "0.20000000"), shared(CVM, "db", "0.12000000")), SEPTEMBER, EXPORT);

        // 0.20 : 0.12 is 5 : 3. ConsumedQuantity 1 hour: 5/8 = 0.625 and 3/8 = 0.375 (not 1 hour each).
        assertThat(decimals(rows, FocusColumn.CONSUMED_QUANTITY))
                .containsExactly("0.625000000000000", "0.375000000000000");
        // ContractedCost is list x discount, 0.40 x 0.8 = 0.320000000: 0.200000000 and 0.120000000.
        assertThat(decimals(rows, FocusColumn.CONTRACTED_COST)).containsExactly("0.200000000", "0.120000000");
        assertThat(decimals(rows, FocusColumn.LIST_COST)).containsExactly("0.25000000", "0.15000000");
        assertThat(decimals(rows, FocusColumn.EFFECTIVE_COST)).containsExactly("0.20000000", "0.12000000");
        assertThat(decimals(rows, FocusColumn.BILLED_COST)).containsExactly("0.20000000", "0.12000000");
        assertAddsUpToTheOrigins(rows, Map.of(CVM.id().value(), CVM), SEPTEMBER);
    }

    @Test
    void toRows_quantityThatDoesNotDivide_largestRemainderGivesTheLeftoverUnitsToTheLargestRemainders() {
        LineItem item = LineItem.builder()
                .from(CVM)
                .usageQuantity(new BigDecimal("1.00"))
                .build();
        List<FocusRow> rows = AllocationFocus.toRows(
                List.of(
                        shared(item, "a", "0.10666667"),
                        shared(item, "b", "0.10666667"),
                        shared(item, "c", "0.10666666")),
                SEPTEMBER,
                EXPORT);

        // 1.00 in hundredths is 100 units by weights 10666667 : 10666667 : 10666666 (sum 32000000):
        // 33.333334375, 33.333334375, 33.33333125 -> floors 33, 33, 33, one unit left, to the first largest
        // remainder (0.333334375, the first of the tie): 0.34, 0.33, 0.33.
        assertThat(decimals(rows, FocusColumn.CONSUMED_QUANTITY)).containsExactly("0.34", "0.33", "0.33");
        assertAddsUpToTheOrigins(rows, Map.of(item.id().value(), item), SEPTEMBER);
    }

    @Test
    @Tag("BACK-8")
    void corrections_fromCollectedToShared_carryTheChangeOfEverySummableMetric() {
        Instant t = Instant.parse("2024-10-05T00:00:00Z");
        MonthVersion before = new MonthVersion(
                SEPTEMBER,
                1,
                "rv-1",
                Optional.empty(),
                t,
                t,
                List.of(new AllocationLine(
                        CVM.id(),
                        Optional.of(UnitId.of("web")),
                        AllocationType.COLLECTED,
                        Money.of("CNY", "0.32000000"),
                        Optional.of(RuleId.of("collect-web")))));
        MonthVersion after = new MonthVersion(
                SEPTEMBER,
                2,
                "rv-2",
                Optional.empty(),
                t,
                t,
                List.of(
                        AllocationLine.of(shared(CVM, "web", "0.20000000")),
                        AllocationLine.of(shared(CVM, "db", "0.12000000"))));

        List<FocusRow> rows = AllocationFocus.corrections(before, after, id -> CVM, BillingMonth.of(2024, 10), EXPORT);

        // web Shared +5/8, db Shared +3/8, web Collected -1: the hour moves, it is not counted three times
        assertThat(decimals(rows, FocusColumn.CONSUMED_QUANTITY))
                .containsExactly("0.625000000000000", "0.375000000000000", "-1.000000000000000");
        assertThat(decimals(rows, FocusColumn.CONTRACTED_COST))
                .containsExactly("0.200000000", "0.120000000", "-0.320000000");
        for (FocusColumn c : SUMMABLE) {
            if (c != FocusColumn.PRICING_QUANTITY) {
                assertThat(rows.stream().map(r -> r.decimal(c).orElseThrow()).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as(c.header())
                        .isZero();
            }
        }
    }

    @Test
    void toRows_focusSampleAllocatedByRules_everyOriginsSummableMetricsAddUpExactly() throws IOException {
        List<LineItem> items;
        try (Reader in = sample()) {
            items = FocusCsv.readLineItems(in, "focus_sample.csv", FormulaGuard.OFF, OnError.FAIL)
                    .valuesOrThrow();
        }
        List<FocusRow> source;
        try (Reader in = sample()) {
            source = FocusCsv.readAll(in, "focus_sample.csv", OnError.FAIL).valuesOrThrow();
        }
        String rules = """
                {
                  "units": [
                    { "id": "org", "name": "Org" },
                    { "id": "web", "name": "Web", "parent": "org" },
                    { "id": "data", "name": "Data", "parent": "org" },
                    { "id": "ai", "name": "AI", "parent": "org" }
                  ],
                  "tagKeys": [ "business_unit" ],
                  "collectionRules": [
                    { "id": "r-ai", "unit": "ai",
                      "condition": { "dimension": "tag:business_unit", "in": [ "TempeAI", "PasadenaAI" ] } },
                    { "id": "r-data", "unit": "data",
                      "condition": { "dimension": "tag:business_unit", "in": [ "PeoriaData" ] } }
                  ],
                  "sharingRules": [
                    { "id": "s-ec2", "method": "EVEN", "targets": [ "web", "data", "ai" ],
                      "source": { "condition":
                        { "dimension": "businessCode", "in": [ "Amazon Elastic Compute Cloud" ] } } },
                    { "id": "s-rest", "method": "PROPORTIONAL", "targets": [ "web", "data", "ai" ],
                      "fallback": "EVEN",
                      "source": { "condition": { "dimension": "businessCode",
                        "in": [ "Elastic Load Balancing", "AmazonCloudWatch", "Amazon Virtual Private Cloud" ] } } }
                  ]
                }
                """;
        BillingCalendar utc = BillingCalendar.of(java.time.ZoneOffset.UTC, 1, 3);
        Map<BillingMonth, List<AllocatedRow>> byMonth = allocatedByMonth(rules, items, utc);
        FocusExport export = new FocusExport("AWS", "AWS", "AWS", utc);
        Map<String, LineItem> itemsById = new LinkedHashMap<>();
        items.forEach(i -> itemsById.put(i.id().value(), i));

        int split = 0;
        for (Map.Entry<BillingMonth, List<AllocatedRow>> e : byMonth.entrySet()) {
            List<FocusRow> rows = AllocationFocus.toRows(e.getValue(), e.getKey(), export);
            assertAddsUpToTheOrigins(rows, itemsById, e.getKey(), export);
            Map<String, Integer> count = new TreeMap<>();
            rows.forEach(r -> count.merge(r.extra(FocusLineItems.X_LINE_ITEM_ID).orElseThrow(), 1, Integer::sum));
            split += (int) count.values().stream().filter(n -> n > 1).count();
        }
        assertThat(split).as("items split among several rows").isGreaterThan(500);

        // Independently of the line-item mapping: BilledCost, ListCost and ConsumedQuantity of the allocated rows
        // of each charge add up to the source file's own cells.
        Map<String, FocusRow> sourceById = new LinkedHashMap<>();
        source.forEach(r -> sourceById.put(r.extra("Id").orElseThrow(), r));
        List<FocusRow> all = new ArrayList<>();
        byMonth.forEach((month, monthRows) -> all.addAll(AllocationFocus.toRows(monthRows, month, export)));
        for (FocusColumn c : List.of(FocusColumn.BILLED_COST, FocusColumn.LIST_COST, FocusColumn.CONSUMED_QUANTITY)) {
            Map<String, BigDecimal> sums = sums(all, c);
            sums.forEach((id, sum) -> assertThat(sum)
                    .as("%s of %s", c.header(), id)
                    .isEqualByComparingTo(sourceById.get(id).decimal(c).orElse(BigDecimal.ZERO)));
            assertThat(sums).hasSize(sourceById.size());
        }
    }

    private static void assertAddsUpToTheOrigins(List<FocusRow> rows, Map<String, LineItem> items, BillingMonth month) {
        assertAddsUpToTheOrigins(rows, items, month, EXPORT);
    }

    /** For every origin: summable metrics add up exactly, everything else equals the origin's FOCUS row. */
    private static void assertAddsUpToTheOrigins(
            List<FocusRow> rows, Map<String, LineItem> items, BillingMonth month, FocusExport export) {
        Map<String, List<FocusRow>> byOrigin = new LinkedHashMap<>();
        rows.forEach(r -> byOrigin.computeIfAbsent(
                        r.extra(FocusLineItems.X_LINE_ITEM_ID).orElseThrow(), k -> new ArrayList<>())
                .add(r));
        byOrigin.forEach((id, allocated) -> {
            FocusRow origin = FocusLineItems.toRow(items.get(id), month, export);
            for (FocusColumn c : FocusColumn.values()) {
                if (SUMMABLE.contains(c) && origin.decimal(c).isPresent()) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (FocusRow r : allocated) {
                        sum = sum.add(r.decimal(c).orElseThrow(() -> new AssertionError(c.header() + " is null")));
                    }
                    assertThat(sum)
                            .as("%s of %s", c.header(), id)
                            .isEqualByComparingTo(origin.decimal(c).orElseThrow());
                } else {
                    for (FocusRow r : allocated) {
                        assertThat(value(r, c)).as("%s of %s", c.header(), id).isEqualTo(value(origin, c));
                    }
                }
            }
        });
    }

    private static Optional<?> value(FocusRow row, FocusColumn column) {
        switch (column.type()) {
            case STRING:
                return row.text(column);
            case DECIMAL:
                return row.decimal(column);
            case DATETIME:
                return row.instant(column);
            default:
                return row.tags();
        }
    }

    private static Map<String, BigDecimal> sums(List<FocusRow> rows, FocusColumn column) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (FocusRow r : rows) {
            out.merge(
                    r.extra(FocusLineItems.X_LINE_ITEM_ID).orElseThrow(),
                    r.decimal(column).orElse(BigDecimal.ZERO),
                    BigDecimal::add);
        }
        return out;
    }

    private static List<String> decimals(List<FocusRow> rows, FocusColumn column) {
        return rows.stream()
                .map(r -> r.decimal(column).orElseThrow().toPlainString())
                .toList();
    }

    private static Reader sample() {
        InputStream in = AllocationFocusSplitTest.class.getResourceAsStream("/focus/focus_sample.csv");
        if (in == null) {
            throw new AssertionError("no FOCUS sample on the class path");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
