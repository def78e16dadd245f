package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code billing consolidate --metric}, {@code --by} any FOCUS column, {@code billing export --focus-version}. */
class FocusMetricsAndVersionsCommandTest {
    private static final String SAMPLE = CliRun.focusSample().toString();

    @TempDir
    Path dir;

    /** Adds two cells; a NULL cell adds nothing, as SQL's SUM has it. */
    private static String sum(String value, String add) {
        return number(value).add(number(add)).toPlainString();
    }

    private static BigDecimal number(String cell) {
        return cell.equals("NULL") || cell.isEmpty() ? BigDecimal.ZERO : new BigDecimal(cell);
    }

    @Test
    @Tag("FOCUS-11")
    @DisplayName("FOCUS-11: consolidate --metric all by ServiceCategory totals each metric as the file's sums")
    void consolidate_everyMetric_byServiceCategory_equalsThePlainSumsOfTheFile() {
        // the expectation: each column summed straight from the file's text, by BigDecimal
        List<String> metrics = List.of("ListCost", "BilledCost", "EffectiveCost", "ContractedCost");
        Map<String, Map<String, String>> expected = new TreeMap<>();
        for (Map<String, String> row : CliRun.focusRows()) {
            Map<String, String> sums = expected.computeIfAbsent(row.get("ServiceCategory"), k -> new TreeMap<>());
            for (String m : metrics) {
                sums.merge(m, row.get(m), FocusMetricsAndVersionsCommandTest::sum);
            }
        }

        CliRun run = CliRun.run(
                "consolidate", "--input", SAMPLE, "--format", "focus", "--by", "ServiceCategory", "--metric", "all");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("ServiceCategory,ItemCount,ListCost,BilledCost,EffectiveCost,ContractedCost,"
                        + "ConsumedQuantity,PricingQuantity,BillingCurrency\n");
        assertThat(run.csv()).hasSize(expected.size());
        for (Map<String, String> r : run.csv()) {
            Map<String, String> want = expected.get(r.get("ServiceCategory"));
            for (String m : metrics) {
                assertThat(new BigDecimal(r.get(m)))
                        .as("%s of %s", m, r.get("ServiceCategory"))
                        .isEqualByComparingTo(want.get(m));
            }
        }
    }

    @Test
    @Tag("FOCUS-11")
    @DisplayName("FOCUS-11: --metric EffectiveCost writes that total only; an unknown metric exits with 2")
    void consolidate_oneMetric_andUnknownMetric() {
        BigDecimal effective = BigDecimal.ZERO;
        for (Map<String, String> row : CliRun.focusRows()) {
            effective = effective.add(new BigDecimal(row.get("EffectiveCost")));
        }

        CliRun run = CliRun.run("consolidate", "--input", SAMPLE, "--format", "focus", "--metric", "EffectiveCost");
        CliRun bad = CliRun.run("consolidate", "--input", SAMPLE, "--format", "focus", "--metric", "Amortized");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("ItemCount,EffectiveCost,BillingCurrency\n");
        assertThat(new BigDecimal(run.csv().get(0).get("EffectiveCost"))).isEqualByComparingTo(effective);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--metric: unknown measure 'Amortized'");
    }

    @Test
    @Tag("FOCUS-8")
    @DisplayName("FOCUS-8: export --focus-version 1.2 of the 1.0 sample carries every 1.0 column's value")
    void export12_ofTheSample_carriesTheValues() throws IOException {
        Path out = dir.resolve("focus-1.2.csv");

        CliRun run = CliRun.run(
                "export",
                "--to",
                "focus",
                "--focus-version",
                "1.2",
                "--input",
                SAMPLE,
                "--format",
                "focus",
                "--out",
                out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, String>> written = CliRun.csvOf(Files.readString(out));
        List<Map<String, String>> original = CliRun.focusRows();
        assertThat(written).hasSize(original.size());
        assertThat(written.get(0)).containsKeys("InvoiceId", "ServiceSubcategory", "PricingCurrency", "SkuMeter");
        for (int i = 0; i < original.size(); i++) {
            Map<String, String> o = original.get(i);
            Map<String, String> w = written.get(i);
            for (String c : List.of(
                    "BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "ListUnitPrice", "PricingQuantity")) {
                String want = o.get(c).equals("NULL") ? "" : o.get(c);
                if (want.isEmpty()) {
                    assertThat(w.get(c)).as("%s of row %s", c, i + 1).isEmpty();
                } else {
                    assertThat(new BigDecimal(w.get(c)))
                            .as("%s of row %s", c, i + 1)
                            .isEqualByComparingTo(want);
                }
            }
            for (String c : List.of("ServiceCategory", "ProviderName", "SkuPriceId", "ChargeCategory", "RegionName")) {
                assertThat(w.get(c))
                        .as("%s of row %s", c, i + 1)
                        .isEqualTo(o.get(c).equals("NULL") ? "" : o.get(c));
            }
            assertThat(w.get("ServiceSubcategory")).isEqualTo("Other (" + o.get("ServiceCategory") + ")");
        }
    }

    @Test
    @Tag("FOCUS-8")
    @Tag("FOCUS-9")
    @DisplayName("FOCUS-8, FOCUS-9: export --focus-version 1.3 --rules writes the split in AllocatedMethodId and"
            + " AllocatedMethodDetails; each origin's rows add up to its BilledCost")
    void export13_allocation_hasTheAllocatedColumns() throws IOException {
        Path out = dir.resolve("focus-1.3.csv");

        CliRun run = CliRun.run(
                "export",
                "--to",
                "focus",
                "--focus-version",
                "1.3",
                "--input",
                SAMPLE,
                "--format",
                "focus",
                "--rules",
                AllocateCommandTest.rules(),
                "--out",
                out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, String>> written = CliRun.csvOf(Files.readString(out));
        assertThat(written.get(0))
                .containsKeys("AllocatedMethodId", "AllocatedMethodDetails", "ServiceProviderName", "HostProviderName")
                .doesNotContainKeys("x_AllocatedMethodId", "x_AllocatedMethodDetails");
        // each origin's BilledCost straight from the sample's text
        Map<String, BigDecimal> want = new java.util.HashMap<>();
        for (Map<String, String> row : CliRun.focusRows()) {
            want.merge(row.get("Id"), number(row.get("BilledCost")), BigDecimal::add);
        }
        Map<String, BigDecimal> got = new java.util.HashMap<>();
        for (Map<String, String> row : written) {
            assertThat(row.get("AllocatedMethodId")).isNotEmpty();
            assertThat(row.get("AllocatedMethodDetails")).startsWith("{\"Elements\":[{\"AllocatedRatio\":");
            got.merge(row.get("x_LineItemId"), number(row.get("BilledCost")), BigDecimal::add);
        }
        assertThat(got.keySet()).isEqualTo(want.keySet());
        want.forEach((id, v) -> assertThat(got.get(id)).as(id).isEqualByComparingTo(v));
    }

    @Test
    @Tag("FOCUS-11")
    @Tag("FOCUS-9")
    @DisplayName("FOCUS-11, FOCUS-9: export --rules --metric ListCost: each origin's rows add up to its BilledCost and"
            + " its ListCost, and AllocatedMethodDetails names ListCost")
    void export13_allocationOnListCost_conservesEveryMetric() throws IOException {
        Path out = dir.resolve("focus-1.3-list.csv");

        CliRun run = CliRun.run(
                "export",
                "--to",
                "focus",
                "--focus-version",
                "1.3",
                "--input",
                SAMPLE,
                "--format",
                "focus",
                "--rules",
                AllocateCommandTest.rules(),
                "--metric",
                "ListCost",
                "--out",
                out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, String>> written = CliRun.csvOf(Files.readString(out));
        for (String metric : List.of("BilledCost", "ListCost")) {
            Map<String, BigDecimal> want = new java.util.HashMap<>();
            for (Map<String, String> row : CliRun.focusRows()) {
                want.merge(row.get("Id"), number(row.get(metric)), BigDecimal::add);
            }
            Map<String, BigDecimal> got = new java.util.HashMap<>();
            for (Map<String, String> row : written) {
                got.merge(row.get("x_LineItemId"), number(row.get(metric)), BigDecimal::add);
            }
            assertThat(got.keySet()).isEqualTo(want.keySet());
            want.forEach((id, v) ->
                    assertThat(got.get(id)).as("%s of %s", metric, id).isEqualByComparingTo(v));
        }
        assertThat(written)
                .allSatisfy(row ->
                        assertThat(row.get("AllocatedMethodDetails")).contains("\"x_AllocationMetric\":\"ListCost\""));
    }

    @Test
    @Tag("FOCUS-11")
    @DisplayName("FOCUS-11: export --metric: an unknown metric, or one without --rules, exits with 2")
    void export_metric_badUse_exitsWithTwo() {
        CliRun unknown = CliRun.run(
                "export",
                "--to",
                "focus",
                "--input",
                SAMPLE,
                "--format",
                "focus",
                "--rules",
                AllocateCommandTest.rules(),
                "--metric",
                "Cost");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--metric:");
        CliRun noRules =
                CliRun.run("export", "--to", "focus", "--input", SAMPLE, "--format", "focus", "--metric", "ListCost");
        assertThat(noRules.code()).isEqualTo(2);
        assertThat(noRules.err()).contains("--metric: ListCost needs --rules");
    }

    @Test
    @Tag("FOCUS-8")
    @DisplayName("FOCUS-8: an unknown --focus-version exits with 2 naming the known ones")
    void export_unknownVersion_exitsWithTwo() {
        CliRun run =
                CliRun.run("export", "--to", "focus", "--focus-version", "2.0", "--input", SAMPLE, "--format", "focus");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--focus-version: unknown FOCUS version '2.0'; known: 1.0, 1.1, 1.2, 1.3");
    }

    @Test
    @Tag("FOCUS-11")
    @DisplayName("FOCUS-11: allocate --metric EffectiveCost or ContractedCost: each item's rows add up to its metric")
    void allocate_onAMetric_conservesItPerItem() {
        for (String metric : List.of("EffectiveCost", "ContractedCost")) {
            // each item's metric straight from the file's text; a NULL cell is nothing (0), as SQL's SUM has it
            Map<String, BigDecimal> want = new java.util.HashMap<>();
            for (Map<String, String> row : CliRun.focusRows()) {
                want.merge(row.get("Id"), number(row.get(metric)), BigDecimal::add);
            }

            CliRun run = CliRun.run(
                    "allocate",
                    "--input",
                    SAMPLE,
                    "--format",
                    "focus",
                    "--rules",
                    AllocateCommandTest.rules(),
                    "--metric",
                    metric);

            assertThat(run.code()).as(run.err()).isZero();
            Map<String, BigDecimal> got = new java.util.HashMap<>();
            for (Map<String, String> r : run.csv()) {
                got.merge(r.get("line_item_id"), new BigDecimal(r.get("amount")), BigDecimal::add);
            }
            assertThat(got.keySet()).isEqualTo(want.keySet());
            want.forEach((id, amount) ->
                    assertThat(got.get(id)).as("%s of %s", metric, id).isEqualByComparingTo(amount));
        }
        CliRun bad = CliRun.run(
                "allocate",
                "--input",
                SAMPLE,
                "--format",
                "focus",
                "--rules",
                AllocateCommandTest.rules(),
                "--metric",
                "Amortized");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--metric: unknown cost metric 'Amortized'");
    }
}
