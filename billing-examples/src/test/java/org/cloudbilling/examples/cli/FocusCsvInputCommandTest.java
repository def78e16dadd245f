package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FOCUS-8: a command reading a FOCUS CSV file's line items ({@code export}, {@code reconcile}, {@code backtrack})
 * reads it from its bytes on every core, in file order, and gives exactly what the plain reader gives: the same
 * output and notes, a row without an id named by its line in the file, and the same error for the first bad row.
 * The plain reader is what reads the same ASCII bytes declared ISO-8859-1.
 */
@Tag("FOCUS-8")
class FocusCsvInputCommandTest {
    /** Rows of the sample repeated to several parts of the file (a part is 4 MiB). */
    private static final int ROWS = 8_000;

    @TempDir
    Path dir;

    /**
     * Writes the sample's rows, repeated to {@link #ROWS} rows under an unquoted header, with the {@code Id} of the
     * rows {@code withoutId} emptied and the {@code BilledCost} of the row {@code bad} (or none, -1) not a number.
     */
    private Path focusCsv(String name, List<Integer> withoutId, int bad) throws IOException {
        List<String> header = CliRun.focusHeader();
        List<Map<String, String>> sample = CliRun.focusRows();
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        for (int i = 0; i < ROWS; i++) {
            Map<String, String> row = new LinkedHashMap<>(sample.get(i % sample.size()));
            row.put("Id", withoutId.contains(i) ? "" : "row-" + i);
            if (i == bad) {
                row.put("BilledCost", "12.3.4");
            }
            List<String> cells = new ArrayList<>(header.size());
            header.forEach(h -> cells.add(cell(row.get(h))));
            text.append(String.join(",", cells)).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        assertThat(Files.size(file)).isGreaterThan(4L << 20);
        assertThat(Files.readAllLines(file).get(0)).doesNotContain("\"");
        return file;
    }

    /** A CSV cell, quoted only where it must be. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Exports {@code file} as FOCUS, declared in {@code encoding}. */
    private CliRun export(Path file, String encoding, String out) {
        return CliRun.run(
                "export",
                "--to",
                "focus",
                "--input",
                file.toString(),
                "--format",
                "focus",
                "--encoding",
                encoding,
                "--out",
                dir.resolve(out).toString());
    }

    @Test
    void export_rowsWithoutId_givesThePlainReadersOutput_eachRowNamedByItsLine() throws IOException {
        Path file = focusCsv("no-ids.csv", List.of(0, 4_321, ROWS - 1), -1);

        CliRun fast = export(file, "UTF-8", "fast.csv");
        CliRun plain = export(file, "ISO-8859-1", "plain.csv");

        assertThat(fast.code()).as(fast.err()).isZero();
        assertThat(fast).isEqualTo(plain);
        String written = Files.readString(dir.resolve("fast.csv"));
        assertThat(written).isEqualTo(Files.readString(dir.resolve("plain.csv")));
        // the header is line 1: the row i is on line i + 2
        assertThat(written).contains(",line-2,", ",line-4323,", ",line-8001,", ",row-4322,");
        assertThat(fast.err()).contains("read " + ROWS + " line items from " + file);
    }

    @Test
    void export_badRowAfterRowsWithoutId_isRefusedAsThePlainReaderRefusesIt() throws IOException {
        int bad = 6_500;
        Path file = focusCsv("bad.csv", List.of(10, 6_000), bad);
        BillingInputException expected;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            expected = catchThrowableOfType(
                    BillingInputException.class,
                    () -> FocusCsv.readLineItems(reader, file.toString(), FormulaGuard.ON, OnError.FAIL));
        }

        CliRun fast = export(file, "UTF-8", "fast.csv");
        CliRun plain = export(file, "ISO-8859-1", "plain.csv");

        assertThat(fast.code()).isEqualTo(2);
        assertThat(fast).isEqualTo(plain);
        assertThat(fast.err()).contains(expected.getMessage()).contains(":" + (bad + 2) + ":");
        assertThat(dir.resolve("fast.csv")).doesNotExist();
    }
}
