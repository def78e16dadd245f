package org.cloudbilling.core.io.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.StrictText;

/**
 * The rows of a CSV text, one at a time, each with the line it starts on: the common ground of the format
 * readers (canonical, FOCUS, provider bills, reconciliation lists). Blank lines are skipped; CSV that does not
 * parse is a {@link BillingInputException} naming the source and line. A leading UTF-8 byte order mark
 * ({@code U+FEFF}) is dropped, whether the first header is quoted or not.
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
 * <p>Holds one row at a time, so memory does not grow with the input: a row (with its quoted line breaks) of up
 * to {@link #MAX_ROW_LENGTH} characters is read, and a longer one is refused, naming the line it starts on, as
 * soon as reading it needs more than that (the parser reads a few thousand characters ahead, so a row longer
 * by less than that may still be read); the rest of it is never read. Not thread-safe.
 */
public final class CsvRows implements Closeable {
    /**
     * The most characters a row may have, line breaks inside quoted cells included: 4 Mi (4,194,304), far more
     * than any bill row holds (a FOCUS row with fifty tags has a few thousand), and little enough that an input
     * without line breaks, such as a corrupt or hostile 1 GB file, is refused after reading about 4 MB of it.
     */
    public static final int MAX_ROW_LENGTH = 4 * 1024 * 1024;

    /** The most problems or names an error message lists; it says how many more there were. */
    public static final int MAX_LISTED = 20;

    private final String source;
    private final RowLimit limit;
    private final MappingIterator<String[]> rows;
    /** The line of the input the parser's line 1 is: 0 unless the text continues an input read so far. */
    private final long lineOffset;

    private long nextLine;
    private long line;

    private CsvRows(Reader reader, String source, long firstLine) {
        this.source = requireNonNull(source, "source");
        this.limit = new RowLimit(requireNonNull(reader, "reader"), firstLine == 1);
        this.lineOffset = firstLine - 1;
        this.nextLine = firstLine;
        try {
            this.rows = new CsvMapper()
                    .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readerFor(String[].class)
                    .readValues(limit);
        } catch (IOException e) {
            try {
                limit.close();
            } catch (IOException c) {
                e.addSuppressed(c);
            }
            StrictText.MalformedTextException m = malformed(e);
            if (m != null) {
                throw new BillingInputException(m.problem());
            }
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
        return new CsvRows(reader, source, 1);
    }

    /**
     * Returns the rows of {@code reader}, the rest of an input from a row boundary on: its first row starts on line
     * {@code firstLine} of the input, and a leading byte order mark is a character of its first cell.
     */
    public static CsvRows continuing(Reader reader, String source, long firstLine) {
        return new CsvRows(reader, source, firstLine);
    }

    /**
     * Reads the first row as the header, without a leading UTF-8 byte order mark.
     *
     * @return the header's cells, never null
     * @throws BillingInputException if the input is empty or malformed
     * @throws UncheckedIOException if the underlying reader fails
     */
    public String[] header() {
        String[] header = next();
        if (header == null) {
            throw new BillingInputException(InputProblem.ofLine(source, 0, "the input is empty: no header row"));
        }
        return header;
    }

    /**
     * Reads the next row that is not blank.
     *
     * @return its cells, or null at the end of the input
     * @throws BillingInputException if the CSV is malformed or a row is longer than {@link #MAX_ROW_LENGTH},
     *     naming the line
     * @throws UncheckedIOException if the underlying reader fails
     */
    public String[] next() {
        try {
            while (rows.hasNextValue()) {
                String[] cells = rows.nextValue();
                line = nextLine;
                nextLine = lineOffset + rows.getParser().currentLocation().getLineNr();
                limit.rowStartsAt(rows.getParser().currentLocation().getCharOffset());
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue; // a blank line holds no data
                }
                return cells;
            }
            return null;
        } catch (IOException e) {
            StrictText.MalformedTextException m = malformed(e);
            if (m != null) {
                throw new BillingInputException(m.problem()); // a byte sequence not valid in the charset (IO-1)
            }
            if (RowLimit.isCause(e)) {
                throw new BillingInputException(InputProblem.ofLine(
                        source,
                        nextLine,
                        "the row is longer than " + MAX_ROW_LENGTH + " characters, the most a row may have"));
            }
            IOException failure = readFailure(e);
            if (failure != null) {
                // the input could not be read at all, which the parser reports as malformed CSV: not bad input
                throw new UncheckedIOException(failure);
            }
            JsonProcessingException j = (JsonProcessingException) e;
            long at = j.getLocation() == null
                    ? nextLine
                    : lineOffset + j.getLocation().getLineNr();
            throw new BillingInputException(
                    InputProblem.ofLine(source, at, "the CSV is malformed: " + j.getOriginalMessage()));
        }
    }

    /** Returns the failure of the underlying reader that {@code e} is or wraps, or null when the CSV is at fault. */
    private static IOException readFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io && !(t instanceof JsonProcessingException)) {
                return io;
            }
        }
        return null;
    }

    /**
     * Returns {@code problems} joined by {@code "; "}, at most {@link #MAX_LISTED} of them, then how many more there
     * were: a header of 500,000 repeated columns gives a message of a few lines, not megabytes.
     *
     * @param problems the problems of one row, not null
     * @return the text, never null
     */
    public static String joinProblems(List<String> problems) {
        StringBuilder s = new StringBuilder();
        int shown = Math.min(problems.size(), MAX_LISTED);
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        if (shown < problems.size()) {
            s.append("; and ").append(problems.size() - shown).append(" more problems");
        }
        return s.toString();
    }

    /**
     * Returns {@code names} as {@code [a, b, c]}, at most {@link #MAX_LISTED} of them, then how many more there were
     * ({@code [a, b, ...] and 12 more}).
     *
     * @param names the names, such as column headers, not null
     * @return the text, never null
     */
    public static String listNames(Collection<String> names) {
        List<String> shown = new ArrayList<>();
        for (String n : names) {
            if (shown.size() == MAX_LISTED) {
                break;
            }
            shown.add(n);
        }
        return shown + (shown.size() < names.size() ? " and " + (names.size() - shown.size()) + " more" : "");
    }

    /**
     * Returns the headers {@code header} repeats, each once, in the order they repeat.
     *
     * @param header a header row, not null
     * @return the repeated names, never null
     */
    public static Set<String> repeatedColumns(String[] header) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String h : header) {
            if (!seen.add(h)) {
                repeated.add(h);
            }
        }
        return repeated;
    }

    /** Returns the line the row last read starts on, counting from 1; 0 before the first row. */
    public long line() {
        return line;
    }

    /** Returns the name of the input, never null. */
    public String source() {
        return source;
    }

    /**
     * Closes these rows after {@code failure}, for a reader that cannot be opened (such as for a bad header): the
     * caller never gets a reader to close. A failure to close is added to {@code failure} as suppressed.
     *
     * <pre>{@code
     * catch (RuntimeException e) {
     *     throw rows.closeAfter(e);
     * }
     * }</pre>
     *
     * @param failure why the reader cannot be opened, not null
     * @return {@code failure}, to throw
     */
    public RuntimeException closeAfter(RuntimeException failure) {
        requireNonNull(failure, "failure");
        try {
            close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
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

    /**
     * Hands the parser the text, and refuses to hand it more once the row being read has passed
     * {@link #MAX_ROW_LENGTH} characters: the parser holds a whole row, so this bounds its memory.
     */
    private static final class RowLimit extends Reader {
        private final Reader in;
        private long handedOut;
        private long rowStart;
        private boolean atStart;

        RowLimit(Reader in, boolean atStart) {
            this.in = in;
            this.atStart = atStart;
        }

        void rowStartsAt(long charOffset) {
            rowStart = charOffset;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (handedOut - rowStart > MAX_ROW_LENGTH) {
                throw new RowTooLong();
            }
            int n = in.read(buf, off, len);
            if (atStart && n > 0) {
                atStart = false;
                if (buf[off] == '\uFEFF') {
                    // a byte order mark is no part of the first cell, even when that cell is quoted
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    if (--n == 0) {
                        return read(buf, off, len);
                    }
                }
            }
            if (n > 0) {
                handedOut += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        static boolean isCause(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RowTooLong) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Signals a row longer than {@link #MAX_ROW_LENGTH}; turned into a {@link BillingInputException}. */
    private static final class RowTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        RowTooLong() {
            super("row too long");
        }
    }

    /** Returns the {@link StrictText.MalformedTextException} that {@code e} is or wraps, or null. */
    private static StrictText.MalformedTextException malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictText.MalformedTextException m) {
                return m;
            }
        }
        return null;
    }
}
