package org.cloudbilling.core.focus.parquet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes the tests' Parquet files with DuckDB (a test dependency only), so that no Parquet writer and no Hadoop is on
 * the test class path: the reader is tested as a host runs it.
 */
final class DuckParquet {
    /** The FOCUS columns that may never be null, one row, as a DuckDB select list; costs DECIMAL, periods UTC. */
    static final String MINIMAL_ROW = "SELECT 1.25::DECIMAL(18,4) AS BilledCost, '1234567890123' AS BillingAccountId,"
            + " 'USD' AS BillingCurrency, TIMESTAMPTZ '2024-10-01 00:00:00+00' AS BillingPeriodEnd,"
            + " TIMESTAMPTZ '2024-09-01 00:00:00+00' AS BillingPeriodStart, 'Usage' AS ChargeCategory,"
            + " 'Usage-Based' AS ChargeFrequency, TIMESTAMPTZ '2024-09-18 23:00:00+00' AS ChargePeriodEnd,"
            + " TIMESTAMPTZ '2024-09-18 22:00:00+00' AS ChargePeriodStart, 0::DECIMAL(18,4) AS ContractedCost,"
            + " 0::DECIMAL(18,4) AS EffectiveCost, 'Issuer' AS InvoiceIssuerName, 1.50::DECIMAL(18,4) AS ListCost,"
            + " 'AWS' AS ProviderName, 'AWS' AS PublisherName, 'Compute' AS ServiceCategory,"
            + " 'Amazon EC2' AS ServiceName";

    private DuckParquet() {}

    /** Runs {@code COPY (query) TO file (FORMAT parquet, options)}. */
    static Path write(Path file, String query, String options) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (" + query + ") TO '" + file + "' (FORMAT parquet"
                    + (options.isEmpty() ? "" : ", " + options) + ")");
            return file;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The FOCUS sample as a typed Parquet file {@code name} in {@code dir}, written with {@code options}: decimals of
     * three physical types (INT64 for precision 18, FIXED_LEN for 38), periods as TIMESTAMP WITH TIME ZONE (the CSV's
     * times are UTC), Tags as the CSV's JSON text.
     */
    static Path focusSample(Path dir, String name, String options) throws IOException {
        Path csv = dir.resolve("focus_sample.csv");
        try (InputStream in = DuckParquet.class.getResourceAsStream("/focus/focus_sample.csv")) {
            Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
        }
        String ts = "(%1$s || '+00')::TIMESTAMPTZ AS %1$s";
        String query = "SELECT * REPLACE ("
                + "BilledCost::DECIMAL(18,11) AS BilledCost, ConsumedQuantity::DECIMAL(38,15) AS ConsumedQuantity,"
                + " ContractedCost::DECIMAL(38,11) AS ContractedCost,"
                + " ContractedUnitPrice::DECIMAL(18,11) AS ContractedUnitPrice,"
                + " EffectiveCost::DECIMAL(18,11) AS EffectiveCost, ListCost::DECIMAL(38,11) AS ListCost,"
                + " ListUnitPrice::DECIMAL(38,12) AS ListUnitPrice, PricingQuantity::DECIMAL(18,11) AS PricingQuantity, "
                + String.format(ts, "BillingPeriodEnd") + ", " + String.format(ts, "BillingPeriodStart") + ", "
                + String.format(ts, "ChargePeriodEnd") + ", " + String.format(ts, "ChargePeriodStart") + ")"
                + " FROM read_csv('" + csv + "', all_varchar = true, header = true, nullstr = 'NULL')";
        return write(dir.resolve(name), query, options);
    }

    /** Writes the minimal row with {@code replace} (a DuckDB REPLACE list, such as {@code 0.1::DOUBLE AS BilledCost}). */
    static Path minimal(Path file, String replace, String extraColumns) {
        String query = "SELECT * " + (replace.isEmpty() ? "" : "REPLACE (" + replace + ")")
                + (extraColumns.isEmpty() ? "" : ", " + extraColumns) + " FROM (" + MINIMAL_ROW + ")";
        return write(file, query, "");
    }
}
