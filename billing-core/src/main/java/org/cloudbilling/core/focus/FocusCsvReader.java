package org.cloudbilling.core.focus;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.io.SupportedTimes;
import org.cloudbilling.core.io.internal.RowSource;

/**
 * Streams {@link FocusRow}s from a FOCUS CSV; see {@link FocusCsv} for what it accepts. {@link #next()} throws
 * a {@link BillingInputException} for a row it cannot read; reading may go on with the next row.
 *
 * <p>Not thread-safe: one reader per input.
 */
public final class FocusCsvReader implements Iterator<FocusRow>, Closeable {
    private static final List<String> NEVER_NULL = neverNull();
    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSS]");

    private final String source;
    private final RowSource<FocusRow> rows;
    private final String[] headers;

    private final FocusVersion version;
    private final FocusRowMapping mapping;

    FocusCsvReader(Reader reader, String source, FormulaGuard guard, FocusVersion stated) {
        this.source = requireNonNull(source, "source");
        requireNonNull(guard, "guard");
        this.rows = RowSource.open(
                reader,
                this.source,
                (header, line) -> {
                    RowSource.requireColumns(
                            header, NEVER_NULL, "the header lacks FOCUS columns that may never be null:", source, line);
                    checkVersion(header, stated, source, line);
                },
                this::parse);
        this.headers = rows.header();
        this.version = stated != null ? stated : FocusVersion.detect(List.of(headers));
        this.mapping = new FocusRowMapping(source, guard, headers);
    }

    /** Refuses a header with columns of a later FOCUS version than the one the caller states. */
    static void checkVersion(String[] header, FocusVersion stated, String source, long line) {
        if (stated == null) {
            return;
        }
        List<String> later = new ArrayList<>();
        for (String h : header) {
            FocusColumn.of(h).filter(c -> !stated.has(c)).ifPresent(c -> later.add(h + " (" + c.since() + ")"));
        }
        if (!later.isEmpty()) {
            throw new BillingInputException(InputProblem.ofLine(
                    source,
                    line,
                    "the dataset is stated as FOCUS " + stated + " but has columns of a later version: " + later));
        }
    }

    /** Returns the dataset's FOCUS version: as stated by the caller, else found from the header. */
    public FocusVersion version() {
        return version;
    }

    private static List<String> neverNull() {
        List<String> headers = new ArrayList<>();
        for (FocusColumn c : FocusColumn.values()) {
            if (c.isRequired()) {
                headers.add(c.header());
            }
        }
        return List.copyOf(headers);
    }

    /** Returns the header as read, never null. */
    public List<String> header() {
        return List.of(headers);
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    /**
     * Returns the next row.
     *
     * @throws BillingInputException if the row cannot be read
     * @throws NoSuchElementException at the end of the input
     */
    @Override
    public FocusRow next() {
        return rows.next();
    }

    /** Returns the line the row last returned (or refused) by {@link #next()} starts on. */
    public long line() {
        return rows.line();
    }

    /**
     * Returns the next row as a line item, mapped by {@link FocusLineItems#toLineItem}; a row without an id gets
     * {@code line-N}, N being the line it starts on.
     *
     * @throws BillingInputException if the row cannot be read, or lacks what a line item needs
     * @throws NoSuchElementException at the end of the input
     */
    public LineItem nextLineItem() {
        return toLineItem(next());
    }

    private LineItem toLineItem(FocusRow r) {
        return mapping.toLineItem(r, rows.line());
    }

    ReadResult<FocusRow> readAll(OnError onError) {
        return rows.readAll(onError, Function.identity());
    }

    ReadResult<LineItem> readAllLineItems(OnError onError) {
        return rows.readAll(onError, this::toLineItem);
    }

    private FocusRow parse(String[] cells) {
        return mapping.parse(cells, rows.line());
    }

    static Instant instant(String cell) {
        return SupportedTimes.checkWritable(parseInstant(cell)); // what a FOCUS export can write (IO-3)
    }

    private static Instant parseInstant(String cell) {
        try {
            if (cell.endsWith("Z")) {
                return Instant.parse(cell);
            }
            if (cell.length() > 19 && (cell.charAt(19) == '+' || cell.charAt(19) == '-')) {
                return OffsetDateTime.parse(cell.replace(' ', 'T')).toInstant();
            }
            if (cell.indexOf('T') > 0) {
                return LocalDateTime.parse(cell).toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(cell, SPACE_SEPARATED).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) { // a parse failure, or a time no Instant holds
            throw new IllegalArgumentException("'" + cell + "' is not a date-time such as 2024-09-01T00:00:00Z");
        }
    }

    /** Closes the underlying reader. */
    @Override
    public void close() {
        rows.close();
    }
}
