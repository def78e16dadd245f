package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.testing.BillFixtures;
import org.junit.jupiter.api.Test;

class LineItemCsvTest {
    private static final String HEADER = String.join(",", LineItemCsv.header());

    @Test
    void write_refund_matchesTheGoldenFile() throws IOException {
        assertThat(write(List.of(BillFixtures.DISK_REFUND))).isEqualTo(golden("refund-line-item.csv"));
    }

    @Test
    void writeThenRead_givesBackEveryFieldAndDecimal() {
        List<LineItem> items = List.of(BillFixtures.CVM_HOUR, BillFixtures.DISK_REFUND);
        ReadResult<LineItem> read = LineItemCsv.readAll(new StringReader(write(items)), "mem.csv", OnError.FAIL);
        assertThat(read.values()).containsExactlyElementsOf(items);
        LineItem cvm = read.values().get(0);
        assertThat(cvm.listCost().toString()).isEqualTo("CNY 0.40000000");
        assertThat(cvm.usageQuantity().get().toPlainString()).isEqualTo("1.000000000000000");
        assertThat(cvm.tags()).containsEntry(TagKey.of(" org"), "Finance & Ops");
    }

    /**
     * Every id of a file that ends in a number is held compactly by the fast path, the first of each prefix too: code
     * that reads the ids of millions of items (the tie-break keys at a period's end) meets ids of one kind.
     */
    @Test
    void fastPath_holdsEveryIdEndingInANumberCompactly_theFirstOfEachPrefixToo(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException, ReflectiveOperationException {
        List<LineItem> items = new java.util.ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            String id = (i <= 150 ? "li-" : "x-") + i; // a prefix, then another
            items.add(LineItem.builder()
                    .from(BillFixtures.CVM_HOUR)
                    .id(LineItemId.of(id))
                    .build());
        }
        java.nio.file.Path file = dir.resolve("items.csv");
        java.nio.file.Files.writeString(file, write(items));
        List<LineItem> read = LineItemCsv.collect(
                file, StandardCharsets.UTF_8, FormulaGuard.ON, java.util.stream.Collectors.toList(), 2, 4096);

        java.lang.reflect.Field prefix = LineItemId.class.getDeclaredField("prefix");
        prefix.setAccessible(true);
        assertThat(read).hasSize(300);
        for (LineItem item : read) {
            assertThat(prefix.get(item.id())).as("%s held compactly", item.id()).isNotNull();
        }
        assertThat(read)
                .extracting(LineItem::id)
                .containsExactlyInAnyOrderElementsOf(
                        items.stream().map(LineItem::id).toList());
    }

    @Test
    void badAmount_isReportedWithLineColumnValueAndReason() throws IOException {
        String csv = golden("refund-line-item.csv").replace("-96.40000000", "-96.4x");
        assertThatThrownBy(() -> LineItemCsv.readAll(new StringReader(csv), "sept.csv", OnError.FAIL))
                .isInstanceOf(BillingInputException.class)
                .satisfies(e -> {
                    InputProblem p = ((BillingInputException) e).problems().get(0);
                    assertThat(p.source()).isEqualTo("sept.csv");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(34);
                    assertThat(p.columnName()).contains("totalCost");
                    assertThat(p.value()).contains("-96.4x");
                })
                .hasMessage("sept.csv:2:34 (totalCost): amount '-96.4x' is not a decimal number");
    }

    @Test
    void invalidValues_eachNameTheirColumn() throws IOException {
        String row = golden("refund-line-item.csv").split("\n")[1];
        String bad = row.replace("PREPAID", "PREPAY").replace("2024-09-10T04:00:00Z", "2024-09-10 04:00:00");
        ReadResult<LineItem> read =
                LineItemCsv.readAll(new StringReader(HEADER + "\n" + bad + "\n"), "x.csv", OnError.COLLECT);
        assertThat(read.values()).isEmpty();
        assertThat(read.problems())
                .extracting(Object::toString)
                .containsExactly(
                        "x.csv:2:12 (payMode): 'PREPAY' is not one of [PREPAID, POSTPAID]",
                        "x.csv:2:15 (feePeriodStart): '2024-09-10 04:00:00' is not an ISO-8601 instant such as"
                                + " 2024-09-01T00:00:00Z");
    }

    @Test
    void collect_keepsGoodRows_andReportsEveryBadOne() throws IOException {
        String row = golden("refund-line-item.csv").split("\n")[1];
        String csv = HEADER + "\n" + row + "\n" + row.replace("li-0002", "") + "\n"
                + row.replace("li-0002", "li-3").replace(",CNY,", ",XYZ,") + "\n" + row.replace("li-0002", "li-4")
                + "\n";
        ReadResult<LineItem> read = LineItemCsv.readAll(new StringReader(csv), "x.csv", OnError.COLLECT);
        assertThat(read.values()).extracting(i -> i.id().value()).containsExactly("li-0002", "li-4");
        assertThat(read.problems())
                .extracting(Object::toString)
                .containsExactly(
                        "x.csv:3:1 (id): id is required", "x.csv:4:22 (currency): unknown currency code 'XYZ'");
        assertThat(read.isComplete()).isFalse();
        assertThatThrownBy(read::valuesOrThrow).hasMessageStartingWith("2 problems in the input:");
    }

    @Test
    void failMode_stopsAtTheFirstBadRow() throws IOException {
        String row = golden("refund-line-item.csv").split("\n")[1];
        String csv = HEADER + "\n" + row.replace("li-0002", "") + "\n" + row + "\n";
        assertThatThrownBy(() -> LineItemCsv.readAll(new StringReader(csv), "x.csv", OnError.FAIL))
                .hasMessage("x.csv:3:1 (id): id is required".replace(":3:", ":2:"));
    }

    @Test
    void brokenInvariant_isReportedForItsLine() throws IOException {
        String row = golden("refund-line-item.csv").split("\n")[1];
        String bad = row.replace(",,,,,,,-96.40000000", ",-90.00000000,,,,,,-96.40000000");
        assertThatThrownBy(() -> LineItemCsv.readAll(new StringReader(HEADER + "\n" + bad), "x.csv", OnError.FAIL))
                .hasMessage("x.csv:2: line item li-0002: payments add up to CNY -90.00000000 but totalCost is CNY"
                        + " -96.40000000");
    }

    @Test
    void emptyInput_headerOnly_andWrongHeaders() {
        assertThatThrownBy(() -> LineItemCsv.readAll(new StringReader(""), "e.csv", OnError.COLLECT))
                .hasMessage("e.csv: the input is empty: no header row");
        assertThat(LineItemCsv.readAll(new StringReader(HEADER + "\n"), "h.csv", OnError.FAIL)
                        .values())
                .isEmpty();
        String missing = HEADER.replace(",tags", "");
        assertThatThrownBy(() -> LineItemCsv.readAll(new StringReader(missing), "m.csv", OnError.COLLECT))
                .hasMessageContaining(
                        "m.csv:1: the header is not the canonical line-item header; missing columns" + " [tags]");
        assertThatThrownBy(() -> LineItemCsv.readAll(new StringReader(HEADER + ",extra"), "m.csv", OnError.COLLECT))
                .hasMessageContaining("unknown columns [extra]");
    }

    @Test
    void byteOrderMark_andCrlf_areRead() throws IOException {
        String csv = "\uFEFF" + golden("refund-line-item.csv").replace("\n", "\r\n");
        assertThat(LineItemCsv.readAll(new StringReader(csv), "bom.csv", OnError.FAIL)
                        .values())
                .containsExactly(BillFixtures.DISK_REFUND);
    }

    @Test
    void rowWithTooFewCells_isReported() {
        assertThatThrownBy(() -> LineItemCsv.readAll(new StringReader(HEADER + "\na,b\n"), "s.csv", OnError.FAIL))
                .hasMessage("s.csv:2: the row has 2 cells, the header 35");
    }

    @Test
    void unclosedQuote_isReportedAsMalformed() {
        assertThatThrownBy(
                        () -> LineItemCsv.readAll(new StringReader(HEADER + "\n\"li-1,a\n"), "q.csv", OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessageContaining("q.csv:")
                .hasMessageContaining("the CSV is malformed");
    }

    private static String write(List<LineItem> items) {
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out)) {
            items.forEach(w::write);
        }
        return out.toString();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = LineItemCsvTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
