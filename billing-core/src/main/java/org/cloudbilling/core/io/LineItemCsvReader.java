package org.cloudbilling.core.io;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.Reader;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.internal.RowSource;

/**
 * Streams line items from the canonical CSV form; see {@link LineItemCsv}. {@link #next()} throws a
 * {@link BillingInputException} for a row it cannot read, naming line, column, value and reason.
 *
 * <p>Not thread-safe: one reader per input.
 */
public final class LineItemCsvReader implements Iterator<LineItem>, Closeable {

    /** The plain reader; null on the fast path. */
    private final RowSource<LineItem> rows;
    /** The fast path's file and items; null on the plain path. */
    private final CanonicalCsvFile file;

    private final Iterator<LineItem> items;

    LineItemCsvReader(CanonicalCsvFile file) {
        this.rows = null;
        this.file = file;
        this.items = file.items();
    }

    LineItemCsvReader(Reader reader, String source, FormulaGuard guard) {
        requireNonNull(source, "source");
        CanonicalRowMapping mapping = new CanonicalRowMapping(source, requireNonNull(guard, "guard"));
        this.rows = RowSource.open(
                reader,
                source,
                (header, line) -> RowSource.requireExactly(
                        header,
                        LineItemCsv.header(),
                        "the header is not the canonical line-item header",
                        "columns are out of order, expected",
                        source,
                        line),
                cells -> mapping.map(cells, line()));
        this.file = null;
        this.items = rows;
    }

    private long line() {
        return rows.line();
    }

    /** Returns the plain reader's rows; on the plain path only. */
    RowSource<LineItem> rows() {
        return rows;
    }

    @Override
    public boolean hasNext() {
        return items.hasNext();
    }

    /**
     * Returns the next item.
     *
     * @throws BillingInputException if the row cannot be read; reading may go on with the following row
     * @throws NoSuchElementException at the end of the input
     */
    @Override
    public LineItem next() {
        return items.next();
    }

    ReadResult<LineItem> readAll(OnError onError) {
        if (rows != null) {
            return rows.readAll(onError, Function.identity());
        }
        return RowSource.readAll(this, onError, Function.identity());
    }

    /** Closes the underlying reader. */
    @Override
    public void close() {
        if (rows != null) {
            rows.close();
        } else {
            file.close();
        }
    }
}
