package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.cloudbilling.examples.CliRun;
import org.cloudbilling.examples.FocusSampleRulesCheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocateCommandTest {
    private static final String SAMPLE = CliRun.focusSample().toString();

    @TempDir
    Path dir;

    @Test
    @Tag("ALLOC-6")
    void allocate_summaryOfFocusSample_collectsByTags_sharesCreditsInProportion_andAddsUp() {
        CliRun run = CliRun.run("allocate", "--input", SAMPLE, "--format", "focus", "--rules", rules(), "--summary");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("unit,allocation_type,amount\n,Unallocated,");
        FocusSampleRulesCheck.assertSummary(run.csv());
    }

    @Test
    @Tag("ALLOC-6")
    void allocate_bill_rowsOfEachItemAddUpToItsBilledCost() {
        Map<String, BigDecimal> billed = new HashMap<>();
        for (Map<String, String> row : CliRun.focusRows()) {
            billed.merge(row.get("Id"), new BigDecimal(row.get("BilledCost")), BigDecimal::add);
        }

        CliRun run = CliRun.run("allocate", "--input", SAMPLE, "--format", "focus", "--rules", rules());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("line_item_id,unit,allocation_type,rule,amount,currency\n");
        Map<String, BigDecimal> rows = new HashMap<>();
        for (Map<String, String> r : run.csv()) {
            rows.merge(r.get("line_item_id"), new BigDecimal(r.get("amount")), BigDecimal::add);
            assertThat(r.get("unit").isEmpty())
                    .isEqualTo(r.get("allocation_type").equals("Unallocated"));
        }
        assertThat(rows).isEqualTo(billed);
        assertThat(run.err()).contains("allocating done (1000 of 1000)");
    }

    @Test
    void allocate_summaryToOutFile_writesThereAndNothingToStandardOutput() throws IOException {
        Path out = dir.resolve("summary.csv");

        CliRun run = CliRun.run(
                "allocate",
                "--input",
                SAMPLE,
                "--format",
                "focus",
                "--rules",
                rules(),
                "--summary",
                "--out",
                out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(CliRun.csvOf(Files.readString(out)))
                .isEqualTo(
                        CliRun.run("allocate", "--input", SAMPLE, "--format", "focus", "--rules", rules(), "--summary")
                                .csv());
    }

    @Test
    void allocate_invalidRuleSet_exitsWithTwo_namingTheFileAndEveryJsonPath() throws IOException {
        Path bad = dir.resolve("bad-rules.json");
        Files.writeString(bad, """
                {"units": [{"id": "acme", "name": "Acme"}],
                 "tagKeys": [],
                 "collectionRules": [{"id": "r1", "unit": "nowhere",
                                      "condition": {"dimension": "colour", "in": ["red"]}}],
                 "sharingRules": []}
                """);

        CliRun run = CliRun.run("allocate", "--input", SAMPLE, "--format", "focus", "--rules", bad.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(bad.toString()).contains("$.collectionRules[0]");
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void allocate_malformedRuleJson_exitsWithTwo_namingLineAndColumn() throws IOException {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"units\": [\n  {\"id\": \"acme\",, }\n]}");

        CliRun run = CliRun.run("allocate", "--input", SAMPLE, "--format", "focus", "--rules", bad.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(bad.toString()).contains("line 2, column");
    }

    @Test
    void allocate_missingRulesFile_exitsWithTwo() {
        CliRun run = CliRun.run(
                "allocate",
                "--input",
                SAMPLE,
                "--format",
                "focus",
                "--rules",
                dir.resolve("none.json").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("none.json: no such file");
    }

    @Test
    void allocate_missingRulesOption_exitsWithTwo() {
        CliRun run = CliRun.run("allocate", "--input", SAMPLE, "--format", "focus");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--rules");
    }

    @Test
    void allocate_summaryOfSeveralCurrencies_exitsWithTwo_sayingSo() throws IOException {
        Path input = dir.resolve("two-currencies.csv");
        Files.writeString(input, String.join(",", org.cloudbilling.core.io.LineItemCsv.header()) + "\n");
        try (java.io.Writer w = Files.newBufferedWriter(input);
                org.cloudbilling.core.io.LineItemCsvWriter csv = org.cloudbilling.core.io.LineItemCsv.writer(w)) {
            csv.write(item("a", "CNY"));
            csv.write(item("b", "USD"));
        }

        CliRun run = CliRun.run(
                "allocate", "--input", input.toString(), "--format", "canonical", "--rules", rules(), "--summary");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("2 currencies [CNY, USD]");
    }

    @Test
    void allocate_summaryOfCanonicalFile_countsEveryRow_whetherTotalledByClassOrMadeAnItem() throws IOException {
        Path input = dir.resolve("six.csv");
        try (java.io.Writer w = Files.newBufferedWriter(input);
                org.cloudbilling.core.io.LineItemCsvWriter csv = org.cloudbilling.core.io.LineItemCsv.writer(w)) {
            for (String id : new String[] {"a", "b", "c", "d", "e", "f"}) {
                csv.write(item(id, "CNY")); // one combination of the cells the rules test: one class
            }
        }
        Files.writeString(input, "\n", java.nio.file.StandardOpenOption.APPEND); // a blank line is no item

        CliRun run = CliRun.run(
                "allocate", "--input", input.toString(), "--format", "canonical", "--rules", rules(), "--summary");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("read 6 line items from " + input);
    }

    private static org.cloudbilling.core.bill.LineItem item(String id, String currency) {
        java.time.Instant start = java.time.Instant.parse("2024-09-01T00:00:00Z");
        org.cloudbilling.core.money.Money one = org.cloudbilling.core.money.Money.of(currency, "1.00");
        return org.cloudbilling.core.bill.LineItem.builder()
                .id(org.cloudbilling.core.id.LineItemId.of(id))
                .ownerUin(org.cloudbilling.core.id.OwnerUin.of("1"))
                .payerUin(org.cloudbilling.core.id.PayerUin.of("1"))
                .businessCode(org.cloudbilling.core.id.BusinessCode.of("p"))
                .payMode(org.cloudbilling.core.bill.PayMode.POSTPAID)
                .actionType(org.cloudbilling.core.bill.ActionType.USAGE)
                .feePeriod(org.cloudbilling.core.time.Interval.of(start, start.plusSeconds(60)))
                .listCost(one)
                .totalCost(one)
                .build();
    }

    /** The rule set the demo uses, as a file. */
    static String rules() {
        try {
            return Paths.get(AllocateCommandTest.class
                            .getResource("/rules/focus-sample-rules.json")
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
