package org.cloudbilling.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cloudbilling.examples.FocusSampleRulesCheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs each sample program and checks its output against values worked out by hand. */
class SamplesTest {

    @Test
    void consolidateMonth_printsTotalsByAccountProductAndDay_exactly() {
        List<String> lines = run(ConsolidateMonthSample::run);

        // 100000000003 p_cvm: 80.12345678 - 10.00000000 (the refund) = 70.12345678.
        // The total: 120.50000000 + 15.25000000 + 70.12345678 + 3.33333333 = 209.20679011.
        assertThat(lines)
                .containsExactly(
                        "By account and product:",
                        "  100000000002 p_cbs 1 items CNY 15.25000000",
                        "  100000000002 p_cvm 1 items CNY 120.50000000",
                        "  100000000003 p_cdn 1 items CNY 3.33333333",
                        "  100000000003 p_cvm 2 items CNY 70.12345678",
                        "By day (UTC+8):",
                        "  2024-09-03 CNY 135.75000000",
                        "  2024-09-18 CNY 70.12345678",
                        "  2024-09-28 CNY 3.33333333",
                        "Total: CNY 209.20679011");
    }

    @Test
    @Tag("ALLOC-3")
    @Tag("ALLOC-4")
    @Tag("ALLOC-5")
    @Tag("MONEY-4")
    void allocate_collectsByRules_sharesTheNetworkEvenly_leftoverCentToTheSmallestUnitId() {
        List<String> lines = run(AllocateSample::run);

        // Collected: web 100.00 (i1), data 60.00 + 240.00 (i2, i3), mobile 100.00 (i6).
        // The network's 10.00 in thirds at the allocation scale, 8 decimals (MONEY-6): 3.33333333 each and one
        // unit of the 8th decimal left over, to data (first of the tied ids data < mobile < web).
        assertThat(lines.subList(0, 6))
                .containsExactly(
                        "web: CNY 103.33333333",
                        "data: CNY 303.33333334",
                        "mobile: CNY 103.33333333",
                        "Unallocated: CNY 15.00",
                        "acme with its subtree: CNY 510.00000000",
                        "All rows: CNY 525.00000000");
        assertThat(lines.get(6)).contains("i5").contains("s-network");
    }

    @Test
    @Tag("BACK-2")
    @Tag("BACK-5")
    @Tag("BACK-8")
    void backtrack_threeMonths_printsEachMonthsChange() {
        List<String> lines = run(BacktrackSample::run);

        // Before (V1): web 100 + 80, data 40, the CDN's 25 Unallocated. After (V2): data-tagged compute and the
        // CDN move to data. Submitted on the 5th, after the cut-off day: November's rules. Completed on 5 November,
        // in force from 00:00 on the 6th (T+1).
        assertThat(lines.get(0))
                .isEqualTo("Backtrack of [2024-08, 2024-09, 2024-10] with the rules of 2024-11: COMPLETED,"
                        + " in force from 2024-11-06T00:00:00Z");
        for (int i = 1; i <= 3; i++) {
            assertThat(lines.get(i))
                    .isEqualTo("2024-" + List.of("08", "09", "10").get(i - 1)
                            + ": Unallocated 25.00 -> 0 (-25.00); data 40.00 -> 145.00 (105.00);"
                            + " web 180.00 -> 100.00 (-80.00); total change 0.00");
        }
        assertThat(lines).hasSize(4);
    }

    @Test
    @Tag("ALLOC-6")
    void focusAllocation_writesTheSummaryOfTheSampleAllocatedByItsTags() throws IOException {
        StringWriter out = new StringWriter();
        FocusAllocationSample.run(new PrintWriter(out));

        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(out.toString())) {
            FocusSampleRulesCheck.assertSummary(rows.readAll());
        }
    }

    private static List<String> run(Consumer<PrintWriter> sample) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        sample.accept(writer);
        writer.flush();
        return out.toString().lines().toList();
    }
}
