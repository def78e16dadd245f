package org.cloudbilling.core.focus.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.focus.parquet.internal.RawParquetRows;
import org.cloudbilling.core.io.BillingInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("FOCUS-10")
class RawParquetRowsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("FOCUS-10: raw rows give each value as the file types it: decimal, instant, text, null")
    void open_typedColumns_rawValuesAsTyped() {
        Path file = DuckParquet.minimal(
                dir.resolve("raw.parquet"),
                "NULL::DECIMAL(18,4) AS ContractedCost",
                "'' AS x_Empty, MAP {'team': 'web'} AS x_Map, 0.1::DOUBLE AS x_Double, 7::INTEGER AS x_Int");

        try (RawParquetRows rows = RawParquetRows.open(file)) {
            String[] header = rows.header();
            Object[] row = rows.next();

            assertThat(rows.row()).isEqualTo(1);
            assertThat(rows.version()).isEqualTo(FocusVersion.V1_0);
            Map<String, Object> byName = new java.util.HashMap<>();
            for (int i = 0; i < header.length; i++) {
                byName.put(header[i], row[i]);
            }
            // 1.25 as DECIMAL(18,4): the unscaled 12500 at scale 4
            assertThat(byName.get("BilledCost")).isEqualTo(new BigDecimal("1.2500"));
            assertThat(byName.get("ChargePeriodStart")).isEqualTo(Instant.parse("2024-09-18T22:00:00Z"));
            assertThat(byName.get("ServiceName")).isEqualTo("Amazon EC2");
            assertThat(byName).containsEntry("ContractedCost", null);
            assertThat(byName.get("x_Empty")).isEqualTo("");
            assertThat(byName.get("x_Map")).isEqualTo(Map.of("team", "web"));
            assertThat(byName.get("x_Double")).isEqualTo(0.1d);
            assertThat(byName.get("x_Int")).isEqualTo(7);
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    @DisplayName("FOCUS-10: raw rows take a FOCUS column of the wrong type, and lack no required column")
    void open_wrongTypeAndMissingColumns_readAsTheFileHasThem() {
        Path file = DuckParquet.write(
                dir.resolve("wrong.parquet"), "SELECT 'abc' AS BilledCost, 12::BIGINT AS ChargePeriodStart", "");

        try (RawParquetRows rows = RawParquetRows.open(file)) {
            assertThat(rows.header()).containsExactly("BilledCost", "ChargePeriodStart");
            assertThat(Arrays.asList(rows.next())).containsExactly("abc", 12L);
        }
    }

    @Test
    @DisplayName("FOCUS-10: a CSV file opened as raw Parquet rows is refused, naming the file")
    void open_csvFile_refused() throws Exception {
        Path file = Files.writeString(dir.resolve("focus.csv"), "BilledCost,BillingAccountId\n1,2\n");

        assertThatThrownBy(() -> RawParquetRows.open(file))
                .isInstanceOf(BillingInputException.class)
                .hasMessageContaining("focus.csv")
                .hasMessageContaining("not a Parquet file");
    }
}
