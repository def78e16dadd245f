package org.cloudbilling.core.focus.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("FOCUS-10")
class FocusParquetTest {
    private static final String SAMPLE = "/focus/focus_sample.csv";

    @TempDir
    Path dir;

    /**
     * The FOCUS sample as a typed Parquet file: decimals of three physical types (INT64 for precision 18, FIXED_LEN
     * for 38), periods as TIMESTAMP WITH TIME ZONE (the CSV's times are UTC), Tags as the CSV's JSON text.
     */
    private Path sampleParquet(String compression) throws IOException {
        return sampleParquet(compression, "");
    }

    private Path sampleParquet(String compression, String options) throws IOException {
        return DuckParquet.focusSample(
                dir,
                "focus_sample_" + compression + ".parquet",
                "COMPRESSION " + compression + ", ROW_GROUP_SIZE 300" + options);
    }

    private static ReadResult<LineItem> csvLineItems() throws IOException {
        try (InputStream in = FocusParquetTest.class.getResourceAsStream(SAMPLE)) {
            return FocusCsv.readLineItems(
                    new InputStreamReader(in, StandardCharsets.UTF_8),
                    "focus_sample.csv",
                    FormulaGuard.OFF,
                    OnError.FAIL);
        }
    }

    private static List<FocusRow> csvRows() throws IOException {
        try (InputStream in = FocusParquetTest.class.getResourceAsStream(SAMPLE)) {
            return FocusCsv.readAll(new InputStreamReader(in, StandardCharsets.UTF_8), "focus_sample.csv", OnError.FAIL)
                    .valuesOrThrow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SNAPPY", "ZSTD", "GZIP", "UNCOMPRESSED"})
    @DisplayName("FOCUS-10: the FOCUS sample in Parquet reads to the same line items and totals as in CSV")
    void sample_parquet_sameLineItemsAndTotalsAsCsv(String compression) throws IOException {
        Path parquet = sampleParquet(compression);

        ParquetReadResult<LineItem> read = FocusParquet.readLineItems(parquet, OnError.FAIL);

        List<LineItem> fromCsv = csvLineItems().valuesOrThrow();
        assertThat(read.result().isComplete()).isTrue();
        assertThat(read.notes()).isEmpty();
        assertThat(read.version()).isEqualTo(org.cloudbilling.core.focus.FocusVersion.V1_0);
        assertThat(read.result().values()).hasSize(1000).containsExactlyElementsOf(fromCsv);
        // the sample's BilledCost summed by hand from its text (Python's decimal module): 20.52022672899 USD
        Money total = read.result().values().stream()
                .map(LineItem::totalCost)
                .reduce(Money::plus)
                .orElseThrow();
        assertThat(total.amount()).isEqualTo(new BigDecimal("20.52022672899"));
        assertThat(total.currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    @DisplayName("FOCUS-10: the sample in Parquet format version 2 (DELTA encodings) reads to the same line items")
    void sample_formatVersion2DeltaEncodings_sameLineItemsAsCsv() throws IOException {
        // DuckDB's PARQUET_VERSION V2 writes DELTA_BINARY_PACKED and DELTA_LENGTH_BYTE_ARRAY values in v1 data pages
        Path parquet = sampleParquet("ZSTD", ", PARQUET_VERSION V2");

        ParquetReadResult<LineItem> read = FocusParquet.readLineItems(parquet, OnError.FAIL);

        assertThat(read.result().values())
                .containsExactlyElementsOf(csvLineItems().valuesOrThrow());
    }

    @Test
    @DisplayName("FOCUS-10: every column of the sample reads as in CSV; a DECIMAL column has the column's scale")
    void sample_parquet_sameRowsAsCsv() throws IOException {
        List<FocusRow> fromParquet = FocusParquet.readAll(sampleParquet("SNAPPY"), OnError.FAIL)
                .result()
                .valuesOrThrow();

        List<FocusRow> fromCsv = csvRows();
        assertThat(fromParquet).hasSize(fromCsv.size());
        for (int i = 0; i < fromCsv.size(); i++) {
            FocusRow csv = fromCsv.get(i);
            FocusRow parquet = fromParquet.get(i);
            // ListUnitPrice has from 0 to 12 decimals in the CSV; a DECIMAL(38,12) column gives each 12: same number
            assertThat(parquet.decimal(FocusColumn.LIST_UNIT_PRICE).map(BigDecimal::stripTrailingZeros))
                    .isEqualTo(csv.decimal(FocusColumn.LIST_UNIT_PRICE).map(BigDecimal::stripTrailingZeros));
            assertThat(parquet.toBuilder()
                            .set(FocusColumn.LIST_UNIT_PRICE, (BigDecimal) null)
                            .build())
                    .as("row %s", i + 1)
                    .isEqualTo(csv.toBuilder()
                            .set(FocusColumn.LIST_UNIT_PRICE, (BigDecimal) null)
                            .build());
        }
    }

    @Test
    @DisplayName("FOCUS-10: a DOUBLE cost column is read by its shortest decimal form, and the read says so")
    void doubleCost_readByShortestDecimal_andNoted() {
        Path file = DuckParquet.minimal(dir.resolve("double.parquet"), "0.1::DOUBLE + 0.2::DOUBLE AS BilledCost", "");

        ParquetReadResult<FocusRow> read = FocusParquet.readAll(file, OnError.FAIL);

        // 0.1 + 0.2 in binary floating point is 0.3000000000000000444...; its shortest decimal form has 17 digits
        assertThat(read.result().values().get(0).decimal(FocusColumn.BILLED_COST))
                .contains(new BigDecimal("0.30000000000000004"));
        assertThat(read.notes()).singleElement().asString().contains("BilledCost", "DOUBLE", "shortest decimal");
    }

    @Test
    @DisplayName("FOCUS-10: a FLOAT cost column is read by the float's shortest decimal form")
    void floatCost_readByShortestDecimal() {
        Path file = DuckParquet.minimal(dir.resolve("float.parquet"), "0.1::FLOAT AS ListCost", "");

        ParquetReadResult<FocusRow> read = FocusParquet.readAll(file, OnError.FAIL);

        assertThat(read.result().values().get(0).decimal(FocusColumn.LIST_COST)).contains(new BigDecimal("0.1"));
        assertThat(read.notes()).singleElement().asString().contains("ListCost", "FLOAT");
    }

    @Test
    @DisplayName("FOCUS-10: DECIMAL as INT32, INT64 and FIXED_LEN_BYTE_ARRAY reads exactly, negative amounts too")
    void decimals_everyPhysicalType_exact() {
        Path file = DuckParquet.minimal(
                dir.resolve("decimals.parquet"),
                "(-12.3456)::DECIMAL(9,4) AS BilledCost, 123456789012.345678::DECIMAL(18,6) AS ListCost,"
                        + " (-0.00000080000)::DECIMAL(38,11) AS EffectiveCost",
                "");

        FocusRow row = FocusParquet.readAll(file, OnError.FAIL)
                .result()
                .valuesOrThrow()
                .get(0);

        assertThat(row.decimal(FocusColumn.BILLED_COST)).contains(new BigDecimal("-12.3456"));
        assertThat(row.decimal(FocusColumn.LIST_COST)).contains(new BigDecimal("123456789012.345678"));
        assertThat(row.decimal(FocusColumn.EFFECTIVE_COST)).contains(new BigDecimal("-0.00000080000"));
    }

    @Test
    @DisplayName("FOCUS-10: a 16-byte DECIMAL beyond a long, and one within it on either side of zero, read exactly")
    void decimals_sixteenBytes_beyondAndWithinALong_exact() {
        // 2^63 = 9223372036854775808: unscaled 31 digits is beyond a long; -1 unscaled is all 0xFF bytes
        Path file = DuckParquet.minimal(
                dir.resolve("wide.parquet"),
                "123456789012345678901.0123456789::DECIMAL(38,10) AS BilledCost,"
                        + " (-0.0000000001)::DECIMAL(38,10) AS ListCost,"
                        + " (-922337203.6854775808)::DECIMAL(38,10) AS EffectiveCost,"
                        + " (-922337203.6854775809)::DECIMAL(38,10) AS ContractedCost",
                "");

        FocusRow row = FocusParquet.readAll(file, OnError.FAIL)
                .result()
                .valuesOrThrow()
                .get(0);

        assertThat(row.decimal(FocusColumn.BILLED_COST)).contains(new BigDecimal("123456789012345678901.0123456789"));
        assertThat(row.decimal(FocusColumn.LIST_COST)).contains(new BigDecimal("-0.0000000001"));
        // Long.MIN_VALUE unscaled, and one below it
        assertThat(row.decimal(FocusColumn.EFFECTIVE_COST)).contains(new BigDecimal("-922337203.6854775808"));
        assertThat(row.decimal(FocusColumn.CONTRACTED_COST)).contains(new BigDecimal("-922337203.6854775809"));
    }

    @Test
    @DisplayName("FOCUS-10: collectLineItems streams row group by row group the same items, in order, as the CSV")
    void collectLineItems_sameItemsInOrderAsCsv() throws IOException {
        Path parquet = sampleParquet("ZSTD"); // 1000 rows in row groups of 300
        List<String> notes = new java.util.ArrayList<>();

        List<LineItem> collected =
                FocusParquet.collectLineItems(parquet, java.util.stream.Collectors.toList(), notes::add);
        Money total = FocusParquet.collectLineItems(
                parquet,
                java.util.stream.Collectors.reducing(null, LineItem::totalCost, (a, b) -> a == null ? b : a.plus(b)),
                notes::add);

        assertThat(collected)
                .hasSize(1000)
                .containsExactlyElementsOf(csvLineItems().valuesOrThrow());
        // the sample's BilledCost summed by hand from its text (Python's decimal module)
        assertThat(total.amount()).isEqualTo(new BigDecimal("20.52022672899"));
        assertThat(notes).isEmpty();
    }

    @Test
    @DisplayName("FOCUS-10: collectLineItems stops at a bad row with its error, and a DOUBLE column is noted first")
    void collectLineItems_badRowFails_notesGiven() {
        Path bad = DuckParquet.minimal(
                dir.resolve("collect-scale.parquet"),
                "0.0000000000000000000000000000001::DECIMAL(38,31) AS BilledCost",
                "");
        Path dbl = DuckParquet.minimal(dir.resolve("collect-double.parquet"), "0.1::DOUBLE AS ListCost", "");
        List<String> notes = new java.util.ArrayList<>();

        assertThatThrownBy(() -> FocusParquet.collectLineItems(bad, java.util.stream.Collectors.toList(), x -> {}))
                .isInstanceOfSatisfying(BillingInputException.class, e -> {
                    assertThat(e.problems().get(0).source()).isEqualTo(bad.toString());
                    assertThat(e.problems().get(0).line()).isEqualTo(1);
                });
        List<LineItem> items = FocusParquet.collectLineItems(dbl, java.util.stream.Collectors.toList(), notes::add);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).listCost().amount()).isEqualByComparingTo("0.1");
        assertThat(notes).singleElement().asString().contains("ListCost is DOUBLE");
    }

    @Test
    @DisplayName("FOCUS-10: timestamps in millis, micros and nanos, with or without zone, read as the same instant")
    void timestamps_everyUnit_sameInstant() {
        Path file = DuckParquet.minimal(
                dir.resolve("timestamps.parquet"),
                "TIMESTAMP_MS '2024-09-18 22:00:00.123' AS ChargePeriodStart,"
                        + " TIMESTAMP_NS '2024-09-18 23:00:00.123456789' AS ChargePeriodEnd,"
                        + " TIMESTAMPTZ '2024-09-01 03:00:00+03' AS BillingPeriodStart",
                "");

        FocusRow row = FocusParquet.readAll(file, OnError.FAIL)
                .result()
                .valuesOrThrow()
                .get(0);

        assertThat(row.instant(FocusColumn.CHARGE_PERIOD_START)).contains(Instant.parse("2024-09-18T22:00:00.123Z"));
        assertThat(row.instant(FocusColumn.CHARGE_PERIOD_END))
                .contains(Instant.parse("2024-09-18T23:00:00.123456789Z"));
        assertThat(row.instant(FocusColumn.BILLING_PERIOD_START)).contains(Instant.parse("2024-09-01T00:00:00Z"));
    }

    @Test
    @DisplayName("FOCUS-10: Tags as a MAP<string,string> keep keys, values and order; a null map is null tags")
    void mapTags() {
        Path file = DuckParquet.write(
                dir.resolve("map.parquet"),
                "SELECT m.* REPLACE (v.t AS Tags) FROM (" + DuckParquet.MINIMAL_ROW + ", NULL AS Tags) m,"
                        + " (VALUES (MAP {' env': 'prod', 'team': 'a b'}, 1), (NULL, 2), (MAP {}, 3),"
                        + " (MAP {'x': '1', 'y': '2', 'z': '3'}, 4)) v(t, n)"
                        + " ORDER BY v.n",
                "");

        List<FocusRow> rows = FocusParquet.readAll(file, OnError.FAIL).result().valuesOrThrow();

        assertThat(rows.get(0).tags().orElseThrow())
                .containsExactly(Map.entry(" env", "prod"), Map.entry("team", "a b"));
        assertThat(rows.get(1).tags()).isEmpty();
        assertThat(rows.get(2).tags()).contains(com.google.common.collect.ImmutableMap.of());
        // the last row's map: its entries are read to the end of the column chunk
        assertThat(rows.get(3).tags().orElseThrow())
                .containsExactly(Map.entry("x", "1"), Map.entry("y", "2"), Map.entry("z", "3"));
        assertThat(rows).hasSize(4);
    }

    @Test
    @DisplayName("FOCUS-10: Tags as a JSON string read as in CSV; a tag value that is not a string is a bad cell")
    void jsonTags() {
        Path file = DuckParquet.write(
                dir.resolve("json.parquet"),
                "SELECT m.* REPLACE (v.t AS Tags) FROM (" + DuckParquet.MINIMAL_ROW + ", NULL AS Tags) m,"
                        + " (VALUES ('{\"a\": \"1\", \" b\": \"x\"}', 1), ('{\"a\": 1}', 2)) v(t, n) ORDER BY v.n",
                "");

        ParquetReadResult<FocusRow> read = FocusParquet.readAll(file, OnError.COLLECT);

        assertThat(read.result().values())
                .singleElement()
                .satisfies(r ->
                        assertThat(r.tags().orElseThrow()).containsExactly(Map.entry("a", "1"), Map.entry(" b", "x")));
        InputProblem p = read.result().problems().get(0);
        assertThat(p.source()).isEqualTo(file.toString());
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.columnName()).contains("Tags");
        assertThat(p.reason()).contains("not a string", "row group 1");
    }

    @Test
    @DisplayName(
            "FOCUS-10: Tags as a JSON string with text after the object or a repeated key are bad cells, as in CSV")
    void jsonTags_trailingTextOrRepeatedKey_areRefused() {
        Path file = DuckParquet.write(
                dir.resolve("strict.parquet"),
                "SELECT m.* REPLACE (v.t AS Tags) FROM (" + DuckParquet.MINIMAL_ROW + ", NULL AS Tags) m,"
                        + " (VALUES ('{\"a\": \"1\"} junk', 1), ('{\"a\": \"1\", \"a\": \"2\"}', 2),"
                        + " ('{\"a\": \"1\"} {}', 3), ('{\"a\": \"1\"}', 4)) v(t, n) ORDER BY v.n",
                "");

        ParquetReadResult<FocusRow> read = FocusParquet.readAll(file, OnError.COLLECT);

        assertThat(read.result().values())
                .singleElement()
                .satisfies(r -> assertThat(r.tags().orElseThrow()).containsExactly(Map.entry("a", "1")));
        assertThat(read.result().problems())
                .extracting(InputProblem::reason)
                .satisfiesExactly(
                        r -> assertThat(r).contains("tags are not JSON: Unrecognized token 'junk'"),
                        r -> assertThat(r).contains("tags are not JSON: Duplicate field 'a'"),
                        r -> assertThat(r).contains("tags are not JSON: Trailing token"));
    }

    @Test
    @DisplayName("FOCUS-10: reading line items reads only the columns the mapping uses")
    void lineItems_projectOnTheMappingsColumns() {
        // a nested extra column the reader cannot take: reading every column refuses it, the line-item read skips it
        Path file = DuckParquet.minimal(dir.resolve("nested.parquet"), "", "{'a': 1} AS x_Nested");

        assertThatThrownBy(() -> FocusParquet.readAll(file, OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessageContaining("x_Nested");
        assertThat(FocusParquet.readLineItems(file, OnError.FAIL).result().values())
                .hasSize(1);
    }

    @Test
    @DisplayName("FOCUS-10: reading needs no Hadoop: none is on the test class path")
    void noHadoopOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.parquet.hadoop.ParquetFileReader"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    // ---- bad input: a clear BillingInputException naming the file (and column, row), never a partial result ----

    @Test
    @DisplayName("FOCUS-10: a truncated Parquet file is refused, naming the file")
    void truncated_refused() throws IOException {
        Path good = DuckParquet.minimal(dir.resolve("good.parquet"), "", "");
        byte[] bytes = Files.readAllBytes(good);
        Path file = Files.write(dir.resolve("truncated.parquet"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> FocusParquet.readAll(file, OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    @DisplayName("FOCUS-10: a file with a wrong magic number is refused, naming the file")
    void wrongMagic_refused() throws IOException {
        byte[] bytes = Files.readAllBytes(DuckParquet.minimal(dir.resolve("good.parquet"), "", ""));
        bytes[0] = 'X';
        Path file = Files.write(dir.resolve("magic.parquet"), bytes);

        assertThatThrownBy(() -> FocusParquet.readAll(file, OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("not a Parquet file");
    }

    @Test
    @DisplayName("FOCUS-10: a CSV file named .parquet is refused as not Parquet, saying it looks like text")
    void csvFile_refused() throws IOException {
        Path file = dir.resolve("really-csv.parquet");
        try (InputStream in = FocusParquetTest.class.getResourceAsStream(SAMPLE)) {
            Files.copy(in, file);
        }

        assertThatThrownBy(() -> FocusParquet.readLineItems(file, OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("not a Parquet file", "CSV");
    }

    @Test
    @DisplayName("FOCUS-10: a column of the wrong physical type is refused, naming file, column and types")
    void wrongPhysicalType_refused() {
        Path file =
                DuckParquet.minimal(dir.resolve("types.parquet"), "true AS BilledCost, 42 AS ChargePeriodStart", "");

        assertThatThrownBy(() -> FocusParquet.readAll(file, OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("column BilledCost is BOOLEAN", "must be a DECIMAL")
                .hasMessageContaining("column ChargePeriodStart is INT32", "TIMESTAMP");
    }

    @Test
    @DisplayName("FOCUS-10: an amount with more digits than money holds is a bad cell naming file, row and column")
    void tooManyDigits_refused() {
        // 1e50 has 51 digits before the point; an amount holds 40 (Money.MAX_INTEGER_DIGITS)
        Path file = DuckParquet.write(
                dir.resolve("digits.parquet"),
                "SELECT m.* REPLACE (v.c AS BilledCost) FROM (" + DuckParquet.MINIMAL_ROW + ") m,"
                        + " (VALUES (1.5::DOUBLE, 1), (1e50::DOUBLE, 2)) v(c, n) ORDER BY v.n",
                "");

        assertThatThrownBy(() -> FocusParquet.readAll(file, OnError.FAIL))
                .isInstanceOfSatisfying(BillingInputException.class, e -> {
                    InputProblem p = e.problems().get(0);
                    assertThat(p.source()).isEqualTo(file.toString());
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.columnName()).contains("BilledCost");
                });
        ReadResult<FocusRow> collected =
                FocusParquet.readAll(file, OnError.COLLECT).result();
        assertThat(collected.isComplete()).isFalse();
        assertThat(collected.values()).hasSize(1);
    }

    @Test
    @DisplayName("FOCUS-10: a DECIMAL with more decimals than money holds fails the line item, naming the row")
    void tooManyDecimals_lineItemRefused() {
        // 31 decimals, the last one not zero: money holds 18 (Money.MAX_SCALE)
        Path file = DuckParquet.minimal(
                dir.resolve("scale.parquet"), "0.0000000000000000000000000000001::DECIMAL(38,31) AS BilledCost", "");

        assertThatThrownBy(() -> FocusParquet.readLineItems(file, OnError.FAIL))
                .isInstanceOfSatisfying(BillingInputException.class, e -> {
                    assertThat(e.problems().get(0).source()).isEqualTo(file.toString());
                    assertThat(e.problems().get(0).line()).isEqualTo(1);
                });
    }

    @Test
    @DisplayName(
            "FOCUS-10: a ContractedCost of 19 decimals is refused as its cell (file, row, column, value, row group),"
                    + " in the line-item read and in consolidate")
    void contractedCostOf19Decimals_refusedAsItsCell() {
        // MINIMAL_ROW's tenth column is ContractedCost; money holds 18 decimals (Money.MAX_SCALE)
        Path file = DuckParquet.minimal(
                dir.resolve("contracted.parquet"), "0.0000000000000000001::DECIMAL(38,19) AS ContractedCost", "");
        String expected = file + ":1:10 (ContractedCost): amount 0.0000000000000000001 has 19 decimal places, more than"
                + " the 18 Money keeps; round it with a named policy first (row group 1 of 1)";
        org.cloudbilling.core.consolidation.Grouping grouping = org.cloudbilling.core.consolidation.Grouping.by(
                org.cloudbilling.core.time.BillingCalendar.of(java.time.ZoneOffset.UTC, 1, 1),
                org.cloudbilling.core.consolidation.Dimension.parse("SubAccountId"));

        assertThatThrownBy(() -> FocusParquet.readLineItems(file, OnError.FAIL))
                .isInstanceOfSatisfying(BillingInputException.class, e -> {
                    InputProblem p = e.problems().get(0);
                    assertThat(p.column()).isEqualTo(10);
                    assertThat(p.columnName()).contains("ContractedCost");
                    assertThat(p.value()).contains("0.0000000000000000001");
                })
                .hasMessage(expected);
        assertThatThrownBy(() -> FocusParquet.consolidate(file, grouping, note -> {}))
                .isInstanceOf(BillingInputException.class)
                .hasMessage(expected);
    }

    @Test
    @DisplayName("FOCUS-10: a file lacking a FOCUS column that may never be null is refused, as the CSV header is")
    void missingRequiredColumn_refused() {
        Path file = DuckParquet.write(dir.resolve("missing.parquet"), "SELECT 1.5::DECIMAL(9,2) AS BilledCost", "");

        assertThatThrownBy(() -> FocusParquet.readAll(file, OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessageContaining("lacks FOCUS columns", "BillingCurrency");
    }

    @Test
    @org.junit.jupiter.api.Tag("FOCUS-8")
    @DisplayName("FOCUS-8: a hand-made FOCUS 1.2 dataset in Parquet reads as 1.2, to the same rows as its CSV")
    void focus12_parquet_sameRowsAsCsv() throws IOException {
        String header = "BilledCost,BillingAccountId,BillingAccountName,BillingAccountType,BillingCurrency,"
                + "BillingPeriodEnd,BillingPeriodStart,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,"
                + "ChargePeriodEnd,ChargePeriodStart,ContractedCost,EffectiveCost,InvoiceId,InvoiceIssuerName,"
                + "ListCost,PricingCurrency,PricingCurrencyEffectiveCost,PricingQuantity,PricingUnit,ProviderName,"
                + "PublisherName,ServiceCategory,ServiceName,ServiceSubcategory,SkuMeter,SkuPriceDetails,"
                + "SubAccountId,SubAccountType";
        String row = "1.20,acct-1,Acme,Billing Profile,USD,2025-06-01T00:00:00Z,2025-05-01T00:00:00Z,Usage,,"
                + "m5.large hour,Usage-Based,2025-05-03T11:00:00Z,2025-05-03T10:00:00Z,1.10,0.95,INV-7,Cloud Inc.,"
                + "1.50,EUR,0.87,1,Hours,Cloud,Cloud Inc.,Compute,Virtual Machines,Virtual Machines,Compute Usage,"
                + "\"{\"\"CoreCount\"\": 2}\",sub-1,Subscription";
        Path csv = dir.resolve("focus12.csv");
        Files.writeString(csv, header + "\n" + row + "\n");
        String ts = "(%1$s || '+00')::TIMESTAMPTZ AS %1$s";
        String query = "SELECT * REPLACE (BilledCost::DECIMAL(18,2) AS BilledCost,"
                + " ContractedCost::DECIMAL(18,2) AS ContractedCost, EffectiveCost::DECIMAL(18,2) AS EffectiveCost,"
                + " ListCost::DECIMAL(18,2) AS ListCost, PricingQuantity::DECIMAL(18,0) AS PricingQuantity,"
                + " PricingCurrencyEffectiveCost::DECIMAL(18,2) AS PricingCurrencyEffectiveCost, "
                + String.format(ts, "BillingPeriodEnd").replace(" || '+00'", "") + ", "
                + String.format(ts, "BillingPeriodStart").replace(" || '+00'", "") + ", "
                + String.format(ts, "ChargePeriodEnd").replace(" || '+00'", "") + ", "
                + String.format(ts, "ChargePeriodStart").replace(" || '+00'", "") + ")"
                + " FROM read_csv('" + csv + "', all_varchar = true, header = true)";
        Path parquet = DuckParquet.write(dir.resolve("focus12.parquet"), query, "COMPRESSION ZSTD");

        ParquetReadResult<FocusRow> read = FocusParquet.readAll(parquet, OnError.FAIL);

        assertThat(read.version()).isEqualTo(org.cloudbilling.core.focus.FocusVersion.V1_2);
        FocusRow fromCsv = FocusCsv.readAll(Files.newBufferedReader(csv), "focus12.csv", OnError.FAIL)
                .valuesOrThrow()
                .get(0);
        assertThat(read.result().valuesOrThrow()).containsExactly(fromCsv);
        assertThat(fromCsv.decimal(FocusColumn.PRICING_CURRENCY_EFFECTIVE_COST)).contains(new BigDecimal("0.87"));
        assertThat(fromCsv.text(FocusColumn.INVOICE_ID)).contains("INV-7");
    }
}
