package org.cloudbilling.core.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.internal.CsvSafety;

/**
 * Writes line items in the canonical CSV form, through {@link CsvWriter}; see {@link LineItemCsv}. With
 * {@link FormulaGuard#ON} a cell that a spreadsheet would run as a formula gets the {@link CsvSafety} guard; with
 * {@link FormulaGuard#OFF} every cell is written exactly, for machines.
 *
 * <p>Not thread-safe: one writer per output.
 */
public final class LineItemCsvWriter implements Closeable, Flushable {
    private static final CanonicalColumn[] COLUMNS = CanonicalColumn.values();

    private final CsvWriter out;
    private final ObjectMapper json = new ObjectMapper();

    LineItemCsvWriter(Writer writer, FormulaGuard guard) throws IOException {
        this.out = CsvWriter.of(requireNonNull(writer, "writer"), LineItemCsv.header(), guard);
    }

    /**
     * Writes one item as one row.
     *
     * @param item the item, not null
     * @throws UncheckedIOException if the output fails
     */
    public void write(LineItem item) {
        requireNonNull(item, "item");
        String[] cells = new String[COLUMNS.length];
        try {
            for (CanonicalColumn c : COLUMNS) {
                // an absent field is a null: an empty cell
                cells[c.ordinal()] = c == CanonicalColumn.TAGS ? tags(item) : c.cell(item);
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("bug: tags could not be written", e);
        }
        out.row(cells);
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
        out.flush();
    }

    /** Flushes and closes the underlying writer. */
    @Override
    public void close() {
        out.close();
    }
}
