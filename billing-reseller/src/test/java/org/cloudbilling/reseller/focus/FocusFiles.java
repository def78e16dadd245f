package org.cloudbilling.reseller.focus;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;

/** Writing, reading back and projecting FOCUS CSV for the reseller export tests. */
final class FocusFiles {
    private FocusFiles() {}

    static String write(List<FocusRow> rows, List<String> extraColumns) {
        StringWriter text = new StringWriter();
        try (FocusCsvWriter out = FocusCsv.writer(text, extraColumns, FormulaGuard.ON)) {
            rows.forEach(out::write);
        }
        return text.toString();
    }

    static List<FocusRow> read(String csv) {
        return FocusCsv.readAll(new StringReader(csv), "export.csv", OnError.FAIL)
                .values();
    }

    /** Returns the CSV {@code csv} cut to the columns of {@code header}, cell text exactly, one line per row. */
    static List<String> project(String csv, List<String> header) {
        List<String> out = new ArrayList<>();
        out.add(String.join(",", header));
        try (MappingIterator<String[]> rows = new CsvMapper()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class)
                .readValues(csv)) {
            List<String> names = Arrays.asList(rows.nextValue());
            while (rows.hasNextValue()) {
                String[] cells = rows.nextValue();
                List<String> picked = new ArrayList<>();
                for (String h : header) {
                    int i = names.indexOf(h);
                    if (i < 0) {
                        throw new AssertionError("the export has no column " + h);
                    }
                    picked.add(cells[i]);
                }
                out.add(String.join(",", picked));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String> golden(String name) {
        try (InputStream in = FocusFiles.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
