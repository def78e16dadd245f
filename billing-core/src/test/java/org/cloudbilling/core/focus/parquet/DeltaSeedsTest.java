package org.cloudbilling.core.focus.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.deltalengthbytearray.DeltaLengthByteArrayValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.focus.parquet.FocusParquetWriter.Compression;
import org.cloudbilling.core.io.OnError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The delta-encoded seeds of the two Parquet fuzz targets (docs/testing.md#fuzzing), written here by the library's
 * writer over parquet-java's encoders, so that they can be written again: each seed is what {@link #write} gives,
 * byte for byte, it reads back to its rows, and its pages are of the version and encodings its name says. Run with
 * {@code -Dseeds.write=true} to rewrite the committed seed files after a change of the writer or of a seed.
 */
@Tag("FOCUS-10")
class DeltaSeedsTest {
    private static final Path RESOURCES = Path.of("src/test/resources/org/cloudbilling/core/focus/parquet");
    private static final List<Path> SEED_DIRECTORIES = List.of(
            RESOURCES.resolve("FocusParquetFuzzTestInputs/read_anyInput_readsOrThrowsBillingInputException"),
            RESOURCES.resolve("FocusParquetConsolidateFuzzTestInputs/"
                    + "consolidate_anyInput_totalsEqualPlainPathOrThrowsBillingInputException"));
    /** The sample's rows in a seed: two pages of two rows and one of one, so that a page follows a page. */
    private static final int ROWS = 5;

    private static final int ROWS_PER_PAGE = 2;

    /** A seed: its file name, its data page version and the encodings of its text, decimal and time columns. */
    enum Seed {
        DELTA_BYTE_ARRAY_V1(
                "writer-delta-byte-array-pages-v1-uncompressed.parquet",
                false,
                false,
                Encoding.DELTA_BYTE_ARRAY,
                Encoding.DELTA_BYTE_ARRAY,
                Encoding.DELTA_BINARY_PACKED),
        DELTA_BYTE_ARRAY_V2(
                "writer-delta-byte-array-pages-v2-uncompressed.parquet",
                true,
                false,
                Encoding.DELTA_BYTE_ARRAY,
                Encoding.DELTA_BYTE_ARRAY,
                Encoding.DELTA_BINARY_PACKED),
        DELTA_LENGTH_BYTE_ARRAY_V2(
                "writer-delta-length-byte-array-pages-v2-uncompressed.parquet",
                true,
                true,
                Encoding.DELTA_LENGTH_BYTE_ARRAY,
                Encoding.DELTA_BYTE_ARRAY,
                Encoding.DELTA_BINARY_PACKED);

        final String file;
        final boolean pagesV2;
        final boolean deltaLengths;
        final Encoding text;
        final Encoding decimal;
        final Encoding time;

        Seed(String file, boolean pagesV2, boolean deltaLengths, Encoding text, Encoding decimal, Encoding time) {
            this.file = file;
            this.pagesV2 = pagesV2;
            this.deltaLengths = deltaLengths;
            this.text = text;
            this.decimal = decimal;
            this.time = time;
        }
    }

    /** The seed's bytes: the sample's first rows, FOCUS 1.0, uncompressed, no dictionary, pages of two rows. */
    static byte[] write(Seed seed, Compression compression) throws IOException {
        ParquetProperties.Builder properties = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .withDictionaryEncoding(false)
                .withStatisticsEnabled(false)
                .withSizeStatisticsEnabled(false)
                .withMinRowCountForPageSizeCheck(1)
                .withPageRowCountLimit(ROWS_PER_PAGE);
        if (seed.deltaLengths) {
            properties.withValuesWriterFactory(new DeltaLengthsForText());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FocusParquetWriter w = new FocusParquetWriter(
                out, FocusVersion.V1_0, List.of(), compression, 1000, properties.build(), seed.pagesV2)) {
            rows().forEach(w::write);
        }
        return out.toByteArray();
    }

    private static List<FocusRow> rows() throws IOException {
        return DeltaPagesTest.sample(ROWS);
    }

    @Test
    @DisplayName("FOCUS-10: each delta-encoded seed is, byte for byte, what the generator writes (-Dseeds.write=true"
            + " rewrites them)")
    void seeds_areWhatTheGeneratorWrites() throws IOException {
        boolean rewrite = Boolean.getBoolean("seeds.write");
        Map<Path, String> differing = new LinkedHashMap<>();
        for (Seed seed : Seed.values()) {
            byte[] bytes = write(seed, Compression.UNCOMPRESSED);
            for (Path dir : SEED_DIRECTORIES) {
                Path file = dir.resolve(seed.file);
                if (rewrite) {
                    Files.write(file, bytes);
                } else if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                    differing.put(file, seed.name());
                }
            }
        }
        assertThat(differing)
                .as("seed files that differ from the generator's (rewrite them with -Dseeds.write=true)")
                .isEmpty();
    }

    static Stream<Seed> seeds() {
        return Stream.of(Seed.values());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    @DisplayName("FOCUS-10: a delta-encoded seed reads back to the rows written, as rows and through consolidate")
    void seed_readsBackToItsRows(Seed seed) throws IOException {
        byte[] bytes = write(seed, Compression.UNCOMPRESSED);

        assertThat(FocusParquet.readAll(new FocusParquetFuzzTest.Bytes(bytes), seed.file, OnError.FAIL)
                        .result()
                        .valuesOrThrow())
                .containsExactlyElementsOf(
                        rows().stream().map(DeltaPagesTest::atScale18).toList());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    @DisplayName(
            "FOCUS-10: a seed's data pages are of its version, its text, decimal and time columns of its encodings")
    void seed_hasThePagesAndEncodingsItsNameSays(Seed seed) throws IOException {
        byte[] bytes = write(seed, Compression.UNCOMPRESSED);
        FileMetaData meta = footer(bytes);
        List<String> seen = new ArrayList<>();
        for (ColumnChunk chunk : meta.getRow_groups().get(0).getColumns()) {
            ColumnMetaData cm = chunk.getMeta_data();
            Encoding expected = switch (cm.getType()) {
                case BYTE_ARRAY -> seed.text;
                case FIXED_LEN_BYTE_ARRAY -> seed.decimal;
                case INT64 -> seed.time;
                default -> throw new AssertionError("unexpected column type " + cm.getType());
            };
            assertThat(cm.getEncodings()).as(cm.getPath_in_schema().toString()).contains(expected);
            List<PageHeader> pages = pages(bytes, cm);
            assertThat(pages).hasSize(3);
            assertThat(pages)
                    .extracting(PageHeader::getType)
                    .containsOnly(seed.pagesV2 ? PageType.DATA_PAGE_V2 : PageType.DATA_PAGE);
            assertThat(pages)
                    .extracting(p -> seed.pagesV2
                            ? p.getData_page_header_v2().getEncoding()
                            : p.getData_page_header().getEncoding())
                    .containsOnly(expected);
            seen.add(cm.getType() + " " + expected);
        }
        assertThat(seen)
                .contains("BYTE_ARRAY " + seed.text, "FIXED_LEN_BYTE_ARRAY " + seed.decimal, "INT64 " + seed.time);
    }

    @Test
    @DisplayName("FOCUS-10: version 2 data pages compressed with Snappy or Zstandard (levels stored as they are) read"
            + " back to the rows written")
    void pagesV2_compressed_readBackEqual() throws IOException {
        for (Compression c : List.of(Compression.SNAPPY, Compression.ZSTD)) {
            byte[] bytes = write(Seed.DELTA_LENGTH_BYTE_ARRAY_V2, c);

            assertThat(footer(bytes).getRow_groups().get(0).getColumns())
                    .allSatisfy(
                            chunk -> assertThat(chunk.getMeta_data().getCodec()).isEqualTo(c.codec));
            assertThat(FocusParquet.readAll(new FocusParquetFuzzTest.Bytes(bytes), "v2.parquet", OnError.FAIL)
                            .result()
                            .valuesOrThrow())
                    .as(c.name())
                    .containsExactlyElementsOf(
                            rows().stream().map(DeltaPagesTest::atScale18).toList());
        }
    }

    private static FileMetaData footer(byte[] bytes) throws IOException {
        int length = (bytes[bytes.length - 8] & 0xFF)
                | (bytes[bytes.length - 7] & 0xFF) << 8
                | (bytes[bytes.length - 6] & 0xFF) << 16
                | (bytes[bytes.length - 5] & 0xFF) << 24;
        return Util.readFileMetaData(new ByteArrayInputStream(bytes, bytes.length - 8 - length, length));
    }

    /** The page headers of a column chunk, read one after the other from its first data page. */
    private static List<PageHeader> pages(byte[] bytes, ColumnMetaData cm) throws IOException {
        List<PageHeader> pages = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        in.skip(cm.getData_page_offset());
        long values = 0;
        while (values < cm.getNum_values()) {
            PageHeader h = Util.readPageHeader(in);
            pages.add(h);
            in.skip(h.getCompressed_page_size());
            values += h.isSetData_page_header_v2()
                    ? h.getData_page_header_v2().getNum_values()
                    : h.getData_page_header().getNum_values();
        }
        return pages;
    }

    /** Parquet-java's version 2 writers, except that a BYTE_ARRAY column is DELTA_LENGTH_BYTE_ARRAY. */
    private static final class DeltaLengthsForText implements ValuesWriterFactory {
        private final DefaultValuesWriterFactory defaults = new DefaultValuesWriterFactory();
        private ParquetProperties properties;

        @Override
        public void initialize(ParquetProperties properties) {
            this.properties = properties;
            defaults.initialize(properties);
        }

        @Override
        public ValuesWriter newValuesWriter(ColumnDescriptor descriptor) {
            if (descriptor.getPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY) {
                return defaults.newValuesWriter(descriptor);
            }
            return new DeltaLengthByteArrayValuesWriter(
                    properties.getInitialSlabSize(), properties.getPageSizeThreshold(), new HeapByteBufferAllocator());
        }
    }
}
