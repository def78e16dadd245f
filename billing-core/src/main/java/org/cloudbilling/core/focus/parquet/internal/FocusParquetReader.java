package org.cloudbilling.core.focus.parquet.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.Type;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.focus.parquet.internal.ParquetFile.ParquetFormatError;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.io.internal.TagJson;
import org.cloudbilling.core.money.Money;

/** Reads one Parquet FOCUS dataset; see {@link FocusParquet}. Not thread-safe: one reader per input. */
public final class FocusParquetReader {
    /**
     * The FOCUS columns a line item cannot do without: the line-item read needs them of the right type; any other
     * FOCUS column (EffectiveCost, ContractedCost, PricingQuantity/Unit, the attributes) is left out with a note when
     * its type is wrong.
     */
    private static final Set<FocusColumn> LINE_ITEM_COLUMNS = Set.of(
            FocusColumn.BILLED_COST,
            FocusColumn.BILLING_ACCOUNT_ID,
            FocusColumn.BILLING_CURRENCY,
            FocusColumn.CHARGE_CATEGORY,
            FocusColumn.CHARGE_PERIOD_END,
            FocusColumn.CHARGE_PERIOD_START,
            FocusColumn.CONSUMED_QUANTITY,
            FocusColumn.CONSUMED_UNIT,
            FocusColumn.LIST_COST,
            FocusColumn.REGION_ID,
            FocusColumn.RESOURCE_ID,
            FocusColumn.SERVICE_NAME,
            FocusColumn.SKU_ID,
            FocusColumn.SUB_ACCOUNT_ID,
            FocusColumn.TAGS);

    /** The most converted values a column keeps for its chunk's dictionary entries. */
    private static final int CACHED_VALUES = 4096;

    /** The most bytes a binary DECIMAL may have: 64 bytes hold 154 digits, far more than money holds. */
    private static final int MAX_DECIMAL_BYTES = 64;
    /** The largest DECIMAL scale and precision a schema may give. */
    private static final int MAX_DECIMAL_DIGITS = 1000;

    private final String source;
    private final ParquetFile file;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final MessageType schema;
    private final FocusVersion version;
    /**
     * Raw-row mode ({@link #rawRows()}): every column read whatever its type, each value as the file holds it, for
     * the conformance checks; no column is required.
     */
    private final boolean raw;

    /** How a column's values become a row's. */
    public enum Kind {
        TEXT,
        BOOLEAN,
        INTEGER32,
        INTEGER64,
        DECIMAL32,
        DECIMAL64,
        DECIMAL_BYTES,
        DOUBLE,
        FLOAT,
        TIMESTAMP,
        MAP
    }

    /** One top-level column read. */
    public static final class Column {
        final String name;
        final int position;
        final FocusColumn focus;
        final Kind kind;
        final int scale;
        /** For TIMESTAMP: the units in a second (1000, 1000000 or 1000000000). */
        final long perSecond;

        final List<String[]> paths = new ArrayList<>();
        final List<ColumnDescriptor> leaves = new ArrayList<>();
        /** For MAP: the definition level at which the map is present, and at which an entry is. */
        int mapDefined;

        int entryDefined;

        /** For MAP: the key values read so far in the current row group. */
        long keysRead;

        /**
         * For a BINARY or FIXED_LEN_BYTE_ARRAY column: each value's converted form (String, BigDecimal, tags),
         * keyed by the identity of the value parquet-java hands over, which is one object per dictionary entry in a
         * dictionary-encoded chunk; so a value is decoded, converted and checked once per column chunk, not once per
         * row. Emptied at each row group; when it grows past {@link #CACHED_VALUES} (a chunk of plain-encoded
         * values, where every value is a new object, or of very many distinct values) it is dropped for the rest of
         * the chunk.
         */
        final java.util.IdentityHashMap<org.apache.parquet.io.api.Binary, Object> converted =
                new java.util.IdentityHashMap<>();

        /** Whether {@link #converted} is used in the current column chunk. */
        boolean caching;

        Column(String name, int position, FocusColumn focus, Kind kind, int scale, long perSecond) {
            this.name = name;
            this.position = position;
            this.focus = focus;
            this.kind = kind;
            this.scale = scale;
            this.perSecond = perSecond;
        }
    }

    /** A schema node of the file. */
    private static final class Node {
        final SchemaElement element;
        final List<Node> children = new ArrayList<>();

        Node(SchemaElement element) {
            this.element = element;
        }

        boolean isGroup() {
            return element.isSetNum_children() && element.getNum_children() > 0 || !element.isSetType();
        }
    }

    public FocusParquetReader(SeekableByteChannel channel, String source, boolean lineItemsOnly) {
        this(channel, source, lineItemsOnly, false);
    }

    /** A reader in raw-row mode: see {@link #rawRows()}. */
    public static FocusParquetReader raw(SeekableByteChannel channel, String source) {
        return new FocusParquetReader(channel, source, false, true);
    }

    private FocusParquetReader(SeekableByteChannel channel, String source, boolean lineItemsOnly, boolean raw) {
        this.raw = raw;
        this.source = java.util.Objects.requireNonNull(source, "source");
        java.util.Objects.requireNonNull(channel, "channel");
        try {
            this.file = ParquetFile.open(channel);
            List<Node> top = topLevel(file.meta().getSchema());
            List<String> problems = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Set<FocusColumn> present = new HashSet<>();
            List<org.apache.parquet.schema.Type> fields = new ArrayList<>();
            for (int i = 0; i < top.size(); i++) {
                Node n = top.get(i);
                String name = n.element.getName();
                if (!seen.add(name)) {
                    problems.add("column " + name + " appears twice");
                    continue;
                }
                FocusColumn focus = FocusColumn.of(name).orElse(null);
                if (focus != null) {
                    present.add(focus);
                }
                // a line item keeps every FOCUS column (its attributes): the line-item read leaves out only the
                // extra columns the mapping does not use
                boolean wanted = !lineItemsOnly
                        || focus != null
                        || FocusLineItems.EXTRA_COLUMNS.contains(name)
                        || name.equals("Id");
                if (!wanted) {
                    continue;
                }
                try {
                    Column c = column(n, i + 1, focus);
                    columns.add(c);
                    fields.add(type(n));
                } catch (ParquetFormatError e) {
                    if (lineItemsOnly && focus != null && !LINE_ITEM_COLUMNS.contains(focus)) {
                        // a column the line item only carries (an attribute): told, not carried, not fatal
                        notes.add(e.getMessage() + "; not carried by the line items");
                    } else {
                        problems.add(e.getMessage());
                    }
                }
            }
            List<String> missing = new ArrayList<>();
            for (FocusColumn c : FocusColumn.values()) {
                if (c.isRequired() && !present.contains(c)) {
                    missing.add(c.header());
                }
            }
            if (!missing.isEmpty() && !raw) {
                problems.add("the file lacks FOCUS columns that may never be null: " + missing);
            }
            if (!problems.isEmpty()) {
                throw new BillingInputException(InputProblem.ofLine(source, 0, String.join("; ", problems)));
            }
            this.version = FocusVersion.detect(seen);
            this.schema = new MessageType("schema", fields);
            for (Column c : columns) {
                for (String[] path : c.paths) {
                    c.leaves.add(schema.getColumnDescription(path));
                }
                if (c.kind == Kind.MAP) {
                    GroupType map = schema.getType(c.name).asGroupType();
                    c.mapDefined = map.isRepetition(org.apache.parquet.schema.Type.Repetition.OPTIONAL) ? 1 : 0;
                    c.entryDefined = c.mapDefined + 1;
                }
                if ((c.kind == Kind.DOUBLE || c.kind == Kind.FLOAT) && !raw) {
                    notes.add("column " + c.name + " is " + c.kind
                            + ": each value is read by its shortest decimal form ("
                            + (c.kind == Kind.DOUBLE ? "Double.toString" : "Float.toString")
                            + "), which may not be the amount billed; a DECIMAL column is read exactly");
                }
            }
        } catch (ParquetFormatError e) {
            throw new BillingInputException(InputProblem.ofLine(source, 0, e.getMessage()));
        } catch (BillingInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // a schema parquet-java's own types refuse (a group without fields, a bad length, ...)
            throw new BillingInputException(
                    InputProblem.ofLine(source, 0, "the Parquet schema cannot be read: " + ParquetFile.message(e)));
        } catch (java.io.EOFException e) {
            throw new BillingInputException(
                    InputProblem.ofLine(source, 0, "the Parquet file is truncated: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReadResult<FocusRow> readRows(OnError onError) {
        return read(onError, (row, number, where) -> row);
    }

    public ReadResult<LineItem> readLineItems(OnError onError) {
        return read(onError, this::lineItem);
    }

    /** The columns read, in the file's order; never null. */
    public List<Column> columns() {
        return columns;
    }

    /** The row groups of the file; never null. */
    public List<RowGroup> rowGroups() {
        return file.meta().getRow_groups();
    }

    /** The name errors give. */
    public String source() {
        return source;
    }

    /** Raw-row mode: the column names, in the file's order. */
    public String[] rawHeader() {
        String[] out = new String[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = columns.get(i).name;
        }
        return out;
    }

    /** Raw-row mode: the FOCUS version the columns show. */
    public FocusVersion version() {
        return version;
    }

    /**
     * Raw-row mode: the rows one at a time, in file order, each value as the file holds it: a string column's value a
     * {@code String} (an empty string kept), a DECIMAL a {@code BigDecimal} of the column's scale, an integer an
     * {@code Integer} or {@code Long}, a DOUBLE or FLOAT a {@code Double} or {@code Float}, a BOOLEAN a
     * {@code Boolean}, a TIMESTAMP an {@code Instant}, a MAP of strings a {@code Map<String, String>} (one whose keys
     * repeat or whose values are null a {@code String} naming the fault); null for a null. Memory: one row group's
     * pages of the columns.
     */
    public RawRows rawRows() {
        if (!raw) {
            throw new IllegalStateException("bug: the reader is not in raw-row mode");
        }
        return new RawRows();
    }

    /** The rows of a raw-mode reader; see {@link #rawRows()}. */
    public final class RawRows {
        private final List<RowGroup> groups = file.meta().getRow_groups();
        private int group = -1;
        private long left;
        private long row;
        private ColumnReader[][] readers;
        private String where = "";

        private RawRows() {}

        /**
         * Returns the next row's values, one per column of {@link #rawHeader()}, or null after the last row.
         *
         * @throws BillingInputException if the pages cannot be read or decoded (naming the row group and column)
         */
        Object[] next() {
            while (left == 0) {
                if (group + 1 >= groups.size()) {
                    return null;
                }
                group++;
                RowGroup g = groups.get(group);
                where = "row group " + (group + 1) + " of " + groups.size();
                readers = readers(g, where, row);
                left = g.getNum_rows();
            }
            left--;
            row++;
            return rawRow(readers, row, where);
        }

        /** The 1-based number of the last row returned, counted over the whole file. */
        long row() {
            return row;
        }
    }

    private Object[] rawRow(ColumnReader[][] readers, long row, String where) {
        Object[] out = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Object[] value = new Object[1];
            try {
                if (c.kind == Kind.MAP) {
                    readMap(c, readers[i][0], readers[i][1], value);
                } else {
                    ColumnReader r = readers[i][0];
                    if (r.getCurrentDefinitionLevel() == c.leaves.get(0).getMaxDefinitionLevel()) {
                        value[0] = value(c, r);
                    }
                    r.consume();
                }
            } catch (RuntimeException e) {
                throw undecodable(c, row, where, e);
            }
            out[i] = value[0] == null ? null : rawValue(c, value[0], row, where);
        }
        return out;
    }

    private Object rawValue(Column c, Object v, long row, String where) {
        switch (c.kind) {
            case TEXT:
                return utf8((byte[]) v);
            case DECIMAL32:
                return BigDecimal.valueOf((Integer) v, c.scale);
            case DECIMAL64:
                return BigDecimal.valueOf((Long) v, c.scale);
            case DECIMAL_BYTES: {
                byte[] bytes = (byte[]) v;
                if (bytes.length > MAX_DECIMAL_BYTES) {
                    throw new BillingInputException(InputProblem.ofCell(
                            source,
                            row,
                            c.position,
                            c.name,
                            "(" + bytes.length + " bytes)",
                            "a decimal of " + bytes.length + " bytes has more digits than an amount holds (" + where
                                    + ")"));
                }
                return bytes.length == 0
                        ? BigDecimal.ZERO.setScale(c.scale)
                        : new BigDecimal(new BigInteger(bytes), c.scale);
            }
            case TIMESTAMP:
                return instant(c, (Long) v);
            case MAP:
                return v instanceof BadTags bad ? "not a map of tags: " + bad.reason : v;
            default:
                return v; // Integer, Long, Double, Float, Boolean
        }
    }

    private interface Mapping<T> {
        T map(FocusRow row, long number, String where);
    }

    private <T> ReadResult<T> read(OnError onError, Mapping<T> mapping) {
        List<T> out = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        forEach(onError, mapping, out::add, problems);
        return ReadResult.of(out, problems);
    }

    /** The notes on how the file is read (a DOUBLE cost column, a column left out), known once the reader is open. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Collects the line items row group by row group, holding one row group's pages of the columns and the
     * collector's container, never the items; stops at the first bad row.
     */
    public <A, R> R collectLineItems(java.util.stream.Collector<LineItem, A, R> collector) {
        A container = collector.supplier().get();
        java.util.function.BiConsumer<A, LineItem> add = collector.accumulator();
        forEach(OnError.FAIL, this::lineItem, item -> add.accept(container, item), new ArrayList<>());
        return collector.finisher().apply(container);
    }

    private LineItem lineItem(FocusRow row, long number, String where) {
        try {
            return FocusLineItems.toLineItem(row, LineItemId.of("line-" + (number + 1)));
        } catch (org.cloudbilling.core.io.internal.BadCellException e) {
            // a value the row holds but its item cannot take (a cost of 19 decimals): a problem of its cell
            for (Column c : columns) {
                if (c.name.equals(e.column())) {
                    throw new BillingInputException(InputProblem.ofCell(
                            source, number, c.position, c.name, e.value(), e.reason() + " (" + where + ")"));
                }
            }
            throw new BillingInputException(InputProblem.ofLine(source, number, e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BillingInputException(InputProblem.ofLine(source, number, e.getMessage()));
        }
    }

    private <T> void forEach(
            OnError onError, Mapping<T> mapping, java.util.function.Consumer<T> sink, List<InputProblem> problems) {
        long row = 0;
        List<RowGroup> groups = file.meta().getRow_groups();
        for (int g = 0; g < groups.size(); g++) {
            RowGroup group = groups.get(g);
            String where = "row group " + (g + 1) + " of " + groups.size();
            ColumnReader[][] readers = readers(group, where, row);
            long rows = group.getNum_rows();
            for (long r = 0; r < rows; r++) {
                row++;
                T value;
                try {
                    value = mapping.map(row(readers, row, where), row, where);
                } catch (BillingInputException e) {
                    if (onError == OnError.FAIL) {
                        throw e;
                    }
                    problems.addAll(e.problems());
                    continue;
                }
                sink.accept(value);
            }
        }
    }

    private ColumnReader[][] readers(RowGroup group, String where, long rowsBefore) {
        return readers(group, where, rowsBefore, columns, null);
    }

    /**
     * The readers of {@code wanted}'s column chunks in {@code group}, each with {@code converter} when not null (one
     * per column, for a single-leaf column), or a converter of no use; a chunk that is missing, of the wrong type or
     * cannot be read is a {@link BillingInputException} naming the row group and the column.
     */
    public ColumnReader[][] readers(
            RowGroup group,
            String where,
            long rowsBefore,
            List<Column> wanted,
            java.util.function.IntFunction<PrimitiveConverter> converter) {
        Map<String, ColumnChunk> chunks = chunks(group);
        ColumnReader[][] readers = new ColumnReader[wanted.size()][];
        for (int i = 0; i < wanted.size(); i++) {
            Column c = wanted.get(i);
            readers[i] = new ColumnReader[c.leaves.size()];
            for (int j = 0; j < c.leaves.size(); j++) {
                ColumnDescriptor leaf = c.leaves.get(j);
                ParquetFile.Pages pages = pages(group, chunks, where, rowsBefore, c, leaf);
                try {
                    readers[i][j] = new ColumnReaderImpl(
                            leaf, pages, converter == null ? new PrimitiveConverter() {} : converter.apply(i), null);
                } catch (RuntimeException e) {
                    throw new BillingInputException(InputProblem.ofLine(
                            source,
                            rowsBefore + 1,
                            where + ", column " + c.name + ": its pages cannot be decoded: " + ParquetFile.message(e)));
                }
            }
        }
        return readers;
    }

    /** The column chunks of {@code group} by their path in the schema (joined by NUL). */
    Map<String, ColumnChunk> chunks(RowGroup group) {
        Map<String, ColumnChunk> chunks = new HashMap<>();
        if (group.getColumns() != null) {
            for (ColumnChunk chunk : group.getColumns()) {
                if (chunk.getMeta_data() != null && chunk.getMeta_data().getPath_in_schema() != null) {
                    chunks.put(String.join("\u0000", chunk.getMeta_data().getPath_in_schema()), chunk);
                }
            }
        }
        return chunks;
    }

    /**
     * The pages of {@code leaf}'s column chunk in {@code group} (of {@code c}, whose per-chunk state is reset); a chunk
     * that is missing, of the wrong type or cannot be read is a {@link BillingInputException} naming the row group and
     * the column.
     */
    ParquetFile.Pages pages(
            RowGroup group,
            Map<String, ColumnChunk> chunks,
            String where,
            long rowsBefore,
            Column c,
            ColumnDescriptor leaf) {
        c.keysRead = 0;
        c.converted.clear();
        c.caching = true;
        String problem;
        try {
            ColumnChunk chunk = chunks.get(String.join("\u0000", leaf.getPath()));
            if (chunk == null) {
                problem = "the file has no data for the column";
            } else if (chunk.getMeta_data().getType() == null
                    || primitive(chunk.getMeta_data().getType())
                            != leaf.getPrimitiveType().getPrimitiveTypeName()) {
                problem = "its data is " + chunk.getMeta_data().getType() + ", its schema "
                        + leaf.getPrimitiveType().getPrimitiveTypeName();
            } else if (leaf.getMaxRepetitionLevel() == 0
                    && chunk.getMeta_data().getNum_values() != group.getNum_rows()) {
                problem = "it has " + chunk.getMeta_data().getNum_values() + " values for " + group.getNum_rows()
                        + " rows";
            } else {
                return file.pages(group, chunk, leaf);
            }
        } catch (ParquetFormatError e) {
            problem = e.getMessage();
        } catch (java.io.EOFException e) {
            problem = "the file is truncated: " + e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            problem = "its pages cannot be decoded: " + ParquetFile.message(e);
        }
        throw new BillingInputException(
                InputProblem.ofLine(source, rowsBefore + 1, where + ", column " + c.name + ": " + problem));
    }

    /** The refusal of a row whose values in column {@code c} cannot be decoded: the file is damaged. */
    private BillingInputException undecodable(Column c, long row, String where, RuntimeException e) {
        return new BillingInputException(InputProblem.ofLine(
                source,
                row,
                where + ", column " + c.name + ": the values cannot be decoded: " + ParquetFile.message(e)));
    }

    private FocusRow row(ColumnReader[][] readers, long row, String where) {
        FocusRow.Builder b = FocusRow.builder();
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Object[] raw = new Object[1];
            org.apache.parquet.io.api.Binary binary = null;
            try {
                if (c.kind == Kind.MAP) {
                    readMap(c, readers[i][0], readers[i][1], raw);
                } else {
                    ColumnReader r = readers[i][0];
                    if (r.getCurrentDefinitionLevel() == c.leaves.get(0).getMaxDefinitionLevel()) {
                        if (c.kind == Kind.TEXT || c.kind == Kind.DECIMAL_BYTES) {
                            binary = r.getBinary();
                            Object known = c.caching ? c.converted.get(binary) : null;
                            raw[0] = known != null ? known : binary.getBytes();
                        } else {
                            raw[0] = value(c, r);
                        }
                    }
                    r.consume();
                }
            } catch (RuntimeException e) {
                // the pages lie about their values: the file is damaged, no partial result
                throw undecodable(c, row, where, e);
            }
            if (raw[0] == null) {
                continue;
            }
            try {
                Object value = raw[0] instanceof byte[] ? convert(c, raw[0]) : raw[0];
                if (binary != null && c.caching && raw[0] instanceof byte[]) {
                    if (c.converted.size() >= CACHED_VALUES) {
                        c.converted.clear();
                        c.caching = false;
                    } else {
                        c.converted.put(binary, value);
                    }
                }
                put(b, c, value);
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.ofCell(
                        source, row, c.position, c.name, shown(raw[0]), e.getMessage() + " (" + where + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new BillingInputException(problems);
        }
        return b.build();
    }

    private static Object value(Column c, ColumnReader r) {
        switch (c.leaves.get(0).getPrimitiveType().getPrimitiveTypeName()) {
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                return r.getBinary().getBytes();
            case INT32:
                return r.getInteger();
            case INT64:
                return r.getLong();
            case DOUBLE:
                return r.getDouble();
            case FLOAT:
                return r.getFloat();
            case BOOLEAN:
                return r.getBoolean();
            default:
                throw new IllegalStateException("bug: column " + c.name + " has an unread type");
        }
    }

    private static void readMap(Column c, ColumnReader keys, ColumnReader values, Object[] raw) {
        int keyDefined = c.leaves.get(0).getMaxDefinitionLevel();
        int valueDefined = c.leaves.get(1).getMaxDefinitionLevel();
        int d = keys.getCurrentDefinitionLevel();
        if (d < c.mapDefined) {
            consume(c, keys, values);
            return;
        }
        Map<String, String> map = new LinkedHashMap<>();
        raw[0] = map;
        if (d < c.entryDefined) {
            consume(c, keys, values);
            return;
        }
        do {
            if (keys.getCurrentDefinitionLevel() < keyDefined) {
                throw new IllegalArgumentException("a tag key is null");
            }
            String key = utf8(keys.getBinary().getBytes());
            String value = values.getCurrentDefinitionLevel() < valueDefined
                    ? null
                    : utf8(values.getBinary().getBytes());
            if (map.containsKey(key) || value == null) {
                raw[0] = new BadTags(
                        value == null ? "the value of tag '" + key + "' is null" : "tag '" + key + "' appears twice");
            } else if (raw[0] == map) {
                map.put(key, value);
            }
            consume(c, keys, values);
        } while (c.keysRead < keys.getTotalValueCount() && keys.getCurrentRepetitionLevel() > 0);
    }

    private static void consume(Column c, ColumnReader keys, ColumnReader values) {
        keys.consume();
        values.consume();
        c.keysRead++;
    }

    /** A MAP of tags that cannot be a row's tags, kept until the row is assembled. */
    private static final class BadTags {
        final String reason;

        BadTags(String reason) {
            this.reason = reason;
        }

        @Override
        public String toString() {
            return "(map)";
        }
    }

    /**
     * Converts a value as read (a {@code byte[]} of a BINARY or FIXED_LEN_BYTE_ARRAY column, a number, a tag map) to
     * what the row builder takes for the column: a String, a BigDecimal, an Instant, or the tags.
     *
     * @throws IllegalArgumentException if the value is not one of the column's
     */
    private Object convert(Column c, Object raw) {
        if (raw instanceof BadTags) {
            throw new IllegalArgumentException(((BadTags) raw).reason);
        }
        if (c.focus == null) {
            return text(c, raw);
        }
        switch (c.focus.type()) {
            case STRING:
                return utf8((byte[]) raw);
            case DECIMAL:
                return decimal(c, raw);
            case DATETIME:
                return instant(c, (Long) raw);
            case JSON:
                return c.kind == Kind.MAP ? raw : tags(utf8((byte[]) raw));
            default:
                throw new AssertionError("bug: unknown column type " + c.focus.type());
        }
    }

    /** Sets a column's converted value ({@link #convert}, or a value as read that needs no conversion). */
    @SuppressWarnings("unchecked")
    private void put(FocusRow.Builder b, Column c, Object value) {
        if (!(value instanceof String
                || value instanceof BigDecimal
                || value instanceof Instant
                || value instanceof Map)) {
            value = convert(c, value);
        }
        if (c.focus == null) {
            String text = (String) value;
            if (!text.isEmpty()) {
                b.extra(c.name, text);
            }
            return;
        }
        switch (c.focus.type()) {
            case STRING: {
                String text = (String) value;
                if (!text.isEmpty()) {
                    b.set(c.focus, text);
                }
                break;
            }
            case DECIMAL:
                b.set(c.focus, (BigDecimal) value);
                break;
            case DATETIME:
                b.set(c.focus, (Instant) value);
                break;
            case JSON:
                b.tags((Map<String, String>) value);
                break;
            default:
                throw new AssertionError("bug: unknown column type " + c.focus.type());
        }
    }

    private static String text(Column c, Object raw) {
        switch (c.kind) {
            case TEXT:
                return utf8((byte[]) raw);
            case BOOLEAN:
            case INTEGER32:
            case INTEGER64:
                return raw.toString();
            default:
                return decimal(c, raw).toPlainString();
        }
    }

    public static BigDecimal decimal(Column c, Object raw) {
        BigDecimal value;
        switch (c.kind) {
            case DECIMAL32:
                value = BigDecimal.valueOf((Integer) raw, c.scale);
                break;
            case DECIMAL64:
                value = BigDecimal.valueOf((Long) raw, c.scale);
                break;
            case DECIMAL_BYTES: {
                byte[] bytes = (byte[]) raw;
                if (bytes.length > MAX_DECIMAL_BYTES) {
                    throw new IllegalArgumentException(
                            "a decimal of " + bytes.length + " bytes has more digits than an amount holds");
                }
                value = bytes.length == 0
                        ? BigDecimal.ZERO.setScale(c.scale)
                        : fitsLong(bytes)
                                ? BigDecimal.valueOf(toLong(bytes), c.scale)
                                : new BigDecimal(new BigInteger(bytes), c.scale);
                break;
            }
            case INTEGER32:
            case INTEGER64:
                value = BigDecimal.valueOf(((Number) raw).longValue());
                break;
            case DOUBLE: {
                double d = (Double) raw;
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException(d + " is not a finite number");
                }
                value = BigDecimal.valueOf(d);
                break;
            }
            case FLOAT: {
                float f = (Float) raw;
                if (!Float.isFinite(f)) {
                    throw new IllegalArgumentException(f + " is not a finite number");
                }
                value = new BigDecimal(Float.toString(f));
                break;
            }
            default:
                throw new IllegalStateException("bug: column " + c.name + " is not a decimal");
        }
        if (value.scale() >= 0
                && value.scale() <= Money.MAX_PARSED_DECIMALS
                && (value.signum() == 0 || (long) value.precision() - value.scale() <= Money.MAX_INTEGER_DIGITS)) {
            // within the CSV reader's bounds, its text form parses back to this very value: no round trip
            return value;
        }
        // the same bounds, and so the same digits and the same refusals, as the CSV reader's
        return Money.parseAmount(value.toPlainString());
    }

    /** Whether a big-endian two's complement number fits a long: what precedes its last 8 bytes is sign only. */
    public static boolean fitsLong(byte[] bytes) {
        return fitsLong(bytes, 0, bytes.length);
    }

    /** As {@link #fitsLong(byte[])}, for the {@code length} bytes of {@code bytes} from {@code at}. */
    static boolean fitsLong(byte[] bytes, int at, int length) {
        if (length <= 8) {
            return true;
        }
        int end = at + length;
        byte sign = bytes[end - 8] < 0 ? (byte) -1 : 0;
        for (int i = at; i < end - 8; i++) {
            if (bytes[i] != sign) {
                return false;
            }
        }
        return true;
    }

    /** The long of a big-endian two's complement number that {@link #fitsLong fits} one. */
    public static long toLong(byte[] bytes) {
        return toLong(bytes, 0, bytes.length);
    }

    /** As {@link #toLong(byte[])}, for the {@code length} bytes (1 or more) of {@code bytes} from {@code at}. */
    static long toLong(byte[] bytes, int at, int length) {
        int end = at + length;
        int from = Math.max(at, end - 8);
        long v = bytes[from]; // sign-extended
        for (int i = from + 1; i < end; i++) {
            v = (v << 8) | (bytes[i] & 0xFF);
        }
        return v;
    }

    private static Instant instant(Column c, long units) {
        long seconds = Math.floorDiv(units, c.perSecond);
        long nanos = Math.floorMod(units, c.perSecond) * (1_000_000_000L / c.perSecond);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private Map<String, String> tags(String cell) {
        // the one strict parser of every reader: a repeated key or text after the object is refused
        return TagJson.object(cell, "tags are not JSON: ");
    }

    private static String shown(Object raw) {
        if (raw instanceof byte[]) {
            String s = utf8((byte[]) raw);
            return s.length() > 200 ? s.substring(0, 200) + "..." : s;
        }
        return String.valueOf(raw);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- the schema ----

    private static List<Node> topLevel(List<SchemaElement> elements) throws ParquetFormatError {
        int[] next = {0};
        Node root = node(elements, next, 0);
        if (next[0] != elements.size()) {
            throw new ParquetFormatError("the Parquet schema has " + (elements.size() - next[0]) + " stray elements");
        }
        return root.children;
    }

    private static Node node(List<SchemaElement> elements, int[] next, int depth) throws ParquetFormatError {
        if (next[0] >= elements.size() || depth > 32) {
            throw new ParquetFormatError("the Parquet schema is malformed");
        }
        SchemaElement e = elements.get(next[0]++);
        if (e == null || e.getName() == null) {
            throw new ParquetFormatError("the Parquet schema has an element without a name");
        }
        Node n = new Node(e);
        int children = e.isSetNum_children() ? e.getNum_children() : 0;
        if (children < 0 || children > elements.size()) {
            throw new ParquetFormatError("the Parquet schema is malformed");
        }
        for (int i = 0; i < children; i++) {
            n.children.add(node(elements, next, depth + 1));
        }
        return n;
    }

    private static org.apache.parquet.schema.Type type(Node n) {
        org.apache.parquet.schema.Type.Repetition rep = repetition(n.element);
        if (n.isGroup()) {
            List<org.apache.parquet.schema.Type> fields = new ArrayList<>();
            for (Node child : n.children) {
                fields.add(type(child));
            }
            return new GroupType(rep, n.element.getName(), fields);
        }
        PrimitiveType.PrimitiveTypeName name = primitive(n.element.getType());
        return new PrimitiveType(
                rep, name, n.element.isSetType_length() ? n.element.getType_length() : 0, n.element.getName());
    }

    private static PrimitiveType.PrimitiveTypeName primitive(Type type) {
        return type == Type.BYTE_ARRAY
                ? PrimitiveType.PrimitiveTypeName.BINARY
                : PrimitiveType.PrimitiveTypeName.valueOf(type.name());
    }

    private static org.apache.parquet.schema.Type.Repetition repetition(SchemaElement e) {
        FieldRepetitionType r = e.getRepetition_type();
        if (r == null) {
            return org.apache.parquet.schema.Type.Repetition.OPTIONAL;
        }
        return org.apache.parquet.schema.Type.Repetition.valueOf(r.name());
    }

    private Column column(Node n, int position, FocusColumn focus) throws ParquetFormatError {
        String name = n.element.getName();
        String expected = focus == null ? "an extra column (text)" : "FOCUS column " + name + " (" + focus.type() + ")";
        if (n.isGroup()) {
            if ((raw || focus == FocusColumn.TAGS) && isStringMap(n)) {
                Column c = new Column(name, position, focus, Kind.MAP, 0, 0);
                Node kv = n.children.get(0);
                c.paths.add(new String[] {
                    name, kv.element.getName(), kv.children.get(0).element.getName()
                });
                c.paths.add(new String[] {
                    name, kv.element.getName(), kv.children.get(1).element.getName()
                });
                return c;
            }
            throw new ParquetFormatError("column " + name + " is a nested group; " + expected + " must be "
                    + (focus == FocusColumn.TAGS ? "a JSON string or a MAP<string,string>" : "a plain column"));
        }
        SchemaElement e = n.element;
        if (e.getRepetition_type() == FieldRepetitionType.REPEATED) {
            throw new ParquetFormatError("column " + name + " is repeated; " + expected + " holds one value a row");
        }
        Type physical = e.getType();
        LogicalType logical = e.getLogicalType();
        ConvertedType converted = e.getConverted_type();
        boolean isDecimal = (logical != null && logical.isSetDECIMAL()) || converted == ConvertedType.DECIMAL;
        boolean isTimestamp = (logical != null && logical.isSetTIMESTAMP())
                || converted == ConvertedType.TIMESTAMP_MILLIS
                || converted == ConvertedType.TIMESTAMP_MICROS;
        boolean isOtherLogical = !isDecimal
                && !isTimestamp
                && (logical != null || converted != null)
                && !(logical != null && (logical.isSetSTRING() || logical.isSetENUM() || logical.isSetJSON()))
                && !(converted == ConvertedType.UTF8
                        || converted == ConvertedType.ENUM
                        || converted == ConvertedType.JSON);
        String described = describe(e);
        FocusColumn.Type want = focus == null || raw ? null : focus.type();
        List<Object> p = new ArrayList<>();
        p.add(name);
        Column c = null;
        if (isDecimal) {
            int scale = logical != null && logical.isSetDECIMAL()
                    ? logical.getDECIMAL().getScale()
                    : e.getScale();
            int precision = logical != null && logical.isSetDECIMAL()
                    ? logical.getDECIMAL().getPrecision()
                    : e.getPrecision();
            if (scale < 0 || precision <= 0 || scale > precision || precision > MAX_DECIMAL_DIGITS) {
                throw new ParquetFormatError("column " + name + " is " + described + ", not a valid DECIMAL");
            }
            Kind kind = physical == Type.INT32
                    ? Kind.DECIMAL32
                    : physical == Type.INT64
                            ? Kind.DECIMAL64
                            : physical == Type.BYTE_ARRAY || physical == Type.FIXED_LEN_BYTE_ARRAY
                                    ? Kind.DECIMAL_BYTES
                                    : null;
            if (kind != null && (want == null || want == FocusColumn.Type.DECIMAL)) {
                c = new Column(name, position, focus, kind, scale, 0);
            }
        } else if (isTimestamp) {
            long perSecond;
            if (logical != null && logical.isSetTIMESTAMP()) {
                TimeUnit unit = logical.getTIMESTAMP().getUnit();
                perSecond = unit == null
                        ? 0
                        : unit.isSetMILLIS()
                                ? 1_000L
                                : unit.isSetMICROS() ? 1_000_000L : unit.isSetNANOS() ? 1_000_000_000L : 0;
            } else {
                perSecond = converted == ConvertedType.TIMESTAMP_MILLIS ? 1_000L : 1_000_000L;
            }
            if (physical == Type.INT64 && perSecond > 0 && (raw || want == FocusColumn.Type.DATETIME)) {
                c = new Column(name, position, focus, Kind.TIMESTAMP, 0, perSecond);
            }
        } else if (!isOtherLogical) {
            if (physical == Type.BYTE_ARRAY
                    && (want == null || want == FocusColumn.Type.STRING || want == FocusColumn.Type.JSON)) {
                c = new Column(name, position, focus, Kind.TEXT, 0, 0);
            } else if (physical == Type.DOUBLE && (raw || want == FocusColumn.Type.DECIMAL)) {
                c = new Column(name, position, focus, Kind.DOUBLE, 0, 0);
            } else if (physical == Type.FLOAT && (raw || want == FocusColumn.Type.DECIMAL)) {
                c = new Column(name, position, focus, Kind.FLOAT, 0, 0);
            } else if (physical == Type.INT32 && (want == null || want == FocusColumn.Type.DECIMAL)) {
                c = new Column(name, position, focus, Kind.INTEGER32, 0, 0);
            } else if (physical == Type.INT64 && (want == null || want == FocusColumn.Type.DECIMAL)) {
                c = new Column(name, position, focus, Kind.INTEGER64, 0, 0);
            } else if (physical == Type.BOOLEAN && want == null) {
                c = new Column(name, position, focus, Kind.BOOLEAN, 0, 0);
            }
        } else if ((logical != null && logical.isSetINTEGER() || isInteger(converted))
                && (want == null || want == FocusColumn.Type.DECIMAL)
                && (physical == Type.INT32 || physical == Type.INT64)) {
            c = new Column(name, position, focus, physical == Type.INT32 ? Kind.INTEGER32 : Kind.INTEGER64, 0, 0);
        }
        if (c == null) {
            throw new ParquetFormatError(
                    "column " + name + " is " + described + "; " + expected + " must be " + accepted(want));
        }
        c.paths.add(new String[] {name});
        return c;
    }

    private static boolean isInteger(ConvertedType converted) {
        return converted == ConvertedType.INT_8
                || converted == ConvertedType.INT_16
                || converted == ConvertedType.INT_32
                || converted == ConvertedType.INT_64;
    }

    private static boolean isStringMap(Node n) {
        if (n.children.size() != 1) {
            return false;
        }
        Node kv = n.children.get(0);
        return kv.isGroup()
                && kv.element.getRepetition_type() == FieldRepetitionType.REPEATED
                && kv.children.size() == 2
                && kv.children.stream()
                        .allMatch(x -> !x.isGroup()
                                && x.element.getType() == Type.BYTE_ARRAY
                                && x.element.getRepetition_type() != FieldRepetitionType.REPEATED);
    }

    private static String describe(SchemaElement e) {
        StringBuilder s = new StringBuilder(String.valueOf(e.getType()));
        if (e.getLogicalType() != null && e.getLogicalType().getSetField() != null) {
            s.append(' ').append(e.getLogicalType().getSetField().getFieldName());
        } else if (e.getConverted_type() != null) {
            s.append(' ').append(e.getConverted_type());
        }
        return s.toString();
    }

    private static String accepted(FocusColumn.Type want) {
        if (want == null) {
            return "a string, an integer, a DECIMAL or a BOOLEAN";
        }
        switch (want) {
            case STRING:
                return "a string (BINARY)";
            case DECIMAL:
                return "a DECIMAL (INT32, INT64, FIXED_LEN_BYTE_ARRAY or BINARY), an integer, or a DOUBLE or FLOAT"
                        + " (read by its shortest decimal form)";
            case DATETIME:
                return "an INT64 TIMESTAMP in MILLIS, MICROS or NANOS";
            case JSON:
                return "a JSON object string (BINARY) or a MAP<string,string>";
            default:
                throw new AssertionError(
                        "bug: unknown column type " + want.name().toLowerCase(Locale.ROOT));
        }
    }
}
