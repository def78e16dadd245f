package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands read a FOCUS dataset from Parquet as from CSV (FOCUS-10). */
@Tag("FOCUS-10")
class ParquetInputTest {
    private static final String SAMPLE = CliRun.focusSample().toString();

    @TempDir
    Path dir;

    /** The FOCUS sample converted by DuckDB: costs DECIMAL, periods TIMESTAMP WITH TIME ZONE, the rest as text. */
    private Path sampleParquet(String name) throws Exception {
        return sampleParquet(name, "BilledCost::DECIMAL(18,11)");
    }

    private Path sampleParquet(String name, String billedCost) throws Exception {
        Path file = dir.resolve(name);
        String ts = "(%1$s || '+00')::TIMESTAMPTZ AS %1$s";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (SELECT * REPLACE (" + billedCost + " AS BilledCost,"
                    + " ListCost::DECIMAL(38,11) AS ListCost, EffectiveCost::DECIMAL(18,11) AS EffectiveCost,"
                    + " ContractedCost::DECIMAL(18,11) AS ContractedCost,"
                    + " ConsumedQuantity::DECIMAL(38,15) AS ConsumedQuantity,"
                    // every typed column typed, so that the line items carry them as from the CSV (FOCUS-8)
                    + " ContractedUnitPrice::DECIMAL(18,11) AS ContractedUnitPrice,"
                    + " ListUnitPrice::DECIMAL(38,12) AS ListUnitPrice,"
                    + " PricingQuantity::DECIMAL(18,11) AS PricingQuantity, "
                    + String.format(ts, "BillingPeriodStart") + ", " + String.format(ts, "BillingPeriodEnd") + ", "
                    + String.format(ts, "ChargePeriodStart") + ", " + String.format(ts, "ChargePeriodEnd") + ")"
                    + " FROM read_csv('" + SAMPLE + "', all_varchar = true, header = true, nullstr = 'NULL'))"
                    + " TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }

    @Test
    @DisplayName("FOCUS-10: consolidate on the Parquet form of the sample prints what it prints on the CSV")
    void consolidate_parquetAndCsv_identicalOutput() throws Exception {
        Path parquet = sampleParquet("focus_sample.parquet");

        CliRun fromCsv =
                CliRun.run("consolidate", "--input", SAMPLE, "--format", "focus", "--by", "ServiceName,ChargeCategory");
        CliRun fromParquet = CliRun.run(
                "consolidate",
                "--input",
                parquet.toString(),
                "--format",
                "focus",
                "--by",
                "ServiceName,ChargeCategory");

        assertThat(fromCsv.code()).isZero();
        assertThat(fromParquet.code()).as(fromParquet.err()).isZero();
        assertThat(fromParquet.out()).isEqualTo(fromCsv.out()).isNotEmpty();
        assertThat(fromParquet.err()).contains("read 1000 line items from " + parquet);
    }

    @Test
    @DisplayName("FOCUS-10: allocate on the Parquet form of the sample prints what it prints on the CSV")
    void allocate_parquetAndCsv_identicalOutput() throws Exception {
        Path parquet = sampleParquet("focus_sample.parquet");
        String rules = AllocateCommandTest.rules();

        CliRun fromCsv = CliRun.run("allocate", "--input", SAMPLE, "--format", "focus", "--rules", rules);
        CliRun fromParquet =
                CliRun.run("allocate", "--input", parquet.toString(), "--format", "focus", "--rules", rules);

        assertThat(fromCsv.code()).isZero();
        assertThat(fromParquet.code()).as(fromParquet.err()).isZero();
        assertThat(fromParquet.out()).isEqualTo(fromCsv.out()).isNotEmpty();
    }

    @Test
    @DisplayName("FOCUS-10: a DOUBLE cost column is read, and standard error says how")
    void consolidate_doubleCostColumn_notedOnStandardError() throws Exception {
        Path parquet = sampleParquet("double.parquet", "BilledCost::DOUBLE");

        CliRun run =
                CliRun.run("consolidate", "--input", parquet.toString(), "--format", "focus", "--by", "ServiceName");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("column BilledCost is DOUBLE", "shortest decimal form");
    }

    @Test
    @DisplayName("FOCUS-10: a Parquet file is known by its magic number whatever its name")
    void export_parquetWithoutExtension_readByMagicNumber() throws Exception {
        Path parquet = Files.move(sampleParquet("a.parquet"), dir.resolve("focus.data"));

        CliRun fromCsv = CliRun.run("export", "--input", SAMPLE, "--format", "focus", "--to", "focus");
        CliRun fromParquet = CliRun.run("export", "--input", parquet.toString(), "--format", "focus", "--to", "focus");

        assertThat(fromParquet.code()).as(fromParquet.err()).isEqualTo(fromCsv.code());
        assertThat(fromParquet.out()).isEqualTo(fromCsv.out());
    }

    @Test
    @DisplayName("FOCUS-10: a CSV file named .parquet is refused with the file named, not a stack trace")
    void csvNamedParquet_refusedClearly() throws Exception {
        Path file = Files.copy(CliRun.focusSample(), dir.resolve("really-csv.parquet"));

        CliRun run = CliRun.run("consolidate", "--input", file.toString(), "--format", "focus", "--by", "ServiceName");

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains(file.toString(), "not a Parquet file").doesNotContain("\tat ");
    }
}
