package org.cloudbilling.core.io.internal;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;

/**
 * The one row source of the format readers (canonical, FOCUS, Tencent, reconciliation lists), written once: it
 * reads and checks the header, looks one row ahead, refuses a row whose cell count is not the header's, and
 * collects or stops at bad rows; a reader keeps only its mapping from cells to a value. Not API (see the package).
 *
 * <pre>{@code
 * this.rows = RowSource.open(reader, source,
 *         (header, line) -> RowSource.requireColumns(header, REQUIRED, "the header lacks", source, line),
 *         this::parse);
 * }</pre>
 *
 * <p>Holds one row at a time. Not thread-safe.
 *
 * @param <T> what a row maps to
 */
public final class RowSource<T> implements Iterator<T>, Closeable {
    private final CsvRows rows;
    private final String[] header;
    private final Function<String[], T> mapping;
    private String[] row;
    private boolean done;

    private RowSource(CsvRows rows, String[] header, Function<String[], T> mapping) {
        this.rows = rows;
        this.header = header;
        this.mapping = mapping;
    }

    /**
     * Opens the rows of {@code reader}: reads the header and hands it, with the line it starts on, to {@code checkHeader}; when the input is
     * empty or malformed, or the check throws, the reader is closed and the failure thrown.
     *
     * @param reader the CSV text, not null; closed by {@link #close()}
     * @param source the name of the input for messages, not null
     * @param checkHeader throws a {@link BillingInputException} for a header the format refuses, not null
     * @param mapping maps the cells of a row as wide as the header; throws a {@link BillingInputException} for a
     *     row it cannot read, naming the problems; not null
     * @return the rows, never null
     */
    public static <T> RowSource<T> open(
            Reader reader, String source, ObjLongConsumer<String[]> checkHeader, Function<String[], T> mapping) {
        requireNonNull(checkHeader, "checkHeader");
        requireNonNull(mapping, "mapping");
        CsvRows rows = CsvRows.of(reader, source);
        try {
            String[] header = rows.header();
            checkHeader.accept(header.clone(), rows.line());
            return new RowSource<>(rows, header, mapping);
        } catch (RuntimeException e) {
            throw rows.closeAfter(e);
        }
    }

    /**
     * Returns the rows of {@code rows}, the rest of an input whose header was read before: each row must be as wide
     * as {@code header}.
     *
     * @param rows the rest of the input, from a row boundary, not null; closed by {@link #close()}
     * @param header the input's header, not null
     * @param mapping as for {@link #open}, not null
     * @return the rows, never null
     */
    public static <T> RowSource<T> continuing(CsvRows rows, String[] header, Function<String[], T> mapping) {
        return new RowSource<>(requireNonNull(rows, "rows"), header.clone(), requireNonNull(mapping, "mapping"));
    }

    /** Returns the header as read, a copy: never null. */
    public String[] header() {
        return header.clone();
    }

    @Override
    public boolean hasNext() {
        if (row == null && !done) {
            row = rows.next();
            done = row == null;
        }
        return !done;
    }

    /**
     * Returns the next row, mapped.
     *
     * @throws BillingInputException if the row is not as wide as the header or cannot be mapped
     * @throws NoSuchElementException at the end of the input
     */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + rows.source());
        }
        String[] cells = row;
        row = null;
        if (cells.length != header.length) {
            throw new BillingInputException(InputProblem.ofLine(
                    rows.source(), rows.line(), "the row has " + cells.length + " cells, the header " + header.length));
        }
        return mapping.apply(cells);
    }

    /** Returns the line the row last returned (or refused) by {@link #next()} starts on; 1 after the header. */
    public long line() {
        return rows.line();
    }

    /** Returns the name of the input, never null. */
    public String source() {
        return rows.source();
    }

    /**
     * Reads the remaining rows, each mapped by {@code then} after the row's own mapping.
     *
     * @param onError stop at the first bad row, or collect every bad row's problems, not null
     * @param then maps a row's value further, throwing a {@link BillingInputException} for one it refuses
     * @return the values and the problems, never null
     * @throws BillingInputException at the first bad row with {@link OnError#FAIL}, and with either choice when
     *     the CSV itself is malformed
     */
    public <R> ReadResult<R> readAll(OnError onError, Function<? super T, R> then) {
        return readAll(this, onError, then);
    }

    /**
     * Reads the remaining values of {@code rows}, each mapped by {@code then}: what {@link #readAll(OnError,
     * Function)} does, for a reader of rows that is not a {@code RowSource}.
     *
     * @param rows the values, whose {@code next} throws a {@link BillingInputException} for a bad row, not null
     * @param onError stop at the first bad row, or collect every bad row's problems, not null
     * @param then maps a value further, throwing a {@link BillingInputException} for one it refuses
     * @return the values and the problems, never null
     * @throws BillingInputException at the first bad row with {@link OnError#FAIL}, and with either choice when
     *     the CSV itself is malformed
     */
    public static <T, R> ReadResult<R> readAll(Iterator<T> rows, OnError onError, Function<? super T, R> then) {
        requireNonNull(onError, "onError");
        requireNonNull(then, "then");
        List<R> out = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        while (rows.hasNext()) { // a malformed CSV throws here, in either mode
            try {
                out.add(then.apply(rows.next()));
            } catch (BillingInputException e) {
                if (onError == OnError.FAIL) {
                    throw e;
                }
                problems.addAll(e.problems());
            }
        }
        return ReadResult.of(out, problems);
    }

    /** Closes the underlying reader. */
    @Override
    public void close() {
        rows.close();
    }

    /**
     * Refuses a header that is not exactly {@code expected}, naming the missing, unknown and repeated columns, or
     * else the order expected.
     *
     * @param header the header read, not null
     * @param expected the columns in their order, not null
     * @param refusal what the refusal says first, such as {@code "the header is not the list's"}
     * @param order what comes before the expected order when only the order is wrong
     * @param line the header's line
     * @param source the name of the input
     * @throws BillingInputException if the header is not {@code expected}
     */
    public static void requireExactly(
            String[] header, List<String> expected, String refusal, String order, String source, long line) {
        List<String> actual = List.of(header);
        if (actual.equals(expected)) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(new HashSet<>(actual));
        Set<String> unknown = new LinkedHashSet<>(actual);
        unknown.removeAll(new HashSet<>(expected));
        Set<String> repeated = CsvRows.repeatedColumns(header);
        boolean sameColumns = missing.isEmpty() && unknown.isEmpty() && repeated.isEmpty();
        throw new BillingInputException(InputProblem.ofLine(
                source,
                line,
                refusal
                        + (missing.isEmpty() ? "" : "; missing columns " + CsvRows.listNames(missing))
                        + (unknown.isEmpty() ? "" : "; unknown columns " + CsvRows.listNames(unknown))
                        + (repeated.isEmpty() ? "" : "; repeated columns " + CsvRows.listNames(repeated))
                        + (sameColumns ? "; " + order + " " + expected : "")));
    }

    /**
     * Refuses a header that repeats a column or lacks one of {@code required}; other columns are allowed.
     *
     * @param header the header read, not null
     * @param required the columns that must be there, in the order to name them, not null
     * @param lacks what comes before the missing columns, such as {@code "the header lacks the columns"}
     * @param source the name of the input
     * @param line the header's line
     * @throws BillingInputException naming every problem, at most {@link CsvRows#MAX_LISTED}
     */
    public static void requireColumns(
            String[] header, Collection<String> required, String lacks, String source, long line) {
        List<String> problems = new ArrayList<>();
        for (String repeated : CsvRows.repeatedColumns(header)) {
            problems.add("column " + repeated + " appears twice");
        }
        List<String> missing = new ArrayList<>(required);
        missing.removeAll(new HashSet<>(List.of(header)));
        if (!missing.isEmpty()) {
            problems.add(lacks + " " + missing);
        }
        if (!problems.isEmpty()) {
            throw new BillingInputException(InputProblem.ofLine(source, line, CsvRows.joinProblems(problems)));
        }
    }
}
