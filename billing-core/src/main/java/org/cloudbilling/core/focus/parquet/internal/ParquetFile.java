package org.cloudbilling.core.focus.parquet.internal;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesReader;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.schema.PrimitiveType;
import shaded.parquet.org.apache.thrift.TConfiguration;
import shaded.parquet.org.apache.thrift.TException;
import shaded.parquet.org.apache.thrift.protocol.TCompactProtocol;
import shaded.parquet.org.apache.thrift.transport.TIOStreamTransport;

/**
 * The layer under the reader: a Parquet file's footer and the pages of its column chunks, read from a channel with
 * parquet-java's format structures, decompressed with aircompressor (no Hadoop). Every length and offset the file
 * gives is checked against the file before anything is allocated; what does not fit is a {@link ParquetFormatError}.
 */
public final class ParquetFile {
    public static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    /** A page may expand to at most this many times its stored size (plus a mebibyte): a guard, not a limit real files meet. */
    private static final long MAX_EXPANSION = 1024;

    private final SeekableByteChannel channel;
    private final long size;
    private final FileMetaData meta;

    private ParquetFile(SeekableByteChannel channel, long size, FileMetaData meta) {
        this.channel = channel;
        this.size = size;
        this.meta = meta;
    }

    /** A file that is not Parquet, or whose structure is broken; the reader names the file and the place. */
    public static final class ParquetFormatError extends Exception {
        private static final long serialVersionUID = 1L;

        ParquetFormatError(String message) {
            super(message);
        }
    }

    public static ParquetFile open(SeekableByteChannel channel) throws IOException, ParquetFormatError {
        long size = channel.size();
        if (size < 4) {
            throw new ParquetFormatError("not a Parquet file: " + size + " bytes, too short for the magic number PAR1");
        }
        byte[] head = read(channel, 0, 4);
        if (!java.util.Arrays.equals(head, MAGIC)) {
            throw new ParquetFormatError("not a Parquet file: it starts with " + describe(head) + ", not PAR1"
                    + (looksLikeText(head) ? " (it looks like text, such as CSV: use the CSV format)" : ""));
        }
        if (size < 12) {
            throw new ParquetFormatError("the Parquet file is truncated: " + size + " bytes, no room for a footer");
        }
        byte[] tail = read(channel, size - 8, 8);
        byte[] tailMagic = java.util.Arrays.copyOfRange(tail, 4, 8);
        if (java.util.Arrays.equals(tailMagic, "PARE".getBytes(StandardCharsets.US_ASCII))) {
            throw new ParquetFormatError("the Parquet file is encrypted; encrypted files are not supported");
        }
        if (!java.util.Arrays.equals(tailMagic, MAGIC)) {
            throw new ParquetFormatError(
                    "the Parquet file is truncated or damaged: it does not end with PAR1 (it ends with "
                            + describe(tailMagic) + ")");
        }
        long footerLength = Integer.toUnsignedLong(
                ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        if (footerLength == 0 || footerLength > size - 12) {
            throw new ParquetFormatError("the Parquet file is damaged: its footer length " + footerLength
                    + " does not fit in its " + size + " bytes");
        }
        byte[] footer = read(channel, size - 8 - footerLength, (int) footerLength);
        FileMetaData meta;
        try {
            meta = new FileMetaData();
            meta.read(protocol(new ByteArrayInputStream(footer), footer.length));
        } catch (TException | RuntimeException e) {
            throw new ParquetFormatError("the Parquet footer cannot be read: " + message(e));
        }
        if (meta.getSchema() == null || meta.getSchema().isEmpty()) {
            throw new ParquetFormatError("the Parquet footer has no schema");
        }
        if (meta.getRow_groups() == null) {
            throw new ParquetFormatError("the Parquet footer has no row groups");
        }
        return new ParquetFile(channel, size, meta);
    }

    public FileMetaData meta() {
        return meta;
    }

    /** Reads the pages of {@code chunk} in row group {@code rowGroup}, whose column the schema gives as {@code leaf}. */
    Pages pages(RowGroup rowGroup, ColumnChunk chunk, ColumnDescriptor leaf) throws IOException, ParquetFormatError {
        int maxRepetition = leaf.getMaxRepetitionLevel();
        int maxDefinition = leaf.getMaxDefinitionLevel();
        ColumnMetaData cm = chunk.getMeta_data();
        if (cm == null) {
            throw new ParquetFormatError(
                    "a column chunk has no metadata (it may be in another file, which is not read)");
        }
        long start = cm.getData_page_offset();
        if (cm.isSetDictionary_page_offset() && cm.getDictionary_page_offset() > 0) {
            start = Math.min(start, cm.getDictionary_page_offset());
        }
        long length = cm.getTotal_compressed_size();
        if (start < 4 || length <= 0 || length > Integer.MAX_VALUE - 16 || start + length > size - 8) {
            throw new ParquetFormatError("the column chunk at offset " + start + " of " + length
                    + " bytes lies outside the file's " + size + " bytes (is the file truncated?)");
        }
        byte[] bytes = read(channel, start, (int) length);
        InputStream in = new ByteArrayInputStream(bytes);
        CompressionCodec codec = cm.getCodec();
        long values = 0;
        DictionaryPage dictionary = null;
        List<DataPage> pages = new ArrayList<>();
        List<RawPage> raw = new ArrayList<>();
        byte[] dictionaryBytes = null;
        // the data pages read, and the length of the last value of a DELTA_BYTE_ARRAY page, which parquet-java carries
        // to the next page of the chunk if it is DELTA_BYTE_ARRAY too
        int dataPages = 0;
        int lastLength = 0;
        while (values < cm.getNum_values()) {
            if (in.available() == 0) {
                throw new ParquetFormatError(
                        "the column chunk ends after " + values + " of its " + cm.getNum_values() + " values");
            }
            PageHeader header;
            try {
                header = new PageHeader();
                header.read(protocol(in, in.available()));
            } catch (TException | RuntimeException e) {
                throw new ParquetFormatError("a page header cannot be read: " + message(e));
            }
            int stored = header.getCompressed_page_size();
            int expanded = header.getUncompressed_page_size();
            if (stored < 0
                    || stored > in.available()
                    || expanded < 0
                    || expanded > stored * MAX_EXPANSION + (1 << 20)) {
                throw new ParquetFormatError("a page of " + stored + " bytes (" + expanded
                        + " uncompressed) does not fit in its column chunk");
            }
            // the page's bytes stay in the chunk's: from pageAt, stored bytes
            int pageAt = bytes.length - in.available();
            in.skip(stored);
            switch (header.getType()) {
                case DICTIONARY_PAGE: {
                    DictionaryPageHeader h = header.getDictionary_page_header();
                    if (h == null || dictionary != null) {
                        throw new ParquetFormatError("a column chunk has a dictionary page without a header, or two");
                    }
                    // every PLAIN entry takes a byte at least: checked before a reader allocates an array of entries
                    if (h.getNum_values() < 0 || h.getNum_values() > expanded) {
                        throw new ParquetFormatError(
                                "a dictionary page of " + expanded + " bytes claims " + h.getNum_values() + " entries");
                    }
                    dictionaryBytes = decompress(codec, bytes, pageAt, stored, expanded);
                    checkDictionaryEntries(leaf.getPrimitiveType(), encoding(h.getEncoding()), dictionaryBytes, h);
                    dictionary = new DictionaryPage(
                            BytesInput.from(dictionaryBytes), expanded, h.getNum_values(), encoding(h.getEncoding()));
                    break;
                }
                case DATA_PAGE: {
                    DataPageHeader h = header.getData_page_header();
                    if (h == null || h.getNum_values() < 0) {
                        throw new ParquetFormatError("a data page has no header");
                    }
                    byte[] content = decompress(codec, bytes, pageAt, stored, expanded);
                    int valuesAt = valuesStart(content, h, maxRepetition, maxDefinition);
                    checkDeltaHeader(encoding(h.getEncoding()), content, valuesAt, h.getNum_values());
                    lastLength = checkDeltaLengths(
                            encoding(h.getEncoding()), content, valuesAt, h.getNum_values(), lastLength, ++dataPages);
                    boolean rle = h.getDefinition_level_encoding() == org.apache.parquet.format.Encoding.RLE;
                    raw.add(
                            maxRepetition == 0 && (maxDefinition == 0 || rle)
                                    ? new RawPage(
                                            h.getNum_values(),
                                            encoding(h.getEncoding()),
                                            content,
                                            maxDefinition == 0 ? 0 : 4,
                                            valuesAt,
                                            content,
                                            valuesAt)
                                    : null);
                    pages.add(new DataPageV1(
                            BytesInput.from(content),
                            h.getNum_values(),
                            expanded,
                            null,
                            encoding(h.getRepetition_level_encoding()),
                            encoding(h.getDefinition_level_encoding()),
                            encoding(h.getEncoding())));
                    values += h.getNum_values();
                    break;
                }
                case DATA_PAGE_V2: {
                    DataPageHeaderV2 h = header.getData_page_header_v2();
                    if (h == null || h.getNum_values() < 0) {
                        throw new ParquetFormatError("a data page has no header");
                    }
                    int rl = h.getRepetition_levels_byte_length();
                    int dl = h.getDefinition_levels_byte_length();
                    if (rl < 0 || dl < 0 || (long) rl + dl > stored) {
                        throw new ParquetFormatError("a data page's levels do not fit in the page");
                    }
                    byte[] page = java.util.Arrays.copyOfRange(bytes, pageAt, pageAt + stored);
                    byte[] data = java.util.Arrays.copyOfRange(page, rl + dl, stored);
                    boolean compressed = !h.isSetIs_compressed() || h.isIs_compressed();
                    byte[] plain = compressed ? decompress(codec, data, expanded - rl - dl) : data;
                    checkDeltaHeader(encoding(h.getEncoding()), plain, 0, h.getNum_values());
                    lastLength = checkDeltaLengths(
                            encoding(h.getEncoding()), plain, 0, h.getNum_values(), lastLength, ++dataPages);
                    raw.add(
                            maxRepetition == 0
                                    ? new RawPage(
                                            h.getNum_values(), encoding(h.getEncoding()), page, rl, rl + dl, plain, 0)
                                    : null);
                    pages.add(DataPageV2.uncompressed(
                            h.getNum_rows(),
                            h.getNum_nulls(),
                            h.getNum_values(),
                            BytesInput.from(page, 0, rl),
                            BytesInput.from(page, rl, dl),
                            encoding(h.getEncoding()),
                            BytesInput.from(plain),
                            null));
                    values += h.getNum_values();
                    break;
                }
                default:
                    // index pages and others carry nothing the reader needs
                    break;
            }
        }
        return new Pages(cm.getNum_values(), dictionary, dictionaryBytes, pages, raw);
    }

    /**
     * Refuses a PLAIN dictionary of byte arrays whose entries do not fit in its bytes: parquet-java takes each entry's
     * length as written and allocates it when the value is read (an entry claiming 2 GB is an out-of-memory error,
     * not a decoding one).
     */
    private static void checkDictionaryEntries(
            PrimitiveType type, Encoding encoding, byte[] page, DictionaryPageHeader h) throws ParquetFormatError {
        if (encoding != Encoding.PLAIN && encoding != Encoding.PLAIN_DICTIONARY) {
            return;
        }
        int entries = h.getNum_values();
        if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
            if ((long) entries * Math.max(type.getTypeLength(), 0) > page.length) {
                throw new ParquetFormatError("a dictionary page of " + page.length + " bytes claims " + entries
                        + " entries of " + type.getTypeLength() + " bytes");
            }
        } else if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY) {
            long at = 0;
            for (int e = 0; e < entries; e++) {
                long length = at + 4 > page.length
                        ? -1
                        : ByteBuffer.wrap(page, (int) at, 4)
                                .order(ByteOrder.LITTLE_ENDIAN)
                                .getInt();
                if (length < 0 || length > page.length - at - 4) {
                    throw new ParquetFormatError("a dictionary page of " + page.length + " bytes: entry " + (e + 1)
                            + " of " + entries + " claims " + length + " bytes at offset " + at);
                }
                at += 4 + length;
            }
        }
    }

    /** The most values a delta-encoded block may claim; writers use 128. */
    private static final int MAX_DELTA_BLOCK = 1 << 16;

    /**
     * The most values a delta-encoded page may claim: writers cut pages at about 1 MB or 20,000 rows, and the decoder
     * holds a page's values as {@code long}s (32 MB at this bound).
     */
    public static final int MAX_DELTA_PAGE_VALUES = 1 << 22;

    /**
     * Refuses a delta-encoded page whose header claims more values than the page's header, than its bytes can hold
     * (each block after the first value needs a minimum delta and a bit width per mini-block) or than
     * {@link #MAX_DELTA_PAGE_VALUES}, or blocks larger than {@link #MAX_DELTA_BLOCK} values: parquet-java sizes its
     * buffer from these numbers before it decodes anything. Returns the values the block claims (0 for a page of
     * another encoding). The second block of DELTA_BYTE_ARRAY, after the prefix lengths, is checked by
     * {@link #checkDeltaLengths}.
     */
    private static int checkDeltaHeader(Encoding encoding, byte[] page, int start, int pageValues)
            throws ParquetFormatError {
        if (encoding != Encoding.DELTA_BINARY_PACKED
                && encoding != Encoding.DELTA_LENGTH_BYTE_ARRAY
                && encoding != Encoding.DELTA_BYTE_ARRAY) {
            return 0;
        }
        int[] at = {start};
        long block = varint(page, at);
        long miniBlocks = varint(page, at);
        long total = varint(page, at);
        long room = total < 0 ? 0 : (long) (page.length - at[0]) / (1 + miniBlocks) * block + 1;
        if (block <= 0
                || block > MAX_DELTA_BLOCK
                || miniBlocks <= 0
                || miniBlocks > block
                || total < 0
                || total > pageValues
                || total > MAX_DELTA_PAGE_VALUES
                || total > room) {
            throw new ParquetFormatError("a delta-encoded page claims blocks of " + block + " values in " + miniBlocks
                    + " mini-blocks and " + total + " values, for a page of " + pageValues + " values");
        }
        return (int) total;
    }

    /** The longest value a DELTA_BYTE_ARRAY page may build (a Java array's bound). */
    private static final int MAX_VALUE_BYTES = Integer.MAX_VALUE - 8;

    /**
     * Refuses a DELTA_LENGTH_BYTE_ARRAY or DELTA_BYTE_ARRAY page whose lengths parquet-java would trust: its
     * {@code DeltaByteArrayReader} allocates each value as {@code new byte[prefix + suffix]} from the page's claims
     * before checking them, on a skip too, and its {@code DeltaLengthByteArrayValuesReader} slices each length from
     * the bytes. The lengths are decoded here with parquet-java's own decoder (once the header of their block is
     * checked): every suffix length (or value length) must be at least 0 and all of them fit in the bytes after the
     * lengths; every prefix must be at least 0 and at most the length of the value before it, which for the first value
     * of a page is the last value of the chunk's page before when that page is DELTA_BYTE_ARRAY too (parquet-java
     * carries it, PARQUET-246), else empty; prefix and suffix lengths must be as many.
     *
     * @param lastLength the length of the last value of the chunk's data page before, if DELTA_BYTE_ARRAY, else 0
     * @param dataPage the page's number among the chunk's data pages, for the message
     * @return the length of the page's last value if it is DELTA_BYTE_ARRAY ({@code lastLength} if it has none), else 0
     */
    private static int checkDeltaLengths(
            Encoding encoding, byte[] page, int start, int pageValues, int lastLength, int dataPage)
            throws ParquetFormatError {
        boolean prefixed = encoding == Encoding.DELTA_BYTE_ARRAY;
        if (!prefixed && encoding != Encoding.DELTA_LENGTH_BYTE_ARRAY) {
            return 0;
        }
        String where = "data page " + dataPage + " (" + encoding + ")";
        ByteBufferInputStream in = ByteBufferInputStream.wrap(ByteBuffer.wrap(page, start, page.length - start));
        int prefixCount = prefixed ? checkDeltaHeader(encoding, page, start, pageValues) : 0;
        DeltaBinaryPackingValuesReader prefixes = prefixed ? lengths(in, pageValues, where) : null;
        int count = checkDeltaHeader(encoding, page, page.length - in.available(), pageValues);
        DeltaBinaryPackingValuesReader suffixes = lengths(in, pageValues, where);
        if (prefixed && prefixCount != count) {
            throw new ParquetFormatError(
                    where + ": it has " + prefixCount + " prefix lengths and " + count + " suffixes; they are as many");
        }
        long left = in.available();
        long bytes = 0;
        long last = lastLength;
        try {
            for (int i = 0; i < count; i++) {
                String value = where + ": value " + (i + 1) + " of " + count;
                int suffix = suffixes.readInteger();
                if (suffix < 0) {
                    throw new ParquetFormatError(
                            value + (prefixed ? " has a suffix of " : " has a length of ") + suffix + " bytes");
                }
                bytes += suffix;
                if (bytes > left) {
                    throw new ParquetFormatError(value + " ends " + bytes + " bytes after the "
                            + (prefixed ? "suffix" : "value") + " lengths; the page has " + left + " bytes after them");
                }
                if (prefixed) {
                    int prefix = prefixes.readInteger();
                    if (prefix < 0) {
                        throw new ParquetFormatError(value + " has a prefix of " + prefix + " bytes");
                    }
                    if (prefix > last) {
                        throw new ParquetFormatError(value + " takes a prefix of " + prefix
                                + " bytes from the value before it, which has " + last
                                + (i == 0 ? " (the last of the page before, if DELTA_BYTE_ARRAY; else none)" : ""));
                    }
                    last = (long) prefix + suffix;
                    if (last > MAX_VALUE_BYTES) {
                        throw new ParquetFormatError(value + " is " + last + " bytes long, beyond " + MAX_VALUE_BYTES);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new ParquetFormatError(where + ": its lengths cannot be decoded: " + message(e));
        }
        return prefixed ? (int) last : 0;
    }

    /** The lengths of the block at {@code in}'s position, its header checked, decoded by parquet-java. */
    private static DeltaBinaryPackingValuesReader lengths(ByteBufferInputStream in, int pageValues, String where)
            throws ParquetFormatError {
        DeltaBinaryPackingValuesReader lengths = new DeltaBinaryPackingValuesReader();
        try {
            lengths.initFromPage(pageValues, in);
        } catch (IOException | RuntimeException e) {
            throw new ParquetFormatError(where + ": its lengths cannot be decoded: " + message(e));
        }
        return lengths;
    }

    /** Reads an unsigned LEB128 integer at {@code at[0]}, moving it on; -1 past the end or beyond 35 bits. */
    private static long varint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (at[0] >= bytes.length) {
                return -1;
            }
            int b = bytes[at[0]++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }

    /**
     * Where a version 1 data page's values start: after its repetition and definition levels (RLE levels carry
     * their length in 4 bytes; bit-packed ones take {@code ceil(values x bits / 8)} bytes).
     */
    private static int valuesStart(byte[] page, DataPageHeader h, int maxRepetition, int maxDefinition)
            throws ParquetFormatError {
        // levels are RLE or bit-packed (the specification); any other decoder would size its buffers from the bytes
        for (org.apache.parquet.format.Encoding e :
                List.of(h.getRepetition_level_encoding(), h.getDefinition_level_encoding())) {
            if (e != org.apache.parquet.format.Encoding.RLE && e != org.apache.parquet.format.Encoding.BIT_PACKED) {
                throw new ParquetFormatError("a data page's levels are encoded " + e + ", not RLE or BIT_PACKED");
            }
        }
        long at = 0;
        at = skipLevels(page, at, maxRepetition, h.getRepetition_level_encoding(), h.getNum_values());
        at = skipLevels(page, at, maxDefinition, h.getDefinition_level_encoding(), h.getNum_values());
        return (int) at;
    }

    private static long skipLevels(
            byte[] page, long at, int maxLevel, org.apache.parquet.format.Encoding encoding, int values)
            throws ParquetFormatError {
        if (maxLevel == 0) {
            return at;
        }
        long end;
        if (encoding == org.apache.parquet.format.Encoding.BIT_PACKED) {
            int bits = 32 - Integer.numberOfLeadingZeros(maxLevel);
            end = at + ((long) values * bits + 7) / 8;
        } else {
            if (at + 4 > page.length) {
                throw new ParquetFormatError("a data page's levels do not fit in the page");
            }
            int i = (int) at;
            long length = (page[i] & 0xFFL)
                    | (page[i + 1] & 0xFFL) << 8
                    | (page[i + 2] & 0xFFL) << 16
                    | (page[i + 3] & 0xFFL) << 24;
            end = at + 4 + length;
        }
        if (end > page.length) {
            throw new ParquetFormatError("a data page's levels do not fit in the page");
        }
        return end;
    }

    /**
     * A Thrift reader of at most {@code length} bytes: it refuses a list that claims more elements than the bytes
     * left could hold, before allocating it (parquet-java's {@code Util} would allocate it).
     */
    private static TCompactProtocol protocol(InputStream in, int length) throws TException {
        TConfiguration conf = TConfiguration.custom()
                .setMaxMessageSize(Math.max(length, 1))
                .setRecursionLimit(32)
                .build();
        return new TCompactProtocol(new TIOStreamTransport(conf, in), length, length);
    }

    private static byte[] decompress(CompressionCodec codec, byte[] in, int expanded)
            throws IOException, ParquetFormatError {
        return decompress(codec, in, 0, in.length, expanded);
    }

    /** Decompresses the {@code length} bytes of {@code in} from {@code at}, which are to expand to {@code expanded}. */
    private static byte[] decompress(CompressionCodec codec, byte[] in, int at, int length, int expanded)
            throws IOException, ParquetFormatError {
        if (expanded < 0) {
            throw new ParquetFormatError("a page gives a negative uncompressed size");
        }
        try {
            switch (codec) {
                case UNCOMPRESSED:
                    if (length != expanded) {
                        throw new ParquetFormatError("an uncompressed page of " + length + " bytes claims " + expanded);
                    }
                    return at == 0 && length == in.length ? in : java.util.Arrays.copyOfRange(in, at, at + length);
                case SNAPPY:
                    return decompress(new SnappyDecompressor(), in, at, length, expanded);
                case ZSTD:
                    return decompress(new ZstdDecompressor(), in, at, length, expanded);
                case LZ4_RAW:
                    return decompress(new Lz4Decompressor(), in, at, length, expanded);
                case GZIP:
                    try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(in, at, length))) {
                        byte[] out = gz.readNBytes(expanded);
                        if (out.length != expanded || gz.read() != -1) {
                            throw new ParquetFormatError("a GZIP page does not expand to its " + expanded + " bytes");
                        }
                        return out;
                    }
                default:
                    throw new ParquetFormatError("compression " + codec
                            + " is not supported; write the file UNCOMPRESSED, SNAPPY, GZIP, ZSTD or LZ4_RAW");
            }
        } catch (java.util.zip.ZipException | RuntimeException e) {
            throw new ParquetFormatError("a " + codec + " page cannot be decompressed: " + message(e));
        }
    }

    private static byte[] decompress(Decompressor d, byte[] in, int at, int length, int expanded)
            throws ParquetFormatError {
        byte[] out = new byte[expanded];
        int n = d.decompress(in, at, length, out, 0, expanded);
        if (n != expanded) {
            throw new ParquetFormatError("a page expands to " + n + " bytes, not its " + expanded);
        }
        return out;
    }

    private static Encoding encoding(org.apache.parquet.format.Encoding e) throws ParquetFormatError {
        if (e == null) {
            throw new ParquetFormatError("a page names no encoding");
        }
        try {
            return Encoding.valueOf(e.name());
        } catch (IllegalArgumentException x) {
            throw new ParquetFormatError("encoding " + e + " is not supported");
        }
    }

    private static byte[] read(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new java.io.EOFException("the file ends at " + (position + buffer.position()));
            }
        }
        return buffer.array();
    }

    private static String describe(byte[] bytes) {
        if (looksLikeText(bytes)) {
            return "'" + new String(bytes, StandardCharsets.US_ASCII) + "'";
        }
        StringBuilder s = new StringBuilder("bytes");
        for (byte b : bytes) {
            s.append(String.format(java.util.Locale.ROOT, " %02X", b));
        }
        return s.toString();
    }

    private static boolean looksLikeText(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x09 || b == 0x7F || (b > 0x0D && b < 0x20)) {
                return false;
            }
        }
        return true;
    }

    public static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * A data page of a column that is not repeated, as bytes: its definition levels (RLE/bit-packed hybrid, without
     * a length) from {@link #levelsFrom} to {@link #levelsTo} of {@link #levels} (none when the column is required),
     * its values from {@link #valuesFrom} of {@link #values}, uncompressed, as {@link #encoding} encodes them.
     */
    static final class RawPage {
        final int count;
        final Encoding encoding;
        final byte[] levels;
        final int levelsFrom;
        final int levelsTo;
        final byte[] values;
        final int valuesFrom;

        RawPage(
                int count,
                Encoding encoding,
                byte[] levels,
                int levelsFrom,
                int levelsTo,
                byte[] values,
                int valuesFrom) {
            this.count = count;
            this.encoding = encoding;
            this.levels = levels;
            this.levelsFrom = levelsFrom;
            this.levelsTo = levelsTo;
            this.values = values;
            this.valuesFrom = valuesFrom;
        }
    }

    /** The pages of one column chunk, in memory. */
    static final class Pages implements PageReader {
        private final long valueCount;
        private final DictionaryPage dictionary;
        private final List<DataPage> pages;
        /** The same pages as bytes, each null when its levels are not as {@link RawPage} takes them. */
        private final List<RawPage> raw;
        /** The dictionary page's bytes, uncompressed, or null. */
        private final byte[] dictionaryBytes;

        private int next;

        Pages(
                long valueCount,
                DictionaryPage dictionary,
                byte[] dictionaryBytes,
                List<DataPage> pages,
                List<RawPage> raw) {
            this.valueCount = valueCount;
            this.dictionary = dictionary;
            this.dictionaryBytes = dictionaryBytes;
            this.pages = pages;
            this.raw = raw;
        }

        /**
         * The dictionary's entries as PLAIN-encoded bytes, and its entry count, if the chunk has a PLAIN dictionary
         * and every data page holds dictionary ids with levels {@link RawPage} takes; else null.
         */
        byte[] plainDictionary() {
            if (dictionary == null
                    || dictionaryBytes == null
                    || (dictionary.getEncoding() != Encoding.PLAIN
                            && dictionary.getEncoding() != Encoding.PLAIN_DICTIONARY)) {
                return null;
            }
            for (RawPage p : raw) {
                if (p == null || (p.encoding != Encoding.PLAIN_DICTIONARY && p.encoding != Encoding.RLE_DICTIONARY)) {
                    return null;
                }
            }
            return dictionaryBytes;
        }

        int dictionarySize() {
            return dictionary.getDictionarySize();
        }

        List<RawPage> rawPages() {
            return raw;
        }

        /**
         * The data pages as bytes if every one is encoded {@code encoding} with levels {@link RawPage} takes; else
         * null.
         */
        List<RawPage> raw(Encoding encoding) {
            for (RawPage p : raw) {
                if (p == null || p.encoding != encoding) {
                    return null;
                }
            }
            return raw;
        }

        @Override
        public DictionaryPage readDictionaryPage() {
            return dictionary;
        }

        @Override
        public long getTotalValueCount() {
            return valueCount;
        }

        @Override
        public DataPage readPage() {
            return next < pages.size() ? pages.get(next++) : null;
        }
    }
}
