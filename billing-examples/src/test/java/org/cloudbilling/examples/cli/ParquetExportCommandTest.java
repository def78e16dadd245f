package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code billing export --as parquet} and {@code billing validate FILE.parquet} (FOCUS-10). */
@Tag("FOCUS-10")
class ParquetExportCommandTest {
    private static final String SUPPORTS = "TAGGING_SUPPORTED,BILLING_BASED_ON_PROVISIONED_RESOURCES_SUPPORTED";

    @TempDir
    Path dir;

    private static String tencentBill() {
        try {
            return Paths.get(ParquetExportCommandTest.class
                            .getResource("/tencent/tencent-bill-detail.csv")
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private Path export(String as, String name) {
        Path out = dir.resolve(name);
        CliRun run = CliRun.run(
                "export",
                "--to",
                "focus",
                "--focus-version",
                "1.2",
                "--as",
                as,
                "--row-group-rows",
                "2",
                "--input",
                tencentBill(),
                "--format",
                "tencent",
                "--calendar",
                "tencent",
                "--out",
                out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        return out;
    }

    @Test
    @DisplayName("FOCUS-10: export --as parquet: DuckDB's BilledCost sums by SubAccountId equal the CSV export's")
    void exportParquet_duckDbSums_equalCsvExport() throws Exception {
        Path parquet = export("parquet", "bill.parquet");
        Path csv = export("csv", "bill.csv");
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (Map<String, String> row : CliRun.csvOf(Files.readString(csv))) {
            expected.merge(row.get("SubAccountId"), new BigDecimal(row.get("BilledCost")), BigDecimal::add);
        }

        Map<String, BigDecimal> duck = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SubAccountId, sum(BilledCost)::VARCHAR FROM read_parquet('"
                        + parquet + "') GROUP BY 1")) {
            while (rs.next()) {
                duck.put(rs.getString(1), new BigDecimal(rs.getString(2)));
            }
        }

        assertThat(duck.keySet()).isEqualTo(expected.keySet()).isNotEmpty();
        expected.forEach((k, v) -> assertThat(duck.get(k)).as(k).isEqualByComparingTo(v));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .as("no partial file left")
                .containsExactlyInAnyOrder("bill.parquet", "bill.csv");
    }

    @Test
    @DisplayName("FOCUS-8, FOCUS-10: validate passes the Parquet export as it passes the CSV export, rule by rule")
    void validate_parquetExport_sameVerdictAsCsv() {
        Path parquet = export("parquet", "bill.parquet");
        Path csv = export("csv", "bill.csv");

        CliRun fromParquet = CliRun.run("validate", "--every-rule", "--supports", SUPPORTS, parquet.toString());
        CliRun fromCsv = CliRun.run("validate", "--every-rule", "--supports", SUPPORTS, csv.toString());

        assertThat(fromParquet.code()).as(fromParquet.out() + fromParquet.err()).isZero();
        assertThat(fromCsv.code()).isZero();
        // the same verdicts, examples and all; an example's place is a row of the Parquet file, a line of the CSV
        // (line 2 holds row 1)
        String csvReport = java.util.regex.Pattern.compile("line (\\d+)")
                .matcher(fromCsv.out().replace(csv.toString(), "FILE"))
                .replaceAll(m -> "row " + (Integer.parseInt(m.group(1)) - 1));
        assertThat(fromParquet.out().replace(parquet.toString(), "FILE")).isEqualTo(csvReport);
        assertThat(fromParquet.out()).contains("row 1: ChargeDescription=null");
    }

    @Test
    @DisplayName("FOCUS-10: validate reports a Parquet file whose BilledCost is null (written by DuckDB)")
    void validate_parquetWithNullBilledCost_reported() throws Exception {
        Path parquet = export("parquet", "bill.parquet");
        Path broken = dir.resolve("broken.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * REPLACE (CASE WHEN x_LineItemId = (SELECT min(x_LineItemId) FROM read_parquet('"
                    + parquet + "')) THEN NULL ELSE BilledCost END AS BilledCost) FROM read_parquet('" + parquet
                    + "')) TO '" + broken + "' (FORMAT parquet)");
        }

        CliRun run = CliRun.run("validate", "--supports", SUPPORTS, broken.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ValidateCommand.NOT_CONFORMING);
        // BilledCost MUST NOT be null (BilledCost-C-003-M in the 1.2 model): one row fails it
        assertThat(run.out()).contains("BilledCost-C-003-M").contains("row ");
    }

    @Test
    @DisplayName("FOCUS-10: export --as parquet without --out, or --as of an unknown format, is refused")
    void exportParquet_withoutOutOrUnknown_refused() {
        CliRun noOut = CliRun.run(
                "export", "--to", "focus", "--as", "parquet", "--input", tencentBill(), "--format", "tencent");
        CliRun unknown =
                CliRun.run("export", "--to", "focus", "--as", "xlsx", "--input", tencentBill(), "--format", "tencent");
        CliRun zeroRows = CliRun.run(
                "export",
                "--to",
                "focus",
                "--as",
                "parquet",
                "--row-group-rows",
                "0",
                "--input",
                tencentBill(),
                "--format",
                "tencent",
                "--out",
                dir.resolve("x.parquet").toString());

        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).contains("--as parquet").contains("--out");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--as").contains("xlsx");
        assertThat(zeroRows.code()).isEqualTo(2);
        assertThat(zeroRows.err()).contains("--row-group-rows");
        assertThat(List.of(dir.toFile().list())).isEmpty();
    }
}
