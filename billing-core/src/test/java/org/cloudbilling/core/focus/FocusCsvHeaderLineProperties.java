package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudbilling.core.io.internal.CsvRows;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * FOCUS-8, import: the header line the FOCUS CSV fast path cuts from the file's bytes ({@link
 * FocusCsvFile#headerLine}) holds exactly the names the plain reader's CSV parser reads from it, and ends where that
 * parser's first row ends; any line it is not sure of (null) is left to the plain reader.
 */
@Tag("FOCUS-8")
class FocusCsvHeaderLineProperties {
    /** Pieces of header text: plain names, blanks, quotes, separators, line breaks, bytes past ASCII, a tab. */
    private static final List<String> PIECES = List.of(
            "BilledCost",
            "x_Pay Mode",
            " ",
            ",",
            "\"",
            "\"\"",
            "\n",
            "\r\n",
            "\r",
            "\t",
            "#",
            "é",
            "名",
            "'",
            "a,b",
            "");

    private static Gen<String> lines() {
        Gen<String> piece = integers().between(0, PIECES.size() - 1).map(PIECES::get);
        return lists().of(piece).ofSizeBetween(0, 12).map(p -> String.join("", p) + "\nrow,of,data\n");
    }

    @Test
    void headerLine_isWhatThePlainParserReads_orLeftToIt() {
        AtomicInteger cut = new AtomicInteger();
        qt().withExamples(4000).forAll(lines()).checkAssert(text -> {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            FocusCsvFile.HeaderLine line = FocusCsvFile.headerLine(b, b.length);
            if (line == null) {
                return;
            }
            cut.incrementAndGet();
            try (CsvRows rows = CsvRows.of(new StringReader(text), "h.csv")) {
                assertThat(line.names).containsExactly(rows.header());
            }
            // one line, ended by its first line break (LF, or CRLF)
            int lf = text.indexOf('\n');
            assertThat(line.end).isEqualTo(lf + 1);
        });
        assertThat(cut.get()).as("header lines cut from the bytes").isGreaterThan(100);
    }

    @Test
    void headerLine_leavesOddLinesToThePlainReader() {
        for (String odd : List.of(
                "\uFEFFa,b\n", // a byte order mark
                "\na,b\n", // a blank first line
                "a,,b\n", // an empty name
                "a,b,\n", // an empty last name
                "a,\"\"\n", // an empty quoted name
                "a,\"b\"\"c\"\n", // an escaped quote
                "a,\"b\nc\"\n", // a line break in a quoted name
                "a,\"b\"c\n", // text after a closing quote
                "a,b\"c\n", // a quote in an unquoted name
                "a\tb\n", // a tab
                "é,b\n", // past ASCII
                "a,b\rc\n", // a lone CR
                "a,b")) { // no line break
            byte[] b = odd.getBytes(StandardCharsets.UTF_8);
            assertThat(FocusCsvFile.headerLine(b, b.length)).as(odd).isNull();
        }
        byte[] b = "\"a,b\", c ,#d\r\nx".getBytes(StandardCharsets.US_ASCII);
        FocusCsvFile.HeaderLine line = FocusCsvFile.headerLine(b, b.length);
        assertThat(line.names).containsExactly("a,b", " c ", "#d");
        assertThat(line.end).isEqualTo(14);
    }
}
