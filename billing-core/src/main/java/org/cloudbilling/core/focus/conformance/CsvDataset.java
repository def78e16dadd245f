package org.cloudbilling.core.focus.conformance;

import java.io.Reader;
import org.cloudbilling.core.io.internal.CsvRows;

/** A FOCUS CSV as raw rows: every value its text, an empty cell null (FOCUS writes a null as an empty cell). */
final class CsvDataset implements Dataset {
    private final CsvRows rows;
    private final String[] header;
    private String problem;

    CsvDataset(Reader reader, String source) {
        this.rows = CsvRows.of(reader, source);
        String[] h;
        try {
            h = rows.header();
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
        this.header = h;
    }

    @Override
    public String[] header() {
        return header.clone();
    }

    @Override
    public Object[] next() {
        String[] cells = rows.next();
        if (cells == null) {
            return null;
        }
        problem = cells.length == header.length
                ? null
                : "line " + rows.line() + ": " + cells.length + " cells, the header has " + header.length;
        Object[] out = new Object[header.length];
        for (int i = 0; i < out.length && i < cells.length; i++) {
            out[i] = cells[i].isEmpty() ? null : cells[i];
        }
        return out;
    }

    @Override
    public String where() {
        return "line " + rows.line();
    }

    @Override
    public boolean typed() {
        return false;
    }

    @Override
    public String shapeProblem() {
        return problem;
    }

    @Override
    public void close() {
        rows.close();
    }
}
