package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.InstanceType;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.internal.CsvRows;
import org.cloudbilling.core.testing.BillFixtures;
import org.cloudbilling.core.testing.BillingGenerators;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The canonical CSV form, written for spreadsheets: formulas are neutralized and read back exactly. */
@Tag("security")
class LineItemCsvFormulaGuardTest {
    private static final String TRIGGERS = "=+-@\t\r'";

    @Test
    void writer_guardOn_prefixesEveryFormulaCell_andKeepsNumbersAsTheyAre() {
        LineItem hostile = LineItem.builder()
                .from(BillFixtures.DISK_REFUND)
                .projectId(ProjectId.of("=HYPERLINK(\"http://evil\",\"x\")"))
                .instanceType(InstanceType.of("@SUM(A1:A9)"))
                .resourceId(ResourceId.of("+cmd|' /C calc'!A0"))
                .build();

        String csv = write(List.of(hostile), FormulaGuard.ON);
        List<String> cells = cells(csv);

        assertThat(cells)
                .contains("'=HYPERLINK(\"http://evil\",\"x\")", "'@SUM(A1:A9)", "'+cmd|' /C calc'!A0")
                .contains("-96.40000000", "-120.50000000") // refunds stay plain numbers
                .noneMatch(c -> !c.isEmpty() && "=+@".indexOf(c.charAt(0)) >= 0);
    }

    @Test
    void writer_guardOff_writesCellsExactly() {
        LineItem hostile = LineItem.builder()
                .from(BillFixtures.DISK_REFUND)
                .projectId(ProjectId.of("=1+1"))
                .build();

        assertThat(cells(write(List.of(hostile), FormulaGuard.OFF))).contains("=1+1");
    }

    @Test
    void writeThenRead_sameGuard_givesBackTheExactItems() {
        Gen<String> hostileText = integers()
                .between(0, TRIGGERS.length() - 1)
                .zip(strings().basicLatinAlphabet().ofLengthBetween(0, 12), (i, rest) -> TRIGGERS.charAt(i) + rest);
        qt().forAll(BillingGenerators.lineItems(Currency.getInstance("USD")), hostileText, hostileText)
                .checkAssert((item, project, tagValue) -> {
                    LineItem hostile = LineItem.builder()
                            .from(item)
                            .projectId(ProjectId.of(project))
                            .tags(Map.of(TagKey.of(tagValue), tagValue))
                            .build();

                    String csv = write(List.of(hostile), FormulaGuard.ON);
                    List<LineItem> back = new java.util.ArrayList<>();
                    try (LineItemCsvReader in =
                            LineItemCsv.reader(new StringReader(csv), "guarded.csv", FormulaGuard.ON)) {
                        in.forEachRemaining(back::add);
                    }

                    assertThat(back).containsExactly(hostile);
                });
    }

    private static String write(List<LineItem> items, FormulaGuard guard) {
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out, guard)) {
            items.forEach(w::write);
        }
        return out.toString();
    }

    private static List<String> cells(String csv) {
        try (CsvRows rows = CsvRows.of(new StringReader(csv), "mem")) {
            rows.header();
            return List.of(rows.next());
        }
    }
}
