package org.cloudbilling.core.focus.parquet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.cloudbilling.core.focus.parquet.internal.ParquetFile.RawPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Dictionary ids read from the pages' bytes (FOCUS-10: the Parquet totals' fast path). */
@Tag("FOCUS-10")
class DictionaryIdsTest {
    /** A PLAIN BINARY dictionary of {@code entries}: each a 4-byte little-endian length, then its UTF-8 bytes. */
    private static byte[] binaryDictionary(String... entries) {
        List<Byte> out = new ArrayList<>();
        for (String e : entries) {
            byte[] b = e.getBytes(StandardCharsets.UTF_8);
            out.add((byte) b.length);
            out.add((byte) 0);
            out.add((byte) 0);
            out.add((byte) 0);
            for (byte x : b) {
                out.add(x);
            }
        }
        byte[] bytes = new byte[out.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = out.get(i);
        }
        return bytes;
    }

    private static ParquetFile.Pages pages(byte[] dictionary, int size, RawPage... raw) {
        DictionaryPage page = new DictionaryPage(BytesInput.from(dictionary), size, Encoding.PLAIN_DICTIONARY);
        return new ParquetFile.Pages(0, page, dictionary, List.of(), List.of(raw));
    }

    @Test
    @DisplayName("FOCUS-10: ids bit-packed and run-length encoded, nulls between them, a page of nulls only")
    void binary_bitPackedAndRleIds_nulls() {
        byte[] dictionary = binaryDictionary("a", "bé", "", "ccc");
        // page 1, 10 rows: levels RLE 10 x 1 (header 10 << 1 = 20, value 1); ids of 2 bits (the first byte): a
        // bit-packed group of 8 (header 3), ids 3, 1, 0, 2 then 0, 0, 0, 0: 0b10_00_01_11 = 0x87, 0x00; then an RLE
        // run of 2 ids 1 (header 4, value 1)
        byte[] levels1 = {20, 1};
        byte[] ids1 = {2, 3, (byte) 0x87, 0, 4, 1};
        // page 2, 3 rows: levels bit-packed 1, 0, 1 (header 3, 0b101); ids of 2 bits RLE 2 x 3 (header 4, value 3)
        byte[] levels2 = {3, 0b101};
        byte[] ids2 = {2, 4, 3};
        // page 3, 2 rows, both null (RLE 2 x 0); no bit width byte at all
        byte[] levels3 = {4, 0};
        DictionaryIds d = DictionaryIds.of(
                pages(
                        dictionary,
                        4,
                        new RawPage(10, Encoding.PLAIN_DICTIONARY, levels1, 0, 2, ids1, 0),
                        new RawPage(3, Encoding.RLE_DICTIONARY, levels2, 0, 2, ids2, 0),
                        new RawPage(2, Encoding.PLAIN_DICTIONARY, levels3, 0, 2, new byte[0], 0)),
                1,
                true);

        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            int e = d.next();
            rows.add(e < 0 ? null : d.text(e));
        }
        assertThat(rows)
                .containsExactly("ccc", "bé", "a", "", "a", "a", "a", "a", "bé", "bé", "ccc", null, "ccc", null, null);
    }

    @Test
    @DisplayName("FOCUS-10: INT64 entries, little-endian, in a required column")
    void int64_required() {
        // entries 1 and -2 (two's complement), 8 bytes each, little-endian
        byte[] dictionary = {1, 0, 0, 0, 0, 0, 0, 0, -2, -1, -1, -1, -1, -1, -1, -1};
        // 3 rows, no levels; ids of 1 bit bit-packed: 1, 0, 1 = 0b101
        byte[] ids = {1, 3, 0b101};
        DictionaryIds d = DictionaryIds.of(
                pages(dictionary, 2, new RawPage(3, Encoding.PLAIN_DICTIONARY, ids, 0, 0, ids, 0)), 0, false);

        assertThat(List.of(d.longAt(d.next()), d.longAt(d.next()), d.longAt(d.next())))
                .containsExactly(-2L, 1L, -2L);
    }

    @Test
    @DisplayName("FOCUS-10: an id past the dictionary, or a dictionary shorter than its entries, is refused")
    void badIdsOrDictionary_refused() {
        byte[] dictionary = binaryDictionary("a", "b");
        // an RLE run of 1 id 2 (header 2, bit width 2, value 2): the dictionary has 2 entries
        byte[] ids = {2, 2, 2};
        DictionaryIds d = DictionaryIds.of(
                pages(dictionary, 2, new RawPage(1, Encoding.PLAIN_DICTIONARY, ids, 0, 0, ids, 0)), 0, true);
        assertThatThrownBy(d::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("dictionary id 2");

        assertThatThrownBy(() -> DictionaryIds.of(
                        pages(dictionary, 3, new RawPage(1, Encoding.PLAIN_DICTIONARY, ids, 0, 0, ids, 0)), 0, true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("FOCUS-10: a dictionary claiming a negative count, or more entries than its bytes hold, is refused"
            + " before anything is allocated")
    void dictionarySizeBeyondItsBytes_refusedBeforeAllocating() {
        byte[] dictionary = binaryDictionary("a", "b"); // 10 bytes: at most 2 BINARY entries, 1 INT64 entry
        byte[] ids = {2, 2, 0};
        for (int size : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 28, 3}) {
            assertThatThrownBy(() -> DictionaryIds.of(
                            pages(dictionary, size, new RawPage(1, Encoding.PLAIN_DICTIONARY, ids, 0, 0, ids, 0)),
                            0,
                            true))
                    .as("%s BINARY entries", size)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the dictionary ends before its " + size + " entries");
        }
        for (int size : new int[] {-1, Integer.MIN_VALUE, 2}) {
            assertThatThrownBy(() -> DictionaryIds.of(
                            pages(dictionary, size, new RawPage(1, Encoding.PLAIN_DICTIONARY, ids, 0, 0, ids, 0)),
                            0,
                            false))
                    .as("%s INT64 entries", size)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the dictionary ends before its " + size + " entries");
        }
    }

    @Test
    @DisplayName("FOCUS-10: a chunk with a PLAIN page after its dictionary is left to parquet-java's column reader")
    void plainPageAfterDictionary_declined() {
        byte[] dictionary = binaryDictionary("a");
        byte[] none = new byte[0];
        assertThat(DictionaryIds.of(
                        pages(
                                dictionary,
                                1,
                                new RawPage(0, Encoding.PLAIN_DICTIONARY, none, 0, 0, none, 0),
                                new RawPage(0, Encoding.PLAIN, none, 0, 0, none, 0)),
                        0,
                        true))
                .isNull();
    }
}
