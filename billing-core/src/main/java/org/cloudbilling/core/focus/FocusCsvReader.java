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

    /**
     * Whether the reader accepts {@code header} as the first line of {@code source} with no version stated: the
     * check its constructor makes on the header its CSV parser read, for a header a fast path cut from the bytes.
     */
    static boolean headerAccepted(String[] header, String source) {
        try {
            RowSource.requireColumns(
                    header.clone(), NEVER_NULL, "the header lacks FOCUS columns that may never be null:", source, 1);
            FocusVersion.detect(List.of(header));
            return true;
        } catch (RuntimeException refused) {
            return false; // the plain reader refuses it again, in its own words
        }
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
        Instant plain = plainUtc(cell);
        if (plain != null) {
            return plain;
        }
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

    /**
     * The instant of {@code cell} when it is exactly {@code uuuu-MM-ddTHH:mm:ssZ} with a date that exists and a time
     * from 00:00:00 to 23:59:59 (what {@link Instant#parse} reads the same), else null: the common form, read without
     * the formatter's per-call objects. Anything else (fractions, offsets, 24:00, a leap second, bad text) is left to
     * {@link #parseInstant}'s parsers and their errors.
     */
    static Instant plainUtc(String cell) {
        if (cell.length() != 20
                || cell.charAt(4) != '-'
                || cell.charAt(7) != '-'
                || cell.charAt(10) != 'T'
                || cell.charAt(13) != ':'
                || cell.charAt(16) != ':'
                || cell.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(cell, 0, 4);
        int month = digits(cell, 5, 7);
        int day = digits(cell, 8, 10);
        int hour = digits(cell, 11, 13);
        int minute = digits(cell, 14, 16);
        int second = digits(cell, 17, 19);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        if (day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second);
    }

    /** The number of the ASCII digits from {@code from} to {@code to}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Closes the underlying reader. */
    @Override
    public void close() {
        rows.close();
    }
}
