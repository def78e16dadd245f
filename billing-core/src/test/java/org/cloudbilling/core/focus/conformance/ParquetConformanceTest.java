package org.cloudbilling.core.focus.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model checks a Parquet dataset's raw typed values (FOCUS-10). */
@Tag("FOCUS-10")
class ParquetConformanceTest {
    @TempDir
    Path dir;

    private Path duck(String name, String query) throws Exception {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("COPY (" + query + ") TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }

    private static RuleVerdict verdict(ConformanceReport report, String id) {
        return report.verdict(id).orElseThrow();
    }

    @Test
    @DisplayName("FOCUS-10: a null BilledCost in a Parquet file fails BilledCost MUST NOT be null, on its row")
    void nullBilledCost_reportedOnItsRow() throws Exception {
        Path file = duck(
                "null.parquet", "SELECT * FROM (VALUES (1.5::DECIMAL(18,4)), (NULL::DECIMAL(18,4))) AS t(BilledCost)");

        ConformanceReport report = FocusConformance.focus12().check(file, Set.of());

        assertThat(report.rows()).isEqualTo(2);
        // BilledCost-C-003-M: BilledCost MUST NOT be null; the second row is null
        RuleVerdict notNull = verdict(report, "BilledCost-C-003-M");
        assertThat(notNull.outcome()).isEqualTo(RuleVerdict.Outcome.FAILED);
        assertThat(notNull.failingRows()).isEqualTo(1);
        assertThat(notNull.examples()).singleElement().asString().startsWith("row 2");
        // BilledCost-C-001-M: of type Decimal; a DECIMAL column is
        assertThat(verdict(report, "BilledCost-C-001-M").outcome()).isEqualTo(RuleVerdict.Outcome.HELD);
    }

    @Test
    @DisplayName("FOCUS-10: a text BilledCost and a text ChargePeriodStart in Parquet fail their type rules, no crash")
    void wrongTypes_reportedPerRule() throws Exception {
        Path file = duck(
                "text.parquet",
                "SELECT '1.5' AS BilledCost, '2024-09-01T00:00:00Z' AS ChargePeriodStart,"
                        + " TIMESTAMPTZ '2024-09-01 00:00:00+00' AS ChargePeriodEnd");

        ConformanceReport report = FocusConformance.focus12().check(file, Set.of());

        // in Parquet, a decimal is a DECIMAL (or floating-point) column, a date-time a TIMESTAMP column; text is not
        assertThat(verdict(report, "BilledCost-C-001-M").outcome()).isEqualTo(RuleVerdict.Outcome.FAILED);
        assertThat(verdict(report, "ChargePeriodStart-C-001-M").outcome()).isEqualTo(RuleVerdict.Outcome.FAILED);
        assertThat(verdict(report, "ChargePeriodEnd-C-001-M").outcome()).isEqualTo(RuleVerdict.Outcome.HELD);
    }
}
