package org.cloudbilling.core.focus;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.BillingInputException;

/**
 * Streams the line items of a FOCUS CSV file in file order, read from the file's bytes on every core (see
 * {@link FocusCsv#lineItemReader}): the items of {@link FocusLineItems#toLineItem}, a row without an id named
 * {@code line-N}, and for a bad row the plain reader's error ({@link FocusCsvReader#nextLineItem}), after which
 * reading may go on with the next row.
 *
 * <pre>{@code
 * try (FocusLineItemReader in = FocusCsv.lineItemReader(Path.of("focus.csv"), UTF_8, FormulaGuard.OFF)) {
 *     in.forEachRemaining(item -> ...);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reader per file. Close it to stop its threads and close the file.
 */
public final class FocusLineItemReader implements Iterator<LineItem>, Closeable {
    private final FocusCsvFile.Items items;
    private final List<String> header;

    FocusLineItemReader(FocusCsvFile.Items items) {
        this.items = items;
        this.header = List.of(items.header());
    }

    /** Returns the header as read, never null. */
    public List<String> header() {
        return header;
    }

    /** Returns the dataset's FOCUS version, found from the header ({@link FocusVersion#detect}). */
    public FocusVersion version() {
        return FocusVersion.detect(header);
    }

    @Override
    public boolean hasNext() {
        return items.hasNext();
    }

    /**
     * Returns the next item.
     *
     * @throws BillingInputException if the row cannot be read or lacks what a line item needs, naming line, column,
     *     value and reason; reading may go on with the next row
     * @throws NoSuchElementException at the end of the file
     */
    @Override
    public LineItem next() {
        return items.next();
    }

    /** Stops the reading threads and closes the file. */
    @Override
    public void close() {
        items.close();
    }
}
