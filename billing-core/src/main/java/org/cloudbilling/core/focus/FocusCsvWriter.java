package org.cloudbilling.core.focus;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cloudbilling.core.io.CsvWriter;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.SupportedTimes;
import org.cloudbilling.core.io.internal.DecimalText;

/**
 * Writes FOCUS rows as CSV, in the columns of one FOCUS version; see {@link FocusCsv}. Not thread-safe: one writer per output.
 */
public final class FocusCsvWriter implements Closeable, Flushable {
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private final FocusVersion version;
    private final List<FocusColumn> columns;
    private final CsvWriter out;
    private final List<String> extraColumns;
    private final ObjectMapper json = new ObjectMapper();

    FocusCsvWriter(Writer writer, FocusVersion version, List<String> extraColumns, FormulaGuard guard)
            throws IOException {
        this.version = requireNonNull(version, "version");
        this.columns = version.columns();
        this.extraColumns = List.copyOf(extraColumns);
        for (String extra : this.extraColumns) {
            checkArgument(FocusColumn.of(extra).isEmpty(), "%s is a FOCUS column, not an extra one", extra);
        }
        // every cell goes through the guard: only text can need it, as a decimal is a plain number, an instant
        // starts with its four-digit year and tags with '{'
        this.out = CsvWriter.of(
                requireNonNull(writer, "writer"),
                FocusCsv.header(version, this.extraColumns),
                requireNonNull(guard, "guard"));
    }

    /**
     * Writes one row.
     *
     * @param row the row, not null; its extra columns must be among the writer's
     * @throws IllegalArgumentException if the row has an extra column the writer does not, a value in a column of a
     *     later FOCUS version than the writer's (never dropped silently), or an instant that is not a
     *     {@link SupportedTimes supported time} (FOCUS writes whole seconds, four digits of year)
     */
    public void write(FocusRow row) {
        version.requireColumnsOf(row, extraColumns);
        String[] cells = new String[columns.size() + extraColumns.size()];
        for (int i = 0; i < columns.size(); i++) {
            cells[i] = cell(row, columns.get(i));
        }
        for (int i = 0; i < extraColumns.size(); i++) {
            String v = row.extra().get(extraColumns.get(i));
            cells[columns.size() + i] = v == null ? "" : v;
        }
        out.row(cells);
    }

    private String cell(FocusRow row, FocusColumn c) {
        if (row.isNull(c)) {
            return ""; // a null is an empty cell, never "" nor 0 (FOCUS-3)
        }
        switch (c.type()) {
            case STRING:
                return row.text(c).orElseThrow();
            case DECIMAL:
                return DecimalText.of(row.decimal(c).orElseThrow()); // read back equal, scale included
            case DATETIME:
                Instant t = row.instant(c).orElseThrow();
                checkArgument(t.getNano() == 0, "%s %s has fractions of a second; FOCUS writes whole seconds", c, t);
                try {
                    SupportedTimes.checkWritable(t); // four digits of year (IO-3)
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(c + ": " + e.getMessage(), e);
                }
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

    /** Returns the FOCUS version written. */
    public FocusVersion version() {
        return version;
    }

    @Override
    public void flush() {
        out.flush();
    }

    /** Flushes and closes the underlying writer. */
    @Override
    public void close() {
        out.close();
    }
}
