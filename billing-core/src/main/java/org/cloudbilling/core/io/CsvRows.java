package org.cloudbilling.core.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * The rows of a CSV text, one at a time, each with the line it starts on: the common ground of the format
 * readers (canonical, FOCUS, provider bills, reconciliation lists). Blank lines are skipped; CSV that does not
 * parse is a {@link BillingInputException} naming the source and line.
 *
 * <pre>{@code
 * try (CsvRows rows = CsvRows.of(reader, "bill.csv")) {
 *     String[] header = rows.header();
 *     for (String[] cells = rows.next(); cells != null; cells = rows.next()) {
 *         ... rows.line() ...
 *     }
 * }
 * }</pre>
 *
 * <p>Holds one row at a time, so memory does not grow with the input. Not thread-safe.
 */
public final class CsvRows implements Closeable {
    private final String source;
    private final MappingIterator<String[]> rows;
    private long nextLine = 1;
    private long line;

    private CsvRows(Reader reader, String source) {
        this.source = requireNonNull(source, "source");
        try {
            this.rows = new CsvMapper()
                    .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readerFor(String[].class)
                    .readValues(requireNonNull(reader, "reader"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the rows of {@code reader}.
     *
     * @param reader the CSV text, not null; closed by {@link #close()}
     * @param source the name of the input for messages, such as a file name; not null
     * @return the rows, never null
     */
    public static CsvRows of(Reader reader, String source) {
        return new CsvRows(reader, source);
    }

    /**
     * Reads the first row as the header, without a leading UTF-8 byte order mark.
     *
     * @return the header's cells, never null
     * @throws BillingInputException if the input is empty or malformed
     */
    public String[] header() {
        String[] header = next();
        if (header == null) {
            throw new BillingInputException(InputProblem.ofLine(source, 0, "the input is empty: no header row"));
        }
        if (header.length > 0 && header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1);
        }
        return header;
    }

    /**
     * Reads the next row that is not blank.
     *
     * @return its cells, or null at the end of the input
     * @throws BillingInputException if the CSV is malformed, naming the line
     */
    public String[] next() {
        try {
            while (rows.hasNextValue()) {
                String[] cells = rows.nextValue();
                line = nextLine;
                nextLine = rows.getParser().currentLocation().getLineNr();
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue; // a blank line holds no data
                }
                return cells;
            }
            return null;
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? nextLine : e.getLocation().getLineNr();
            throw new BillingInputException(
                    InputProblem.ofLine(source, at, "the CSV is malformed: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the line the row last read starts on, counting from 1; 0 before the first row. */
    public long line() {
        return line;
    }

    /** Returns the name of the input, never null. */
    public String source() {
        return source;
    }

    /** Closes the underlying reader. */
    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
