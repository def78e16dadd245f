package org.cloudbilling.core.focus.parquet;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.impl.ColumnWriteStoreV1;
import org.apache.parquet.column.impl.ColumnWriteStoreV2;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DecimalType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.focus.parquet.internal.ParquetFile;
import org.cloudbilling.core.focus.parquet.internal.ParquetReads;

/**
 * Writes FOCUS rows as a Parquet file (FOCUS-10), in the columns of one FOCUS version and then the extra columns,
 * as {@link org.cloudbilling.core.focus.FocusCsvWriter} writes CSV. Column types: a decimal column (costs, prices,
 * quantities) is {@code DECIMAL(38, 18)} ({@link #DECIMAL_PRECISION}, {@link #DECIMAL_SCALE}; a
 * {@code FIXED_LEN_BYTE_ARRAY(16)}), exact: a value with more decimals or integer digits is refused, never rounded;
 * a date-time column is {@code INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true)}; a text column and every extra column
 * a {@code BINARY} string (UTF-8); Tags a {@code BINARY} string holding the tags' JSON object, as the CSV writes it.
 * Every column is {@code OPTIONAL}: a null is a Parquet null.
 *
 * <pre>{@code
 * try (FocusParquetWriter w = FocusParquet.writer(out, FocusVersion.V1_2, FocusLineItems.EXTRA_COLUMNS)) {
 *     rows.forEach(w::write);
 * }
 * }</pre>
 *
 * <p>Streaming: rows are encoded as they come (parquet-java's column writers, data pages version 1, dictionaries
 * where they pay) and a row group is written when it holds {@code rowGroupRows} rows, or 128 MiB of encoded
 * pages; memory is bounded by one row group, not the file. The footer is written by {@link #close()}: a file not
 * closed is not a Parquet file. Not thread-safe: one writer per output. Needs the optional Parquet dependencies;
 * no Hadoop.
 */
public final class FocusParquetWriter implements Closeable {
    static {
        ParquetReads.readParquet(); // before any Parquet type is linked, on the module path too
    }

    /** The precision of every decimal column: 38 digits, the most a 16-byte DECIMAL holds. */
    public static final int DECIMAL_PRECISION = 38;
    /**
     * The scale of every decimal column: 18 decimals, {@link org.cloudbilling.core.money.Money#MAX_SCALE}, so that
     * every amount money holds is written exactly; 20 digits are left before the point.
     */
    public static final int DECIMAL_SCALE = 18;
    /** The rows of a row group unless stated. */
    public static final int DEFAULT_ROW_GROUP_ROWS = 100_000;

    private static final int DECIMAL_BYTES = 16;
    /** A row group is also cut when its encoded pages reach this size, whatever its rows. */
    private static final long MAX_GROUP_BYTES = 128L << 20;
    /** How often (in rows) the encoded size is looked at. */
    private static final int SIZE_CHECK_ROWS = 1_000;

    /** How pages are compressed. */
    public enum Compression {
        /** No compression. */
        UNCOMPRESSED(CompressionCodec.UNCOMPRESSED),
        /** Snappy (aircompressor's pure-Java implementation). */
        SNAPPY(CompressionCodec.SNAPPY),
        /** Zstandard (aircompressor's pure-Java implementation). */
        ZSTD(CompressionCodec.ZSTD);

        final CompressionCodec codec;

        Compression(CompressionCodec codec) {
            this.codec = codec;
        }
    }

    private final Counting out;
    private final FocusVersion version;
    private final List<FocusColumn> columns;
    private final List<String> extraColumns;
    private final Compression compression;
    private final int rowGroupRows;
    private final MessageType schema;
    private final List<ColumnDescriptor> leaves;
    private final ParquetProperties properties;
    private final List<RowGroup> rowGroups = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final boolean pagesV2;

    private RowGroupPages pages;
    private ColumnWriteStore store;
    private ColumnWriter[] writers;
    private long groupRows;
    private long rows;
    private boolean closed;

    FocusParquetWriter(
            OutputStream out,
            FocusVersion version,
            List<String> extraColumns,
            Compression compression,
            int rowGroupRows) {
        this(
                out,
                version,
                extraColumns,
                compression,
                rowGroupRows,
                ParquetProperties.builder()
                        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                        .withStatisticsEnabled(false)
                        .withSizeStatisticsEnabled(false)
                        .build(),
                false);
    }

    /**
     * A writer whose column writers follow {@code properties} (the tests' other encodings: delta pages, one row per
     * page), writing data pages of version 2 if {@code pagesV2} (levels uncompressed before the values, as
     * parquet-java's version 2 writer writes them), else of version 1: the tests' and the fuzzing seeds' other files.
     */
    FocusParquetWriter(
            OutputStream out,
            FocusVersion version,
            List<String> extraColumns,
            Compression compression,
            int rowGroupRows,
            ParquetProperties properties,
            boolean pagesV2) {
        requireNonNull(out, "out");
        this.pagesV2 = pagesV2;
        this.version = requireNonNull(version, "version");
        this.columns = version.columns();
        this.extraColumns = List.copyOf(requireNonNull(extraColumns, "extraColumns"));
        this.compression = requireNonNull(compression, "compression");
        checkArgument(rowGroupRows > 0, "rowGroupRows is not positive: %s", rowGroupRows);
        this.rowGroupRows = rowGroupRows;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (FocusColumn c : columns) {
            names.add(c.header());
        }
        for (String extra : this.extraColumns) {
            checkArgument(FocusColumn.of(extra).isEmpty(), "%s is a FOCUS column, not an extra one", extra);
            checkArgument(!extra.isEmpty(), "an extra column has no name");
            checkArgument(names.add(extra), "extra column %s appears twice", extra);
        }
        List<org.apache.parquet.schema.Type> fields = new ArrayList<>();
        for (FocusColumn c : columns) {
            fields.add(field(c.type(), c.header()));
        }
        for (String extra : this.extraColumns) {
            fields.add(field(FocusColumn.Type.STRING, extra));
        }
        this.schema = new MessageType("schema", fields);
        this.leaves = schema.getColumns();
        this.properties = requireNonNull(properties, "properties");
        this.out = new Counting(out);
        try {
            this.out.write(ParquetFile.MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startGroup();
    }

    private static org.apache.parquet.schema.Type field(FocusColumn.Type type, String name) {
        switch (type) {
            case STRING:
            case JSON:
                return Types.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType())
                        .named(name);
            case DECIMAL:
                return Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                        .length(DECIMAL_BYTES)
                        .as(LogicalTypeAnnotation.decimalType(DECIMAL_SCALE, DECIMAL_PRECISION))
                        .named(name);
            case DATETIME:
                return Types.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(name);
            default:
                throw new AssertionError("bug: unknown column type " + type);
        }
    }

    /**
     * Writes one row. A row refused writes nothing: every value is checked before any is written.
     *
     * @param row the row, not null; its extra columns must be among the writer's
     * @throws IllegalArgumentException if the row has an extra column the writer does not, a value in a column of a
     *     later FOCUS version than the writer's (never dropped silently), a decimal with more than
     *     {@value #DECIMAL_SCALE} decimals or {@value #DECIMAL_PRECISION} digits in all (never rounded), or an
     *     instant finer than a microsecond or beyond the range of a 64-bit count of microseconds; the message names
     *     the column
     * @throws IllegalStateException if the writer is closed
     * @throws UncheckedIOException if writing fails
     */
    public void write(FocusRow row) {
        requireNonNull(row, "row");
        checkState(!closed, "the writer is closed");
        version.requireColumnsOf(row, extraColumns);
        Object[] cells = new Object[columns.size() + extraColumns.size()];
        for (int i = 0; i < columns.size(); i++) {
            cells[i] = cell(row, columns.get(i));
        }
        for (int i = 0; i < extraColumns.size(); i++) {
            String v = row.extra().get(extraColumns.get(i));
            cells[columns.size() + i] = v == null ? null : Binary.fromString(v);
        }
        for (int i = 0; i < cells.length; i++) {
            Object v = cells[i];
            if (v == null) {
                writers[i].writeNull(0, 0);
            } else if (v instanceof Long l) {
                writers[i].write(l, 0, 1);
            } else {
                writers[i].write((Binary) v, 0, 1);
            }
        }
        store.endRecord();
        groupRows++;
        rows++;
        if (groupRows >= rowGroupRows
                || (groupRows % SIZE_CHECK_ROWS == 0
                        && store.getBufferedSize() + pages.bufferedBytes() >= MAX_GROUP_BYTES)) {
            writeGroup();
            startGroup();
        }
    }

    private Object cell(FocusRow row, FocusColumn c) {
        if (row.isNull(c)) {
            return null;
        }
        switch (c.type()) {
            case STRING:
                return Binary.fromString(row.text(c).orElseThrow());
            case DECIMAL:
                return decimal(c, row.decimal(c).orElseThrow());
            case DATETIME:
                return micros(c, row.instant(c).orElseThrow());
            case JSON:
                try {
                    return Binary.fromString(json.writeValueAsString(row.tags().orElseThrow()));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("bug: tags could not be written", e);
                }
            default:
                throw new AssertionError("bug: unknown column type " + c.type());
        }
    }

    /** The value as the 16 bytes of its unscaled value at {@link #DECIMAL_SCALE}, big-endian two's complement. */
    static Binary decimal(FocusColumn c, BigDecimal value) {
        BigDecimal scaled;
        try {
            scaled = value.setScale(DECIMAL_SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(c.header() + " " + value.toPlainString() + " has more than "
                    + DECIMAL_SCALE + " decimals, more than its DECIMAL(" + DECIMAL_PRECISION + ", " + DECIMAL_SCALE
                    + ") column holds; nothing is rounded");
        }
        if (scaled.precision() > DECIMAL_PRECISION) {
            throw new IllegalArgumentException(c.header() + " " + value.toPlainString() + " has more than "
                    + (DECIMAL_PRECISION - DECIMAL_SCALE) + " digits before the point, more than its DECIMAL("
                    + DECIMAL_PRECISION + ", " + DECIMAL_SCALE + ") column holds");
        }
        BigInteger unscaled = scaled.unscaledValue();
        byte[] minimal = unscaled.toByteArray();
        byte[] bytes = new byte[DECIMAL_BYTES];
        byte fill = (byte) (unscaled.signum() < 0 ? 0xFF : 0x00);
        int pad = DECIMAL_BYTES - minimal.length;
        for (int i = 0; i < pad; i++) {
            bytes[i] = fill;
        }
        System.arraycopy(minimal, 0, bytes, pad, minimal.length);
        return Binary.fromConstantByteArray(bytes);
    }

    private static Long micros(FocusColumn c, Instant t) {
        if (t.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException(
                    c.header() + " " + t + " has fractions of a microsecond, finer than its TIMESTAMP(MICROS) column");
        }
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    c.header() + " " + t + " is beyond the range of a TIMESTAMP(MICROS) column");
        }
    }

    private void startGroup() {
        pages = new RowGroupPages(compression);
        store = pagesV2
                ? new ColumnWriteStoreV2(schema, pages, properties)
                : new ColumnWriteStoreV1(schema, pages, properties);
        writers = new ColumnWriter[leaves.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = store.getColumnWriter(leaves.get(i));
        }
        groupRows = 0;
    }

    private void writeGroup() {
        store.flush();
        try {
            long start = out.count;
            List<ColumnChunk> chunks = new ArrayList<>();
            long uncompressed = 0;
            for (ColumnDescriptor leaf : leaves) {
                ColumnChunk chunk = pages.of(leaf).writeTo(out, leaf, compression.codec);
                uncompressed += chunk.getMeta_data().getTotal_uncompressed_size();
                chunks.add(chunk);
            }
            RowGroup group = new RowGroup(chunks, uncompressed, groupRows);
            group.setFile_offset(start);
            group.setTotal_compressed_size(out.count - start);
            group.setOrdinal((short) Math.min(rowGroups.size(), Short.MAX_VALUE));
            rowGroups.add(group);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.close();
        }
    }

    /** Returns the FOCUS version written. */
    public FocusVersion version() {
        return version;
    }

    /** Returns the rows written so far. */
    public long rows() {
        return rows;
    }

    /**
     * Writes the last row group and the footer, then closes the output stream. Closing twice does nothing.
     *
     * @throws UncheckedIOException if writing fails
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream o = out) {
            if (groupRows > 0) {
                writeGroup();
            } else {
                store.close();
            }
            FileMetaData meta = new FileMetaData(1, schemaElements(), rows, rowGroups);
            meta.setCreated_by("cloudbilling (FOCUS " + version + ")");
            long start = out.count;
            Util.writeFileMetaData(meta, out);
            long footer = out.count - start;
            out.write(
                    new byte[] {(byte) footer, (byte) (footer >>> 8), (byte) (footer >>> 16), (byte) (footer >>> 24)});
            out.write(ParquetFile.MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SchemaElement> schemaElements() {
        List<SchemaElement> out = new ArrayList<>();
        SchemaElement root = new SchemaElement("schema");
        root.setNum_children(columns.size() + extraColumns.size());
        out.add(root);
        for (FocusColumn c : columns) {
            out.add(element(c.type(), c.header()));
        }
        for (String extra : extraColumns) {
            out.add(element(FocusColumn.Type.STRING, extra));
        }
        return out;
    }

    private static SchemaElement element(FocusColumn.Type type, String name) {
        SchemaElement e = new SchemaElement(name);
        e.setRepetition_type(FieldRepetitionType.OPTIONAL);
        switch (type) {
            case STRING:
            case JSON:
                e.setType(Type.BYTE_ARRAY);
                e.setConverted_type(ConvertedType.UTF8);
                e.setLogicalType(LogicalType.STRING(new StringType()));
                break;
            case DECIMAL:
                e.setType(Type.FIXED_LEN_BYTE_ARRAY);
                e.setType_length(DECIMAL_BYTES);
                e.setConverted_type(ConvertedType.DECIMAL);
                e.setScale(DECIMAL_SCALE);
                e.setPrecision(DECIMAL_PRECISION);
                e.setLogicalType(LogicalType.DECIMAL(
                        new DecimalType().setScale(DECIMAL_SCALE).setPrecision(DECIMAL_PRECISION)));
                break;
            case DATETIME:
                e.setType(Type.INT64);
                e.setConverted_type(ConvertedType.TIMESTAMP_MICROS);
                e.setLogicalType(LogicalType.TIMESTAMP(new TimestampType(true, TimeUnit.MICROS(new MicroSeconds()))));
                break;
            default:
                throw new AssertionError("bug: unknown column type " + type);
        }
        return e;
    }

    /** The output, counting the bytes written: the offsets the footer gives. */
    static final class Counting extends java.io.FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
