package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** Runs {@code billing command --input SAMPLE --format focus options...}. */
    private static CliRun onSample(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--input", SAMPLE, "--format", "focus"));
        args.addAll(List.of(options));
        return CliRun.run(args.toArray(String[]::new));
    }

    /** Exports the sample as FOCUS to {@code file} with {@code options}, checks it succeeded, reads the file back. */
    private List<Map<String, String>> exportSample(String file, String... options) throws IOException {
        Path out = dir.resolve(file);
        List<String> args = new ArrayList<>(List.of("--to", "focus"));
        args.addAll(List.of(options));
        args.addAll(List.of("--out", out.toString()));

        CliRun run = onSample("export", args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isZero();
        return CliRun.csvOf(Files.readString(out));
    }

    /** Each key's total of a metric column; a NULL cell adds nothing, as SQL's SUM has it. */
    private static Map<String, BigDecimal> totals(List<Map<String, String>> rows, String key, String metric) {
        Map<String, BigDecimal> totals = new HashMap<>();
        for (Map<String, String> row : rows) {
            totals.merge(row.get(key), number(row.get(metric)), BigDecimal::add);
        }
        return totals;
    }

    /** The same keys, each with the same total (compared as numbers). */
    private static void assertSameTotals(Map<String, BigDecimal> got, Map<String, BigDecimal> want, String metric) {
        assertThat(got.keySet()).isEqualTo(want.keySet());
        want.forEach(
                (id, v) -> assertThat(got.get(id)).as("%s of %s", metric, id).isEqualByComparingTo(v));
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

        CliRun run = onSample("consolidate", "--by", "ServiceCategory", "--metric", "all");

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

        CliRun run = onSample("consolidate", "--metric", "EffectiveCost");
        CliRun bad = onSample("consolidate", "--metric", "Amortized");

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
        List<Map<String, String>> written = exportSample("focus-1.2.csv", "--focus-version", "1.2");

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
        List<Map<String, String>> written =
                exportSample("focus-1.3.csv", "--focus-version", "1.3", "--rules", AllocateCommandTest.rules());

        assertThat(written.get(0))
                .containsKeys("AllocatedMethodId", "AllocatedMethodDetails", "ServiceProviderName", "HostProviderName")
                .doesNotContainKeys("x_AllocatedMethodId", "x_AllocatedMethodDetails");
        for (Map<String, String> row : written) {
            assertThat(row.get("AllocatedMethodId")).isNotEmpty();
            assertThat(row.get("AllocatedMethodDetails")).startsWith("{\"Elements\":[{\"AllocatedRatio\":");
        }
        // each origin's BilledCost straight from the sample's text
        assertSameTotals(
                totals(written, "x_LineItemId", "BilledCost"),
                totals(CliRun.focusRows(), "Id", "BilledCost"),
                "BilledCost");
    }

    @Test
    @Tag("FOCUS-11")
    @Tag("FOCUS-9")
    @DisplayName("FOCUS-11, FOCUS-9: export --rules --metric ListCost: each origin's rows add up to its BilledCost and"
            + " its ListCost, and AllocatedMethodDetails names ListCost")
    void export13_allocationOnListCost_conservesEveryMetric() throws IOException {
        List<Map<String, String>> written = exportSample(
                "focus-1.3-list.csv",
                "--focus-version",
                "1.3",
                "--rules",
                AllocateCommandTest.rules(),
                "--metric",
                "ListCost");

        for (String metric : List.of("BilledCost", "ListCost")) {
            assertSameTotals(totals(written, "x_LineItemId", metric), totals(CliRun.focusRows(), "Id", metric), metric);
        }
        assertThat(written)
                .allSatisfy(row ->
                        assertThat(row.get("AllocatedMethodDetails")).contains("\"x_AllocationMetric\":\"ListCost\""));
    }

    @Test
    @Tag("FOCUS-11")
    @DisplayName("FOCUS-11: export --metric: an unknown metric, or one without --rules, exits with 2")
    void export_metric_badUse_exitsWithTwo() {
        CliRun unknown =
                onSample("export", "--to", "focus", "--rules", AllocateCommandTest.rules(), "--metric", "Cost");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--metric:");
        CliRun noRules = onSample("export", "--to", "focus", "--metric", "ListCost");
        assertThat(noRules.code()).isEqualTo(2);
        assertThat(noRules.err()).contains("--metric: ListCost needs --rules");
    }

    @Test
    @Tag("FOCUS-8")
    @DisplayName("FOCUS-8: an unknown --focus-version exits with 2 naming the known ones")
    void export_unknownVersion_exitsWithTwo() {
        CliRun run = onSample("export", "--to", "focus", "--focus-version", "2.0");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--focus-version: unknown FOCUS version '2.0'; known: 1.0, 1.1, 1.2, 1.3");
    }

    @Test
    @Tag("FOCUS-11")
    @DisplayName("FOCUS-11: allocate --metric EffectiveCost or ContractedCost: each item's rows add up to its metric")
    void allocate_onAMetric_conservesItPerItem() {
        for (String metric : List.of("EffectiveCost", "ContractedCost")) {
            CliRun run = onSample("allocate", "--rules", AllocateCommandTest.rules(), "--metric", metric);

            assertThat(run.code()).as(run.err()).isZero();
            Map<String, BigDecimal> got = new HashMap<>();
            for (Map<String, String> r : run.csv()) {
                got.merge(r.get("line_item_id"), new BigDecimal(r.get("amount")), BigDecimal::add);
            }
            // each item's metric straight from the file's text
            assertSameTotals(got, totals(CliRun.focusRows(), "Id", metric), metric);
        }
        CliRun bad = onSample("allocate", "--rules", AllocateCommandTest.rules(), "--metric", "Amortized");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--metric: unknown cost metric 'Amortized'");
    }
}
