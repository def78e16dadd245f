package org.cloudbilling.examples.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Writes CSV rows (RFC 4180 quoting) through jackson-dataformat-csv. */
final class CsvOut implements Closeable {
    private final SequenceWriter out;

    CsvOut(Writer writer, List<String> header) {
        try {
            this.out = new CsvMapper()
                    .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                    .writerFor(Object[].class)
                    .writeValues(writer);
            out.write(header.toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void row(Object... cells) {
        try {
            out.write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
