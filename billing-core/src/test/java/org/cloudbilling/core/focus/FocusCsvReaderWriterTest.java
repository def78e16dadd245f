package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.testing.ClosingReader;
import org.junit.jupiter.api.Test;

/** The FOCUS CSV reader's time forms, row and header errors and closing; the writer's checks, flushing, closing. */
class FocusCsvReaderWriterTest {
    /** The 43 FOCUS columns, then x_Note. */
    private static String header() {
        return String.join(",", FocusCsv.header(List.of("x_Note")));
    }

    /** A row of empty cells but for {@code column} (null for x_Note), which holds {@code cell}. */
    private static String row(FocusColumn column, String cell) {
        String[] cells = new String[FocusVersion.V1_0.columns().size() + 1];
        Arrays.fill(cells, "");
        cells[column == null ? cells.length - 1 : FocusVersion.V1_0.columns().indexOf(column)] = cell;
        return String.join(",", cells);
    }

    private static ReadResult<FocusRow> read(String csv) {
        return FocusCsv.readAll(new StringReader(csv), "f.csv", OnError.COLLECT);
    }

    private static Instant start(String cell) {
        return read(header() + "\n" + row(FocusColumn.CHARGE_PERIOD_START, cell) + "\n")
                .valuesOrThrow()
                .get(0)
                .instant(FocusColumn.CHARGE_PERIOD_START)
                .orElseThrow();
    }

    @Test
    void read_dateTimeForms_areReadAsTheirInstant() {
        assertThat(start("2024-09-01T00:00:00Z")).isEqualTo(Instant.parse("2024-09-01T00:00:00Z"));
        // a time without a zone is UTC
        assertThat(start("2024-09-01 08:30:00")).isEqualTo(Instant.parse("2024-09-01T08:30:00Z"));
        assertThat(start("2024-09-01T08:30:00")).isEqualTo(Instant.parse("2024-09-01T08:30:00Z"));
        // a zero fraction is a whole second; a non-zero one is refused, as FOCUS-2 cannot write it (IO-3)
        assertThat(start("2024-09-01 08:30:00.000")).isEqualTo(Instant.parse("2024-09-01T08:30:00Z"));
        // 08:30 at UTC+8 is 00:30 UTC; 21:00 at UTC-3 is 00:00 UTC the next day
        assertThat(start("2024-09-01 08:30:00+08:00")).isEqualTo(Instant.parse("2024-09-01T00:30:00Z"));
        assertThat(start("2024-09-01T21:00:00-03:00")).isEqualTo(Instant.parse("2024-09-02T00:00:00Z"));
    }

    @Test
    void read_badDateTime_isReportedWithItsCell() {
        int column = FocusVersion.V1_0.columns().indexOf(FocusColumn.CHARGE_PERIOD_START) + 1;
        for (String cell : List.of("2024-09-01", "2024-09-01 8:30:00", "yesterday", "2024-09-01T08:30:00+8")) {
            ReadResult<FocusRow> read = read(header() + "\n" + row(FocusColumn.CHARGE_PERIOD_START, cell) + "\n");
            assertThat(read.problems())
                    .as(cell)
                    .extracting(InputProblem::toString)
                    .containsExactly("f.csv:2:" + column + " (ChargePeriodStart): '" + cell
                            + "' is not a date-time such as 2024-09-01T00:00:00Z");
        }
    }

    @Test
    void read_nullCellsAndNullExtras_areAbsent() {
        ReadResult<FocusRow> read = read(header() + "\n" + row(FocusColumn.SERVICE_NAME, "NULL") + "\n"
                + row(null, "NULL") + "\n" + row(null, "note") + "\n");

        assertThat(read.valuesOrThrow()).hasSize(3);
        assertThat(read.values().get(0)).isEqualTo(FocusRow.builder().build());
        assertThat(read.values().get(1)).isEqualTo(FocusRow.builder().build());
        assertThat(read.values().get(2).extra()).containsExactly(java.util.Map.entry("x_Note", "note"));
    }

    @Test
    void reader_formulaGuardOn_restoresGuardedExtrasAndTextOnlyWhenAsked() {
        String csv = header() + "\n" + row(null, "'=1+2").replaceFirst("^", "'@team") + "\n";
        int first = FocusVersion.V1_0.columns().indexOf(FocusColumn.AVAILABILITY_ZONE);
        assertThat(first).as("AvailabilityZone is the first column").isZero();

        try (FocusCsvReader on = FocusCsv.reader(new StringReader(csv), "f.csv", FormulaGuard.ON)) {
            FocusRow row = on.next();
            assertThat(row.extra("x_Note")).contains("=1+2");
            assertThat(row.text(FocusColumn.AVAILABILITY_ZONE)).contains("@team");
        }
        try (FocusCsvReader off = FocusCsv.reader(new StringReader(csv), "f.csv", FormulaGuard.OFF)) {
            FocusRow row = off.next();
            assertThat(row.extra("x_Note")).contains("'=1+2");
            assertThat(row.text(FocusColumn.AVAILABILITY_ZONE)).contains("'@team");
        }
    }

    @Test
    void read_rowWithAnotherNumberOfCells_isRefusedNamingTheCounts() {
        ReadResult<FocusRow> read = read(header() + "\n" + row(null, "a") + ",b\n" + row(null, "c") + "\n");

        assertThat(read.values())
                .extracting(r -> r.extra("x_Note").orElseThrow())
                .containsExactly("c");
        assertThat(read.problems())
                .extracting(InputProblem::toString)
                .containsExactly("f.csv:2: the row has 45 cells, the header 44");
    }

    @Test
    void reader_header_isTheHeaderAsRead() {
        try (FocusCsvReader in = FocusCsv.reader(new StringReader(header() + "\n"), "f.csv")) {
            assertThat(in.header()).isEqualTo(FocusCsv.header(List.of("x_Note")));
            assertThat(in.header()).hasSize(44).endsWith("x_Note");
        }
    }

    @Test
    void next_afterTheLastRow_throwsNoSuchElementNamingTheSource() {
        try (FocusCsvReader in = FocusCsv.reader(new StringReader(header() + "\n" + row(null, "a") + "\n"), "f.csv")) {
            assertThat(in.next().extra("x_Note")).contains("a");
            assertThat(in.line()).isEqualTo(2);
            assertThat(in.hasNext()).isFalse();
            assertThatThrownBy(in::next)
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessage("no more rows in f.csv");
        }
    }

    @Test
    void close_reader_closesTheUnderlyingReader() {
        ClosingReader source = new ClosingReader(header() + "\n" + row(null, "a") + "\n");
        FocusCsvReader in = FocusCsv.reader(source, "f.csv");
        assertThat(source.closed()).isFalse();

        in.close();

        assertThat(source.closed()).isTrue();
    }

    @Test
    void reader_columnTwiceAndMissingColumns_isRefusedNamingThem() {
        assertThatThrownBy(() -> read(header() + ",x_Note\n"))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("f.csv:1: column x_Note appears twice");
        assertThatThrownBy(() -> read("ServiceName,BilledCost,x_Note\n"))
                .isInstanceOf(BillingInputException.class)
                .hasMessageStartingWith(
                        "f.csv:1: the header lacks FOCUS columns that may never be null: [BillingAccountId,");
    }

    @Test
    void writer_extraColumnThatIsAFocusColumn_isRefused() {
        assertThatThrownBy(() -> FocusCsv.writer(new StringWriter(), List.of("x_Note", "BilledCost"), FormulaGuard.OFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BilledCost is a FOCUS column, not an extra one");
    }

    @Test
    void write_rowWithAnExtraTheWriterLacks_isRefused() {
        FocusCsvWriter out = FocusCsv.writer(new StringWriter(), List.of("x_Note"), FormulaGuard.OFF);
        FocusRow row =
                FocusRow.builder().extra("x_Note", "n").extra("x_Team", "web").build();

        assertThatThrownBy(() -> out.write(row))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the row has column x_Team, which the writer does not");
    }

    @Test
    void write_instantWithFractionsOfASecond_isRefused() {
        FocusCsvWriter out = FocusCsv.writer(new StringWriter(), List.of(), FormulaGuard.OFF);
        FocusRow row = FocusRow.builder()
                .set(FocusColumn.CHARGE_PERIOD_START, Instant.parse("2024-09-01T00:00:00.500Z"))
                .build();

        assertThatThrownBy(() -> out.write(row))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CHARGE_PERIOD_START 2024-09-01T00:00:00.500Z has fractions of a second; FOCUS writes whole"
                        + " seconds");
    }

    @Test
    void flushAndClose_bufferedWriter_passTheRowsOnAndCloseIt() throws IOException {
        StringWriter target = new StringWriter();
        boolean[] closed = {false};
        Writer buffered = new BufferedWriter(target) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        FocusCsvWriter out = FocusCsv.writer(buffered, List.of("x_Note"), FormulaGuard.OFF);
        out.write(FocusRow.builder()
                .set(FocusColumn.BILLED_COST, new BigDecimal("1.50"))
                .extra("x_Note", "a")
                .build());

        out.flush();

        String first = header() + "\n" + row(FocusColumn.BILLED_COST, "1.50").replaceFirst(",$", ",a") + "\n";
        assertThat(target.toString()).isEqualTo(first);
        assertThat(closed[0]).isFalse();
        out.write(FocusRow.builder().extra("x_Note", "b").build());

        out.close();

        assertThat(target.toString()).isEqualTo(first + row(null, "b") + "\n");
        assertThat(closed[0]).isTrue();
    }
}
