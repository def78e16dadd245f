package org.cloudbilling.core.io;

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
import java.util.Map;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.io.internal.CellTally;

/**
 * The canonical CSV form of line items: one header row, then one row per item, one column per field of
 * {@link org.cloudbilling.core.bill.LineItem} in a fixed order. Amounts are plain decimals with every decimal
 * kept, instants ISO-8601 UTC, enums by name, tags a JSON object, and an empty cell an absent field.
 *
 * <pre>{@code
 * try (LineItemCsvWriter out = LineItemCsv.writer(writer)) {
 *     items.forEach(out::write);
 * }
 * try (LineItemCsvReader in = LineItemCsv.reader(reader, "september.csv")) {
 *     in.forEachRemaining(item -> ...);          // streams: memory does not grow with the file
 * }
 * ReadResult<LineItem> all = LineItemCsv.readAll(reader, "september.csv", OnError.COLLECT);
 * }</pre>
 *
 * <p>A bad row is reported with source, line, column, value and reason ({@link InputProblem}). Text cells are
 * guarded against spreadsheet formulas by default ({@link FormulaGuard#ON}, on writing and reading alike, so a
 * round trip gives back the exact text); {@link FormulaGuard#OFF} writes and reads every cell exactly.
 */
public final class LineItemCsv {
    private LineItemCsv() {}

    /** Returns the header of the canonical form, in column order, never null. */
    public static List<String> header() {
        List<String> header = new ArrayList<>();
        for (CanonicalColumn c : CanonicalColumn.values()) {
            header.add(c.header);
        }
        return List.copyOf(header);
    }

    /**
     * Opens a streaming reader of a file written by {@link #writer(Writer)}: it removes the formula guard
     * ({@link FormulaGuard#ON}, the default on both sides, IO-2); it reads and checks the header at once.
     *
     * @param reader the CSV text, not null; closed with the returned reader
     * @param source the name errors give for the input, such as a file name, not null
     * @return the reader, never null
     * @throws BillingInputException if the header is missing or differs from {@link #header()}
     */
    public static LineItemCsvReader reader(Reader reader, String source) {
        return reader(reader, source, FormulaGuard.ON);
    }

    /**
     * Opens a streaming reader of bytes in {@code charset}, decoded strictly (IO-1): a byte sequence not valid in
     * it is a {@link BillingInputException} naming its line and column.
     *
     * @param in the CSV bytes, not null; closed with the returned reader
     * @param charset the file's encoding, such as UTF-8, not null
     * @param source the name errors give for the input, not null
     * @param guard whether the input was written with the formula guard, not null
     * @return the reader, never null
     * @throws BillingInputException if the header is missing or differs from {@link #header()}, or cannot be
     *     decoded
     */
    public static LineItemCsvReader reader(InputStream in, Charset charset, String source, FormulaGuard guard) {
        return reader(StrictText.reader(in, charset, source), source, guard);
    }

    /**
     * Opens a streaming reader that removes the formula guard of a guarded export ({@link FormulaGuard#ON}), or
     * reads every cell exactly ({@link FormulaGuard#OFF}, as {@link #reader(Reader, String)}).
     *
     * @param reader the CSV text, not null; closed with the returned reader
     * @param source the name errors give for the input, not null
     * @param guard whether the input was written with the formula guard, not null
     * @return the reader, never null
     * @throws BillingInputException if the header is missing or differs from {@link #header()}
     */
    public static LineItemCsvReader reader(Reader reader, String source, FormulaGuard guard) {
        return new LineItemCsvReader(reader, source, guard);
    }

    /**
     * Opens a streaming reader of a canonical CSV file that reads it from its bytes on every core, in parts cut at
     * row boundaries and put back in file order: the same items in the same order, and the same errors (line,
     * column, value, reason), as {@link #reader(InputStream, Charset, String, FormulaGuard)} on the same file. A
     * file in another charset than UTF-8, or that does not start with the canonical header line, is read by that
     * plain reader. Memory stays bounded: a few parts of a few MB are read ahead.
     *
     * <pre>{@code
     * try (LineItemCsvReader in = LineItemCsv.reader(Path.of("items.csv"), UTF_8, FormulaGuard.ON)) {
     *     in.forEachRemaining(item -> ...);
     * }
     * }</pre>
     *
     * @param file the file, not null; its name is the source errors give
     * @param charset the file's encoding, not null
     * @param guard whether the input was written with the formula guard, not null
     * @return the reader, never null; close it to stop its threads
     * @throws BillingInputException if the header is missing or differs from {@link #header()}
     * @throws UncheckedIOException if the file cannot be read
     */
    public static LineItemCsvReader reader(Path file, Charset charset, FormulaGuard guard) {
        return reader(file, charset, guard, Runtime.getRuntime().availableProcessors(), 4 << 20);
    }

    /** Opens the file to be read from its bytes in parts of {@code partSize} on {@code threads} threads. */
    private static CanonicalCsvFile open(Path file, Charset charset, FormulaGuard guard, int threads, long partSize) {
        return new CanonicalCsvFile(
                requireNonNull(file, "file"),
                requireNonNull(charset, "charset"),
                file.toString(),
                requireNonNull(guard, "guard"),
                threads,
                partSize);
    }

    static LineItemCsvReader reader(Path file, Charset charset, FormulaGuard guard, int threads, long partSize) {
        CanonicalCsvFile csv = open(file, charset, guard, threads, partSize);
        try {
            LineItemCsvReader reader = new LineItemCsvReader(csv);
            reader.hasNext(); // a bad header is refused at once, as by the plain reader
            return reader;
        } catch (RuntimeException e) {
            try {
                csv.close();
            } catch (RuntimeException c) {
                e.addSuppressed(c);
            }
            throw e;
        }
    }

    /**
     * Reads every item of a canonical CSV file into {@code collector} on every core: each part of the file (cut at
     * row boundaries) is collected into a container of its own, and the containers are combined in file order, so
     * a collector that merges in any order, such as {@code Consolidation.toRollup(grouping)}, gives the result of a
     * sequential run whatever the number of threads. Memory stays bounded by the containers and a few parts. A
     * {@link CostClassCollector} (such as an allocator's totals) gets a row that is valid beyond doubt as its
     * class and total cost, its class asked once per distinct combination of its class cells: no item is made of
     * it; with the same result and the same errors.
     *
     * <pre>{@code
     * Rollup byOwner = LineItemCsv.collect(Path.of("items.csv"), UTF_8, FormulaGuard.ON,
     *         Consolidation.toRollup(Grouping.by(Dimension.OWNER)));
     * }</pre>
     *
     * @param file the file, not null; its name is the source errors give
     * @param charset the file's encoding, not null
     * @param guard whether the input was written with the formula guard, not null
     * @param collector what to collect the items with, not null
     * @return the collected result, never null unless the collector gives null
     * @throws BillingInputException for the header or the first bad row of the file, exactly as the plain reader
     *     refuses it ({@link OnError#FAIL})
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
        requireNonNull(collector, "collector");
        try (CanonicalCsvFile csv = open(file, charset, guard, threads, partSize)) {
            return csv.collect(collector);
        }
    }

    /**
     * Consolidates a canonical CSV file by {@code grouping} on every core: the same roll-up, and the same error for
     * a bad row, as {@link #collect(Path, Charset, FormulaGuard, Collector)} with
     * {@code Consolidation.toRollup(grouping)}, but faster: when every dimension of the grouping is a column of
     * the file (such as {@code Dimension.OWNER}, not a day, a month or a tag), a row that is valid beyond doubt
     * is added to its group's totals from its cells, without making its line item; any other row is read as an
     * item.
     *
     * <pre>{@code
     * Rollup byOwner = LineItemCsv.consolidate(Path.of("items.csv"), UTF_8, FormulaGuard.ON,
     *         Grouping.by(Dimension.OWNER));
     * }</pre>
     *
     * @param file the file, not null; its name is the source errors give
     * @param charset the file's encoding, not null
     * @param guard whether the input was written with the formula guard, not null
     * @param grouping the grouping, not null
     * @return the roll-up, never null
     * @throws BillingInputException for the header or the first bad row of the file, exactly as the plain reader
     *     refuses it ({@link OnError#FAIL})
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Rollup consolidate(Path file, Charset charset, FormulaGuard guard, Grouping grouping) {
        return consolidate(file, charset, guard, grouping, Runtime.getRuntime().availableProcessors(), 16 << 20);
    }

    static Rollup consolidate(
            Path file, Charset charset, FormulaGuard guard, Grouping grouping, int threads, long partSize) {
        requireNonNull(grouping, "grouping");
        int[] columns = keyColumns(grouping);
        Integer offset = CellTally.offsetSeconds(grouping);
        if (columns == null || offset == null) {
            return collect(file, charset, guard, Consolidation.toRollup(grouping), threads, partSize);
        }
        try (CanonicalCsvFile csv = open(file, charset, guard, threads, partSize)) {
            return csv.consolidate(grouping, columns, offset);
        }
    }

    /** The dimensions whose value is a column's text as the file holds it, and the column of each. */
    private static final Map<Dimension, CanonicalColumn> KEY_COLUMNS = Map.ofEntries(
            Map.entry(Dimension.OWNER, CanonicalColumn.OWNER_UIN),
            Map.entry(Dimension.PAYER, CanonicalColumn.PAYER_UIN),
            Map.entry(Dimension.OPERATOR, CanonicalColumn.OPERATOR_UIN),
            Map.entry(Dimension.BUSINESS, CanonicalColumn.BUSINESS_CODE),
            Map.entry(Dimension.PRODUCT, CanonicalColumn.PRODUCT_CODE),
            Map.entry(Dimension.ITEM, CanonicalColumn.ITEM_CODE),
            Map.entry(Dimension.REGION, CanonicalColumn.REGION_ID),
            Map.entry(Dimension.PROJECT, CanonicalColumn.PROJECT_ID),
            Map.entry(Dimension.RESOURCE, CanonicalColumn.RESOURCE_ID),
            Map.entry(Dimension.INSTANCE_TYPE, CanonicalColumn.INSTANCE_TYPE),
            Map.entry(Dimension.PAY_MODE, CanonicalColumn.PAY_MODE),
            Map.entry(Dimension.ACTION_TYPE, CanonicalColumn.ACTION_TYPE));

    /**
     * The canonical columns of the grouping's dimensions ({@link CellTally#DAY} and {@link CellTally#MONTH}
     * for a day and a month), or null when one is neither a column's text nor a day or a month.
     */
    private static int[] keyColumns(Grouping grouping) {
        List<Dimension> dimensions = grouping.dimensions();
        int[] columns = new int[dimensions.size()];
        for (int i = 0; i < columns.length; i++) {
            if (dimensions.get(i).equals(Dimension.DAY)) {
                columns[i] = CellTally.DAY;
                continue;
            }
            if (dimensions.get(i).equals(Dimension.MONTH)) {
                columns[i] = CellTally.MONTH;
                continue;
            }
            CanonicalColumn c = KEY_COLUMNS.get(dimensions.get(i));
            if (c == null) {
                return null;
            }
            columns[i] = c.ordinal();
        }
        return columns;
    }

    /**
     * Reads a whole input written by {@link #writer(Writer)}, removing the formula guard.
     *
     * @param reader the CSV text, not null; closed before returning
     * @param source the name errors give for the input, not null
     * @param onError stop at the first bad row, or collect every bad row's problems
     * @return the items and the problems, never null
     * @throws BillingInputException with {@link OnError#FAIL} at the first bad row, and with either choice
     *     when the header or the CSV structure itself is broken
     */
    public static ReadResult<org.cloudbilling.core.bill.LineItem> readAll(
            Reader reader, String source, OnError onError) {
        try (LineItemCsvReader in = reader(reader, source, FormulaGuard.ON)) {
            return in.readAll(onError);
        }
    }

    /**
     * Opens a writer whose file is safe to open in a spreadsheet ({@link FormulaGuard#ON}, the default, IO-2);
     * {@link #reader(Reader, String)} gives back the exact text.
     *
     * @param writer where the CSV goes, not null; closed with the returned writer
     * @return the writer, never null
     * @throws UncheckedIOException if the header cannot be written
     */
    public static LineItemCsvWriter writer(Writer writer) {
        return writer(writer, FormulaGuard.ON);
    }

    /**
     * Opens a writer and writes the header; with {@link FormulaGuard#ON} the file is safe to open in a
     * spreadsheet, and {@link #reader(Reader, String, FormulaGuard)} with the same guard gives back the exact text.
     *
     * @param writer where the CSV goes, not null; closed with the returned writer
     * @param guard whether to guard cells against spreadsheet formulas, not null
     * @return the writer, never null
     * @throws UncheckedIOException if the header cannot be written
     */
    public static LineItemCsvWriter writer(Writer writer, FormulaGuard guard) {
        try {
            return new LineItemCsvWriter(writer, guard);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
