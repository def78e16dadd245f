package org.cloudbilling.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloudbilling.allocation.focus.AllocationFocus;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusValidator;
import org.cloudbilling.examples.CliRun;
import org.cloudbilling.examples.FocusSampleRulesCheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class FocusRoundTripSampleTest {
    private final StringWriter focus = new StringWriter();
    private final StringWriter report = new StringWriter();
    private final List<FocusRow> rows = FocusRoundTripSample.run(focus, new PrintWriter(report));

    @Test
    @Tag("ALLOC-6")
    void run_focusSample_allocationBillReadBackIsTheAllocationOfTheSample() {
        Map<String, BigDecimal> byUnit = new TreeMap<>();
        for (FocusRow r : rows) {
            byUnit.merge(
                    r.extra(AllocationFocus.X_ALLOCATION_UNIT).orElse("") + "|"
                            + r.extra(AllocationFocus.X_ALLOCATION_TYPE).orElseThrow(),
                    r.decimal(FocusColumn.BILLED_COST).orElseThrow(),
                    BigDecimal::add);
        }
        List<Map<String, String>> summary = new ArrayList<>();
        byUnit.forEach((key, amount) -> {
            String[] parts = key.split("\\|", -1);
            Map<String, String> row =
                    Map.of("unit", parts[0], "allocation_type", parts[1], "amount", amount.toPlainString());
            if (parts[1].equals("Unallocated")) {
                summary.add(0, row);
            } else {
                summary.add(row);
            }
        });

        FocusSampleRulesCheck.assertSummary(summary);
    }

    @Test
    void run_focusSample_listCostOfEachItemIsSplitExactlyOverItsRows() {
        Map<String, BigDecimal> expected = new HashMap<>();
        CliRun.focusRows()
                .forEach(r -> expected.merge(r.get("Id"), new BigDecimal(r.get("ListCost")), BigDecimal::add));

        Map<String, BigDecimal> got = new HashMap<>();
        rows.forEach(r -> got.merge(
                r.extra("x_LineItemId").orElseThrow(),
                r.decimal(FocusColumn.LIST_COST).orElseThrow(),
                BigDecimal::add));

        assertThat(got.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, cost) -> assertThat(got.get(id)).as(id).isEqualByComparingTo(cost));
    }

    @Test
    @Tag("FOCUS-1")
    void run_focusSample_writesValidFocusWithTheAllocationColumns() {
        // the sample's values are carried, not repaired (FOCUS-8): the only violations are the sample's own, its 7
        // null ContractedCost cells (NULL in the sample, FOCUS-3; empty in the export, FOCUS-1) and its ChargeFrequency
        // 'Usage-based' (FOCUS-4)
        assertThat(FocusValidator.validate(new StringReader(focus.toString()), "allocation.csv", Map.of()))
                .allSatisfy(v -> assertThat(v.column() + " " + v.value())
                        .isIn("ContractedCost ", "ContractedCost null", "ChargeFrequency Usage-based"));
        assertThat(focus.toString())
                .startsWith(String.join(",", FocusCsv.header(AllocationFocus.EXTRA_COLUMNS)) + "\n");
        // each row carries its origin's ProviderName, not the export's
        java.util.Set<String> providers = new java.util.HashSet<>();
        org.cloudbilling.examples.FocusSample.read()
                .forEach(i -> providers.add(i.attributes().get("ProviderName")));
        assertThat(rows)
                .allSatisfy(r -> assertThat(r.text(FocusColumn.PROVIDER_NAME).orElseThrow())
                        .isIn(providers));
        assertThat(providers).doesNotContain("FOCUS Sample Data");
        assertThat(report.toString()).startsWith("read back " + rows.size() + " FOCUS rows of 1000 line items");
        assertThat(rows.size()).isGreaterThan(1000); // credits are shared over four units
    }
}
