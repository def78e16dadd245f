package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real FOCUS 1.0 sample ("FOCUS Sample Data, FinOps Foundation, CC BY 4.0"; see focus/NOTICE.md): every row
 * read, every decimal kept, and totals equal to sums computed here straight from the CSV text, by a small
 * independent CSV splitter and BigDecimal.
 */
@Tag("FOCUS-7")
@Tag("MONEY-2")
class FocusSampleTest {
    private static final String SAMPLE = "/focus/focus_sample.csv";

    @Test
    void readAll_realSample_readsEveryRowWithoutProblems() throws IOException {
        ReadResult<FocusRow> rows = readRows();

        assertThat(rows.problems()).isEmpty();
        assertThat(rows.values()).hasSize(1000);
        assertThat(rows.values()).hasSize(rawRows().size() - 1);
    }

    @Test
    void readAll_realSample_keepsEveryCellExactly() throws IOException {
        List<String[]> raw = rawRows();
        String[] header = raw.get(0);
        List<FocusRow> rows = readRows().values();
        ObjectMapper json = new ObjectMapper();
        for (int r = 1; r < raw.size(); r++) {
            FocusRow row = rows.get(r - 1);
            for (int i = 0; i < header.length; i++) {
                String cell = raw.get(r)[i];
                Optional<FocusColumn> column = FocusColumn.of(header[i]);
                boolean isNull = cell.isEmpty() || cell.equals("NULL");
                if (column.isEmpty()) {
                    assertThat(row.extra(header[i])).isEqualTo(isNull ? Optional.empty() : Optional.of(cell));
                    continue;
                }
                FocusColumn c = column.get();
                assertThat(row.isNull(c)).as("line %s %s", r + 1, c).isEqualTo(isNull);
                if (isNull) {
                    continue;
                }
                switch (c.type()) {
                    case STRING -> assertThat(row.text(c)).contains(cell);
                    // every digit and the scale: 0.00000080000 stays 11 decimals (MONEY-2)
                    case DECIMAL ->
                        assertThat(row.decimal(c).orElseThrow().toPlainString()).isEqualTo(cell);
                    case DATETIME -> assertThat(row.instant(c)).contains(Instant.parse(cell.replace(' ', 'T') + "Z"));
                    case JSON -> {
                        JsonNode expected = json.readTree(cell);
                        List<String> keys = new ArrayList<>();
                        expected.fieldNames().forEachRemaining(keys::add);
                        assertThat(row.tags().orElseThrow().keySet()).containsExactlyElementsOf(keys);
                        keys.forEach(k -> assertThat(row.tags().orElseThrow().get(k))
                                .isEqualTo(expected.get(k).textValue()));
                    }
                }
            }
        }
    }

    @Test
    void readAll_realSample_handlesEachQuirkOnPurpose() throws IOException {
        List<FocusRow> rows = readRows().values();
        FocusRow first = rows.get(0);
        // 2024-09-01 00:00:00 is read as UTC
        assertThat(first.instant(FocusColumn.BILLING_PERIOD_START)).contains(Instant.parse("2024-09-01T00:00:00Z"));
        // the literal NULL is a null
        assertThat(first.isNull(FocusColumn.AVAILABILITY_ZONE)).isTrue();
        assertThat(first.isNull(FocusColumn.CHARGE_CLASS)).isTrue();
        // "0.0000004" is a quoted number
        assertThat(first.decimal(FocusColumn.LIST_UNIT_PRICE)).contains(new BigDecimal("0.0000004"));
        // the Id column is not FOCUS: kept as an extra column
        assertThat(first.extra("Id")).contains("11472");
        // a tag key with a leading blank is its own key
        assertThat(rows.stream()
                        .flatMap(r -> r.tags().stream())
                        .filter(t -> t.containsKey(" org"))
                        .count())
                .isEqualTo(23);
    }

    @Test
    void consolidate_realSample_totalsByAccountServiceAndTagEqualSumsOfTheFile() throws IOException {
        List<String[]> raw = rawRows();
        List<String> header = List.of(raw.get(0));
        List<LineItem> items;
        try (Reader in = sample()) {
            items = FocusCsv.readLineItems(in, "focus_sample.csv", FormulaGuard.OFF, OnError.FAIL)
                    .valuesOrThrow();
        }
        assertThat(items).hasSize(1000);

        assertThat(totals(items, Grouping.by(Dimension.PAYER)))
                .isEqualTo(sums(raw, header.indexOf("BillingAccountId"), null));
        // a row without SubAccountId belongs to its billing account
        assertThat(totals(items, Grouping.by(Dimension.OWNER)))
                .isEqualTo(sums(raw, header.indexOf("SubAccountId"), header.indexOf("BillingAccountId")));
        assertThat(totals(items, Grouping.by(Dimension.BUSINESS)))
                .isEqualTo(sums(raw, header.indexOf("ServiceName"), null));
        for (String key : List.of("application", " org", "org", "Cost department", "ms:Department")) {
            assertThat(totals(items, Grouping.by(Dimension.tag(TagKey.of(key)))))
                    .as("tag '%s'", key)
                    .isEqualTo(tagSums(raw, header.indexOf("Tags"), key));
        }
    }

    @Test
    void validate_realSample_reportsTheSpecViolationsOfTheRealExport() throws IOException {
        List<FocusViolation> violations;
        try (Reader in = sample()) {
            violations = FocusValidator.validate(in, "focus_sample.csv", Map.of());
        }
        // the extra Id column is allowed; non-ISO date-times, NULL literals and "Usage-based" are not
        assertThat(violations).extracting(FocusViolation::rule).contains("FOCUS-2", "FOCUS-3", "FOCUS-4");
        assertThat(violations)
                .filteredOn(v -> v.rule().equals("FOCUS-2"))
                .hasSize(4000); // four date-time columns in 1,000 rows
        assertThat(violations)
                .filteredOn(v -> v.rule().equals("FOCUS-4"))
                .allSatisfy(v -> assertThat(v.value()).isEqualTo("Usage-based"));
        // ContractedCost is NULL in 7 rows: a FOCUS-3 NULL literal, and missing where FOCUS never allows null
        assertThat(violations)
                .filteredOn(v -> "ContractedCost".equals(v.column()))
                .hasSize(7);
    }

    /** Totals per group, by the group's first value ("" for the empty group). */
    private static Map<String, BigDecimal> totals(List<LineItem> items, Grouping grouping) {
        Rollup rollup = Consolidation.consolidate(items, grouping);
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Map.Entry<GroupKey, org.cloudbilling.core.consolidation.Totals> e :
                rollup.groups().entrySet()) {
            out.merge(e.getKey().value(0).orElse(""), e.getValue().totalCost().amount(), BigDecimal::add);
        }
        out.replaceAll((k, v) -> v.stripTrailingZeros());
        return out;
    }

    /** BilledCost summed by the cell at {@code column}, or at {@code fallback} when that is null. */
    private static Map<String, BigDecimal> sums(List<String[]> raw, int column, Integer fallback) {
        int cost = List.of(raw.get(0)).indexOf("BilledCost");
        Map<String, BigDecimal> out = new TreeMap<>();
        for (String[] row : raw.subList(1, raw.size())) {
            String key = row[column];
            if ((key.equals("NULL") || key.isEmpty()) && fallback != null) {
                key = row[fallback];
            }
            out.merge(key, new BigDecimal(row[cost]), BigDecimal::add);
        }
        out.replaceAll((k, v) -> v.stripTrailingZeros());
        return out;
    }

    private static Map<String, BigDecimal> tagSums(List<String[]> raw, int tags, String key) throws IOException {
        int cost = List.of(raw.get(0)).indexOf("BilledCost");
        ObjectMapper json = new ObjectMapper();
        Map<String, BigDecimal> out = new TreeMap<>();
        for (String[] row : raw.subList(1, raw.size())) {
            String value = "";
            if (!row[tags].equals("NULL") && !row[tags].isEmpty()) {
                JsonNode node = json.readTree(row[tags]).get(key);
                value = node == null ? "" : node.textValue();
            }
            out.merge(value, new BigDecimal(row[cost]), BigDecimal::add);
        }
        out.replaceAll((k, v) -> v.stripTrailingZeros());
        return out;
    }

    private static ReadResult<FocusRow> readRows() throws IOException {
        try (Reader in = sample()) {
            return FocusCsv.readAll(in, "focus_sample.csv", OnError.COLLECT);
        }
    }

    private static Reader sample() {
        InputStream in = FocusSampleTest.class.getResourceAsStream(SAMPLE);
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The sample split by hand: RFC 4180 quotes with doubled quote escapes; the sample has no line breaks in cells. */
    static List<String[]> rawRows() throws IOException {
        String text;
        try (InputStream in = FocusSampleTest.class.getResourceAsStream(SAMPLE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String[]> rows = new ArrayList<>();
        for (String[] row : FocusCsvTest.split(text.replace("\r\n", "\n"))) {
            if (row.length > 1 || !row[0].isEmpty()) { // an empty line is no row
                rows.add(row);
            }
        }
        return rows;
    }
}
