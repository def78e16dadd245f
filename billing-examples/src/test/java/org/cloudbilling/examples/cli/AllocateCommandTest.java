package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocateCommandTest {
    private static final String SAMPLE = CliRun.focusSample().toString();
    private static final List<String> AI =
            List.of("TempeAI", "PasadenaAI", "RaleighAI", "ViennaAI", "StockholmAI", "BangkokAI");
    private static final List<String> ENGINEERING =
            List.of("PragueEngineering", "TehranEngineering", "OsloEngineering");
    private static final Set<String> TARGETS = Set.of("peoria-data", "data", "ai", "engineering");

    @TempDir
    Path dir;

    /**
     * The bundled rules, applied by hand to the raw rows: the collection rules in order, credits shared; the
     * unit of each row, or "shared", or "" for Unallocated.
     */
    private static String unitOf(Map<String, String> row, ObjectMapper json) throws IOException {
        if (row.get("ChargeCategory").equals("Credit")) {
            return "shared";
        }
        String tags = row.get("Tags");
        JsonNode t = tags.isEmpty() || tags.equals("NULL") ? json.createObjectNode() : json.readTree(tags);
        String bu = t.path("business_unit").asText("");
        String app = t.path("application").asText("");
        if ("PeoriaData".equals(bu) && "BrightPathMatrix".equals(app)) {
            return "peoria-data";
        }
        if (AI.contains(bu)) {
            return "ai";
        }
        if (ENGINEERING.contains(bu)) {
            return "engineering";
        }
        if ("CloudPathMax".equals(app)) {
            return "data";
        }
        return "";
    }

    @Test
    @Tag("ALLOC-6")
    void allocate_summaryOfFocusSample_collectsByTags_sharesCreditsInProportion_andAddsUp() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, BigDecimal> collected = new TreeMap<>();
        BigDecimal shared = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, String> row : CliRun.focusRows()) {
            BigDecimal cost = new BigDecimal(row.get("BilledCost"));
            total = total.add(cost);
            String unit = unitOf(row, json);
            if (unit.equals("shared")) {
                shared = shared.add(cost);
            } else {
                collected.merge(unit, cost, BigDecimal::add);
            }
        }

        CliRun run = CliRun.run("allocate", "--input", SAMPLE, "--format", "focus", "--rules", rules(), "--summary");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("unit,allocation_type,amount\n,Unallocated," + collected.get("") + "\n");
        Map<String, BigDecimal> gotCollected = new TreeMap<>();
        Map<String, BigDecimal> gotShared = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, String> r : run.csv()) {
            BigDecimal amount = new BigDecimal(r.get("amount"));
            sum = sum.add(amount);
            switch (r.get("allocation_type")) {
                case "Collected", "Unallocated" -> gotCollected.put(r.get("unit"), amount);
                case "Shared" -> gotShared.put(r.get("unit"), amount);
                default -> throw new AssertionError("unexpected type " + r);
            }
        }
        assertThat(gotCollected).isEqualTo(collected);
        assertThat(sum).isEqualTo(total); // same scale, same value: nothing lost or rounded
        assertThat(gotShared.keySet()).isEqualTo(TARGETS);
        assertThat(gotShared.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(shared);
        // Each share is within one unit of the last decimal of its exact proportion of the collected bases.
        BigDecimal bases = TARGETS.stream().map(collected::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (String unit : TARGETS) {
            BigDecimal exact = shared.multiply(collected.get(unit)).divide(bases, MathContext.DECIMAL128);
            assertThat(gotShared.get(unit).subtract(exact).abs()).isLessThan(new BigDecimal("1E-11"));
        }
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
