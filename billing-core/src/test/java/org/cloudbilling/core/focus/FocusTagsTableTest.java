package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.io.FastPathComparison.delete;
import static org.cloudbilling.core.io.FastPathComparison.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.internal.CsvByteRows;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FOCUS-8, import: the tags of the FOCUS CSV fast path's items. A simple tags cell is read from its bytes every time,
 * not kept; any other is read as JSON once and kept by the cell's bytes in {@link FocusTagsTable} (keys one after the
 * other in chunks of bytes): every key found again with its value, whatever its length, where it lies in the chunks,
 * or how many keys there are; a file of many distinct tags cells read as the plain reader reads it.
 */
@Tag("FOCUS-8")
class FocusTagsTableTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void get_afterPut_findsEveryKeyInsideAnyBuffer_andNoOther() {
        FocusTagsTable t = new FocusTagsTable();
        int n = 40_000; // records over several chunks, and a table grown many times
        for (int i = 0; i < n; i++) {
            byte[] line = bytes("xx{\"env\":\"v" + i + "\"}yy");
            assertThat(t.get(line, 2, line.length - 2)).isNull();
            t.put(line, 2, line.length - 2, "value " + i);
        }
        assertThat(t.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            byte[] key = bytes("{\"env\":\"v" + i + "\"}");
            assertThat(t.get(key, 0, key.length)).isEqualTo("value " + i);
            byte[] longer = bytes("{\"env\":\"v" + i + "\"} ");
            assertThat(t.get(longer, 0, longer.length)).isNull();
            assertThat(t.get(longer, 0, longer.length - 2)).isNull();
        }
        byte[] empty = new byte[0];
        assertThat(t.get(empty, 0, 0)).isNull();
        t.put(empty, 0, 0, "empty");
        assertThat(t.get(empty, 0, 0)).isEqualTo("empty");
    }

    @Test
    void put_keyLongerThanTheMost_isNotKept_andLongKeysFillChunksExactly() {
        FocusTagsTable t = new FocusTagsTable();
        byte[] tooLong = new byte[FocusTagsTable.MAX_KEY + 1];
        t.put(tooLong, 0, tooLong.length, "x");
        assertThat(t.get(tooLong, 0, tooLong.length)).isNull();
        assertThat(t.size()).isZero();
        // keys of the longest length kept, so records end at and cross the chunks' ends
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] k = new byte[FocusTagsTable.MAX_KEY - (i % 3)];
            java.util.Arrays.fill(k, (byte) ('a' + i % 26));
            k[0] = (byte) i;
            k[1] = (byte) (i >>> 8);
            keys.add(k);
            t.put(k, 0, k.length, i);
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(t.get(keys.get(i), 0, keys.get(i).length)).isEqualTo(i);
        }
    }

    @Test
    void put_pastTheMostEntries_emptiesTheTableFirst() {
        FocusTagsTable t = new FocusTagsTable();
        for (int i = 0; i < FocusTagsTable.MAX_ENTRIES; i++) {
            byte[] k = bytes("k" + i);
            t.put(k, 0, k.length, i);
        }
        assertThat(t.size()).isEqualTo(FocusTagsTable.MAX_ENTRIES);
        byte[] last = bytes("last");
        t.put(last, 0, last.length, "last");
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.get(last, 0, last.length)).isEqualTo("last");
        byte[] first = bytes("k0");
        assertThat(t.get(first, 0, first.length)).isNull();
    }

    private static LineItem item(int n, Map<TagKey, String> tags) {
        return FocusCsvFastPathProperties.hourlyItem(n).tags(tags).build();
    }

    @Test
    void collect_manyDistinctTagsCells_areThePlainReadersTags() {
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            // distinct cells of one to three tags, each seen again a few rows later; a value with an escape too
            int c = i / 3;
            Map<TagKey, String> tags = new java.util.LinkedHashMap<>();
            tags.put(TagKey.of("env"), "v" + c);
            if (c % 2 == 0) {
                tags.put(TagKey.of("app"), "a" + (c % 97));
            }
            if (c % 5 == 0) {
                tags.put(TagKey.of("team"), c % 7 == 0 ? "q\"" + c : "t" + (c % 13));
            }
            items.add(item(i, tags));
        }
        FocusCsvFastPathProperties.collectedAsThePlainReader(
                items,
                1 << 18,
                (fast, plain) -> assertThat(List.copyOf(fast.tags().entrySet()))
                        .isEqualTo(List.copyOf(plain.tags().entrySet())));
    }

    /** The items of {@code text} read by one parser from its bytes; the parser is left in {@code parser[0]}. */
    private static List<LineItem> readByOneParser(String text, FocusChunkParser[] parser) throws IOException {
        Path file = file(text.getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FocusCsvFile.HeaderLine header = FocusCsvFile.headerLine(file);
            FocusChunkParser p = new FocusChunkParser(new FocusRowMapping("f.csv", FormulaGuard.OFF, header.names));
            parser[0] = p;
            List<LineItem> read = new ArrayList<>();
            CsvByteRows.Part part = p.read(
                    channel, channel.size(), header.end, channel.size(), header.end, new FocusChunkParser.Sink() {
                        @Override
                        public boolean item(LineItem item) {
                            read.add(item);
                            return true;
                        }

                        @Override
                        public boolean bad(BillingInputException refusal) {
                            throw refusal;
                        }
                    });
            assertThat(part.stopped).isFalse();
            return read;
        } finally {
            delete(file);
        }
    }

    private static List<LineItem> plain(String text) {
        return FocusCsv.readLineItems(new java.io.StringReader(text), "f.csv", FormulaGuard.OFF, OnError.FAIL)
                .values();
    }

    @Test
    void manyDistinctSimpleTagsCells_areNotKept_andGiveThePlainItems() throws IOException {
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            items.add(item(i, Map.of(TagKey.of("app"), "v" + i)));
        }
        String text = FocusCsvFastPathProperties.csv(items, FocusVersion.V1_2, false, FormulaGuard.OFF);
        FocusChunkParser[] parser = {null};
        List<LineItem> read = readByOneParser(text, parser);
        assertThat(read).isEqualTo(plain(text)).isEqualTo(items);
        assertThat(parser[0].tagsCellsHeld()).isZero();
    }

    @Test
    void aTagsCellThatIsNotSimple_isKept_andSeenAgainGivesTheSameMap() throws IOException {
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // a quote, escaped in JSON, is not simple: the cell is read as JSON once, then found in the table
            items.add(item(i, Map.of(TagKey.of("app"), "v\"" + (i % 7), TagKey.of("env"), "prod")));
        }
        String text = FocusCsvFastPathProperties.csv(items, FocusVersion.V1_2, false, FormulaGuard.OFF);
        FocusChunkParser[] parser = {null};
        List<LineItem> read = readByOneParser(text, parser);
        assertThat(read).isEqualTo(plain(text)).isEqualTo(items);
        assertThat(read.get(150).tags()).isSameAs(read.get(3).tags()); // 150 = 3 (mod 7)
        assertThat(parser[0].tagsCellsHeld()).isEqualTo(7);
    }
}
