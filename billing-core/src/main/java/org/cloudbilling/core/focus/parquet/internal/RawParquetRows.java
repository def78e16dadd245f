package org.cloudbilling.core.focus.parquet.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.io.BillingInputException;

/**
 * A Parquet dataset's rows as raw values, one row at a time, every column whatever its type: what a check of how
 * values are typed and written needs ({@link org.cloudbilling.core.focus.conformance.FocusConformance} reads Parquet
 * through it), where {@link FocusParquet} reads typed FOCUS rows. A value is a {@code String} (a string column; an
 * empty string kept), a {@code BigDecimal} with the column's scale (a DECIMAL), an {@code Integer} or {@code Long},
 * a {@code Double} or {@code Float}, a {@code Boolean}, an {@code Instant} (a TIMESTAMP), a
 * {@code Map<String, String>} (a MAP of strings), or null.
 *
 * <pre>{@code
 * try (RawParquetRows rows = RawParquetRows.open(Path.of("focus.parquet"))) {
 *     for (Object[] row = rows.next(); row != null; row = rows.next()) { ... }
 * }
 * }</pre>
 *
 * <p>Memory: one row group's pages of the columns. Not thread-safe. Not API (the module does not export this
 * package).
 */
public final class RawParquetRows implements AutoCloseable {
    static {
        ParquetReads.readParquet(); // before any Parquet type is linked, on the module path too
    }

    private final SeekableByteChannel channel;
    private final FocusParquetReader reader;
    private final FocusParquetReader.RawRows rows;

    private RawParquetRows(SeekableByteChannel channel, String source) {
        this.channel = channel;
        this.reader = FocusParquetReader.raw(channel, source);
        this.rows = reader.rawRows();
    }

    /**
     * Opens a Parquet file.
     *
     * @param file the file, not null; its name is the source errors give
     * @return the rows, to be closed; never null
     * @throws BillingInputException if the file is not Parquet, is damaged, or has a column of a type the reader
     *     cannot take (a nested group other than a MAP of strings, INT96), naming the file and the column
     * @throws UncheckedIOException if the file cannot be read
     */
    public static RawParquetRows open(Path file) {
        requireNonNull(file, "file");
        SeekableByteChannel in;
        try {
            in = Files.newByteChannel(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new RawParquetRows(in, file.toString());
        } catch (RuntimeException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Returns the column names, in the file's order; never null. */
    public String[] header() {
        return reader.rawHeader();
    }

    /** Returns the FOCUS version the columns show ({@link FocusVersion#detect}); never null. */
    public FocusVersion version() {
        return reader.version();
    }

    /**
     * Returns the next row's values, one per column of {@link #header()}, or null after the last row.
     *
     * @throws BillingInputException if the file's pages cannot be read or decoded, naming the row group and column
     */
    public Object[] next() {
        return rows.next();
    }

    /** Returns the 1-based number of the last row returned, counted over the whole file (0 before the first). */
    public long row() {
        return rows.row();
    }

    /** Closes the file. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
