package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A FOCUS cost with more decimals than money holds (18, {@code Money.MAX_SCALE}) is a bad cell of the line-item read:
 * refused naming file, line, column and value, as any other bad cell, by the plain reader and by
 * {@link FocusCsv#consolidate} (FOCUS-8: the fast path gives the plain reader's refusal).
 */
@Tag("FOCUS-8")
class FocusCostDecimalsTest {
    private static final String SAMPLE = "/focus/focus_sample.csv";
    private static final String NINETEEN = "0.0000000000000000001";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ContractedCost", "EffectiveCost", "ListCost", "BilledCost"})
    @DisplayName("FOCUS-8: a cost of 19 decimals is refused as its cell, in the line-item read and in consolidate")
    void costOf19Decimals_refusedNamingTheCell(String column) throws IOException {
        Path file = sampleWith(column, NINETEEN);
        // the writer's header: the FOCUS columns, then none extra; the bad row is the second, on line 3
        int position = FocusCsv.header(List.of()).indexOf(column) + 1;
        String reason = "amount 0.0000000000000000001 has 19 decimal places, more than the 18 Money keeps; round it"
                + " with a named policy first";
        String expected = file + ":3:" + position + " (" + column + "): " + reason;

        ReadResult<LineItem> collected = read(file, OnError.COLLECT);
        Grouping grouping =
                Grouping.by(BillingCalendar.of(java.time.ZoneOffset.UTC, 1, 1), Dimension.parse("SubAccountId"));

        assertThat(collected.values()).hasSize(2);
        assertThat(collected.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(position);
            assertThat(p.columnName()).contains(column);
            assertThat(p.value()).contains(NINETEEN);
            assertThat(p.reason()).isEqualTo(reason);
        });
        assertThatThrownBy(() -> read(file, OnError.FAIL))
                .isInstanceOf(BillingInputException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> FocusCsv.consolidate(file, StandardCharsets.UTF_8, FormulaGuard.OFF, grouping))
                .isInstanceOf(BillingInputException.class)
                .hasMessage(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x_Tax", "x_CashPaid"})
    @DisplayName("FOCUS-8: an extra amount column of 19 decimals is refused as its cell")
    void extraAmountOf19Decimals_refusedNamingTheCell(String column) throws IOException {
        Path file = sampleWith(column, NINETEEN);
        int position = FocusCsv.header(List.of()).size() + 1;

        ReadResult<LineItem> collected = read(file, OnError.COLLECT);

        assertThat(collected.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(position);
            assertThat(p.columnName()).contains(column);
            assertThat(p.value()).contains(NINETEEN);
            assertThat(p.reason()).contains("has 19 decimal places");
        });
    }

    private static ReadResult<LineItem> read(Path file, OnError onError) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return FocusCsv.readLineItems(in, file.toString(), FormulaGuard.OFF, onError);
        }
    }

    /** The sample's first three rows, the second with {@code value} in {@code column} (a FOCUS or an extra one). */
    private Path sampleWith(String column, String value) throws IOException {
        List<FocusRow> rows;
        try (InputStream in = FocusCostDecimalsTest.class.getResourceAsStream(SAMPLE)) {
            rows = FocusCsv.readAll(new InputStreamReader(in, StandardCharsets.UTF_8), "sample", OnError.FAIL)
                    .valuesOrThrow()
                    .subList(0, 3);
        }
        boolean extra = FocusColumn.of(column).isEmpty();
        List<FocusRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            FocusRow.Builder b = rows.get(i).toBuilder();
            rows.get(i).extra().keySet().forEach(k -> b.extra(k, null));
            if (i == 1) {
                if (extra) {
                    b.extra(column, value);
                } else {
                    b.set(FocusColumn.of(column).orElseThrow(), new BigDecimal(value));
                }
            }
            out.add(b.build());
        }
        Path file = dir.resolve(column + ".csv");
        try (Writer w = Files.newBufferedWriter(file);
                FocusCsvWriter csv = FocusCsv.writer(w, extra ? List.of(column) : List.of(), FormulaGuard.OFF)) {
            out.forEach(csv::write);
        }
        return file;
    }
}
