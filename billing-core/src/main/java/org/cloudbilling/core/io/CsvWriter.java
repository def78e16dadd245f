package org.cloudbilling.core.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

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
 * is written as an empty cell. Not thread-safe: one writer per output.
 */
public final class CsvWriter implements Closeable, Flushable {
    private final SequenceWriter out;
    private final FormulaGuard guard;

    private CsvWriter(Writer writer, FormulaGuard guard) throws IOException {
        this.guard = requireNonNull(guard, "guard");
        this.out = new CsvMapper()
                .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .writerFor(Object[].class)
                .writeValues(requireNonNull(writer, "writer"));
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
        CsvWriter w;
        try {
            w = new CsvWriter(writer, guard);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        Object[] guarded = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i];
            guarded[i] = guard == FormulaGuard.ON ? CsvSafety.neutralize(c) : c;
        }
        try {
            out.write(guarded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
