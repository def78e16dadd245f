package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.io.FastPathComparison.delete;
import static org.cloudbilling.core.io.FastPathComparison.file;
import static org.cloudbilling.core.io.FastPathComparison.outcome;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FOCUS-8, import: the time cells the fast path checks row after row (a billing period's bounds, kept from the last
 * valid cell of the fixed form so a repeated cell is not parsed again) and the charge period it reads through one
 * time parser: whatever the order of fixed, quoted, other and bad cells, the fast path consolidates and refuses
 * exactly as the plain reader. A cell that is quoted or of another form is checked but not kept, so a bad cell after
 * it is still refused; a charge period whose end is not after its start is refused, whichever bound is read first.
 */
@Tag("FOCUS-8")
class FocusCsvTimeCellsTest {
    /** Forms of a time cell: valid fixed, quoted, of another valid form, and refused ones. */
    private static final List<String> FORMS = List.of(
            "2024-08-31T16:00:00Z",
            "\"2024-08-31T16:00:00Z\"",
            "2024-08-31T16:00:00.000Z",
            "2024-09-01T00:00:00Z",
            "\"2024-02-30T00:00:00Z\"",
            "2024-02-30T00:00:00Z",
            "2024-08-31 16:00:00",
            "2024-08-31T16:00:00+08:00");

    private static String plain(String text, Path file, Grouping grouping) {
        return outcome(() -> Consolidation.consolidate(
                FocusCsv.readLineItems(new StringReader(text), file.toString(), FormulaGuard.OFF, OnError.FAIL)
                        .valuesOrThrow(),
                grouping));
    }

    private static String fast(Path file, Grouping grouping, int threads) {
        return outcome(
                () -> FocusCsv.consolidate(file, StandardCharsets.UTF_8, FormulaGuard.OFF, grouping, threads, 1 << 20));
    }

    /** Every pair of forms, in both orders, in the billing period's start column of two rows in a row. */
    @Test
    void billingPeriodCells_anyOrderOfForms_asThePlainReader() {
        qt().withShrinkCycles(0)
                .withExamples(3)
                .forAll(lists().of(FocusCsvFastPathProperties.oneTagItems()).ofSize(3))
                .checkAssert(FocusCsvTimeCellsTest::billingPeriodCells);
    }

    private static void billingPeriodCells(List<LineItem> items) {
        String text = FocusCsvFastPathProperties.csv(items, FocusVersion.V1_2, false, FormulaGuard.OFF)
                .replace("\r\n", "\n");
        List<String> lines = List.of(text.split("\n", -1));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int column = header.indexOf("BillingPeriodStart");
        Grouping grouping = Grouping.by(Dimension.OWNER);
        int refused = 0;
        for (String first : FORMS) {
            for (String second : FORMS) {
                List<String> rows = new ArrayList<>(lines);
                rows.set(1, withCell(rows.get(1), column, first));
                rows.set(2, withCell(rows.get(2), column, second));
                rows.set(3, withCell(rows.get(3), column, first));
                String spoiled = String.join("\n", rows);
                Path file = file(spoiled.getBytes(StandardCharsets.UTF_8));
                try {
                    String expected = plain(spoiled, file, grouping);
                    if (expected.startsWith("refused")) {
                        refused++;
                    }
                    assertThat(fast(file, grouping, 1))
                            .as("%s then %s", first, second)
                            .isEqualTo(expected);
                } finally {
                    delete(file);
                }
            }
        }
        assertThat(refused).as("some forms are refused").isPositive();
    }

    /** A charge period ending before, at, or after its start, in a row tallied after valid rows. */
    @Test
    void chargePeriod_endNotAfterStart_refusedAsByThePlainReader() {
        qt().withShrinkCycles(0)
                .withExamples(3)
                .forAll(lists().of(FocusCsvFastPathProperties.oneTagItems()).ofSize(3))
                .checkAssert(FocusCsvTimeCellsTest::chargePeriods);
    }

    private static void chargePeriods(List<LineItem> items) {
        String text = FocusCsvFastPathProperties.csv(items, FocusVersion.V1_2, false, FormulaGuard.OFF)
                .replace("\r\n", "\n");
        List<String> lines = List.of(text.split("\n", -1));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int start = header.indexOf("ChargePeriodStart");
        int end = header.indexOf("ChargePeriodEnd");
        Grouping grouping = Grouping.by(Dimension.OWNER);
        String[][] periods = {
            {"2024-09-01T01:00:00Z", "2024-09-01T00:00:00Z"},
            {"2024-09-01T00:00:00Z", "2024-09-01T00:00:00Z"},
            {"2024-09-01T00:00:00Z", "2024-09-01T00:00:01Z"},
            {"\"2024-09-01T00:00:00Z\"", "2024-09-01T00:00:00.000Z"},
            {"2024-09-01T00:00:00.000Z", "2024-09-01T00:00:00.001Z"}
        };
        for (String[] period : periods) {
            List<String> rows = new ArrayList<>(lines);
            rows.set(3, withCell(withCell(rows.get(3), start, period[0]), end, period[1]));
            String spoiled = String.join("\n", rows);
            Path file = file(spoiled.getBytes(StandardCharsets.UTF_8));
            try {
                String expected = plain(spoiled, file, grouping);
                assertThat(fast(file, grouping, 2))
                        .as("%s to %s", period[0], period[1])
                        .isEqualTo(expected);
            } finally {
                delete(file);
            }
        }
    }

    /** The row with cell {@code k} replaced (the rows split on commas: the items' tags cells hold none). */
    private static String withCell(String line, int k, String cell) {
        String[] cells = line.split(",", -1);
        cells[k] = cell;
        return String.join(",", cells);
    }
}
