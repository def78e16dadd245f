package org.cloudbilling.core.io;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.cloudbilling.core.io.internal.CsvSafety;

/**
 * The one way the library and its command line write CSV (IO-2): RFC 4180 quoting, rows ended by {@code \n}, and
 * every cell guarded against spreadsheet formulas by {@link CsvSafety} unless the writer is made with
 * {@link FormulaGuard#OFF}. The format writers ({@link LineItemCsv}, FOCUS) and the command line's tables are
 * written through it; a reader told the same guard gives back every cell exactly, however many round trips.
 *
 * <pre>{@code
 * try (CsvWriter csv = CsvWriter.of(writer, List.of("unit", "amount"))) {   // guarded
 *     csv.row("=web", "-12.50");                                           // 'web... and -12.50 as it is
 * }
 * }</pre>
 *
 * <p>A plain number such as {@code -12.50} is never guarded (a spreadsheet reads it as that number). A null cell
 * is written as an empty cell. A cell is quoted only when it must be: when it holds a comma, a quote, a line feed
 * or a carriage return; a quote inside it is doubled. Not thread-safe: one writer per output.
 */
public final class CsvWriter implements Closeable, Flushable {
    private final Writer out;
    private final FormulaGuard guard;
    private final StringBuilder line = new StringBuilder(256);

    private CsvWriter(Writer writer, FormulaGuard guard) {
        this.guard = requireNonNull(guard, "guard");
        this.out = requireNonNull(writer, "writer");
    }

    /**
     * Opens a guarded writer ({@link FormulaGuard#ON}) and writes the header.
     *
     * @param writer where the CSV goes, not null; closed with the returned writer
     * @param header the column names, not null
     * @return the writer, never null
     * @throws UncheckedIOException if the header cannot be written
     */
    public static CsvWriter of(Writer writer, List<String> header) {
        return of(writer, header, FormulaGuard.ON);
    }

    /**
     * Opens a writer and writes the header (guarded like every row).
     *
     * @param writer where the CSV goes, not null; closed with the returned writer
     * @param header the column names, not null
     * @param guard {@link FormulaGuard#ON} to guard cells against spreadsheet formulas, {@link FormulaGuard#OFF}
     *     to write them exactly; not null
     * @return the writer, never null
     * @throws UncheckedIOException if the header cannot be written
     */
    public static CsvWriter of(Writer writer, List<String> header, FormulaGuard guard) {
        CsvWriter w = new CsvWriter(writer, guard);
        w.row(header.toArray(String[]::new));
        return w;
    }

    /**
     * Writes one row.
     *
     * @param cells the cells; a null cell is written empty
     * @throws UncheckedIOException if the output fails
     */
    public void row(String... cells) {
        if (cells.length == 0) {
            return; // a row of no cells is no line at all
        }
        StringBuilder s = line;
        s.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i];
            if (guard == FormulaGuard.ON) {
                c = CsvSafety.neutralize(c);
            }
            if (i > 0) {
                s.append(',');
            }
            append(s, c);
        }
        s.append('\n');
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends the cell, quoted when it holds a comma, a quote or a line break, its quotes doubled. */
    private static void append(StringBuilder s, String cell) {
        int n = cell.length();
        int i = 0;
        while (i < n) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        if (i == n) {
            s.append(cell);
            return;
        }
        s.append('"');
        for (int j = 0; j < n; j++) {
            char c = cell.charAt(j);
            if (c == '"') {
                s.append('"');
            }
            s.append(c);
        }
        s.append('"');
    }

    /**
     * Writes one row.
     *
     * @param cells the cells, not null; a null cell is written empty
     * @throws UncheckedIOException if the output fails
     */
    public void row(List<String> cells) {
        row(cells.toArray(String[]::new));
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes and closes the underlying writer. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
