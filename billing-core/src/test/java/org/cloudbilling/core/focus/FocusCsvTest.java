package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.testing.BillFixtures;
import org.cloudbilling.core.testing.RepeatingReader;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class FocusCsvTest {
    static final FocusExport EXPORT =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud International", BillingCalendar.TENCENT);
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);

    // ------------------------------------------------------------------ export

    @Test
    @Tag("FOCUS-1")
    void header_noExtras_isThe43Focus10ColumnsInSpecOrder() throws IOException {
        // the sample's header, as the FOCUS 1.0 providers write it, without its non-FOCUS Id column
        List<String> expected =
                new ArrayList<>(List.of(FocusSampleTest.rawRows().get(0)));
        expected.remove("Id");

        assertThat(FocusCsv.header(List.of())).hasSize(43).containsExactlyElementsOf(expected);
    }

    @Test
    @Tag("FOCUS-1")
    void write_lineItems_mandatoryColumnsNeverNullAndValidatorFindsNothing() {
        String csv = write(List.of(BillFixtures.CVM_HOUR, BillFixtures.DISK_REFUND), SEPTEMBER);

        assertThat(FocusValidator.validate(new StringReader(csv), "export.csv", Map.of()))
                .isEmpty();
    }

    @Test
    void write_lineItems_matchesGoldenFile() throws IOException {
        assertThat(write(List.of(BillFixtures.CVM_HOUR, BillFixtures.DISK_REFUND), SEPTEMBER))
                .isEqualTo(golden("focus-line-items.csv"));
    }

    @Test
    @Tag("FOCUS-2")
    void write_instants_areUtcIsoSeconds() {
        FocusRow row = FocusLineItems.toRow(BillFixtures.CVM_HOUR, SEPTEMBER, EXPORT);
        String csv = writeRows(List.of(row), List.of());

        // the Tencent month starts at 00:00 UTC+8, 16:00 UTC the day before
        assertThat(cell(csv, 1, "BillingPeriodStart")).isEqualTo("2024-08-31T16:00:00Z");
        assertThat(cell(csv, 1, "BillingPeriodEnd")).isEqualTo("2024-09-30T16:00:00Z");
        assertThat(cell(csv, 1, "ChargePeriodEnd")).isEqualTo("2024-09-17T17:00:00Z");
    }

    @Test
    @Tag("FOCUS-2")
    void write_fractionOfASecond_isRefused() {
        FocusRow row = FocusLineItems.toRow(BillFixtures.CVM_HOUR, SEPTEMBER, EXPORT).toBuilder()
                .set(FocusColumn.CHARGE_PERIOD_END, Instant.parse("2024-09-17T17:00:00.5Z"))
                .build();

        assertThatThrownBy(() -> writeRows(List.of(row), FocusLineItems.EXTRA_COLUMNS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fractions of a second");
    }

    @Test
    @Tag("FOCUS-3")
    void write_nulls_areEmptyCellsNeverQuotedEmptyNorZero() {
        FocusRow row = FocusLineItems.toRow(BillFixtures.DISK_REFUND, SEPTEMBER, EXPORT);
        String csv = writeRows(List.of(row), List.of());
        String line = csv.split("\n")[1];

        assertThat(row.isNull(FocusColumn.CONSUMED_QUANTITY)).isTrue();
        assertThat(cell(csv, 1, "ConsumedQuantity")).isEmpty();
        assertThat(cell(csv, 1, "ContractedUnitPrice")).isEmpty();
        assertThat(line).doesNotContain("\"\"").doesNotContain(",0,").startsWith(",-96.40000000,");
    }

    @Test
    @Tag("FOCUS-4")
    void toRow_feePeriodBeforeBillingMonth_isACorrection() {
        // a backtracked August charge on the September invoice corrects an earlier period
        FocusRow august = FocusLineItems.toRow(BillFixtures.CVM_HOUR, BillingMonth.of(2024, 10), EXPORT);
        FocusRow same = FocusLineItems.toRow(BillFixtures.CVM_HOUR, SEPTEMBER, EXPORT);

        assertThat(august.text(FocusColumn.CHARGE_CLASS)).contains("Correction");
        assertThat(same.isNull(FocusColumn.CHARGE_CLASS)).isTrue();
        String csv = writeRows(List.of(august), FocusLineItems.EXTRA_COLUMNS);
        assertThat(FocusValidator.validate(new StringReader(csv), "c.csv", Map.of()))
                .isEmpty();
    }

    @Test
    @Tag("FOCUS-4")
    void chargeCategory_everyActionTypeAndPayMode_isTheFocusCategoryOfTheSpec() {
        // FOCUS 1.0: Usage and Purchase "including refunds"; Credit for credits; Adjustment for what fits nowhere.
        Map<String, String> expected = new java.util.TreeMap<>();
        for (String prepaidOrNot : List.of("PREPAID", "POSTPAID")) {
            expected.put("USAGE/" + prepaidOrNot, "Usage");
            expected.put("COMMITMENT_DEDUCTION/" + prepaidOrNot, "Usage");
            expected.put("NEW_PURCHASE/" + prepaidOrNot, "Purchase");
            expected.put("RENEWAL/" + prepaidOrNot, "Purchase");
            expected.put("UPGRADE/" + prepaidOrNot, "Purchase");
            expected.put("DOWNGRADE/" + prepaidOrNot, "Purchase");
            expected.put("COMMITMENT_PURCHASE/" + prepaidOrNot, "Purchase");
            expected.put("CREDIT/" + prepaidOrNot, "Credit");
            expected.put("TAX/" + prepaidOrNot, "Tax");
            expected.put("ADJUSTMENT/" + prepaidOrNot, "Adjustment");
            expected.put("OTHER/" + prepaidOrNot, "Adjustment");
        }
        expected.put("REFUND/PREPAID", "Purchase");
        expected.put("REFUND/POSTPAID", "Usage");

        Map<String, String> got = new java.util.TreeMap<>();
        for (org.cloudbilling.core.bill.ActionType t : org.cloudbilling.core.bill.ActionType.values()) {
            for (org.cloudbilling.core.bill.PayMode m : org.cloudbilling.core.bill.PayMode.values()) {
                got.put(t + "/" + m, FocusLineItems.chargeCategory(t, m));
            }
        }

        assertThat(got).isEqualTo(expected);
        assertThat(FocusLineItems.toRow(BillFixtures.DISK_REFUND, SEPTEMBER, EXPORT)
                        .text(FocusColumn.CHARGE_CATEGORY))
                .contains("Purchase"); // a prepaid refund
    }

    @Test
    @Tag("FOCUS-5")
    void write_bill_billedCostAddsUpToTheInvoiceTotal() {
        List<LineItem> items = List.of(BillFixtures.CVM_HOUR, BillFixtures.DISK_REFUND);
        String csv = write(items, SEPTEMBER);
        // 0.32000000 + (-96.40000000)
        BigDecimal invoice = new BigDecimal("-96.08");

        assertThat(FocusValidator.validate(
                        new StringReader(csv), "e.csv", Map.of(Instant.parse("2024-08-31T16:00:00Z"), invoice)))
                .isEmpty();
        assertThat(FocusValidator.validate(
                        new StringReader(csv),
                        "e.csv",
                        Map.of(Instant.parse("2024-08-31T16:00:00Z"), new BigDecimal("-96.07"))))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("FOCUS-5");
                    assertThat(v.reason()).contains("-96.08000000").contains("-96.07");
                });
    }

    @Test
    @Tag("FOCUS-6")
    void writeThenRead_oddTagKeysAndValues_keptExactlyAsAJsonObject() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(" org", "Finance & Ops");
        tags.put("Cost department", "\"quoted\", with comma");
        tags.put("ms:Department", "");
        tags.put("ünïcode", "=not a formula inside JSON");
        FocusRow row = FocusLineItems.toRow(BillFixtures.CVM_HOUR, SEPTEMBER, EXPORT).toBuilder()
                .tags(tags)
                .build();
        String csv = writeRows(List.of(row), FocusLineItems.EXTRA_COLUMNS);

        assertThat(cell(csv, 1, "Tags")).startsWith("{\" org\":\"Finance & Ops\",\"Cost department\"");
        FocusRow back = FocusCsv.readAll(new StringReader(csv), "t.csv", OnError.FAIL)
                .values()
                .get(0);
        assertThat(back.tags().orElseThrow()).containsExactlyEntriesOf(tags);
        assertThat(back).isEqualTo(row);
    }

    @Test
    @Tag("FOCUS-6")
    void writeThenRead_decimalsWithANegativeScale_readBackEqualScaleIncluded() {
        // read from an exponent (a fuzzing finding: 0.00E0004 was written as 0 and read back at scale 0)
        FocusRow row = FocusLineItems.toRow(BillFixtures.CVM_HOUR, SEPTEMBER, EXPORT).toBuilder()
                .set(FocusColumn.LIST_UNIT_PRICE, new BigDecimal("0.00E0004"))
                .set(FocusColumn.CONSUMED_QUANTITY, new BigDecimal("12E+3"))
                .build();
        String csv = writeRows(List.of(row), FocusLineItems.EXTRA_COLUMNS);

        assertThat(cell(csv, 1, "ListUnitPrice")).isEqualTo("0E+2");
        FocusRow back = FocusCsv.readAll(new StringReader(csv), "s.csv", OnError.FAIL)
                .values()
                .get(0);
        assertThat(back.decimal(FocusColumn.LIST_UNIT_PRICE).orElseThrow().scale())
                .isEqualTo(-2);
        assertThat(back.decimal(FocusColumn.CONSUMED_QUANTITY)).contains(new BigDecimal("1.2E+4"));
        assertThat(back).isEqualTo(row);
    }

    // ------------------------------------------------------------------ import: what real exports hold (FOCUS-7)

    @Test
    @Tag("FOCUS-7")
    void read_timestampForms_allReadAsTheSameInstant() {
        for (String t : List.of(
                "2024-09-01T00:00:00Z", "2024-09-01 00:00:00", "2024-09-01T00:00:00", "2024-09-01T08:00:00+08:00")) {
            assertThat(FocusCsvReader.instant(t)).as(t).isEqualTo(Instant.parse("2024-09-01T00:00:00Z"));
        }
    }

    @Test
    @Tag("FOCUS-7")
    void read_nullLiteralEmptyCellAndQuotedNumber_readAsNullNullAndNumber() {
        String csv = minimal("\"0.10\"", "NULL", "");
        FocusRow row = FocusCsv.readAll(new StringReader(csv), "m.csv", OnError.FAIL)
                .values()
                .get(0);

        assertThat(row.decimal(FocusColumn.BILLED_COST)).contains(new BigDecimal("0.10"));
        assertThat(row.decimal(FocusColumn.BILLED_COST).orElseThrow().scale()).isEqualTo(2);
        assertThat(row.isNull(FocusColumn.REGION_ID)).isTrue();
        assertThat(row.isNull(FocusColumn.TAGS)).isTrue();
    }

    @Test
    @Tag("FOCUS-7")
    void read_badCells_reportFileLineColumnValueAndReason() {
        String csv = minimal("1.x", "r", "{\"a\": 1}");
        assertThatThrownBy(() -> FocusCsv.readAll(new StringReader(csv), "bad.csv", OnError.FAIL))
                .isInstanceOfSatisfying(BillingInputException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    InputProblem cost = e.problems().get(0);
                    assertThat(cost.source()).isEqualTo("bad.csv");
                    assertThat(cost.line()).isEqualTo(2);
                    assertThat(cost.column()).isEqualTo(1);
                    assertThat(cost.columnName()).contains("BilledCost");
                    assertThat(cost.value()).contains("1.x");
                    assertThat(cost.reason()).contains("not a decimal number");
                    InputProblem tags = e.problems().get(1);
                    assertThat(tags.columnName()).contains("Tags");
                    assertThat(tags.reason()).contains("tag 'a' is not a string");
                });
    }

    @Test
    @Tag("FOCUS-7")
    void read_eachBadInputCase_isReportedWithItsPlaceAndReason() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(minimal("1", "r", "not json"), "Tags: tags are not JSON");
        cases.put(minimal("1", "r", "[\"a\"]"), "Tags: tags are not a JSON object");
        cases.put(minimal("1", "r", "{\"a\":\"1\",\"a\":\"2\"}"), "Tags: tags are not JSON: Duplicate field 'a'");
        cases.put(minimal("1", "r", "").replace("2024-09-01T00:00:00Z,", "2024-13-01,"), "is not a date-time");
        cases.put(minimal("1", "r", "") + "1,2\n", "line 3: the row has 2 cells");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ReadResult<FocusRow> result = FocusCsv.readAll(new StringReader(c.getKey()), "x.csv", OnError.COLLECT);
            assertThat(result.problems()).as(c.getValue()).isNotEmpty();
            InputProblem p = result.problems().get(0);
            String where = (p.line() > 0 ? "line " + p.line() + ": " : "")
                    + p.columnName().map(n -> n + ": ").orElse("")
                    + p.reason();
            assertThat(where).as(c.getKey()).contains(c.getValue().replaceFirst("^Tags: ", ""));
            assertThat(p.source()).isEqualTo("x.csv");
        }
    }

    @Test
    @Tag("FOCUS-7")
    void read_brokenHeaders_areRefusedNamingTheColumns() {
        assertThatThrownBy(() -> FocusCsv.readAll(new StringReader(""), "e.csv", OnError.COLLECT))
                .hasMessageContaining("e.csv: the input is empty");
        String noCost = minimal("1", "r", "").replace("BilledCost,", "Cost,");
        assertThatThrownBy(() -> FocusCsv.readAll(new StringReader(noCost), "h.csv", OnError.COLLECT))
                .hasMessageContaining("h.csv:1")
                .hasMessageContaining("[BilledCost]");
        String twice = minimal("1", "r", "").replace("RegionId", "BillingCurrency");
        assertThatThrownBy(() -> FocusCsv.readAll(new StringReader(twice), "d.csv", OnError.COLLECT))
                .hasMessageContaining("column BillingCurrency appears twice");
        String unclosed = minimal("1", "r", "").replace(",r,", ",\"r,");
        assertThatThrownBy(() -> FocusCsv.readAll(new StringReader(unclosed), "q.csv", OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessageContaining("q.csv")
                .hasMessageContaining("malformed");
    }

    @Test
    @Tag("FOCUS-7")
    void readAll_failVersusCollect_stopsAtFirstOrReportsEveryBadRow() {
        String header = minimal("1", "r", "").split("\n")[0];
        String good = minimal("1", "r", "").split("\n")[1];
        String csv = header + "\n" + good + "\n" + good.replaceFirst("^1,", "x,") + "\n" + good + "\n"
                + good.replaceFirst("^1,", "y,") + "\n";

        assertThatThrownBy(() -> FocusCsv.readAll(new StringReader(csv), "f.csv", OnError.FAIL))
                .isInstanceOfSatisfying(
                        BillingInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InputProblem::line)
                                .containsExactly(3L));
        ReadResult<FocusRow> all = FocusCsv.readAll(new StringReader(csv), "f.csv", OnError.COLLECT);
        assertThat(all.values()).hasSize(2);
        assertThat(all.problems()).extracting(InputProblem::line).containsExactly(3L, 5L);
        assertThat(all.problems()).extracting(p -> p.value().orElseThrow()).containsExactly("x", "y");
        assertThatThrownBy(all::valuesOrThrow).isInstanceOf(BillingInputException.class);
    }

    @Test
    @Tag("FOCUS-7")
    void readLineItems_rowWithoutAccount_isReportedWithItsLine() {
        String csv = minimal("1", "r", "");
        ReadResult<LineItem> result = FocusCsv.readLineItems(
                new StringReader(csv.replace("acct", "")), "a.csv", FormulaGuard.OFF, OnError.COLLECT);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("BillingAccountId is null");
        });
    }

    // ------------------------------------------------------------------ safety and streaming

    @Test
    void write_formulaLikeText_isGuardedAndNumbersAreNot() {
        List<String> dangerous = List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "'q");
        List<FocusRow> rows = new ArrayList<>();
        for (String d : dangerous) {
            rows.add(FocusLineItems.toRow(BillFixtures.DISK_REFUND, SEPTEMBER, EXPORT).toBuilder()
                    .set(FocusColumn.RESOURCE_NAME, d)
                    .build());
        }
        StringWriter out = new StringWriter();
        try (FocusCsvWriter w = FocusCsv.writer(out, FocusLineItems.EXTRA_COLUMNS, FormulaGuard.ON)) {
            rows.forEach(w::write);
        }
        String csv = out.toString();

        for (int i = 0; i < dangerous.size(); i++) {
            assertThat(cell(csv, i + 1, "ResourceName")).isEqualTo("'" + dangerous.get(i));
            // a negative amount is a number, not a formula: written as it is
            assertThat(cell(csv, i + 1, "BilledCost")).isEqualTo("-96.40000000");
            assertThat(cell(csv, i + 1, "ListCost")).isEqualTo("-120.50000000");
        }
        try (FocusCsvReader in = FocusCsv.reader(new StringReader(csv), "g.csv", FormulaGuard.ON)) {
            for (FocusRow expected : rows) {
                assertThat(in.next()).isEqualTo(expected);
            }
        }
    }

    @Test
    void reader_hugeInput_holdsOneRowAndReadsOnlyABufferAhead() {
        String header = minimal("1", "r", "").split("\n")[0] + "\n";
        String row = minimal("1", "r", "").split("\n")[1] + "\n";
        long rows = 10_000_000L;
        RepeatingReader source = new RepeatingReader(header, row, rows);
        try (FocusCsvReader in = FocusCsv.reader(source, "huge.csv")) {
            for (int i = 0; i < 1000; i++) {
                in.next();
            }
            // 10 million rows are ~1.8 GB of text; after 1,000 rows the reader has taken in at most its buffers
            assertThat(source.consumed()).isLessThan((long) header.length() + 1001L * row.length() + 64 * 1024);
            assertThat(in.line()).isEqualTo(1001);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A dataset of the mandatory columns plus RegionId and Tags, with one row. */
    static String minimal(String billedCost, String region, String tags) {
        String header = "BilledCost,BillingAccountId,BillingCurrency,BillingPeriodEnd,BillingPeriodStart,"
                + "ChargeCategory,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,ContractedCost,EffectiveCost,"
                + "InvoiceIssuerName,ListCost,ProviderName,PublisherName,RegionId,ServiceCategory,ServiceName,Tags";
        String row = billedCost + ",acct,USD,2024-10-01T00:00:00Z,2024-09-01T00:00:00Z,Usage,Usage-Based,"
                + "2024-09-02T00:00:00Z,2024-09-01T00:00:00Z,1,1,Issuer,1,Provider,Publisher," + region
                + ",Compute,Svc," + quote(tags);
        return header + "\n" + row + "\n";
    }

    private static String quote(String s) {
        return s.isEmpty() ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String write(List<LineItem> items, BillingMonth month) {
        List<FocusRow> rows = new ArrayList<>();
        items.forEach(i -> rows.add(FocusLineItems.toRow(i, month, EXPORT)));
        return writeRows(rows, FocusLineItems.EXTRA_COLUMNS);
    }

    static String writeRows(List<FocusRow> rows, List<String> extras) {
        StringWriter out = new StringWriter();
        try (FocusCsvWriter w = FocusCsv.writer(out, extras, FormulaGuard.ON)) {
            for (FocusRow r : rows) {
                FocusRow.Builder b = r.toBuilder();
                r.extra().keySet().stream().filter(k -> !extras.contains(k)).forEach(k -> b.extra(k, null));
                w.write(b.build());
            }
        }
        return out.toString();
    }

    /** The cell of {@code column} in data row {@code row} (1-based), read with the sample's independent splitter. */
    static String cell(String csv, int row, String column) {
        List<String[]> rows = split(csv);
        return rows.get(row)[List.of(rows.get(0)).indexOf(column)];
    }

    /**
     * The rows of {@code csv} split by hand, independently of the readers: RFC 4180 quotes with doubled quote escapes,
     * a row ended by a line break outside quotes (a last row without one kept too).
     */
    static List<String[]> split(String csv) {
        List<String[]> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(cells.toArray(new String[0]));
                cells.clear();
            } else {
                cell.append(c);
            }
        }
        if (!cells.isEmpty() || cell.length() > 0) {
            cells.add(cell.toString());
            rows.add(cells.toArray(new String[0]));
        }
        return rows;
    }

    static String golden(String name) throws IOException {
        try (InputStream in = FocusCsvTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A host's own CSV reader hands cells to readCell: each read as the FOCUS CSV reader reads it. */
    @Test
    @Tag("FOCUS-7")
    void readCell_cellsOfEachType_readAsTheReaderReadsThem() {
        FocusRow.Builder b = FocusRow.builder();
        FocusCsv.readCell(b, "BilledCost", "0.00000080000", FormulaGuard.ON);
        FocusCsv.readCell(b, "ChargePeriodStart", "2024-09-01 08:00:00+08:00", FormulaGuard.ON);
        FocusCsv.readCell(b, "ServiceName", "'=SUM(A1)", FormulaGuard.ON);
        FocusCsv.readCell(b, "Tags", "{\"env\":\"prod\"}", FormulaGuard.ON);
        FocusCsv.readCell(b, "RegionId", "NULL", FormulaGuard.ON);
        FocusCsv.readCell(b, "x_Team", "web", FormulaGuard.ON);
        FocusCsv.readCell(b, "ResourceId", null, FormulaGuard.ON);
        FocusRow row = b.build();

        assertThat(row.decimal(FocusColumn.BILLED_COST)).hasValue(new BigDecimal("0.00000080000"));
        assertThat(row.instant(FocusColumn.CHARGE_PERIOD_START)).hasValue(Instant.parse("2024-09-01T00:00:00Z"));
        assertThat(row.text(FocusColumn.SERVICE_NAME)).hasValue("=SUM(A1)"); // neutralized on writing, restored
        assertThat(row.tags()).hasValueSatisfying(t -> assertThat(t).containsExactly(Map.entry("env", "prod")));
        assertThat(row.isNull(FocusColumn.REGION_ID)).isTrue();
        assertThat(row.isNull(FocusColumn.RESOURCE_ID)).isTrue();
        assertThat(row.extra("x_Team")).hasValue("web");
    }

    @Test
    @Tag("FOCUS-6")
    void readCell_repeatedTagKeyOrBadDecimal_isRefusedSayingWhy() {
        assertThatThrownBy(() ->
                        FocusCsv.readCell(FocusRow.builder(), "Tags", "{\"a\":\"1\",\"a\":\"2\"}", FormulaGuard.ON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tags are not JSON");
        assertThatThrownBy(() -> FocusCsv.readCell(FocusRow.builder(), "BilledCost", "12,5", FormulaGuard.ON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
