package org.cloudbilling.core.focus;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.io.StrictText;

/**
 * FOCUS 1.0 datasets as CSV: a streaming reader of real exports, and a writer of conformant ones.
 *
 * <pre>{@code
 * ReadResult<FocusRow> rows = FocusCsv.readAll(reader, "focus_sample.csv", OnError.COLLECT);
 * try (FocusCsvWriter out = FocusCsv.writer(writer, List.of("x_AllocationUnit"), FormulaGuard.ON)) {
 *     rows.values().forEach(out::write);
 * }
 * }</pre>
 *
 * <p>Reading (FOCUS-7) takes exports as they are: columns in any order, by name; any column FOCUS does not define
 * kept as an extra; the literal {@code NULL} and an empty cell read as null; timestamps as
 * {@code 2024-09-01T00:00:00Z}, {@code 2024-09-01 00:00:00} or {@code 2024-09-01T00:00:00} (the last two read as
 * UTC), in whole seconds ({@code .000} is one; a fraction of a second is refused, as FOCUS-2 cannot write it), in
 * the years 0 to 9999, and ChargePeriodStart and ChargePeriodEnd in the years 1 to 9998
 * ({@link org.cloudbilling.core.io.SupportedTimes}, IO-3); quoted numbers; tags as a JSON object with keys kept
 * exactly, leading blanks included, a repeated key or trailing text refused. A column the
 * specification never lets be null may still be null in a real export: the reader keeps it, and
 * {@link FocusValidator} reports it. A cell of the wrong type is an error naming line, column, value and reason.
 *
 * <p>Writing (FOCUS-1..3, FOCUS-6) puts the 43 columns first, in the specification's order, then the extra
 * columns; nulls as empty cells (never {@code ""} nor 0); instants as {@code YYYY-MM-DDTHH:mm:ssZ}; decimals with
 * every digit; tags as a JSON object.
 */
public final class FocusCsv {
    private FocusCsv() {}

    /**
     * Opens a streaming reader; it reads and checks the header at once.
     *
     * @param reader the CSV, not null; closed with the returned reader
     * @param source the name errors give, such as the file name, not null
     * @param guard {@link FormulaGuard#ON} to remove the formula guard of the project's own exports
     * @return the reader, never null
     * @throws BillingInputException if the header is missing, repeats a column, or lacks a FOCUS column that
     *     may never be null
     */
    public static FocusCsvReader reader(Reader reader, String source, FormulaGuard guard) {
        return new FocusCsvReader(reader, source, guard, null);
    }

    /**
     * Opens a streaming reader of a dataset of a stated FOCUS version (FOCUS-8); without one, the version is found
     * from the header ({@link FocusVersion#detect}).
     *
     * @param reader the CSV, not null; closed with the returned reader
     * @param source the name errors give, not null
     * @param guard {@link FormulaGuard#ON} to remove the formula guard of the project's own exports
     * @param version the dataset's version, or null to find it from the header
     * @return the reader, never null
     * @throws BillingInputException as {@link #reader(Reader, String, FormulaGuard)}, and if the header has a column
     *     of a later version than the one stated
     */
    public static FocusCsvReader reader(Reader reader, String source, FormulaGuard guard, FocusVersion version) {
        return new FocusCsvReader(reader, source, guard, version);
    }

    /**
     * Opens a streaming reader of bytes in {@code charset}, decoded strictly (IO-1): a byte sequence not valid in
     * it is a {@link BillingInputException} naming its line and column.
     *
     * @param in the CSV bytes, not null; closed with the returned reader
     * @param charset the file's encoding, such as UTF-8, not null
     * @param source the name errors give, not null
     * @param guard {@link FormulaGuard#ON} to remove the formula guard of the project's own exports
     * @return the reader, never null
     * @throws BillingInputException if the header is refused or cannot be decoded
     */
    public static FocusCsvReader reader(InputStream in, Charset charset, String source, FormulaGuard guard) {
        return reader(StrictText.reader(in, charset, source), source, guard);
    }

    /** Opens a streaming reader of an export as it is, without removing any formula guard. */
    public static FocusCsvReader reader(Reader reader, String source) {
        return reader(reader, source, FormulaGuard.OFF);
    }

    /**
     * Reads a whole dataset.
     *
     * @param reader the CSV, not null; closed before returning
     * @param source the name errors give, not null
     * @param onError stop at the first bad row, or collect every bad row
     * @return the rows and the problems, never null
     * @throws BillingInputException at the first bad row with {@link OnError#FAIL}, and when the header or the
     *     CSV structure is broken
     */
    public static ReadResult<FocusRow> readAll(Reader reader, String source, OnError onError) {
        try (FocusCsvReader in = reader(reader, source)) {
            return in.readAll(onError);
        }
    }

    /**
     * Reads a whole dataset as line items, mapped by {@link FocusLineItems#toLineItem}.
     *
     * @param reader the CSV, not null; closed before returning
     * @param source the name errors give, not null
     * @param guard {@link FormulaGuard#ON} for the project's own guarded exports, not null
     * @param onError stop at the first bad row, or collect every bad row
     * @return the items and the problems, never null
     * @throws BillingInputException at the first bad row with {@link OnError#FAIL}, and when the header or the
     *     CSV structure is broken
     */
    public static ReadResult<LineItem> readLineItems(
            Reader reader, String source, FormulaGuard guard, OnError onError) {
        try (FocusCsvReader in = reader(reader, source, guard)) {
            return in.readAllLineItems(onError);
        }
    }

    /**
     * Reads one cell of a FOCUS CSV into {@code row}, as {@link #reader} does: an empty cell or {@code NULL} is a
     * null; a FOCUS column's text is read by its type (an exact decimal with every digit, a date-time, the tags'
     * JSON object, strictly); any other column is kept as text. For hosts whose own CSV reader splits the cells,
     * such as Spark's.
     *
     * @param row the row being built, not null
     * @param header the cell's column header, not null
     * @param cell the cell's text, null for a null
     * @param guard {@link FormulaGuard#ON} when cells were written neutralized against formulas (IO-1), not null
     * @return {@code row}, never null
     * @throws IllegalArgumentException saying why the cell is not a value of its column
     */
    public static FocusRow.Builder readCell(FocusRow.Builder row, String header, String cell, FormulaGuard guard) {
        requireNonNull(row, "row");
        requireNonNull(header, "header");
        requireNonNull(guard, "guard");
        FocusRowMapping.cell(row, FocusColumn.of(header).orElse(null), header, cell, guard);
        return row;
    }

    /**
     * Consolidates a FOCUS CSV file by {@code grouping} on every core, reading the rows from the file's bytes: the
     * same roll-up, and the same error for the first bad row, as {@link #readLineItems} ({@link OnError#FAIL}) with
     * {@code Consolidation.toRollup(grouping)}, but faster and in bounded memory: a row valid beyond doubt is added to
     * its group's totals straight from its cells, without making its row or its item, when every dimension's value is
     * a function of a few cells (a field of the vocabulary, any other FOCUS column, a tag, a day or a month in a zone
     * at a fixed offset; not the id, the pricing quantity or unit, or a derived cost metric); any other row is read as
     * an item. A file in another charset than UTF-8, or whose header is not one plain line, or a grouping by the id
     * (a row without one is named by its line), is read by the plain reader throughout.
     *
     * <pre>{@code
     * Rollup bySubAccount = FocusCsv.consolidate(Path.of("focus.csv"), UTF_8, FormulaGuard.OFF,
     *         Grouping.by(Dimension.OWNER));
     * }</pre>
     *
     * @param file the file, not null; its name is the source errors give
     * @param charset the file's encoding, not null
     * @param guard {@link FormulaGuard#ON} for the project's own guarded exports, not null
     * @param grouping the grouping, not null
     * @return the roll-up, never null
     * @throws BillingInputException for the header or the first bad row, exactly as the plain reader refuses it
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Rollup consolidate(Path file, Charset charset, FormulaGuard guard, Grouping grouping) {
        return consolidate(file, charset, guard, grouping, Runtime.getRuntime().availableProcessors(), 16 << 20);
    }

    static Rollup consolidate(
            Path file, Charset charset, FormulaGuard guard, Grouping grouping, int threads, long partSize) {
        return FocusCsvFile.consolidate(
                requireNonNull(file, "file"),
                requireNonNull(charset, "charset"),
                requireNonNull(guard, "guard"),
                requireNonNull(grouping, "grouping"),
                threads,
                partSize);
    }

    /**
     * Reads every line item of a FOCUS CSV file into {@code collector} on every core, from the file's bytes: each
     * part of the file (cut at row boundaries) is collected into a container of its own, and the containers are
     * combined in file order, so the result is a sequential run's whatever the number of threads. The same items
     * (those of {@link FocusLineItems#toLineItem}, a row without an id named {@code line-N}), and the same error for
     * the first bad row, as {@link #readLineItems} with {@link OnError#FAIL}; faster: a row of plain ASCII cells of
     * their simple forms is made an item straight from its cells, its identifiers, texts, times and tags looked up
     * in dictionaries keyed by the cells' bytes (one object per distinct cell), its amounts read digit by digit; any
     * other row is read by the plain mapping. A file in another charset than UTF-8, or whose header is not one plain
     * line, is read by the plain reader throughout. Memory stays bounded by the containers and a few parts.
     *
     * <pre>{@code
     * List<LineItem> items = FocusCsv.collect(Path.of("focus.csv"), UTF_8, FormulaGuard.OFF, Collectors.toList());
     * }</pre>
     *
     * @param file the file, not null; its name is the source errors give
     * @param charset the file's encoding, not null
     * @param guard {@link FormulaGuard#ON} for the project's own guarded exports, not null
     * @param collector what to collect the items with, not null
     * @return the collected result, never null unless the collector gives null
     * @throws BillingInputException for the header or the first bad row, exactly as the plain reader refuses it
     * @throws UncheckedIOException if the file cannot be read
     */
    public static <R> R collect(
            Path file, Charset charset, FormulaGuard guard, Collector<? super LineItem, ?, R> collector) {
        return collect(file, charset, guard, collector, Runtime.getRuntime().availableProcessors(), 16 << 20);
    }

    static <R> R collect(
            Path file,
            Charset charset,
            FormulaGuard guard,
            Collector<? super LineItem, ?, R> collector,
            int threads,
            long partSize) {
        return FocusCsvFile.collect(
                requireNonNull(file, "file"),
                requireNonNull(charset, "charset"),
                requireNonNull(guard, "guard"),
                requireNonNull(collector, "collector"),
                threads,
                partSize);
    }

    /**
     * Opens a reader of the line items of a FOCUS CSV file in file order, read from the file's bytes on every core:
     * the file is cut into parts at row boundaries, each part's rows made items by the fast path of {@link #collect}
     * on a thread of its own, and the parts handed out in file order, a few at most in memory. The same items (those
     * of {@link FocusLineItems#toLineItem}, a row without an id named {@code line-N}) and the same error for each
     * bad row (line, column, value, reason) as {@link FocusCsvReader#nextLineItem} on the same bytes, after which
     * reading may go on; faster. A file in another charset than UTF-8, or whose header is not one plain line, is read
     * by the plain reader throughout.
     *
     * <pre>{@code
     * try (FocusLineItemReader in = FocusCsv.lineItemReader(Path.of("focus.csv"), UTF_8, FormulaGuard.OFF)) {
     *     in.forEachRemaining(item -> ...);
     * }
     * }</pre>
     *
     * @param file the file, not null; its name is the source errors give
     * @param charset the file's encoding, not null
     * @param guard {@link FormulaGuard#ON} for the project's own guarded exports, not null
     * @return the reader, never null; close it to stop its threads and close the file
     * @throws BillingInputException if the header is refused, as by {@link #reader(InputStream, Charset, String,
     *     FormulaGuard)}
     * @throws UncheckedIOException if the file cannot be read
     */
    public static FocusLineItemReader lineItemReader(Path file, Charset charset, FormulaGuard guard) {
        return lineItemReader(file, charset, guard, Runtime.getRuntime().availableProcessors(), 4 << 20);
    }

    static FocusLineItemReader lineItemReader(
            Path file, Charset charset, FormulaGuard guard, int threads, long partSize) {
        return new FocusLineItemReader(FocusCsvFile.items(
                requireNonNull(file, "file"),
                requireNonNull(charset, "charset"),
                requireNonNull(guard, "guard"),
                threads,
                partSize));
    }

    /**
     * Opens a writer and writes the header.
     *
     * @param writer where the CSV goes, not null; closed with the returned writer
     * @param extraColumns the columns after the 43 FOCUS columns, such as {@code x_AllocationUnit}, not null
     * @param guard {@link FormulaGuard#ON} to guard text cells against spreadsheet formulas
     * @return the writer, never null
     */
    public static FocusCsvWriter writer(Writer writer, List<String> extraColumns, FormulaGuard guard) {
        return writer(writer, FocusVersion.V1_0, extraColumns, guard);
    }

    /**
     * Opens a writer of a FOCUS version and writes the header: that version's columns, then {@code extraColumns}.
     *
     * @param writer where the CSV goes, not null; closed with the returned writer
     * @param version the FOCUS version written, not null
     * @param extraColumns the columns after the FOCUS columns, such as {@code x_AllocationUnit}, not null
     * @param guard {@link FormulaGuard#ON} to guard text cells against spreadsheet formulas
     * @return the writer, never null
     */
    public static FocusCsvWriter writer(
            Writer writer, FocusVersion version, List<String> extraColumns, FormulaGuard guard) {
        try {
            return new FocusCsvWriter(writer, version, extraColumns, guard);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the header a FOCUS 1.0 writer writes: the 43 FOCUS columns, then {@code extraColumns}. */
    public static List<String> header(List<String> extraColumns) {
        return header(FocusVersion.V1_0, extraColumns);
    }

    /** Returns the header a writer of {@code version} writes: the version's columns, then {@code extraColumns}. */
    public static List<String> header(FocusVersion version, List<String> extraColumns) {
        List<String> header = new ArrayList<>();
        for (FocusColumn c : version.columns()) {
            header.add(c.header());
        }
        header.addAll(extraColumns);
        return List.copyOf(header);
    }
}
