package org.cloudbilling.core.focus.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForInteger;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.io.api.Binary;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.OnError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY pages whose lengths lie (FOCUS-10): parquet-java's decoders trust them
 * (a prefix of 2 GB is an out-of-memory error), so the page reader decodes and checks them first. The files are written
 * by the library's writer with parquet-java's format version 2 encodings; the crafted ones with one column's values
 * encoded by hand with parquet-java's delta encoder, lengths chosen to lie.
 */
@Tag("FOCUS-10")
class DeltaPagesTest {
    private static final String SAMPLE = "/focus/focus_sample.csv";
    private static final String COLUMN = "BillingAccountId";

    @TempDir
    Path dir;

    @Test
    @DisplayName("FOCUS-10: parquet-java's own DELTA_BYTE_ARRAY pages, one row per page, read back to the same rows")
    void formatVersion2_deltaByteArrayPages_readBackEqual() throws IOException {
        List<FocusRow> rows = sample(40);
        ParquetProperties v2 = properties(ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .withDictionaryEncoding(false)
                .withMinRowCountForPageSizeCheck(1)
                .withPageRowCountLimit(7));
        Path file = write(rows, v2);

        assertThat(FocusParquet.readAll(file, OnError.FAIL).result().valuesOrThrow())
                .containsExactlyElementsOf(
                        rows.stream().map(DeltaPagesTest::atScale18).toList());
    }

    @Test
    @DisplayName("FOCUS-10: a DELTA_BYTE_ARRAY prefix of 2 GB (once out of memory in parquet-java) is refused, naming"
            + " row group, column, page and value")
    void deltaByteArray_prefixOf2Gigabytes_refused() throws IOException {
        // value 2 claims the first 2,147,483,646 bytes of value 1, which has 12: parquet-java would allocate 2 GB
        Path file = crafted(
                Encoding.DELTA_BYTE_ARRAY,
                List.of("111111111111", "111111111112"),
                100,
                (page, values) -> deltaByteArray(new int[] {0, Integer.MAX_VALUE - 1}, "111111111111", "2"));

        assertThat(readAllMessage(file))
                .isEqualTo(file + ":1: row group 1 of 1, column BillingAccountId: data page 1 (DELTA_BYTE_ARRAY):"
                        + " value 2 of 2 takes a prefix of 2147483646 bytes from the value before it, which has 12");
    }

    @Test
    @DisplayName(
            "FOCUS-10: a DELTA_BYTE_ARRAY prefix one byte longer than the value before it, or negative, is refused")
    void deltaByteArray_prefixBeyondThePreviousValueOrNegative_refused() throws IOException {
        Path longer = crafted(
                Encoding.DELTA_BYTE_ARRAY,
                List.of("111111111111", "111111111112"),
                100,
                (page, values) -> deltaByteArray(new int[] {0, 13}, "111111111111", "2"));
        Path negative = crafted(
                Encoding.DELTA_BYTE_ARRAY,
                List.of("111111111111", "111111111112"),
                100,
                (page, values) -> deltaByteArray(new int[] {0, -1}, "111111111111", "2"));

        assertThat(readAllMessage(longer))
                .endsWith("column BillingAccountId: data page 1 (DELTA_BYTE_ARRAY): value 2 of 2 takes a prefix of 13"
                        + " bytes from the value before it, which has 12");
        assertThat(readAllMessage(negative))
                .endsWith("column BillingAccountId: data page 1 (DELTA_BYTE_ARRAY): value 2 of 2 has a prefix of -1"
                        + " bytes");
    }

    @Test
    @DisplayName("FOCUS-10: a page's first prefix takes from the last value of the page before (parquet-java carries"
            + " it, PARQUET-246), and no further")
    void deltaByteArray_prefixCarriedFromThePageBefore_readUpToItsLength() throws IOException {
        // one row per page: page 2 builds 111222222222 from 3 bytes of page 1's 111111111111
        List<String> ids = List.of("111111111111", "111222222222");
        Path carried = crafted(
                Encoding.DELTA_BYTE_ARRAY,
                ids,
                1,
                (page, values) -> page == 0
                        ? deltaByteArray(new int[] {0}, "111111111111")
                        : deltaByteArray(new int[] {3}, "222222222"));
        Path beyond = crafted(
                Encoding.DELTA_BYTE_ARRAY,
                ids,
                1,
                (page, values) -> page == 0
                        ? deltaByteArray(new int[] {0}, "111111111111")
                        : deltaByteArray(new int[] {13}, "222222222"));

        assertThat(FocusParquet.readAll(carried, OnError.FAIL).result().valuesOrThrow())
                .extracting(r -> r.text(FocusColumn.BILLING_ACCOUNT_ID).orElseThrow())
                .containsExactlyElementsOf(ids);
        assertThat(readAllMessage(beyond))
                .endsWith("column BillingAccountId: data page 2 (DELTA_BYTE_ARRAY): value 1 of 1 takes a prefix of 13"
                        + " bytes from the value before it, which has 12 (the last of the page before, if"
                        + " DELTA_BYTE_ARRAY; else none)");
    }

    @Test
    @DisplayName(
            "FOCUS-10: DELTA_BYTE_ARRAY suffix lengths claiming 2^30 values (once out of memory) or more bytes than"
                    + " the page has are refused")
    void deltaByteArray_suffixLengthsBeyondThePage_refused() throws IOException {
        Path hugeBlock = crafted(
                Encoding.DELTA_BYTE_ARRAY,
                List.of("111111111111", "111111111112"),
                100,
                // prefixes 0, 0; then a suffix-length block of 128-value blocks in 4 mini-blocks claiming 2^30 values
                (page, values) -> BytesInput.concat(deltaInts(0, 0), BytesInput.from(new byte[] {
                    (byte) 0x80, 0x01, 0x04, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x04, 0x00
                })));
        Path tooLong = crafted(
                Encoding.DELTA_BYTE_ARRAY,
                List.of("111111111111", "111111111112"),
                100,
                (page, values) -> BytesInput.concat(
                        deltaInts(0, 0), deltaInts(12, 1_000_000), BytesInput.from(bytes("1111111111112"))));

        assertThat(readAllMessage(hugeBlock))
                .endsWith("column BillingAccountId: a delta-encoded page claims blocks of 128 values in 4 mini-blocks"
                        + " and 1073741824 values, for a page of 2 values");
        assertThat(readAllMessage(tooLong))
                .endsWith("column BillingAccountId: data page 1 (DELTA_BYTE_ARRAY): value 2 of 2 ends 1000012 bytes"
                        + " after the suffix lengths; the page has 13 bytes after them");
    }

    @Test
    @DisplayName("FOCUS-10: DELTA_LENGTH_BYTE_ARRAY lengths that are negative or beyond the page are refused")
    void deltaLengthByteArray_negativeOrTooLongLengths_refused() throws IOException {
        List<String> ids = List.of("111111111111", "2");
        Path negative = crafted(
                Encoding.DELTA_LENGTH_BYTE_ARRAY,
                ids,
                100,
                (page, values) -> BytesInput.concat(deltaInts(12, -1), BytesInput.from(bytes("1111111111112"))));
        Path tooLong = crafted(
                Encoding.DELTA_LENGTH_BYTE_ARRAY,
                ids,
                100,
                (page, values) -> BytesInput.concat(deltaInts(12, 2), BytesInput.from(bytes("1111111111112"))));
        Path fits = crafted(
                Encoding.DELTA_LENGTH_BYTE_ARRAY,
                ids,
                100,
                (page, values) -> BytesInput.concat(deltaInts(12, 1), BytesInput.from(bytes("1111111111112"))));

        assertThat(readAllMessage(negative))
                .endsWith("column BillingAccountId: data page 1 (DELTA_LENGTH_BYTE_ARRAY): value 2 of 2 has a length"
                        + " of -1 bytes");
        assertThat(readAllMessage(tooLong))
                .endsWith("column BillingAccountId: data page 1 (DELTA_LENGTH_BYTE_ARRAY): value 2 of 2 ends 14 bytes"
                        + " after the value lengths; the page has 13 bytes after them");
        assertThat(FocusParquet.readAll(fits, OnError.FAIL).result().valuesOrThrow())
                .extracting(r -> r.text(FocusColumn.BILLING_ACCOUNT_ID).orElseThrow())
                .containsExactlyElementsOf(ids);
    }

    @Test
    @DisplayName("FOCUS-10: consolidate refuses a lying DELTA_BYTE_ARRAY page as the plain read does")
    void consolidate_deltaByteArrayPrefixOf2Gigabytes_refusedAsThePlainRead() throws IOException {
        Path file = crafted(
                Encoding.DELTA_BYTE_ARRAY,
                List.of("111111111111", "111111111112"),
                100,
                (page, values) -> deltaByteArray(new int[] {0, Integer.MAX_VALUE - 1}, "111111111111", "2"));
        Grouping grouping = Grouping.by(
                org.cloudbilling.core.time.BillingCalendar.of(java.time.ZoneOffset.UTC, 1, 1),
                Dimension.parse("SubAccountId"));

        assertThatThrownBy(() -> FocusParquet.consolidate(file, grouping, note -> {}))
                .isInstanceOf(BillingInputException.class)
                .hasMessageContaining("column BillingAccountId: data page 1 (DELTA_BYTE_ARRAY): value 2 of 2 takes a"
                        + " prefix of 2147483646 bytes");
    }

    // ---- helpers ----

    /** Encodes one page's values of the crafted column. */
    private interface PageEncoder {
        BytesInput encode(int page, List<Binary> values);
    }

    private static String readAllMessage(Path file) {
        try {
            FocusParquet.readAll(file, OnError.FAIL);
        } catch (BillingInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no BillingInputException for " + file);
    }

    /** The sample's first rows with BillingAccountId set to {@code ids}, one row each. */
    private Path crafted(Encoding encoding, List<String> ids, int rowsPerPage, PageEncoder encoder) throws IOException {
        List<FocusRow> sample = sample(ids.size());
        List<FocusRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(sample.get(i).toBuilder()
                    .set(FocusColumn.BILLING_ACCOUNT_ID, ids.get(i))
                    .build());
        }
        ParquetProperties properties = properties(ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withMinRowCountForPageSizeCheck(1)
                .withPageRowCountLimit(rowsPerPage)
                .withValuesWriterFactory(new CraftedColumn(encoding, encoder)));
        return write(rows, properties);
    }

    private static ParquetProperties properties(ParquetProperties.Builder builder) {
        return builder.withStatisticsEnabled(false)
                .withSizeStatisticsEnabled(false)
                .build();
    }

    private Path write(List<FocusRow> rows, ParquetProperties properties) throws IOException {
        Path file = Files.createTempFile(dir, "delta", ".parquet");
        try (FocusParquetWriter w = new FocusParquetWriter(
                Files.newOutputStream(file),
                FocusVersion.V1_0,
                List.of(),
                FocusParquetWriter.Compression.UNCOMPRESSED,
                1000,
                properties,
                false)) {
            rows.forEach(w::write);
        }
        return file;
    }

    static List<FocusRow> sample(int rows) throws IOException {
        try (InputStream in = DeltaPagesTest.class.getResourceAsStream(SAMPLE)) {
            return FocusCsv.readAll(new InputStreamReader(in, StandardCharsets.UTF_8), "focus_sample.csv", OnError.FAIL)
                    .valuesOrThrow()
                    .subList(0, rows)
                    .stream()
                    .map(DeltaPagesTest::withoutExtraColumns)
                    .toList();
        }
    }

    private static FocusRow withoutExtraColumns(FocusRow row) {
        FocusRow.Builder b = row.toBuilder();
        row.extra().keySet().forEach(k -> b.extra(k, null));
        return b.build();
    }

    static FocusRow atScale18(FocusRow row) {
        FocusRow.Builder b = row.toBuilder();
        for (FocusColumn c : FocusColumn.values()) {
            if (c.type() == FocusColumn.Type.DECIMAL) {
                row.decimal(c).ifPresent(d -> b.set(c, d.setScale(18)));
            }
        }
        return b.build();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Integers as parquet-java's DELTA_BINARY_PACKED writer writes them (blocks of 128 in 4 mini-blocks). */
    private static BytesInput deltaInts(int... values) {
        DeltaBinaryPackingValuesWriterForInteger w =
                new DeltaBinaryPackingValuesWriterForInteger(128, 4, 64, 1024, new HeapByteBufferAllocator());
        for (int v : values) {
            w.writeInteger(v);
        }
        try {
            return BytesInput.from(w.getBytes().toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A DELTA_BYTE_ARRAY page's values: the prefix lengths, the suffix lengths, the suffixes. */
    private static BytesInput deltaByteArray(int[] prefixes, String... suffixes) {
        int[] lengths = new int[suffixes.length];
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < suffixes.length; i++) {
            lengths[i] = bytes(suffixes[i]).length;
            all.append(suffixes[i]);
        }
        return BytesInput.concat(deltaInts(prefixes), deltaInts(lengths), BytesInput.from(bytes(all.toString())));
    }

    /** Parquet-java's values writers, except for {@link #COLUMN}, whose pages {@code encoder} writes. */
    private static final class CraftedColumn implements ValuesWriterFactory {
        private final DefaultValuesWriterFactory plain = new DefaultValuesWriterFactory();
        private final Encoding encoding;
        private final PageEncoder encoder;

        CraftedColumn(Encoding encoding, PageEncoder encoder) {
            this.encoding = encoding;
            this.encoder = encoder;
        }

        @Override
        public void initialize(ParquetProperties properties) {
            plain.initialize(properties);
        }

        @Override
        public ValuesWriter newValuesWriter(ColumnDescriptor descriptor) {
            if (!descriptor.getPath()[0].equals(COLUMN)) {
                return plain.newValuesWriter(descriptor);
            }
            return new ValuesWriter() {
                private final List<Binary> values = new ArrayList<>();
                private int page;

                @Override
                public void writeBytes(Binary v) {
                    values.add(v.copy());
                }

                @Override
                public long getBufferedSize() {
                    return values.stream().mapToLong(Binary::length).sum();
                }

                @Override
                public BytesInput getBytes() {
                    return encoder.encode(page, List.copyOf(values));
                }

                @Override
                public Encoding getEncoding() {
                    return encoding;
                }

                @Override
                public void reset() {
                    values.clear();
                    page++;
                }

                @Override
                public long getAllocatedSize() {
                    return getBufferedSize();
                }

                @Override
                public String memUsageString(String prefix) {
                    return prefix + " crafted " + getBufferedSize();
                }
            };
        }
    }
}
