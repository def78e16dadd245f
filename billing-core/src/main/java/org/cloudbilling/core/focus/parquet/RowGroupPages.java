package org.cloudbilling.core.focus.parquet;

import io.airlift.compress.Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;

/**
 * The pages of one row group, buffered column by column as parquet-java's column writers hand them over (compressed
 * as they come), until {@link FocusParquetWriter} writes the row group: each column chunk's dictionary page first,
 * then its data pages, with the chunk's metadata for the footer. What the Hadoop writer's page store does, without
 * Hadoop.
 */
final class RowGroupPages implements PageWriteStore {
    private final FocusParquetWriter.Compression compression;
    private final Map<ColumnDescriptor, ChunkPages> chunks = new HashMap<>();

    RowGroupPages(FocusParquetWriter.Compression compression) {
        this.compression = compression;
    }

    @Override
    public PageWriter getPageWriter(ColumnDescriptor column) {
        return chunks.computeIfAbsent(column, c -> new ChunkPages(compressor(compression)));
    }

    ChunkPages of(ColumnDescriptor column) {
        ChunkPages pages = chunks.get(column);
        if (pages == null) {
            throw new IllegalStateException("bug: no pages for column " + String.join(".", column.getPath()));
        }
        return pages;
    }

    /** The bytes of the pages buffered so far, headers included. */
    long bufferedBytes() {
        long n = 0;
        for (ChunkPages c : chunks.values()) {
            n += c.compressed;
        }
        return n;
    }

    private static Compressor compressor(FocusParquetWriter.Compression compression) {
        switch (compression) {
            case UNCOMPRESSED:
                return null;
            case SNAPPY:
                return new SnappyCompressor();
            case ZSTD:
                return new ZstdCompressor();
            default:
                throw new AssertionError("bug: unknown compression " + compression);
        }
    }

    /** One column chunk's pages. */
    static final class ChunkPages implements PageWriter {
        private final Compressor compressor;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private byte[] dictionary;
        private final Set<Encoding> encodings = new LinkedHashSet<>();
        private long values;
        private long uncompressed;
        private long compressed;

        ChunkPages(Compressor compressor) {
            this.compressor = compressor;
        }

        @Override
        @Deprecated
        public void writePage(
                BytesInput bytes,
                int valueCount,
                Statistics<?> statistics,
                Encoding rlEncoding,
                Encoding dlEncoding,
                Encoding valuesEncoding)
                throws IOException {
            writePage(bytes, valueCount, valueCount, statistics, rlEncoding, dlEncoding, valuesEncoding);
        }

        @Override
        public void writePage(
                BytesInput bytes,
                int valueCount,
                int rowCount,
                Statistics<?> statistics,
                Encoding rlEncoding,
                Encoding dlEncoding,
                Encoding valuesEncoding)
                throws IOException {
            byte[] raw = bytes.toByteArray();
            byte[] stored = compress(raw);
            PageHeader header = new PageHeader(PageType.DATA_PAGE, raw.length, stored.length);
            header.setData_page_header(
                    new DataPageHeader(valueCount, format(valuesEncoding), format(dlEncoding), format(rlEncoding)));
            ByteArrayOutputStream h = new ByteArrayOutputStream(64);
            Util.writePageHeader(header, h);
            h.writeTo(data);
            data.write(stored);
            values += valueCount;
            uncompressed += h.size() + raw.length;
            compressed += h.size() + stored.length;
            encodings.add(rlEncoding);
            encodings.add(dlEncoding);
            encodings.add(valuesEncoding);
        }

        @Override
        public void writePage(
                BytesInput bytes,
                int valueCount,
                int rowCount,
                Statistics<?> statistics,
                SizeStatistics sizeStatistics,
                Encoding rlEncoding,
                Encoding dlEncoding,
                Encoding valuesEncoding)
                throws IOException {
            writePage(bytes, valueCount, rowCount, statistics, rlEncoding, dlEncoding, valuesEncoding);
        }

        @Override
        public void writePageV2(
                int rowCount,
                int nullCount,
                int valueCount,
                BytesInput repetitionLevels,
                BytesInput definitionLevels,
                Encoding dataEncoding,
                BytesInput data,
                Statistics<?> statistics,
                SizeStatistics sizeStatistics)
                throws IOException {
            writePageV2(
                    rowCount,
                    nullCount,
                    valueCount,
                    repetitionLevels,
                    definitionLevels,
                    dataEncoding,
                    data,
                    statistics);
        }

        @Override
        public void writePageV2(
                int rowCount,
                int nullCount,
                int valueCount,
                BytesInput repetitionLevels,
                BytesInput definitionLevels,
                Encoding dataEncoding,
                BytesInput data,
                Statistics<?> statistics)
                throws IOException {
            byte[] rl = repetitionLevels.toByteArray();
            byte[] dl = definitionLevels.toByteArray();
            byte[] raw = data.toByteArray();
            // the levels are never compressed; the values are, when a codec is set (is_compressed says which)
            byte[] stored = compress(raw);
            int levels = rl.length + dl.length;
            PageHeader header = new PageHeader(PageType.DATA_PAGE_V2, levels + raw.length, levels + stored.length);
            DataPageHeaderV2 v2 =
                    new DataPageHeaderV2(valueCount, nullCount, rowCount, format(dataEncoding), dl.length, rl.length);
            v2.setIs_compressed(compressor != null);
            header.setData_page_header_v2(v2);
            ByteArrayOutputStream h = new ByteArrayOutputStream(64);
            Util.writePageHeader(header, h);
            h.writeTo(this.data);
            this.data.write(rl);
            this.data.write(dl);
            this.data.write(stored);
            values += valueCount;
            uncompressed += h.size() + levels + raw.length;
            compressed += h.size() + levels + stored.length;
            encodings.add(Encoding.RLE);
            encodings.add(dataEncoding);
        }

        @Override
        public void writeDictionaryPage(DictionaryPage page) throws IOException {
            if (dictionary != null) {
                throw new IllegalStateException("bug: a column chunk got two dictionary pages");
            }
            byte[] raw = page.getBytes().toByteArray();
            byte[] stored = compress(raw);
            PageHeader header = new PageHeader(PageType.DICTIONARY_PAGE, raw.length, stored.length);
            header.setDictionary_page_header(
                    new DictionaryPageHeader(page.getDictionarySize(), format(page.getEncoding())));
            ByteArrayOutputStream d = new ByteArrayOutputStream(stored.length + 64);
            Util.writePageHeader(header, d);
            int headerSize = d.size();
            d.write(stored);
            dictionary = d.toByteArray();
            uncompressed += headerSize + raw.length;
            compressed += dictionary.length;
            encodings.add(page.getEncoding());
        }

        private byte[] compress(byte[] raw) {
            if (compressor == null) {
                return raw;
            }
            byte[] out = new byte[compressor.maxCompressedLength(raw.length)];
            int n = compressor.compress(raw, 0, raw.length, out, 0, out.length);
            return java.util.Arrays.copyOf(out, n);
        }

        /** Writes the chunk, dictionary page first, and returns its metadata, offsets counted in {@code out}. */
        ColumnChunk writeTo(FocusParquetWriter.Counting out, ColumnDescriptor leaf, CompressionCodec codec)
                throws IOException {
            long start = out.count;
            if (dictionary != null) {
                out.write(dictionary);
            }
            long dataStart = out.count;
            data.writeTo((OutputStream) out);
            List<org.apache.parquet.format.Encoding> used = new ArrayList<>();
            for (Encoding e : encodings) {
                used.add(format(e));
            }
            ColumnMetaData meta = new ColumnMetaData(
                    org.apache.parquet.format.Type.valueOf(
                            leaf.getPrimitiveType().getPrimitiveTypeName()
                                            == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY
                                    ? "BYTE_ARRAY"
                                    : leaf.getPrimitiveType()
                                            .getPrimitiveTypeName()
                                            .name()),
                    used,
                    List.of(leaf.getPath()),
                    codec,
                    values,
                    uncompressed,
                    compressed,
                    dataStart);
            if (dictionary != null) {
                meta.setDictionary_page_offset(start);
            }
            ColumnChunk chunk = new ColumnChunk(start);
            chunk.setMeta_data(meta);
            return chunk;
        }

        @Override
        public long getMemSize() {
            return data.size() + (dictionary == null ? 0 : dictionary.length);
        }

        @Override
        public long allocatedSize() {
            return getMemSize();
        }

        @Override
        public String memUsageString(String prefix) {
            return prefix + " " + getMemSize() + " bytes";
        }

        private static org.apache.parquet.format.Encoding format(Encoding e) {
            return org.apache.parquet.format.Encoding.valueOf(e.name());
        }
    }
}
