package org.cloudbilling.core.focus.parquet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetReader;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetTally;
import org.cloudbilling.core.focus.parquet.internal.ParquetFile;
import org.cloudbilling.core.focus.parquet.internal.ParquetReads;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;

/**
 * FOCUS datasets as Parquet (FOCUS-10): read to the same {@link FocusRow}s and line items as the same data in
 * CSV ({@link org.cloudbilling.core.focus.FocusCsv}).
 *
 * <pre>{@code
 * ParquetReadResult<LineItem> read = FocusParquet.readLineItems(Path.of("focus.parquet"), OnError.FAIL);
 * List<LineItem> items = read.result().valuesOrThrow();
 * read.notes().forEach(System.err::println); // e.g. a DOUBLE cost column, read by its shortest decimal form
 * }</pre>
 *
 * <p>Columns are found by name, in any order; any column FOCUS does not define is kept as an extra (text). Types:
 * a FOCUS decimal column is a Parquet {@code DECIMAL} of any physical type ({@code INT32}, {@code INT64},
 * {@code FIXED_LEN_BYTE_ARRAY}, {@code BINARY}), read exactly, or a plain integer, or a {@code DOUBLE}/{@code FLOAT},
 * read by each value's shortest decimal form ({@link java.math.BigDecimal#valueOf(double)}) and named in the
 * result's {@link ParquetReadResult#notes() notes}; a date-time column an {@code INT64 TIMESTAMP} in milli-, micro-
 * or nanoseconds (UTC-adjusted, or local and then read as UTC, as the CSV reader reads a time without zone); a text
 * column a {@code BINARY} string (an empty string reads as null, as an empty CSV cell); {@code Tags} a JSON object
 * string or a {@code MAP<string,string>}. Reading line items reads only the columns the mapping uses.
 *
 * <p>A file that is not Parquet, truncated, or of the wrong types is a {@link BillingInputException} naming the file
 * and the column; a bad value names the file, the row (1-based, counted over the whole file; the row group in the
 * reason) and the column. Compression: uncompressed, Snappy, GZIP, ZSTD, LZ4_RAW. Needs the optional dependencies
 * {@code org.apache.parquet:parquet-column}, {@code parquet-format-structures} and {@code io.airlift:aircompressor};
 * no Hadoop.
 */
public final class FocusParquet {
    static {
        ParquetReads.readParquet(); // before any Parquet type is linked, on the module path too
    }

    private FocusParquet() {}

    /**
     * Returns whether {@code file} starts with the Parquet magic number {@code PAR1}.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public static boolean isParquet(Path file) {
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            ByteBuffer head = ByteBuffer.allocate(4);
            while (head.hasRemaining() && in.read(head) >= 0) {
                // read the first four bytes
            }
            return Arrays.equals(head.array(), ParquetFile.MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a whole dataset, every column.
     *
     * @param file the Parquet file, not null; its name is the source errors give
     * @param onError stop at the first bad row, or collect every bad row
     * @return the rows, the problems and the notes, never null
     * @throws BillingInputException at the first bad row with {@link OnError#FAIL}, and whenever the file is not
     *     Parquet, is damaged or has a column of a type the reader cannot take
     * @throws UncheckedIOException if the file cannot be read
     */
    public static ParquetReadResult<FocusRow> readAll(Path file, OnError onError) {
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            return readAll(in, file.toString(), onError);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a whole dataset from a channel, every column.
     *
     * @param channel the Parquet bytes, not null; not closed
     * @param source the name errors give, such as the file name, not null
     * @param onError stop at the first bad row, or collect every bad row
     * @return the rows, the problems and the notes, never null
     * @throws BillingInputException as {@link #readAll(Path, OnError)}
     * @throws UncheckedIOException if the channel cannot be read
     */
    public static ParquetReadResult<FocusRow> readAll(SeekableByteChannel channel, String source, OnError onError) {
        FocusParquetReader reader = new FocusParquetReader(channel, source, false);
        return result(reader, reader.readRows(requireNonNull(onError, "onError")));
    }

    /**
     * Reads a whole dataset as line items, mapped by
     * {@link org.cloudbilling.core.focus.FocusLineItems#toLineItem}, reading only the columns the mapping uses. A
     * row without an id gets {@code line-N}, N being the row's 1-based number plus one: the line it starts on in the
     * CSV form of the same data, so that both forms give the same line items.
     *
     * @param file the Parquet file, not null; its name is the source errors give
     * @param onError stop at the first bad row, or collect every bad row
     * @return the line items, the problems and the notes, never null
     * @throws BillingInputException as {@link #readAll(Path, OnError)}
     * @throws UncheckedIOException if the file cannot be read
     */
    public static ParquetReadResult<LineItem> readLineItems(Path file, OnError onError) {
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            return readLineItems(in, file.toString(), onError);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a whole dataset from a channel as line items; see {@link #readLineItems(Path, OnError)}.
     *
     * @param channel the Parquet bytes, not null; not closed
     * @param source the name errors give, not null
     * @param onError stop at the first bad row, or collect every bad row
     * @return the line items, the problems and the notes, never null
     */
    public static ParquetReadResult<LineItem> readLineItems(
            SeekableByteChannel channel, String source, OnError onError) {
        FocusParquetReader reader = new FocusParquetReader(channel, source, true);
        return result(reader, reader.readLineItems(requireNonNull(onError, "onError")));
    }

    /**
     * Collects a dataset's line items with {@code collector}, streaming: row group by row group, holding one row
     * group's pages of the columns the mapping uses and the collector's container, never a list of the items. The
     * items, their order and their ids are those of {@link #readLineItems(Path, OnError)}; the first bad row stops
     * the read with its error, and no result is returned.
     *
     * <pre>{@code
     * Rollup rollup = FocusParquet.collectLineItems(file, Consolidation.toRollup(grouping), System.err::println);
     * }</pre>
     *
     * @param file the Parquet file, not null; its name is the source errors give
     * @param collector what the items go to, in file order, not null
     * @param notes is given the notes on how the file is read (as {@link ParquetReadResult#notes()}) before the rows
     *     are, not null
     * @param <A> the collector's container
     * @param <R> the result
     * @return the collector's result
     * @throws BillingInputException at the first bad row, and whenever the file is not Parquet, is damaged or has a
     *     column of a type the reader cannot take
     * @throws UncheckedIOException if the file cannot be read
     */
    public static <A, R> R collectLineItems(
            Path file,
            java.util.stream.Collector<LineItem, A, R> collector,
            java.util.function.Consumer<String> notes) {
        requireNonNull(collector, "collector");
        requireNonNull(notes, "notes");
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            FocusParquetReader reader = new FocusParquetReader(in, file.toString(), true);
            reader.notes().forEach(notes);
            return reader.collectLineItems(collector);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Consolidates a dataset's line items by {@code grouping}: the totals of
     * {@code collectLineItems(file, Consolidation.toRollup(grouping), notes)}, to the last decimal, with the same
     * error for a bad row. A dataset grouped by FOCUS string columns (the library's own export, with its {@code x_}
     * columns, by the columns its item takes verbatim) is totalled straight from the column values, reading only the
     * columns the totals, the grouping and the line item's checks use; a column not read is not checked
     * (docs/formats.md, "Reading Parquet"). Any other grouping, or a row the mapping would refuse or read otherwise,
     * is read by {@link #collectLineItems}.
     *
     * <pre>{@code
     * Rollup bySubAccount = FocusParquet.consolidate(file, Grouping.by(Dimension.OWNER), System.err::println);
     * }</pre>
     *
     * @param file the Parquet file, not null; its name is the source errors give
     * @param grouping the dimensions, not null
     * @param notes is given the notes on how the file is read, once, before the rows are read, not null
     * @return the totals, never null
     * @throws BillingInputException as {@link #collectLineItems}
     * @throws UncheckedIOException if the file cannot be read
     */
    public static org.cloudbilling.core.consolidation.Rollup consolidate(
            Path file,
            org.cloudbilling.core.consolidation.Grouping grouping,
            java.util.function.Consumer<String> notes) {
        requireNonNull(grouping, "grouping");
        requireNonNull(notes, "notes");
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            FocusParquetReader reader = new FocusParquetReader(in, file.toString(), true);
            reader.notes().forEach(notes);
            org.cloudbilling.core.consolidation.Rollup fast = tally(file, reader, grouping);
            if (fast != null) {
                return fast;
            }
            return new FocusParquetReader(in, file.toString(), true)
                    .collectLineItems(org.cloudbilling.core.consolidation.Consolidation.toRollup(grouping));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fast path's totals, or null when the plain path must read the file: with two processors or more and two row
     * groups or more, the second half of the rows on a second thread, over a channel of its own, merged with the
     * first's. Any refusal on the fast path (a chunk that cannot be read) is left to the plain path, which gives the
     * first error in file order.
     */
    private static org.cloudbilling.core.consolidation.Rollup tally(
            Path file, FocusParquetReader reader, org.cloudbilling.core.consolidation.Grouping grouping) {
        List<org.apache.parquet.format.RowGroup> groups = reader.rowGroups();
        int n = groups.size();
        if (Runtime.getRuntime().availableProcessors() < 2 || n < 2) {
            return tallyOrNull(reader, grouping, 0, n);
        }
        long total = 0;
        for (org.apache.parquet.format.RowGroup g : groups) {
            total += g.getNum_rows();
        }
        int split = 1;
        long first = groups.get(0).getNum_rows();
        while (split < n - 1 && first + groups.get(split).getNum_rows() <= total / 2) {
            first += groups.get(split).getNum_rows();
            split++;
        }
        int at = split;
        Object[] second = new Object[1];
        Thread other = new Thread(
                () -> {
                    try (SeekableByteChannel in = Files.newByteChannel(file)) {
                        second[0] = tallyOrNull(new FocusParquetReader(in, file.toString(), true), grouping, at, n);
                    } catch (IOException | RuntimeException e) {
                        second[0] = null; // the plain path reads the file, and says what is wrong
                    }
                },
                "focus-parquet-tally");
        other.start();
        org.cloudbilling.core.consolidation.Rollup mine = tallyOrNull(reader, grouping, 0, at);
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while totalling " + file, e);
        }
        org.cloudbilling.core.consolidation.Rollup theirs = (org.cloudbilling.core.consolidation.Rollup) second[0];
        return mine == null || theirs == null ? null : mine.merge(theirs);
    }

    private static org.cloudbilling.core.consolidation.Rollup tallyOrNull(
            FocusParquetReader reader, org.cloudbilling.core.consolidation.Grouping grouping, int from, int to) {
        try {
            return FocusParquetTally.consolidate(reader, grouping, from, to);
        } catch (BillingInputException e) {
            return null; // the plain path gives the first error in file order
        }
    }

    /**
     * Returns a writer of a FOCUS Parquet file in the columns of {@code version} and then {@code extraColumns}, ZSTD
     * compressed, {@value FocusParquetWriter#DEFAULT_ROW_GROUP_ROWS} rows a row group; see
     * {@link FocusParquetWriter}.
     *
     * @param out where the file goes, not null; closed by the writer's {@link FocusParquetWriter#close()}
     * @param version the FOCUS version written, not null
     * @param extraColumns the columns written after the FOCUS ones (such as {@code x_AllocationUnit}), not null
     * @return the writer, never null
     * @throws IllegalArgumentException if an extra column is a FOCUS column, empty, or given twice
     * @throws java.io.UncheckedIOException if writing the magic number fails
     */
    public static FocusParquetWriter writer(OutputStream out, FocusVersion version, List<String> extraColumns) {
        return writer(
                out,
                version,
                extraColumns,
                FocusParquetWriter.Compression.ZSTD,
                FocusParquetWriter.DEFAULT_ROW_GROUP_ROWS);
    }

    /**
     * Returns a writer of a FOCUS Parquet file; see {@link #writer(OutputStream, FocusVersion, List)}.
     *
     * @param compression how pages are compressed, not null
     * @param rowGroupRows the rows of a row group, positive: what the writer holds in memory (a row group is cut
     *     earlier when its encoded pages reach 128 MiB)
     * @throws IllegalArgumentException if {@code rowGroupRows} is not positive, or an extra column is a FOCUS column,
     *     empty, or given twice
     */
    public static FocusParquetWriter writer(
            OutputStream out,
            FocusVersion version,
            List<String> extraColumns,
            FocusParquetWriter.Compression compression,
            int rowGroupRows) {
        return new FocusParquetWriter(out, version, extraColumns, compression, rowGroupRows);
    }

    private static <T> ParquetReadResult<T> result(FocusParquetReader reader, ReadResult<T> read) {
        return new ParquetReadResult<>(read, reader.notes(), reader.version());
    }
}
