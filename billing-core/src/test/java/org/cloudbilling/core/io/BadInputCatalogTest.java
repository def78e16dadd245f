package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.Bill;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-input catalog (docs/testing.md) run against the three line-item CSV readers: the canonical
 * {@link LineItemCsv}, FOCUS {@link FocusCsv} and the Tencent-style bill. Each bad cell goes into the second of
 * three good rows (line 3), so every test also checks that the error names that line and column, and that
 * collecting errors keeps the two good rows.
 */
@Tag("bad-input")
class BadInputCatalogTest {
    private static final String SOURCE = "bad.csv";

    // ---------------------------------------------------------------- structure

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_emptyOrBlankInput_isRefusedAsEmpty(BadInputFormat f) {
        for (String empty : List.of("", "\n", "\r\n\r\n")) {
            for (OnError onError : OnError.values()) {
                assertThatThrownBy(() -> f.read(empty, SOURCE, onError))
                        .isInstanceOfSatisfying(
                                BillingInputException.class,
                                e -> assertThat(e.problems().get(0).line()).isZero())
                        .hasMessage("bad.csv: the input is empty: no header row");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_headerOnly_givesNoItemsAndNoProblems(BadInputFormat f) {
        for (String eol : List.of("\n", "\r\n", "")) {
            ReadResult<LineItem> read = f.read(f.csv(List.of(), eol), SOURCE, OnError.FAIL);
            assertThat(read.values()).isEmpty();
            assertThat(read.isComplete()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_missingRequiredColumn_isRefusedNamingItOnLine1(BadInputFormat f) {
        List<Map<String, String>> rows = f.goodRows();
        rows.forEach(r -> r.remove(f.amount));
        String csv = csvOf(rows);
        for (OnError onError : OnError.values()) {
            assertThatThrownBy(() -> f.read(csv, SOURCE, onError))
                    .isInstanceOf(BillingInputException.class)
                    .hasMessageStartingWith("bad.csv:1: ")
                    .hasMessageContaining("[" + f.amount + "]");
        }
    }

    @Test
    void read_extraColumn_isRefusedByTheCanonicalReader_keptByFocus_andIgnoredByTencent() {
        for (BadInputFormat f : BadInputFormat.values()) {
            List<Map<String, String>> rows = f.goodRows();
            rows.forEach(r -> r.put("x_Note", "kept"));
            String csv = csvOf(rows);
            if (f == BadInputFormat.CANONICAL) {
                // the canonical form is exact: an unknown column could be a misspelt one
                assertThatThrownBy(() -> f.read(csv, SOURCE, OnError.COLLECT))
                        .hasMessage("bad.csv:1: the header is not the canonical line-item header; unknown columns"
                                + " [x_Note]");
            } else {
                assertThat(f.read(csv, SOURCE, OnError.FAIL).values())
                        .as("%s", f)
                        .isEqualTo(f.read(f.csv(f.goodRows()), SOURCE, OnError.FAIL)
                                .values());
            }
        }
        String focus = csvOf(withExtra(BadInputFormat.FOCUS.goodRows()));
        List<FocusRow> rows = FocusCsv.readAll(new java.io.StringReader(focus), SOURCE, OnError.FAIL)
                .values();
        assertThat(rows).allSatisfy(r -> assertThat(r.extra("x_Note")).contains("kept"));
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_rowWithTooFewOrTooManyCells_isReportedForItsLine(BadInputFormat f) {
        List<Map<String, String>> rows = f.goodRows();
        String[] lines = f.csv(rows).split("\n");
        Map<String, String> shortened = new LinkedHashMap<>(rows.get(1));
        shortened.remove(f.header().get(f.header().size() - 1));
        String shortRow = f.csv(List.of(shortened)).split("\n")[1];
        String text = lines[0] + "\n" + lines[1] + "\n" + shortRow + "\n" + lines[3] + ",\"x\"\n";
        ReadResult<LineItem> read = f.read(text, SOURCE, OnError.COLLECT);
        int n = f.header().size();
        assertThat(read.problems())
                .extracting(Object::toString)
                .containsExactly(
                        "bad.csv:3: the row has " + (n - 1) + " cells, the header " + n,
                        "bad.csv:4: the row has " + (n + 1) + " cells, the header " + n);
        assertThat(read.values()).containsExactly(goodItems(f).get(0));
    }

    // ---------------------------------------------------------------- cells

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_wrongTypes_areEachReportedWithLineColumnValueAndReason(BadInputFormat f) {
        assertCellRefused(f, f.amount, "12.5x", "amount '12.5x' is not a decimal number");
        assertCellRefused(f, f.amount, "", null);
        assertCellRefused(f, f.quantity, "1,5", "amount '1,5' is not a decimal number");
        assertCellRefused(f, f.start, "yesterday", "'yesterday' is not");
        assertCellRefused(f, f.amount, "\u0661\u0662", "is not a decimal number");
        assertCellRefused(f, f.tags, "{not json", null);
        assertCellRefused(f, f.tags, "42", null);
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_hugeNumbers_areRefusedWithoutExpandingThem(BadInputFormat f) {
        for (String column : List.of(f.amount, f.quantity)) {
            assertCellRefused(f, column, "1e999999999", "more than 40 digits before the decimal point");
            assertCellRefused(f, column, "-1E+2147483647", "more than 40 digits before the decimal point");
            assertCellRefused(f, column, "4" + "0".repeat(399), "more than 40 digits before the decimal point");
            assertCellRefused(f, column, "1e-999999999", "decimal places");
        }
        // the largest amount Money holds is read exactly
        String forty = "9".repeat(40) + ".25";
        LineItem item = readOne(f, f.amount, forty);
        assertThat(item.totalCost().amount().toPlainString()).isEqualTo(forty);
    }

    @Test
    void readFocusRows_hugeDecimalInAnyDecimalColumn_isRefusedNamingIt() {
        BadInputFormat f = BadInputFormat.FOCUS;
        for (String column : List.of("PricingQuantity", "ListUnitPrice", "BilledCost")) {
            String csv = f.csv(f.withCell(1, column, "1e999999999"));
            ReadResult<FocusRow> read = FocusCsv.readAll(new java.io.StringReader(csv), SOURCE, OnError.COLLECT);
            assertThat(read.values()).hasSize(2);
            assertThat(read.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.columnName()).contains(column);
                assertThat(p.reason())
                        .isEqualTo("amount 1E+999999999 has more than 40 digits before the decimal point");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_fortyDecimals_amountIsRefusedUnlessOnlyZeros_quantityIsReadExactly(BadInputFormat f) {
        String fortyDecimals = "1." + "0".repeat(39) + "1";
        // Money keeps at most 18 decimals (Money.MAX_SCALE) and never rounds on its own: refused, with the way out
        assertCellRefused(
                f,
                f.amount,
                fortyDecimals,
                "amount 1.0000000000000000000000000000000000000001 has 40 decimal places, more than the 18 Money"
                        + " keeps; round it with a named policy first");
        // trailing zeros beyond 18 decimals carry no value: the amount is kept exactly, with 18 decimals
        LineItem zeros = readOne(f, f.amount, "1.25" + "0".repeat(38));
        assertThat(zeros.totalCost().amount()).isEqualByComparingTo("1.25");
        assertThat(zeros.totalCost().scale()).isEqualTo(Money.MAX_SCALE);
        // a quantity is a plain decimal: every one of its 40 decimals is kept
        LineItem quantity = readOne(f, f.quantity, fortyDecimals);
        assertThat(quantity.usageQuantity())
                .hasValueSatisfying(q -> assertThat(q.toPlainString()).isEqualTo(fortyDecimals));
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_negativeZero_isZeroWithItsScale_andWritesWithoutASign(BadInputFormat f) {
        for (String negativeZero : List.of("-0", "-0.00", "-0e5", "+0.000")) {
            LineItem item = readOne(f, f.amount, negativeZero);
            BigDecimal expected = new BigDecimal(negativeZero.replace("-", "").replace("+", ""));
            assertThat(item.totalCost().isZero()).isTrue();
            assertThat(item.totalCost().amount().signum()).isZero();
            assertThat(item.totalCost().scale()).isEqualTo(Math.max(0, expected.scale()));
            assertThat(item.totalCost().amount().toPlainString()).doesNotStartWith("-");
        }
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_nanAndInfinity_areRefused(BadInputFormat f) {
        for (String notANumber : List.of("NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "1e", "0x1F")) {
            assertCellRefused(f, f.amount, notANumber, "amount '" + notANumber + "' is not a decimal number");
            assertCellRefused(f, f.quantity, notANumber, "amount '" + notANumber + "' is not a decimal number");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = BadInputFormat.class,
            names = {"CANONICAL", "FOCUS"})
    void read_unknownCurrency_isRefusedNamingTheCode(BadInputFormat f) {
        for (String code : List.of("XYZ", "usd", "US", "€", "CNY ")) {
            List<Map<String, String>> rows = f.withCell(1, f.currency, code);
            ReadResult<LineItem> read = f.read(f.csv(rows), SOURCE, OnError.COLLECT);
            assertThat(read.values())
                    .containsExactly(goodItems(f).get(0), goodItems(f).get(2));
            assertThat(read.problems()).isNotEmpty();
            InputProblem p = read.problems().get(0);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.toString()).contains("unknown currency code '" + code + "'");
            if (f == BadInputFormat.CANONICAL) {
                assertThat(p.columnName()).contains(f.currency);
            }
        }
    }

    @Test
    void tencentReader_takesTheCurrencyAsAValue_soAnUnknownCodeFailsBeforeReading() {
        // the Tencent bill has no currency column: the caller's code is checked where it becomes a Currency
        assertThatThrownBy(() -> Money.currency("XYZ")).hasMessage("unknown currency code 'XYZ'");
    }

    @ParameterizedTest
    @EnumSource(
            value = BadInputFormat.class,
            names = {"CANONICAL", "FOCUS"})
    void read_mixedCurrencies_areReadExactly_andABillRefusesThemNamingTheItem(BadInputFormat f) {
        List<Map<String, String>> rows = f.withCell(1, f.currency, "USD");
        List<LineItem> items = f.read(f.csv(rows), SOURCE, OnError.FAIL).values();
        assertThat(items).extracting(LineItem::currency).containsExactly(cny(), usd(), cny());
        assertThat(items.get(1).totalCost()).isEqualTo(Money.of("USD", "2.25"));
        assertThatThrownBy(() -> bill(items))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bill of 100000000001 for 2024-09: items[1] (line item li-2) is in USD, the bill in CNY");
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_duplicateLineIds_areReadAsTheyAre_andABillRefusesThemNamingTheId(BadInputFormat f) {
        List<Map<String, String>> rows = f.goodRows();
        rows.get(2).put(f.id, rows.get(0).get(f.id));
        List<LineItem> items = f.read(f.csv(rows), SOURCE, OnError.FAIL).values();
        assertThat(items).hasSize(3);
        assertThat(items.get(2).id()).isEqualTo(items.get(0).id());
        assertThatThrownBy(() -> bill(items))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bill of 100000000001 for 2024-09: items[2] repeats line item id "
                        + items.get(0).id());
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_periodEndingBeforeOrAtItsStart_isReportedForItsLine(BadInputFormat f) {
        Map<String, String> row = f.goodRows().get(1);
        // the Tencent end is the last second inside the period: an end equal to the start is one second long
        List<String> ends = f == BadInputFormat.TENCENT
                ? List.of(earlier(f, row.get(f.start)), "2024-09-01 08:00:00")
                : List.of(row.get(f.start), earlier(f, row.get(f.start)));
        for (String end : ends) {
            List<Map<String, String>> rows = f.withCell(1, f.end, end);
            ReadResult<LineItem> read = f.read(f.csv(rows), SOURCE, OnError.COLLECT);
            assertThat(read.values())
                    .containsExactly(goodItems(f).get(0), goodItems(f).get(2));
            assertThat(read.problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo(SOURCE);
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.reason()).containsPattern("is not after (its start|" + f.start + ")");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_unicodeNamesAndTags_areKeptExactly_withoutNormalizing(BadInputFormat f) {
        String composed = "\u00e9quipe"; // é as one code point
        String decomposed = "e\u0301quipe"; // e and a combining acute accent
        String name = "ins-\u6570\u636e-\uD83D\uDE80-" + decomposed;
        List<Map<String, String>> rows = f.withCell(1, f.text, name);
        rows.get(1)
                .put(
                        f.tags,
                        tagsCell(f, Map.of(composed, "\u6570\u636e", decomposed, "\u05e2\u05d1\u05e8\u05d9\u05ea")));
        LineItem item = f.read(f.csv(rows), SOURCE, OnError.FAIL).values().get(1);
        assertThat(item.resourceId()).contains(ResourceId.of(name));
        assertThat(item.tags())
                .containsEntry(TagKey.of(composed), "\u6570\u636e")
                .containsEntry(TagKey.of(decomposed), "\u05e2\u05d1\u05e8\u05d9\u05ea")
                .hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_utf8ByteOrderMark_isNotGluedToTheFirstHeader(BadInputFormat f) throws Exception {
        String csv = f.csv(f.goodRows());
        String unquoted = csv.replaceFirst("^\"([^\"]*)\"", "$1");
        for (String text : List.of("\uFEFF" + csv, "\uFEFF" + unquoted)) {
            // as bytes: Java's UTF-8 decoder hands the mark on as U+FEFF, which the readers drop
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            try (java.io.Reader in = new java.io.InputStreamReader(
                    new java.io.ByteArrayInputStream(bytes), java.nio.charset.StandardCharsets.UTF_8)) {
                assertThat(f.read(in, SOURCE, OnError.FAIL).values()).isEqualTo(goodItems(f));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_byteOrderMarkHandedOutAloneOrBeforeALongInput_isDropped(BadInputFormat f) throws Exception {
        // a reader that hands out one character at a time gives the mark in a read of its own
        String csv = f.csv(f.goodRows());
        assertThat(f.read(new Trickle("\uFEFF" + csv), SOURCE, OnError.FAIL).values())
                .isEqualTo(goodItems(f));
        assertThatThrownBy(() -> f.read(new Trickle("\uFEFF"), SOURCE, OnError.FAIL))
                .hasMessage("bad.csv: the input is empty: no header row");
        // an input longer than the parser's buffer, so that the first read fills it
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(f.goodRows().get(i % 3));
        }
        byte[] bytes = ("\uFEFF" + f.csv(many)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.io.Reader in = new java.io.InputStreamReader(
                new java.io.ByteArrayInputStream(bytes), java.nio.charset.StandardCharsets.UTF_8)) {
            assertThat(f.read(in, SOURCE, OnError.FAIL).values())
                    .hasSize(200)
                    .startsWith(goodItems(f).toArray(LineItem[]::new));
        }
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_refusedHeader_closesTheReaderItWasGiven(BadInputFormat f) {
        List<Map<String, String>> rows = f.goodRows();
        rows.forEach(r -> r.remove(f.amount));
        for (String refused : List.of("", csvOf(rows))) {
            boolean[] closed = {false};
            java.io.Reader in = new java.io.StringReader(refused) {
                @Override
                public void close() {
                    closed[0] = true;
                    super.close();
                }
            };
            assertThatThrownBy(() -> f.read(in, SOURCE, OnError.COLLECT)).isInstanceOf(BillingInputException.class);
            assertThat(closed[0]).as("%s closes the reader of %s", f, refused).isTrue();
        }
        // a reader that also fails to close (before its end, which the parser would close it at): the refusal is
        // what is thrown, the failure to close rides along
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(rows.get(i % 3));
        }
        java.io.Reader unclosable = new java.io.StringReader(csvOf(many)) {
            @Override
            public void close() {
                super.close();
                throw new IllegalStateException("cannot close");
            }
        };
        assertThatThrownBy(() -> f.read(unclosable, SOURCE, OnError.FAIL))
                .isInstanceOf(BillingInputException.class)
                .hasMessageStartingWith("bad.csv:1: ")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .singleElement()
                        .satisfies(x -> assertThat(x).hasMessage("cannot close")));
    }

    @Test
    void read_failingReader_isAnIoErrorNotBadInput_andTheReaderIsClosed() {
        for (BadInputFormat f : BadInputFormat.values()) {
            boolean[] closed = {false};
            java.io.Reader failing = new java.io.Reader() {
                private final java.io.Reader text = new java.io.StringReader(f.csv(f.goodRows()));
                private int reads;

                @Override
                public int read(char[] buf, int off, int len) throws java.io.IOException {
                    if (reads++ > 0) {
                        throw new java.io.IOException("disk gone");
                    }
                    return text.read(buf, off, Math.min(len, 10));
                }

                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            assertThatThrownBy(() -> f.read(failing, SOURCE, OnError.COLLECT))
                    .as("%s", f)
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasRootCauseMessage("disk gone");
            assertThat(closed[0]).as("%s closes its reader", f).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_crlfLineEndings_readAsLf_andErrorsNameTheSameLines(BadInputFormat f) {
        assertThat(f.read(f.csv(f.goodRows(), "\r\n"), SOURCE, OnError.FAIL).values())
                .isEqualTo(goodItems(f));
        List<Map<String, String>> rows = f.withCell(1, f.amount, "x");
        assertThat(f.read(f.csv(rows, "\r\n"), SOURCE, OnError.COLLECT).problems())
                .extracting(InputProblem::line)
                .containsExactly(3L);
        // a bare CR ends a line too, as in old Mac files
        assertThat(f.read(f.csv(f.goodRows(), "\r"), SOURCE, OnError.FAIL).values())
                .isEqualTo(goodItems(f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"abc", "a\"b\"c\""})
    void read_malformedQuoting_isReportedAsMalformedCsv(String cell) {
        for (BadInputFormat f : BadInputFormat.values()) {
            String csv = f.csv(f.goodRows()) + cell + "\n";
            ReadResult<LineItem> read;
            try {
                read = f.read(csv, SOURCE, OnError.COLLECT);
            } catch (BillingInputException e) {
                // the line where the parser found the quote unclosed: the row's own, or the end of the input
                assertThat(e.getMessage()).as("%s", f).containsPattern("^bad\\.csv:[56]: the CSV is malformed");
                continue;
            }
            assertThat(read.values()).as("%s", f).isEqualTo(goodItems(f));
            assertThat(read.problems())
                    .as("%s", f)
                    .extracting(InputProblem::line)
                    .containsExactly(5L);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Hands out one character per read. */
    private static final class Trickle extends java.io.Reader {
        private final String text;
        private int at;

        Trickle(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (at == text.length()) {
                return -1;
            }
            buf[off] = text.charAt(at++);
            return 1;
        }

        @Override
        public void close() {}
    }

    /** Puts {@code value} into {@code column} of the second row and checks the error names line 3 and it. */
    private static void assertCellRefused(BadInputFormat f, String column, String value, String reason) {
        String csv = f.csv(f.withCell(1, column, value));
        ReadResult<LineItem> read = f.read(csv, SOURCE, OnError.COLLECT);
        assertThat(read.values())
                .as("%s %s=%s: the good rows are kept", f, column, value)
                .containsExactly(goodItems(f).get(0), goodItems(f).get(2));
        assertThat(read.problems()).as("%s %s=%s", f, column, value).isNotEmpty();
        InputProblem p = read.problems().get(0);
        assertThat(p.source()).isEqualTo(SOURCE);
        assertThat(p.line()).isEqualTo(3);
        if (reason != null) {
            assertThat(p.reason()).as("%s %s=%s", f, column, value).contains(reason);
        }
        if (p.columnName().isEmpty()) {
            // FOCUS rows read as cells, then map to line items: a mapping problem names its column in the reason
            assertThat(f).isEqualTo(BadInputFormat.FOCUS);
            assertThat(p.reason()).startsWith(column + " ");
            assertThatThrownBy(() -> f.read(csv, SOURCE, OnError.FAIL))
                    .isInstanceOf(BillingInputException.class)
                    .hasMessageStartingWith("bad.csv:3: " + column + " ");
            return;
        }
        assertThat(p.columnName()).as("%s %s=%s", f, column, value).contains(column);
        assertThat(p.column()).isEqualTo(f.columnOf(column));
        assertThat(p.value()).contains(value);
        assertThatThrownBy(() -> f.read(csv, SOURCE, OnError.FAIL))
                .isInstanceOf(BillingInputException.class)
                .hasMessageStartingWith("bad.csv:3:" + f.columnOf(column) + " (" + column + "): ");
    }

    private static LineItem readOne(BadInputFormat f, String column, String value) {
        return f.read(f.csv(f.withCell(1, column, value)), SOURCE, OnError.FAIL)
                .values()
                .get(1);
    }

    static List<LineItem> goodItems(BadInputFormat f) {
        return f.read(f.csv(f.goodRows()), SOURCE, OnError.FAIL).values();
    }

    private static String csvOf(List<Map<String, String>> rows) {
        StringBuilder s = new StringBuilder(String.join(",", rows.get(0).keySet())).append('\n');
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            r.values().forEach(v -> cells.add("\"" + v.replace("\"", "\"\"") + "\""));
            s.append(String.join(",", cells)).append('\n');
        }
        return s.toString();
    }

    private static List<Map<String, String>> withExtra(List<Map<String, String>> rows) {
        rows.forEach(r -> r.put("x_Note", "kept"));
        return rows;
    }

    private static String earlier(BadInputFormat f, String start) {
        // one second before the start, in the format's own notation
        return f == BadInputFormat.TENCENT
                ? start.replace(" 08:00:00", " 07:59:59")
                : java.time.Instant.parse(start).minusSeconds(1).toString();
    }

    private static String tagsCell(BadInputFormat f, Map<String, String> tags) {
        Map<String, String> ordered = new LinkedHashMap<>(new java.util.TreeMap<>(tags));
        StringBuilder s = new StringBuilder(f == BadInputFormat.TENCENT ? "[" : "{");
        ordered.forEach((k, v) -> {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append(
                    f == BadInputFormat.TENCENT
                            ? "{\"TagKey\":\"" + k + "\",\"TagValue\":\"" + v + "\"}"
                            : "\"" + k + "\":\"" + v + "\"");
        });
        return s.append(f == BadInputFormat.TENCENT ? "]" : "}").toString();
    }

    private static Bill bill(List<LineItem> items) {
        return Bill.builder()
                .payerUin(PayerUin.of("100000000001"))
                .month(BillingMonth.of(2024, 9))
                .currency(cny())
                .addAllItems(items)
                .build();
    }

    private static Currency cny() {
        return Currency.getInstance("CNY");
    }

    private static Currency usd() {
        return Currency.getInstance("USD");
    }
}
