package org.cloudbilling.core.io;

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
import java.util.LinkedHashMap;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.TagKey;

/**
 * Writes line items in the canonical CSV form; see {@link LineItemCsv}. With {@link FormulaGuard#ON} a cell that a
 * spreadsheet would run as a formula gets the {@link CsvSafety} guard; with {@link FormulaGuard#OFF} every cell is
 * written exactly, for machines.
 *
 * <p>Not thread-safe: one writer per output.
 */
public final class LineItemCsvWriter implements Closeable, Flushable {
    private static final CanonicalColumn[] COLUMNS = CanonicalColumn.values();

    private final SequenceWriter out;
    private final ObjectMapper json = new ObjectMapper();
    private final FormulaGuard guard;

    LineItemCsvWriter(Writer writer, FormulaGuard guard) throws IOException {
        this.guard = requireNonNull(guard, "guard");
        this.out = new CsvMapper()
                .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .writerFor(Object[].class)
                .writeValues(requireNonNull(writer, "writer"));
        out.write(LineItemCsv.header().toArray());
    }

    /**
     * Writes one item as one row.
     *
     * @param item the item, not null
     * @throws UncheckedIOException if the output fails
     */
    public void write(LineItem item) {
        requireNonNull(item, "item");
        try {
            Object[] cells = new Object[COLUMNS.length];
            for (CanonicalColumn c : COLUMNS) {
                String cell = c == CanonicalColumn.TAGS ? tags(item) : c.writer.apply(item);
                if (cell == null) {
                    cell = ""; // an absent field is an empty cell
                } else if (guard == FormulaGuard.ON) {
                    cell = CsvSafety.neutralize(cell);
                }
                cells[c.ordinal()] = cell;
            }
            out.write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tags(LineItem item) throws JsonProcessingException {
        if (item.tags().isEmpty()) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<TagKey, String> e : item.tags().entrySet()) {
            tags.put(e.getKey().value(), e.getValue());
        }
        return json.writeValueAsString(tags);
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
