package org.cloudbilling.allocation.focus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.focus.AllocationFocus.SplitColumns;
import org.cloudbilling.core.bill.LineItem;
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
 * FOCUS-9, FOCUS 1.3's split cost allocation columns: AllocatedMethodId names the method (type and rule) of each
 * allocated charge; AllocatedMethodDetails carries its AllocatedRatio, and the ratios of one origin charge add up to
 * exactly 1 (FOCUS 1.3, AllocatedMethodDetails: "The sum of ... AllocatedRatio across all allocated charges related
 * to a single origin charge MUST be equal to 1"). Expectations worked out by hand.
 */
@Tag("FOCUS-9")
class AllocationFocusMethodTest {
    private static final FocusExport EXPORT =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud International", BillingCalendar.TENCENT);
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final LineItem CVM = BillFixtures.CVM_HOUR; // total 0.32
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private static AllocatedRow row(LineItem item, String unit, AllocationType type, String amount, String rule) {
        return new AllocatedRow(
                item,
                Optional.ofNullable(unit).map(UnitId::of),
                type,
                Money.of(item.currency(), new BigDecimal(amount)),
                Optional.ofNullable(rule).map(RuleId::of));
    }

    /** The FOCUS rows of {@code rows}, allocated in September, with the default columns. */
    private static List<FocusRow> september(AllocatedRow... rows) {
        return AllocationFocus.toRows(List.of(rows), SEPTEMBER, EXPORT);
    }

    /** Each row's {@code x_AllocatedMethodDetails} ratio, as plain text. */
    private static List<String> ratios(List<FocusRow> rows) {
        return rows.stream()
                .map(r -> ratio(r, "x_AllocatedMethodDetails").toPlainString())
                .toList();
    }

    private static BigDecimal ratio(FocusRow row, FocusColumn column) {
        return ratio(row.text(column).orElseThrow());
    }

    private static BigDecimal ratio(FocusRow row, String column) {
        return ratio(row.extra(column).orElseThrow());
    }

    private static BigDecimal ratio(String text) {
        try {
            JsonNode details = JSON.readTree(text);
            assertThat(details.get("Elements")).hasSize(1);
            return new BigDecimal(
                    details.get("Elements").get(0).get("AllocatedRatio").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void toRows_sharedFiveToThree_namesTheMethodAndGivesTheRatios() {
        List<FocusRow> rows = AllocationFocus.toRows(
                List.of(
                        row(CVM, "web", AllocationType.SHARED, "0.20000000", "share"),
                        row(CVM, "db", AllocationType.SHARED, "0.12000000", "share")),
                SEPTEMBER,
                EXPORT);

        // 0.20 / 0.32 = 0.625 and 0.12 / 0.32 = 0.375, at 12 decimal places
        assertThat(rows.get(0).extra("x_AllocatedMethodId")).contains("Shared/share");
        assertThat(rows.get(0).extra("x_AllocatedMethodDetails"))
                .contains("{\"Elements\":[{\"AllocatedRatio\":0.625000000000}],\"x_AllocationUnit\":\"web\","
                        + "\"x_AllocationType\":\"Shared\",\"x_AllocationRule\":\"share\"}");
        assertThat(ratio(rows.get(1), "x_AllocatedMethodDetails").toPlainString())
                .isEqualTo("0.375000000000");
        assertThat(rows.get(0).isNull(FocusColumn.ALLOCATED_METHOD_ID)).isTrue();
        assertThat(AllocationFocus.EXTRA_COLUMNS).endsWith("x_AllocatedMethodId", "x_AllocatedMethodDetails");
    }

    @Test
    void toRows_focus13_writesTheFocus13Columns() {
        List<FocusRow> rows = AllocationFocus.toRows(
                List.of(row(CVM, "web", AllocationType.COLLECTED, "0.32000000", "r1")),
                SEPTEMBER,
                EXPORT,
                SplitColumns.FOCUS_1_3);

        assertThat(rows.get(0).text(FocusColumn.ALLOCATED_METHOD_ID)).contains("Collected/r1");
        assertThat(ratio(rows.get(0), FocusColumn.ALLOCATED_METHOD_DETAILS).toPlainString())
                .isEqualTo("1.000000000000");
        assertThat(rows.get(0).extra("x_AllocatedMethodId")).isEmpty();
        assertThat(AllocationFocus.extraColumns(SplitColumns.FOCUS_1_3))
                .endsWith(AllocationFocus.X_ALLOCATION_RULE)
                .doesNotContain("AllocatedMethodId", "AllocatedMethodDetails", "x_AllocatedMethodId");
    }

    @Test
    void toRows_threeEqualShares_ratiosAddUpToExactlyOne() {
        List<FocusRow> rows = september(
                row(CVM, "a", AllocationType.SHARED, "0.10666667", "even"),
                row(CVM, "b", AllocationType.SHARED, "0.10666667", "even"),
                row(CVM, "c", AllocationType.SHARED, "0.10666666", "even"));

        // 10^12 units by 10666667 : 10666667 : 10666666 (sum 32000000): 10666667 x 31250 = 333333343750 twice and
        // 10666666 x 31250 = 333333312500, no remainder; together 10^12
        assertThat(ratios(rows)).containsExactly("0.333333343750", "0.333333343750", "0.333333312500");
    }

    @Test
    void toRows_evenThirds_leftoverUnitGoesToTheFirst() {
        List<FocusRow> rows = september(
                row(CVM, "a", AllocationType.SHARED, "0.10000000", "even"),
                row(CVM, "b", AllocationType.SHARED, "0.10000000", "even"),
                row(CVM, null, AllocationType.UNALLOCATED, "0.12000000", null));

        // weights 10 : 10 : 12 of 10^12: 312500000000, 312500000000, 375000000000
        assertThat(ratios(rows)).containsExactly("0.312500000000", "0.312500000000", "0.375000000000");
        assertThat(rows.get(2).extra("x_AllocatedMethodId")).contains("Unallocated");
        assertThat(rows.get(2).extra("x_AllocatedMethodDetails"))
                .contains("{\"Elements\":[{\"AllocatedRatio\":0.375000000000}],\"x_AllocationType\":\"Unallocated\"}");
    }

    @Test
    void toRows_zeroAmounts_splitEvenlyWithTheLeftoverToTheFirst() {
        List<FocusRow> rows = september(
                row(CVM, "a", AllocationType.SHARED, "0", "even"),
                row(CVM, "b", AllocationType.SHARED, "0", "even"),
                row(CVM, "c", AllocationType.SHARED, "0", "even"));

        // 10^12 / 3 = 333333333333 remainder 1, which goes to the first
        assertThat(ratios(rows)).containsExactly("0.333333333334", "0.333333333333", "0.333333333333");
    }

    @Test
    void toRows_focusSample_everyOriginsRatiosAddUpToOneAndItsBilledCostToTheFilesCell() throws IOException {
        List<LineItem> items;
        List<FocusRow> source;
        try (Reader in = sample()) {
            items = FocusCsv.readLineItems(in, "focus_sample.csv", FormulaGuard.OFF, OnError.FAIL)
                    .valuesOrThrow();
        }
        try (Reader in = sample()) {
            source = FocusCsv.readAll(in, "focus_sample.csv", OnError.FAIL).valuesOrThrow();
        }
        String rules = """
                {"units": [{"id": "org", "name": "Org"}, {"id": "web", "name": "Web", "parent": "org"},
                           {"id": "ai", "name": "AI", "parent": "org"}],
                 "tagKeys": ["business_unit"],
                 "collectionRules": [{"id": "r-ai", "unit": "ai",
                   "condition": {"dimension": "tag:business_unit", "in": ["TempeAI", "PasadenaAI"]}}],
                 "sharingRules": [{"id": "s-ec2", "method": "EVEN", "targets": ["web", "ai"],
                   "source": {"condition": {"dimension": "businessCode", "in": ["Amazon Elastic Compute Cloud"]}}}]}
                """;
        BillingCalendar utc = BillingCalendar.of(ZoneOffset.UTC, 1, 3);
        Map<BillingMonth, List<AllocatedRow>> byMonth = AllocationFocusSplitTest.allocatedByMonth(rules, items, utc);
        List<FocusRow> rows = new ArrayList<>();
        FocusExport export = new FocusExport("AWS", "AWS", "AWS", utc);
        byMonth.forEach((m, r) -> rows.addAll(AllocationFocus.toRows(r, m, export, SplitColumns.FOCUS_1_3)));

        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        Map<String, BigDecimal> billed = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (FocusRow r : rows) {
            String id = r.extra(FocusLineItems.X_LINE_ITEM_ID).orElseThrow();
            ratios.merge(id, ratio(r, FocusColumn.ALLOCATED_METHOD_DETAILS), BigDecimal::add);
            billed.merge(id, r.decimal(FocusColumn.BILLED_COST).orElseThrow(), BigDecimal::add);
            count.merge(id, 1, Integer::sum);
            assertThat(r.text(FocusColumn.ALLOCATED_METHOD_ID)).isPresent();
        }
        Map<String, FocusRow> sourceById = new LinkedHashMap<>();
        source.forEach(r -> sourceById.put(r.extra("Id").orElseThrow(), r));
        assertThat(ratios).hasSize(1000);
        ratios.forEach((id, sum) -> assertThat(sum.toPlainString()).as(id).isEqualTo("1.000000000000"));
        billed.forEach((id, sum) -> assertThat(sum)
                .as(id)
                .isEqualByComparingTo(
                        sourceById.get(id).decimal(FocusColumn.BILLED_COST).orElseThrow()));
        assertThat(count.values().stream().filter(n -> n > 1).count())
                .as("charges split in several")
                .isGreaterThan(100);
    }

    private static Reader sample() {
        return new InputStreamReader(
                AllocationFocusMethodTest.class.getResourceAsStream("/focus/focus_sample.csv"), StandardCharsets.UTF_8);
    }
}
