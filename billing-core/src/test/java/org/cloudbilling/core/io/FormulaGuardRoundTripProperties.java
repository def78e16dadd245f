package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvReader;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.io.internal.CsvRows;
import org.cloudbilling.core.io.internal.CsvSafety;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * IO-2: text written with the formula guard and read back with it is the original text, however many round trips:
 * strings that start with {@code =}, {@code +}, {@code -}, {@code @}, a tab, a CR or a quote, already-guarded
 * text ({@code '=x}), numbers and plain words, through the canonical and the FOCUS writer and reader.
 */
@Tag("IO-2")
@Tag("security")
class FormulaGuardRoundTripProperties {
    private static final String[] STARTS = {"=", "+", "-", "@", "\t", "\r", "'", "''", "'=", "-1", "", "x"};
    private static final int ROUND_TRIPS = 4;

    /** Arbitrary text after a start chosen from the triggers (and a few harmless ones). */
    private static Gen<String> hostileText() {
        return integers()
                .between(0, STARTS.length - 1)
                .zip(strings().basicLatinAlphabet().ofLengthBetween(0, 12), (i, rest) -> STARTS[i] + rest)
                .assuming(s -> !s.isEmpty() && !s.equals("NULL")); // empty is absent; FOCUS reads NULL as null
    }

    @Test
    void canonical_guardedRoundTrips_giveBackTheExactText() {
        qt().withExamples(300).forAll(hostileText()).checkAssert(text -> {
            LineItem item = LineItem.builder()
                    .from(BadInputFormat.item(1))
                    .resourceId(ResourceId.of(text))
                    .usageUnit(text)
                    .build();
            LineItem current = item;
            for (int i = 0; i < ROUND_TRIPS; i++) {
                StringWriter out = new StringWriter();
                try (LineItemCsvWriter w = LineItemCsv.writer(out)) { // guarded by default
                    w.write(current);
                }
                current = LineItemCsv.readAll(new StringReader(out.toString()), "c.csv", OnError.FAIL)
                        .valuesOrThrow()
                        .get(0);
            }
            assertThat(current).isEqualTo(item);
        });
    }

    @Test
    void focus_guardedRoundTrips_giveBackTheExactTextOfTextAndExtraColumns() {
        qt().withExamples(300).forAll(lists().of(hostileText()).ofSize(2)).checkAssert(texts -> {
            FocusRow row = FocusRow.builder()
                    .set(FocusColumn.SERVICE_NAME, texts.get(0))
                    .extra("x_Note", texts.get(1))
                    .build();
            FocusRow current = row;
            for (int i = 0; i < ROUND_TRIPS; i++) {
                StringWriter out = new StringWriter();
                try (FocusCsvWriter w = FocusCsv.writer(out, List.of("x_Note"), FormulaGuard.ON)) {
                    w.write(current);
                }
                try (FocusCsvReader r = FocusCsv.reader(new StringReader(out.toString()), "f.csv", FormulaGuard.ON)) {
                    current = r.next();
                }
            }
            assertThat(current.text(FocusColumn.SERVICE_NAME)).contains(texts.get(0));
            assertThat(current.extra()).containsEntry("x_Note", texts.get(1));
        });
    }

    @Test
    void csvWriter_guardsEveryTriggerButPlainNumbers_andCsvRowsPlusRestoreGivesBackTheCells() {
        List<String> cells = List.of("=1+1", "+x", "-x", "@x", "\tx", "\rx", "'x", "-12.50", "12", "web", "");
        StringWriter out = new StringWriter();
        try (CsvWriter w =
                CsvWriter.of(out, List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11"))) {
            w.row(cells);
        }
        List<String> written = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        try (CsvRows rows = CsvRows.of(new StringReader(out.toString()), "w.csv")) {
            rows.header();
            for (String c : rows.next()) {
                written.add(c);
                restored.add(CsvSafety.restore(c));
            }
        }
        assertThat(written)
                .containsExactly("'=1+1", "'+x", "'-x", "'@x", "'\tx", "'\rx", "''x", "-12.50", "12", "web", "");
        assertThat(restored).isEqualTo(cells);
    }
}
