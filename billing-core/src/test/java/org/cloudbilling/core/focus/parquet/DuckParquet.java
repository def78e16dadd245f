package org.cloudbilling.core.focus.parquet;

import java.nio.file.Path;
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

    /** Writes the minimal row with {@code replace} (a DuckDB REPLACE list, such as {@code 0.1::DOUBLE AS BilledCost}). */
    static Path minimal(Path file, String replace, String extraColumns) {
        String query = "SELECT * " + (replace.isEmpty() ? "" : "REPLACE (" + replace + ")")
                + (extraColumns.isEmpty() ? "" : ", " + extraColumns) + " FROM (" + MINIMAL_ROW + ")";
        return write(file, query, "");
    }
}
