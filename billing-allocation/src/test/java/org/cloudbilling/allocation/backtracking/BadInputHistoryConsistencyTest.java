package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Currency;
import java.util.regex.Pattern;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalog for histories whose every value has the right type but which do not hang together:
 * repeated version numbers, repeated lines, an item's lines in two currencies, a Collected line without a unit, records
 * repeated or missing; and JSON beyond Jackson's stream limits. Each is refused with the history error naming the
 * JSON path, the line and the column, from a string and from a reader alike.
 */
@Tag("bad-input")
class BadInputHistoryConsistencyTest {
    /**
     * Two versions of October 2024, two lines each, no record: web's 10.00 and an Unallocated 5.00 in version 1;
     * web's 10.00 and data's 5.00 in version 2. Line 3 of the text holds the first line of version 1.
     */
    static final String GOOD = """
            {"versions": [
              {"month": "2024-10", "number": 1, "ruleVersion": "rv-1", "computedAt": "2024-11-01T00:00:00Z", "effectiveFrom": "2024-11-01T00:00:00Z", "lines": [
                {"item": "li-1", "unit": "web", "type": "COLLECTED", "amount": {"currency": "CNY", "amount": "10.00"}, "rule": "r-web"},
                {"item": "li-2", "type": "UNALLOCATED", "amount": {"currency": "CNY", "amount": "5.00"}}]},
              {"month": "2024-10", "number": 2, "ruleVersion": "rv-2", "computedAt": "2024-11-05T00:00:00Z", "effectiveFrom": "2024-11-05T00:00:00Z", "lines": [
                {"item": "li-1", "unit": "web", "type": "COLLECTED", "amount": {"currency": "CNY", "amount": "10.00"}, "rule": "r-web"},
                {"item": "li-2", "unit": "data", "type": "COLLECTED", "amount": {"currency": "CNY", "amount": "5.00"}, "rule": "r-data"}]}],
             "records": []}
            """;

    private static final String FIRST_LINE =
            "{\"item\": \"li-1\", \"unit\": \"web\", \"type\": \"COLLECTED\", \"amount\": {\"currency\": \"CNY\","
                    + " \"amount\": \"10.00\"}, \"rule\": \"r-web\"}";

    /** Replaces the {@code n}th (from 0) occurrence of {@code from}. */
    private static String replace(String text, String from, int n, String to) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = text.indexOf(from, at + 1);
            assertThat(at).as("occurrence %s of %s", n, from).isNotNegative();
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** Checks that both the string and the reader form refuse {@code json} with {@code path}, a location and {@code reason}. */
    private static void refused(String json, String path, String reason) {
        String expected = "^invalid allocation history: at " + Pattern.quote(path) + ", line \\d+, column \\d+: "
                + Pattern.quote(reason) + "$";
        assertThatThrownBy(() -> HistoryJson.read(json))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(expected);
        assertThatThrownBy(() -> HistoryJson.read(new StringReader(json)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(expected);
    }

    @Test
    void read_theGoodHistory_isRead() {
        AllocationHistory history = HistoryJson.read(GOOD);
        assertThat(history.versions(BillingMonth.of(2024, 10))).hasSize(2);
        assertThat(HistoryJson.read(new StringReader(GOOD))).isEqualTo(history);
    }

    @Test
    void read_repeatedVersionNumber_isRefused() {
        refused(
                replace(GOOD, "\"number\": 2", 0, "\"number\": 1"),
                "$.versions[1].number",
                "repeats version 1 of 2024-10 (versions[0])");
    }

    @Test
    void read_repeatedLine_isRefused() {
        String twice = replace(GOOD, FIRST_LINE, 0, FIRST_LINE + ",\n    " + FIRST_LINE);
        refused(
                twice,
                "$.versions[0].lines[1]",
                "repeats lines[0] (item li-1, unit web, COLLECTED, rule r-web): a version has one line per item,"
                        + " unit, type and rule");
        // the same line with another amount is a repeat too
        refused(
                replace(twice, "\"10.00\"", 1, "\"3.00\""),
                "$.versions[0].lines[1]",
                "repeats lines[0] (item li-1, unit web, COLLECTED, rule r-web): a version has one line per item,"
                        + " unit, type and rule");
    }

    @Test
    void read_collectedLineWithoutAUnit_orUnallocatedWithOne_isRefused() {
        refused(
                replace(GOOD, "\"unit\": \"web\", ", 0, ""),
                "$.versions[0].lines[0].unit",
                "a COLLECTED line needs a unit; only an UNALLOCATED line has none");
        refused(
                replace(GOOD, "\"item\": \"li-2\", ", 0, "\"item\": \"li-2\", \"unit\": \"web\", "),
                "$.versions[0].lines[1].unit",
                "an UNALLOCATED line has no unit, but this one has web");
    }

    @Test
    void read_itemInTwoCurrencies_isRefused_itemsInTwoCurrenciesAreRead() {
        // within a version: li-1 has a second line, in USD
        String secondLineInUsd = FIRST_LINE.replace("\"web\"", "\"data\"").replace("\"CNY\"", "\"USD\"");
        refused(
                replace(GOOD, FIRST_LINE, 0, FIRST_LINE + ",\n    " + secondLineInUsd),
                "$.versions[0].lines[1].amount",
                "item li-1 is in USD here and in CNY in lines[0]: an item's lines are in the item's currency");
        // across versions: li-1 in USD in version 2, in CNY in version 1
        refused(
                replace(GOOD, "\"CNY\"", 2, "\"USD\""),
                "$.versions[1].lines[0].amount",
                "item li-1 is in USD here and in CNY in version 1 of 2024-10: an item keeps its currency in every"
                        + " version of its month");
        // li-2 in USD in version 1 only
        refused(
                replace(GOOD, "\"CNY\"", 1, "\"USD\""),
                "$.versions[1].lines[1].amount",
                "item li-2 is in CNY here and in USD in version 1 of 2024-10: an item keeps its currency in every"
                        + " version of its month");
        // li-2 in USD in both versions: a month in two currencies, each item in its own
        String twoCurrencies = replace(replace(GOOD, "\"CNY\"", 3, "\"USD\""), "\"CNY\"", 1, "\"USD\"");
        AllocationHistory read = HistoryJson.read(twoCurrencies);
        assertThat(read.version(BillingMonth.of(2024, 10), 2).total(Currency.getInstance("USD")))
                .isEqualTo(Money.of("USD", "5.00"));
        assertThat(HistoryJson.read(new StringReader(twoCurrencies))).isEqualTo(read);
    }

    @Test
    void read_versionOfNoCompletedRecord_andRepeatedRecordIds_areRefused() {
        String fromBacktrack =
                replace(GOOD, "\"ruleVersion\": \"rv-2\"", 0, "\"ruleVersion\": \"rv-2\", \"backtrack\": \"bt-1\"");
        refused(
                fromBacktrack,
                "$.versions[1].backtrack",
                "names bt-1, which is not a record of this history: a version comes from a completed backtrack");
        String record = "{\"id\": \"bt-1\", \"operator\": \"42\", \"submittedAt\": \"2024-11-04T00:00:00Z\","
                + " \"months\": [\"2024-10\"], \"ruleMonth\": \"2024-11\", \"ruleVersion\": \"rv-2\", \"status\": \"%s\"}";
        String failed =
                replace(fromBacktrack, "\"records\": []", 0, "\"records\": [" + record.formatted("FAILED") + "]");
        refused(
                failed,
                "$.versions[1].backtrack",
                "names bt-1, which is FAILED (records[0]): a version comes from a completed backtrack");
        String completed =
                replace(fromBacktrack, "\"records\": []", 0, "\"records\": [" + record.formatted("COMPLETED") + "]");
        assertThat(HistoryJson.read(completed)
                        .versions(BillingMonth.of(2024, 10))
                        .get(1)
                        .backtrack())
                .contains("bt-1");
        refused(
                replace(
                        GOOD,
                        "\"records\": []",
                        0,
                        "\"records\": [" + record.formatted("FAILED") + ", " + record.formatted("IN_PROGRESS") + "]"),
                "$.records[1].id",
                "repeats the id of records[0], bt-1: a request has one record");
    }

    @Test
    void read_beyondJacksonsStreamLimits_isTheHistoryErrorWithItsLocation() {
        // nesting 1,001 deep inside the first amount (line 3): the six levels around it and 995 arrays
        String deep = replace(GOOD, "\"10.00\"", 0, "[".repeat(995) + "]".repeat(995));
        assertThatThrownBy(() -> HistoryJson.read(deep))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("^invalid allocation history: at \\$\\.versions\\[0]\\.lines\\[0]\\.amount, line 3,"
                        + " column \\d+: Document nesting depth \\(1001\\) exceeds the maximum allowed \\(1000.*");
        // a number of 1,001 digits
        String longNumber = replace(GOOD, "\"10.00\"", 0, "1".repeat(1001));
        assertThatThrownBy(() -> HistoryJson.read(longNumber))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("^invalid allocation history: at \\$\\.versions\\[0]\\.lines\\[0]\\.amount, line 3,"
                        + " column \\d+: Number value length \\(1001\\) exceeds the maximum allowed \\(1000.*");
        // a name of 50,001 characters, at the top and inside an amount
        String longKey = "{\n\"" + "k".repeat(50_001) + "\": 1}";
        assertThatThrownBy(() -> HistoryJson.read(longKey))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("^invalid allocation history: at \\$, line 2, column \\d+: Name length \\(50001\\)"
                        + " exceeds the maximum allowed \\(50000.*");
        String longKeyInAmount = replace(GOOD, "\"currency\"", 0, "\"" + "c".repeat(50_001) + "\"");
        assertThatThrownBy(() -> HistoryJson.read(new StringReader(longKeyInAmount)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("^invalid allocation history: at \\$\\.versions\\[0]\\.lines\\[0]\\.amount, line 3,"
                        + " column \\d+: Name length \\(50001\\) exceeds the maximum allowed \\(50000.*");
        // just within the limits: 1,000 deep and a 1,000-digit number are read, then refused as wrong types
        String withinDepth = replace(GOOD, "\"10.00\"", 0, "[".repeat(994) + "]".repeat(994));
        assertThatThrownBy(() -> HistoryJson.read(withinDepth)).hasMessageNotContaining("nesting depth");
        String withinNumber = replace(GOOD, "\"10.00\"", 0, "1".repeat(1000));
        assertThatThrownBy(() -> HistoryJson.read(withinNumber)).hasMessageNotContaining("Number value length");
    }

    @Test
    void writeAndReadThroughWriterAndReader_equalTheStringForms() {
        AllocationHistory history = BacktrackExample.regularRuns();
        StringWriter out = new StringWriter();

        HistoryJson.write(history, out);
        out.write("\n");

        assertThat(out.toString()).isEqualTo(HistoryJson.write(history) + "\n");
        assertThat(HistoryJson.read(new StringReader(HistoryJson.write(history))))
                .isEqualTo(history);
    }

    @Test
    void read_failingReader_isAnIoErrorNotBadInput() {
        Reader failing = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> HistoryJson.read(failing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read the allocation history: disk gone");
    }
}
