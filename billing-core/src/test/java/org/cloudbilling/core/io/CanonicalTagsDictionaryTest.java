package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.io.FastPathComparison.delete;
import static org.cloudbilling.core.io.FastPathComparison.file;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.internal.CsvByteRows;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The canonical fast path reads a plain tags cell (keys and values of plain characters, no escapes) from its bytes
 * every time, without keeping it: a file has tens of thousands of distinct tags cells, each seen a few times, and a
 * dictionary of them all was kept alive for the whole read and copied by every young collection. Any other tags
 * cell (read as JSON, far dearer) is kept in the column's dictionary, so a cell seen again gives the same map. The
 * items are the plain reader's either way.
 */
@Tag("IO-1")
class CanonicalTagsDictionaryTest {
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");

    private static LineItem item(int n, Map<TagKey, String> tags) {
        return LineItem.builder()
                .id(LineItemId.of("li-" + n))
                .ownerUin(OwnerUin.of("o1"))
                .payerUin(PayerUin.of("p1"))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(START, START.plusSeconds(3600)))
                .listCost(Money.of("CNY", "1.5"))
                .totalCost(Money.of("CNY", "1.5"))
                .tags(tags)
                .build();
    }

    private static String csv(List<LineItem> items) {
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out, FormulaGuard.OFF)) {
            items.forEach(w::write);
        }
        return out.toString();
    }

    /** The items of {@code text} read by one parser from its bytes; the parser is left in {@code parser[0]}. */
    private static List<LineItem> readByOneParser(String text, CanonicalChunkParser[] parser) throws IOException {
        Path file = file(text.getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long headerEnd = text.indexOf('\n') + 1;
            CanonicalChunkParser p = new CanonicalChunkParser(new CanonicalRowMapping("f.csv", FormulaGuard.OFF));
            parser[0] = p;
            List<LineItem> read = new ArrayList<>();
            CsvByteRows.Part part = p.read(
                    channel, channel.size(), headerEnd, channel.size(), headerEnd, new CanonicalChunkParser.Sink() {
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

    @Test
    void manyDistinctPlainTagsCells_areNotKept_andGiveThePlainItems() throws IOException {
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            items.add(item(i, Map.of(TagKey.of("app"), "v" + i)));
        }
        String text = csv(items);
        CanonicalChunkParser[] parser = {null};
        List<LineItem> read = readByOneParser(text, parser);
        assertThat(read).isEqualTo(items);
        assertThat(read)
                .isEqualTo(LineItemCsv.reader(new StringReader(text), "f.csv", FormulaGuard.OFF)
                        .readAll(OnError.FAIL)
                        .values());
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).tags().toString())
                    .isEqualTo(items.get(i).tags().toString());
        }
        assertThat(parser[0].tagsCellsHeld()).isZero();
    }

    @Test
    void aTagsCellThatIsNotPlain_isKept_andSeenAgainGivesTheSameMap() throws IOException {
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // a space is not plain: the cell is read as JSON once, then found in the dictionary
            items.add(item(i, Map.of(TagKey.of("app"), "v " + (i % 7), TagKey.of("env"), "prod")));
        }
        String text = csv(items);
        CanonicalChunkParser[] parser = {null};
        List<LineItem> read = readByOneParser(text, parser);
        assertThat(read).isEqualTo(items);
        assertThat(read)
                .isEqualTo(LineItemCsv.reader(new StringReader(text), "f.csv", FormulaGuard.OFF)
                        .readAll(OnError.FAIL)
                        .values());
        assertThat(read.get(150).tags()).isSameAs(read.get(3).tags()); // 150 = 3 (mod 7)
        assertThat(parser[0].tagsCellsHeld()).isEqualTo(7);
    }
}
