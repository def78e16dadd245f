package org.cloudbilling.core.focus.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.focus.parquet.internal.ParquetFile;
import org.cloudbilling.core.focus.parquet.internal.RawParquetRows;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("FOCUS-10")
class FocusParquetWriterTest {
    private static final String SAMPLE = "/focus/focus_sample.csv";
    private static final FocusExport EXPORT =
            new FocusExport("Amazon Web Services", "Amazon Web Services", "Amazon Web Services", BillingCalendar.UTC);

    @TempDir
    Path dir;

    private static List<FocusRow> sampleRows() throws IOException {
        try (InputStream in = FocusParquetWriterTest.class.getResourceAsStream(SAMPLE)) {
            return FocusCsv.readAll(new InputStreamReader(in, StandardCharsets.UTF_8), "focus_sample.csv", OnError.FAIL)
                    .valuesOrThrow();
        }
    }

    private static List<LineItem> sampleLineItems() throws IOException {
        try (InputStream in = FocusParquetWriterTest.class.getResourceAsStream(SAMPLE)) {
            return FocusCsv.readLineItems(
                            new InputStreamReader(in, StandardCharsets.UTF_8),
                            "focus_sample.csv",
                            FormulaGuard.OFF,
                            OnError.FAIL)
                    .valuesOrThrow();
        }
    }

    private static List<String> extras(List<FocusRow> rows) {
        Set<String> extra = new LinkedHashSet<>();
        rows.forEach(r -> extra.addAll(r.extra().keySet()));
        return List.copyOf(extra);
    }

    private Path write(
            String name,
            List<FocusRow> rows,
            FocusVersion version,
            List<String> extra,
            FocusParquetWriter.Compression compression,
            int rowGroupRows)
            throws IOException {
        Path file = dir.resolve(name);
        try (FocusParquetWriter w =
                FocusParquet.writer(Files.newOutputStream(file), version, extra, compression, rowGroupRows)) {
            rows.forEach(w::write);
            assertThat(w.rows()).isEqualTo(rows.size());
        }
        return file;
    }

    /** The row as a DECIMAL(38, 18) column gives it back: every decimal with 18 decimals, the same number. */
    private static FocusRow atColumnScale(FocusRow row) {
        FocusRow.Builder b = row.toBuilder();
        for (FocusColumn c : FocusColumn.values()) {
            if (c.type() == FocusColumn.Type.DECIMAL) {
                row.decimal(c).ifPresent(d -> b.set(c, d.setScale(18)));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FocusParquetWriter.Compression.class)
    @DisplayName("FOCUS-10: the FOCUS sample written to Parquet reads back to the same rows, decimals at scale 18")
    void sample_writtenAndRead_sameRows(FocusParquetWriter.Compression compression) throws IOException {
        List<FocusRow> rows = sampleRows();

        // 1000 rows in row groups of 300: four row groups, the last of 100
        Path file = write("sample.parquet", rows, FocusVersion.V1_0, extras(rows), compression, 300);

        ParquetReadResult<FocusRow> read = FocusParquet.readAll(file, OnError.FAIL);
        assertThat(read.notes()).isEmpty();
        assertThat(read.version()).isEqualTo(FocusVersion.V1_0);
        assertThat(read.result().valuesOrThrow())
                .containsExactlyElementsOf(
                        rows.stream().map(FocusParquetWriterTest::atColumnScale).toList());
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            assertThat(ParquetFile.open(in).meta().getRow_groups())
                    .extracting(g -> g.getNum_rows())
                    .containsExactly(300L, 300L, 300L, 100L);
        } catch (ParquetFile.ParquetFormatError e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("FOCUS-10: a 1.2 export of line items in Parquet reads back to the line items its CSV form gives")
    void lineItems_v12_parquetAndCsv_sameLineItems() throws IOException {
        List<FocusRow> rows = new ArrayList<>();
        for (LineItem item : sampleLineItems()) {
            rows.add(FocusLineItems.toRow(
                    item, EXPORT.calendar().monthOf(item.feePeriod().start()), EXPORT.withVersion(FocusVersion.V1_2)));
        }
        StringWriter csv = new StringWriter();
        try (FocusCsvWriter w =
                FocusCsv.writer(csv, FocusVersion.V1_2, FocusLineItems.EXTRA_COLUMNS, FormulaGuard.OFF)) {
            rows.forEach(w::write);
        }
        List<LineItem> fromCsv = FocusCsv.readLineItems(
                        new StringReader(csv.toString()), "export.csv", FormulaGuard.OFF, OnError.FAIL)
                .valuesOrThrow();

        Path file = write(
                "v12.parquet",
                rows,
                FocusVersion.V1_2,
                FocusLineItems.EXTRA_COLUMNS,
                FocusParquetWriter.Compression.SNAPPY,
                FocusParquetWriter.DEFAULT_ROW_GROUP_ROWS);

        ParquetReadResult<LineItem> read = FocusParquet.readLineItems(file, OnError.FAIL);
        assertThat(read.version()).isEqualTo(FocusVersion.V1_2);
        List<LineItem> fromParquet = read.result().valuesOrThrow();
        assertThat(fromParquet).hasSameSizeAs(fromCsv);
        // the same line items; a quantity read from a DECIMAL(38,18) column has 18 decimals, the same number
        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration sameNumbers =
                org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(java.util.Comparator.nullsFirst(BigDecimal::compareTo), BigDecimal.class)
                        .withEqualsForType(java.util.Objects::equals, Money.class)
                        .build();
        for (int i = 0; i < fromCsv.size(); i++) {
            assertThat(fromParquet.get(i))
                    .as("line item %s", i + 1)
                    .usingRecursiveComparison(sameNumbers)
                    .isEqualTo(derivedWhenSameNumber(fromCsv.get(i)));
        }
    }

    /**
     * The line item as its own export reads back when the decimals lose their written scale: a reported pricing
     * quantity that is the usage quantity's number, in the same unit, reads as derived from it (toLineItem's rule for
     * the library's own export; in CSV, {@code 2.00000000000} and {@code 2.000000000000000} are kept apart by their
     * text, in a DECIMAL(38,18) column both are {@code 2.000000000000000000}).
     */
    private static LineItem derivedWhenSameNumber(LineItem item) {
        boolean same = item.pricingQuantity().isPresent()
                && item.usageQuantity().isPresent()
                && item.pricingQuantity().get().compareTo(item.usageQuantity().get()) == 0
                && item.pricingUnit().equals(item.usageUnit());
        if (!same) {
            return item;
        }
        return LineItem.builder()
                .from(item)
                .pricingQuantity(java.util.Optional.empty())
                .pricingUnit(java.util.Optional.empty())
                .build();
    }

    @Test
    @DisplayName(
            "FOCUS-10: DuckDB reads the written file; its sums by SubAccountId equal the rows' to the last decimal")
    void sample_duckDbSumsBySubAccount_equalTheRows() throws IOException, SQLException {
        List<FocusRow> rows = sampleRows();
        Path file =
                write("sums.parquet", rows, FocusVersion.V1_0, extras(rows), FocusParquetWriter.Compression.ZSTD, 250);
        // expected: BilledCost added up per SubAccountId from the rows, exactly
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (FocusRow r : rows) {
            expected.merge(
                    r.text(FocusColumn.SUB_ACCOUNT_ID).orElse("(null)"),
                    r.decimal(FocusColumn.BILLED_COST).orElseThrow(),
                    BigDecimal::add);
        }

        Map<String, BigDecimal> duck = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(SubAccountId, '(null)'), sum(BilledCost)::VARCHAR"
                        + " FROM read_parquet('" + file + "') GROUP BY 1")) {
            while (rs.next()) {
                duck.put(rs.getString(1), new BigDecimal(rs.getString(2)));
            }
        }

        assertThat(duck.keySet()).isEqualTo(expected.keySet()).hasSizeGreaterThan(1);
        expected.forEach((k, v) -> assertThat(duck.get(k)).as(k).isEqualByComparingTo(v));
    }

    @Test
    @DisplayName("FOCUS-10: DuckDB sees the typed columns: DECIMAL(38,18), TIMESTAMP WITH TIME ZONE, VARCHAR")
    void duckDbDescribe_typedColumns() throws IOException, SQLException {
        List<FocusRow> rows = sampleRows().subList(0, 10);
        Path file = write(
                "types.parquet",
                rows,
                FocusVersion.V1_2,
                extras(rows),
                FocusParquetWriter.Compression.SNAPPY,
                FocusParquetWriter.DEFAULT_ROW_GROUP_ROWS);

        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }

        List<String> expectedColumns = new ArrayList<>();
        FocusVersion.V1_2.columns().forEach(col -> expectedColumns.add(col.header()));
        expectedColumns.addAll(extras(rows));
        assertThat(types.keySet()).containsExactlyElementsOf(expectedColumns);
        assertThat(types)
                .containsEntry("BilledCost", "DECIMAL(38,18)")
                .containsEntry("ConsumedQuantity", "DECIMAL(38,18)")
                .containsEntry("ListUnitPrice", "DECIMAL(38,18)")
                .containsEntry("ChargePeriodStart", "TIMESTAMP WITH TIME ZONE")
                .containsEntry("BillingPeriodEnd", "TIMESTAMP WITH TIME ZONE")
                .containsEntry("ServiceName", "VARCHAR")
                .containsEntry("Tags", "VARCHAR")
                .containsEntry("InvoiceId", "VARCHAR")
                .containsEntry("Id", "VARCHAR");
    }

    @Test
    @DisplayName("FOCUS-10: DuckDB reads nulls as nulls, times as the same instants, Tags as their JSON text")
    void duckDbValues_nullsTimesTags() throws IOException, SQLException {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "web");
        tags.put("cost-center", "ü 42");
        FocusRow row = FocusRow.builder()
                .set(FocusColumn.BILLED_COST, new BigDecimal("-0.000000000000000001"))
                .set(FocusColumn.LIST_COST, new BigDecimal("12345678901234567890.5"))
                .set(FocusColumn.CHARGE_PERIOD_START, Instant.parse("2024-09-18T22:00:00.123456Z"))
                .set(FocusColumn.SERVICE_NAME, "Amazon EC2")
                .tags(tags)
                .build();
        Path file = write(
                "values.parquet",
                List.of(row),
                FocusVersion.V1_0,
                List.of(),
                FocusParquetWriter.Compression.UNCOMPRESSED,
                10);

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            try (ResultSet rs = s.executeQuery("SELECT BilledCost::VARCHAR, ListCost::VARCHAR,"
                    + " epoch_us(ChargePeriodStart), ServiceName, Tags, ContractedCost IS NULL, RegionId IS NULL"
                    + " FROM read_parquet('" + file + "')")) {
                assertThat(rs.next()).isTrue();
                assertThat(new BigDecimal(rs.getString(1))).isEqualByComparingTo("-0.000000000000000001");
                assertThat(new BigDecimal(rs.getString(2))).isEqualByComparingTo("12345678901234567890.5");
                // 2024-09-18T22:00:00Z is 1726696800 s after the epoch; plus 123456 microseconds
                assertThat(rs.getLong(3)).isEqualTo(1_726_696_800_123_456L);
                assertThat(rs.getString(4)).isEqualTo("Amazon EC2");
                assertThat(rs.getString(5)).isEqualTo("{\"team\":\"web\",\"cost-center\":\"ü 42\"}");
                assertThat(rs.getBoolean(6)).isTrue();
                assertThat(rs.getBoolean(7)).isTrue();
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    @DisplayName("FOCUS-10: a file of no rows is a Parquet file of the version's columns and no row group")
    void noRows_validEmptyFile() throws IOException {
        Path file = write(
                "empty.parquet",
                List.of(),
                FocusVersion.V1_1,
                List.of(),
                FocusParquetWriter.Compression.ZSTD,
                FocusParquetWriter.DEFAULT_ROW_GROUP_ROWS);

        try (RawParquetRows rows = RawParquetRows.open(file)) {
            assertThat(rows.header()).hasSize(FocusVersion.V1_1.columns().size());
            assertThat(rows.version()).isEqualTo(FocusVersion.V1_1);
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    @DisplayName("FOCUS-10: a decimal with more than 18 decimals is refused, naming the column; the row is not written")
    void decimal_tooManyDecimals_refusedAndRowNotWritten() throws IOException {
        FocusRow good = FocusRow.builder()
                .set(FocusColumn.BILLED_COST, new BigDecimal("1.5"))
                .build();
        // 19 decimals, the last not zero: a DECIMAL(38,18) cannot hold it without rounding
        FocusRow bad = FocusRow.builder()
                .set(FocusColumn.SERVICE_NAME, "written first if rows were not checked whole")
                .set(FocusColumn.BILLED_COST, new BigDecimal("0.0000000000000000001"))
                .build();
        Path file = dir.resolve("refused.parquet");
        try (FocusParquetWriter w = FocusParquet.writer(Files.newOutputStream(file), FocusVersion.V1_0, List.of())) {
            w.write(good);
            assertThatThrownBy(() -> w.write(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BilledCost")
                    .hasMessageContaining("0.0000000000000000001")
                    .hasMessageContaining("nothing is rounded");
            // trailing zeros beyond 18 decimals are the same number: written
            w.write(FocusRow.builder()
                    .set(FocusColumn.BILLED_COST, new BigDecimal("2.50000000000000000000000"))
                    .build());
            assertThat(w.rows()).isEqualTo(2);
        }

        List<FocusRow> read = readRows(file);
        assertThat(read)
                .extracting(r -> r.decimal(FocusColumn.BILLED_COST).orElseThrow())
                .containsExactly(new BigDecimal("1.500000000000000000"), new BigDecimal("2.500000000000000000"));
        assertThat(read).allMatch(r -> r.isNull(FocusColumn.SERVICE_NAME));
    }

    /** Reads every row without the reader's required columns: the raw rows, made FocusRows by hand. */
    private static List<FocusRow> readRows(Path file) {
        List<FocusRow> out = new ArrayList<>();
        try (RawParquetRows rows = RawParquetRows.open(file)) {
            String[] header = rows.header();
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                FocusRow.Builder b = FocusRow.builder();
                for (int i = 0; i < header.length; i++) {
                    FocusColumn c = FocusColumn.of(header[i]).orElseThrow();
                    if (row[i] instanceof BigDecimal d) {
                        b.set(c, d);
                    } else if (row[i] instanceof String s) {
                        b.set(c, s);
                    } else if (row[i] instanceof Instant t) {
                        b.set(c, t);
                    }
                }
                out.add(b.build());
            }
        }
        return out;
    }

    @Test
    @DisplayName("FOCUS-10: more than 20 digits before the point, a time finer than a microsecond: refused by column")
    void outOfRangeValues_refusedNamingTheColumn() throws IOException {
        try (FocusParquetWriter w =
                FocusParquet.writer(OutputStream.nullOutputStream(), FocusVersion.V1_0, List.of("x_Note"))) {
            assertThatThrownBy(() -> w.write(FocusRow.builder()
                            .set(FocusColumn.LIST_COST, new BigDecimal("123456789012345678901"))
                            .build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ListCost")
                    .hasMessageContaining("20 digits before the point");
            assertThatThrownBy(() -> w.write(FocusRow.builder()
                            .set(FocusColumn.CHARGE_PERIOD_END, Instant.parse("2024-09-18T22:00:00.000000001Z"))
                            .build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ChargePeriodEnd")
                    .hasMessageContaining("microsecond");
            assertThatThrownBy(() ->
                            w.write(FocusRow.builder().extra("x_Other", "v").build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("x_Other");
            assertThatThrownBy(() -> w.write(FocusRow.builder()
                            .set(FocusColumn.INVOICE_ID, "INV-1")
                            .build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("InvoiceId")
                    .hasMessageContaining("1.2");
            assertThat(w.rows()).isZero();
        }
    }

    @Test
    @DisplayName("FOCUS-10: a writer's extra columns may not be FOCUS columns nor repeat; row groups are positive")
    void writer_badArguments_refused() {
        OutputStream out = OutputStream.nullOutputStream();
        assertThatThrownBy(() -> FocusParquet.writer(out, FocusVersion.V1_0, List.of("BilledCost")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BilledCost");
        assertThatThrownBy(() -> FocusParquet.writer(out, FocusVersion.V1_0, List.of("x_A", "x_A")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x_A");
        assertThatThrownBy(() ->
                        FocusParquet.writer(out, FocusVersion.V1_0, List.of(), FocusParquetWriter.Compression.ZSTD, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rowGroupRows");
    }
}
