package org.cloudbilling.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a summary of the FOCUS sample allocated by {@code rules/focus-sample-rules.json} against the rules applied
 * by hand to the raw rows of the file: collection rules in order, credits shared in proportion to collected cost.
 */
public final class FocusSampleRulesCheck {
    private static final List<String> AI =
            List.of("TempeAI", "PasadenaAI", "RaleighAI", "ViennaAI", "StockholmAI", "BangkokAI");
    private static final List<String> ENGINEERING =
            List.of("PragueEngineering", "TehranEngineering", "OsloEngineering");
    private static final Set<String> TARGETS = Set.of("peoria-data", "data", "ai", "engineering");

    private FocusSampleRulesCheck() {}

    /** The unit of a raw row, "shared" for a credit, or "" for Unallocated. */
    static String unitOf(Map<String, String> row, ObjectMapper json) throws IOException {
        if (row.get("ChargeCategory").equals("Credit")) {
            return "shared";
        }
        String tags = row.get("Tags");
        JsonNode t = tags.isEmpty() || tags.equals("NULL") ? json.createObjectNode() : json.readTree(tags);
        String bu = t.path("business_unit").asText("");
        String app = t.path("application").asText("");
        if (bu.equals("PeoriaData") && app.equals("BrightPathMatrix")) {
            return "peoria-data";
        }
        if (AI.contains(bu)) {
            return "ai";
        }
        if (ENGINEERING.contains(bu)) {
            return "engineering";
        }
        if (app.equals("CloudPathMax")) {
            return "data";
        }
        return "";
    }

    /**
     * Asserts that {@code rows} ({@code unit,allocation_type,amount}) are the allocation of the sample: collected
     * and Unallocated amounts equal the raw sums exactly, the shares add up to the credits and are each within one
     * unit of the last decimal of the exact proportion, and all rows add up to the file's total (ALLOC-6).
     */
    public static void assertSummary(List<Map<String, String>> rows) {
        ObjectMapper json = new ObjectMapper();
        Map<String, BigDecimal> collected = new TreeMap<>();
        BigDecimal shared = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        try {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Map<String, BigDecimal> gotCollected = new TreeMap<>();
        Map<String, BigDecimal> gotShared = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, String> r : rows) {
            BigDecimal amount = new BigDecimal(r.get("amount"));
            sum = sum.add(amount);
            switch (r.get("allocation_type")) {
                case "Collected", "Unallocated" -> gotCollected.put(r.get("unit"), amount);
                case "Shared" -> gotShared.put(r.get("unit"), amount);
                default -> throw new AssertionError("unexpected type " + r);
            }
        }
        assertThat(rows.get(0)).containsEntry("unit", "").containsEntry("allocation_type", "Unallocated");
        assertThat(gotCollected).isEqualTo(collected);
        assertThat(sum).isEqualTo(total); // same value and scale: nothing lost or rounded
        assertThat(gotShared.keySet()).isEqualTo(TARGETS);
        assertThat(gotShared.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(shared);
        BigDecimal bases = TARGETS.stream().map(collected::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (String unit : TARGETS) {
            BigDecimal exact = shared.multiply(collected.get(unit)).divide(bases, MathContext.DECIMAL128);
            // within one unit of the allocation scale, 8 decimals, of the exact share of the pool (ALLOC-12,
            // MONEY-6); shares are no longer computed at the 11 decimals the sample happens to be written with
            assertThat(gotShared.get(unit).subtract(exact).abs()).isLessThan(new BigDecimal("1E-8"));
        }
    }
}
