package org.cloudbilling.examples.cli;

import java.io.Closeable;
import java.io.Writer;
import java.util.List;
import org.cloudbilling.core.io.CsvWriter;
import org.cloudbilling.core.io.FormulaGuard;

/**
 * Writes the command line's CSV tables through the library's one CSV writer ({@link CsvWriter}): RFC 4180
 * quoting, and every cell guarded against spreadsheet formulas unless {@code --formula-guard off} (IO-2).
 */
final class CsvOut implements Closeable {
    private final CsvWriter out;

    CsvOut(Writer writer, List<String> header, FormulaGuard guard) {
        this.out = CsvWriter.of(writer, header, guard);
    }

    void row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? "" : cells[i].toString();
        }
        out.row(text);
    }

    @Override
    public void close() {
        out.close();
    }
}
