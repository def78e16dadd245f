package org.cloudbilling.core.focus;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cloudbilling.core.io.CsvSafety;
import org.cloudbilling.core.io.FormulaGuard;

/**
 * Writes FOCUS 1.0 rows as CSV; see {@link FocusCsv}. Not thread-safe: one writer per output.
 */
public final class FocusCsvWriter implements Closeable, Flushable {
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final FocusColumn[] COLUMNS = FocusColumn.values();

    private final SequenceWriter out;
    private final List<String> extraColumns;
    private final FormulaGuard guard;
    private final ObjectMapper json = new ObjectMapper();

    FocusCsvWriter(Writer writer, List<String> extraColumns, FormulaGuard guard) throws IOException {
        this.extraColumns = List.copyOf(extraColumns);
        for (String extra : this.extraColumns) {
            checkArgument(FocusColumn.of(extra).isEmpty(), "%s is a FOCUS column, not an extra one", extra);
        }
        this.guard = requireNonNull(guard, "guard");
        this.out = new CsvMapper()
                .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .writerFor(Object[].class)
                .writeValues(requireNonNull(writer, "writer"));
        out.write(FocusCsv.header(this.extraColumns).toArray());
    }

    /**
     * Writes one row.
     *
     * @param row the row, not null; its extra columns must be among the writer's
     * @throws IllegalArgumentException if the row has an extra column the writer does not, or an instant with
     *     fractions of a second (FOCUS writes whole seconds)
     */
    public void write(FocusRow row) {
        for (String extra : row.extra().keySet()) {
            checkArgument(extraColumns.contains(extra), "the row has column %s, which the writer does not", extra);
        }
        Object[] cells = new Object[COLUMNS.length + extraColumns.size()];
        for (FocusColumn c : COLUMNS) {
            cells[c.ordinal()] = cell(row, c);
        }
        for (int i = 0; i < extraColumns.size(); i++) {
            String v = row.extra().get(extraColumns.get(i));
            cells[COLUMNS.length + i] = v == null ? "" : guarded(v);
        }
        try {
            out.write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String cell(FocusRow row, FocusColumn c) {
        if (row.isNull(c)) {
            return ""; // a null is an empty cell, never "" nor 0 (FOCUS-3)
        }
        switch (c.type()) {
            case STRING:
                return guarded(row.text(c).orElseThrow());
            case DECIMAL:
                return row.decimal(c).orElseThrow().toPlainString();
            case DATETIME:
                Instant t = row.instant(c).orElseThrow();
                checkArgument(t.getNano() == 0, "%s %s has fractions of a second; FOCUS writes whole seconds", c, t);
                return ISO_SECONDS.format(t);
            case JSON:
                try {
                    return json.writeValueAsString(row.tags().orElseThrow());
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("bug: tags could not be written", e);
                }
            default:
                throw new AssertionError("bug: unknown column type " + c.type());
        }
    }

    private String guarded(String text) {
        return guard == FormulaGuard.ON ? CsvSafety.neutralize(text) : text;
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
