package org.cloudbilling.core.focus.parquet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.Encoding;
import org.cloudbilling.core.focus.parquet.internal.ParquetFile.RawPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The binary decimals of PLAIN pages, read from the pages' bytes (FOCUS-10: the Parquet totals' fast path). */
@Tag("FOCUS-10")
class PlainDecimalsTest {
    /** A 16-byte big-endian two's complement value. */
    private static byte[] sixteen(long v) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[15 - i] = (byte) (i < 8 ? v >> (8 * i) : v >> 63);
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static ParquetFile.Pages pages(RawPage... raw) {
        return new ParquetFile.Pages(0, null, null, List.of(), List.of(raw));
    }

    /** Reads {@code rows} rows: the value's long, or null. */
    private static List<Long> read(PlainDecimals p, int rows) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(p.next() ? FocusParquetReader.toLong(p.bytes, p.at, p.length) : null);
        }
        return out;
    }

    @Test
    @DisplayName("FOCUS-10: a bit-packed run then an RLE run of definition levels, over two pages of 16-byte values")
    void fixed_bitPackedAndRleLevels_twoPages() {
        // page 1, 10 rows: a bit-packed run of one group of 8 levels (header (1 << 1) | 1 = 3), levels LSB first
        // 1,0,1,0,1,1,0,1 = 0b10110101; then an RLE run of 2 levels of value 1 (header 2 << 1 = 4, value 1)
        byte[] levels1 = {3, (byte) 0b10110101, 4, 1};
        byte[] values1 = concat(
                sixteen(7),
                sixteen(-2),
                sixteen(0),
                sixteen(Long.MAX_VALUE),
                sixteen(-1),
                sixteen(123456789L),
                sixteen(5));
        // page 2, 3 rows: an RLE run of 3 nulls (header 3 << 1 = 6, value 0); no values
        byte[] levels2 = {6, 0};
        PlainDecimals p = PlainDecimals.of(
                pages(
                        new RawPage(10, Encoding.PLAIN, levels1, 0, levels1.length, values1, 0),
                        new RawPage(3, Encoding.PLAIN, levels2, 0, levels2.length, new byte[0], 0)),
                1,
                16);

        assertThat(read(p, 13))
                .containsExactly(7L, null, -2L, null, 0L, Long.MAX_VALUE, null, -1L, 123456789L, 5L, null, null, null);
    }

    @Test
    @DisplayName("FOCUS-10: BINARY values, each after its 4-byte little-endian length, in a required column")
    void binary_requiredColumn_lengthPrefixed() {
        // 300 (0x012C) in 2 bytes, -1 in 1 byte, 1 in 9 bytes (a sign byte first)
        byte[] values = {2, 0, 0, 0, 0x01, 0x2C, 1, 0, 0, 0, (byte) 0xFF, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        PlainDecimals p = PlainDecimals.of(pages(new RawPage(3, Encoding.PLAIN, values, 0, 0, values, 0)), 0, -1);

        assertThat(read(p, 3)).containsExactly(300L, -1L, 1L);
    }

    @Test
    @DisplayName("FOCUS-10: levels or values that run past the page are refused, not read from the next bytes")
    void truncated_refused() {
        // a bit-packed run of one group claimed, but its byte lies past the levels' end (the values follow)
        byte[] page = concat(new byte[] {3}, sixteen(1));
        PlainDecimals levels = PlainDecimals.of(pages(new RawPage(1, Encoding.PLAIN, page, 0, 1, page, 1)), 1, 16);
        assertThatThrownBy(levels::next).isInstanceOf(IllegalStateException.class);

        // one value defined, 15 bytes where 16 are due
        byte[] rle = {2, 1};
        PlainDecimals values =
                PlainDecimals.of(pages(new RawPage(1, Encoding.PLAIN, rle, 0, 2, new byte[15], 0)), 1, 16);
        assertThatThrownBy(values::next).isInstanceOf(IllegalStateException.class);

        // a BINARY value whose 4-byte length is cut after 2 bytes
        PlainDecimals length =
                PlainDecimals.of(pages(new RawPage(1, Encoding.PLAIN, rle, 0, 0, new byte[] {1, 0}, 0)), 0, -1);
        assertThatThrownBy(length::next)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("length runs past its page");

        // more rows than the pages hold
        PlainDecimals empty = PlainDecimals.of(pages(new RawPage(0, Encoding.PLAIN, rle, 0, 0, rle, 0)), 0, 16);
        assertThatThrownBy(empty::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("FOCUS-10: a page not PLAIN-encoded is left to parquet-java's column reader")
    void notPlain_declined() {
        byte[] none = new byte[0];
        assertThat(PlainDecimals.of(
                        pages(
                                new RawPage(0, Encoding.PLAIN, none, 0, 0, none, 0),
                                new RawPage(0, Encoding.RLE_DICTIONARY, none, 0, 0, none, 0)),
                        1,
                        16))
                .isNull();
        assertThat(PlainDecimals.of(
                        new ParquetFile.Pages(0, null, null, List.of(), java.util.Arrays.asList((RawPage) null)),
                        1,
                        16))
                .isNull();
    }
}
