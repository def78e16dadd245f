package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.testing.BillFixtures;
import org.junit.jupiter.api.Test;

class LineItemCsvReaderEdgesTest {
    private static final List<String> HEADER = LineItemCsv.header();
    /** The refund of BillFixtures.DISK_REFUND, as its golden CSV row writes it; no cell needs quotes. */
    private static final String REFUND_ROW = "li-0002,100000000002,100000000001,,p_cbs,,,,,,,PREPAID,,REFUND,"
            + "2024-09-10T04:00:00Z,2024-10-01T16:00:00Z,,20240917000123,20240910000042,,,CNY,-120.50000000,,,,,,,,,,,"
            + "-96.40000000,";

    /** The refund row with the cell of column {@code header} replaced by {@code value}. */
    private static String refundWith(String... headerValuePairs) {
        List<String> cells = new ArrayList<>(Arrays.asList(REFUND_ROW.split(",", -1)));
        for (int i = 0; i < headerValuePairs.length; i += 2) {
            cells.set(HEADER.indexOf(headerValuePairs[i]), headerValuePairs[i + 1]);
        }
        return String.join(",", cells);
    }

    private static ReadResult<LineItem> collect(String... rows) {
        String csv = String.join(",", HEADER) + "\n" + String.join("\n", rows) + "\n";
        return LineItemCsv.readAll(new StringReader(csv), "t.csv", OnError.COLLECT);
    }

    private static List<String> problems(String... rows) {
        return collect(rows).problems().stream().map(Object::toString).toList();
    }

    @Test
    void refundRow_isTheFixture() {
        assertThat(REFUND_ROW.split(",", -1)).hasSize(HEADER.size());
        assertThat(collect(REFUND_ROW).values()).containsExactly(BillFixtures.DISK_REFUND);
    }

    @Test
    void header_outOfOrder_isRefusedListingTheExpectedOrder() {
        List<String> swapped = new ArrayList<>(HEADER);
        swapped.set(0, HEADER.get(1));
        swapped.set(1, HEADER.get(0));

        assertThatThrownBy(() -> LineItemCsv.reader(new StringReader(String.join(",", swapped)), "o.csv"))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("o.csv:1: the header is not the canonical line-item header; columns are out of order,"
                        + " expected " + HEADER);
    }

    @Test
    void header_missingAndUnknownColumns_areBothNamed_withoutAnOrderHint() {
        String header = String.join(",", HEADER).replace("tags", "labels");

        assertThatThrownBy(() -> LineItemCsv.reader(new StringReader(header), "h.csv"))
                .hasMessage("h.csv:1: the header is not the canonical line-item header; missing columns [tags];"
                        + " unknown columns [labels]");
    }

    @Test
    void header_onlyUnknownColumn_isNamed() {
        assertThatThrownBy(() -> LineItemCsv.reader(new StringReader(String.join(",", HEADER) + ",x"), "h.csv"))
                .hasMessage("h.csv:1: the header is not the canonical line-item header; unknown columns [x]");
    }

    @Test
    void hasNext_askedTwice_doesNotSkipARow_andNextAtTheEndThrows() {
        String csv = String.join(",", HEADER) + "\n" + REFUND_ROW + "\n" + refundWith("id", "li-0003") + "\n";
        LineItemCsvReader in = LineItemCsv.reader(new StringReader(csv), "n.csv");

        assertThat(in.hasNext()).isTrue();
        assertThat(in.hasNext()).isTrue();
        assertThat(in.next().id().value()).isEqualTo("li-0002");
        assertThat(in.next().id().value()).isEqualTo("li-0003");
        assertThat(in.hasNext()).isFalse();
        assertThat(in.hasNext()).isFalse();
        assertThatThrownBy(in::next).isInstanceOf(NoSuchElementException.class).hasMessage("no more rows in n.csv");
        in.close();
    }

    @Test
    void rowWithTooManyCells_isReportedForItsLine() {
        assertThat(problems(REFUND_ROW + ",extra")).containsExactly("t.csv:2: the row has 36 cells, the header 35");
    }

    @Test
    void emptyRequiredCells_areEachReportedNamingTheirColumn() {
        assertThat(problems(refundWith("id", "", "payMode", "", "totalCost", "")))
                .containsExactly(
                        "t.csv:2:1 (id): id is required",
                        "t.csv:2:12 (payMode): payMode is required",
                        "t.csv:2:34 (totalCost): totalCost is required");
    }

    @Test
    void unknownCurrency_isReportedFirstAndOnce_amountsAreNotCheckedAgainstIt_otherCellsStillAre() {
        List<String> reported = problems(refundWith(
                "currency", "XYZ",
                "listCost", "1.0x",
                "discountRate", "0.8x",
                "usageQuantity", "2x"));

        assertThat(reported)
                .containsExactly(
                        "t.csv:2:22 (currency): unknown currency code 'XYZ'",
                        "t.csv:2:20 (usageQuantity): amount '2x' is not a decimal number",
                        "t.csv:2:24 (discountRate): amount '0.8x' is not a decimal number");
    }

    @Test
    void knownCurrency_badAmount_isReportedForItsColumn() {
        assertThat(problems(refundWith("listCost", "1.0x")))
                .containsExactly("t.csv:2:23 (listCost): amount '1.0x' is not a decimal number");
    }

    @Test
    void feePeriodEndingBeforeItStarts_isReportedOnTheEndColumn() {
        assertThat(problems(refundWith("feePeriodEnd", "2024-09-10T03:59:59Z")))
                .containsExactly("t.csv:2:16 (feePeriodEnd): interval end 2024-09-10T03:59:59Z is not after its start"
                        + " 2024-09-10T04:00:00Z");
    }

    @Test
    void tags_notAnObjectOrWithAnEmptyKeyOrANonStringValue_areRefused() {
        assertThat(problems(refundWith("tags", "[]"))).containsExactly("t.csv:2:35 (tags): tags are not a JSON object");
        assertThat(problems(refundWith("tags", "null")))
                .containsExactly("t.csv:2:35 (tags): tags are not a JSON object");
        assertThat(problems(refundWith("tags", "{\"\":\"x\"}")))
                .containsExactly("t.csv:2:35 (tags): a tag key is empty");
        assertThat(problems(refundWith("tags", "{\"team\":1}")))
                .containsExactly("t.csv:2:35 (tags): the value of tag 'team' is not a string");
        assertThat(problems(refundWith("tags", "{team}")))
                .singleElement()
                .asString()
                .startsWith("t.csv:2:35 (tags): tags are not a JSON object: ");
    }

    @Test
    void tags_aJsonObjectOfStrings_isRead() {
        LineItem item =
                collect(refundWith("tags", "{\"team\":\"web\"}")).values().get(0);

        assertThat(item.tags()).containsExactly(java.util.Map.entry(TagKey.of("team"), "web"));
    }

    @Test
    void collect_goodRowAfterABadOne_isStillRead() {
        ReadResult<LineItem> read = collect(refundWith("id", ""), REFUND_ROW);

        assertThat(read.values()).containsExactly(BillFixtures.DISK_REFUND);
        assertThat(read.problems()).extracting(InputProblem::line).containsExactly(2L);
    }
}
