package org.cloudbilling.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.Allocation;
import org.cloudbilling.allocation.focus.AllocationFocus;
import org.cloudbilling.allocation.focus.AllocationFocus.SplitColumns;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FOCUS-9 on a generated month (the benchmark's workload, with its sharing rules): summing, in the test, the
 * allocated rows of each origin charge gives the origin's summable metrics exactly, and their AllocatedRatio adds up
 * to exactly 1 (FOCUS 1.3, split cost allocation handling and AllocatedMethodDetails).
 */
@Tag("FOCUS-9")
class GeneratedMonthSplitAllocationTest {
    private static final List<FocusColumn> SUMMABLE = List.of(
            FocusColumn.BILLED_COST,
            FocusColumn.EFFECTIVE_COST,
            FocusColumn.LIST_COST,
            FocusColumn.CONTRACTED_COST,
            FocusColumn.CONSUMED_QUANTITY,
            FocusColumn.PRICING_QUANTITY);

    @Test
    void generatedMonth_allocatedRowsOfEachOrigin_addUpToTheOrigin() throws IOException {
        Workload workload = Workload.generate(7, 3_000, 40, 300);
        List<LineItem> items = workload.materialize();
        List<AllocatedRow> allocated = Allocation.allocate(workload.rules(), items, workload.tags(), Workload.CALENDAR)
                .rows();
        FocusExport export = new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", Workload.CALENDAR);

        List<FocusRow> rows = AllocationFocus.toRows(allocated, Workload.MONTH, export, SplitColumns.FOCUS_1_3);

        ObjectMapper json = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        Map<String, Map<FocusColumn, BigDecimal>> sums = new LinkedHashMap<>();
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (FocusRow r : rows) {
            String id = r.extra(FocusLineItems.X_LINE_ITEM_ID).orElseThrow();
            Map<FocusColumn, BigDecimal> s = sums.computeIfAbsent(id, k -> new EnumMap<>(FocusColumn.class));
            for (FocusColumn c : SUMMABLE) {
                r.decimal(c).ifPresent(v -> s.merge(c, v, BigDecimal::add));
            }
            BigDecimal ratio = json.readTree(
                            r.text(FocusColumn.ALLOCATED_METHOD_DETAILS).orElseThrow())
                    .get("Elements")
                    .get(0)
                    .get("AllocatedRatio")
                    .decimalValue();
            ratios.merge(id, ratio, BigDecimal::add);
            count.merge(id, 1, Integer::sum);
        }
        assertThat(sums).hasSize(items.size());
        int checked = 0;
        for (LineItem item : items) {
            String id = item.id().value();
            FocusRow origin = FocusLineItems.toRow(item, Workload.MONTH, export);
            for (FocusColumn c : SUMMABLE) {
                if (origin.decimal(c).isPresent()) {
                    assertThat(sums.get(id).get(c))
                            .as("%s of %s", c.header(), id)
                            .isEqualByComparingTo(origin.decimal(c).orElseThrow());
                    checked++;
                }
            }
            assertThat(ratios.get(id).toPlainString()).as(id).isEqualTo("1.000000000000");
        }
        assertThat(checked).isGreaterThan(3 * items.size());
        assertThat(count.values().stream().filter(n -> n > 1).count())
                .as("charges split in several")
                .isGreaterThan(50);
    }
}
