package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Exporting to FOCUS then importing gives back the same data, every decimal and its scale included. */
@Tag("FOCUS-1")
@Tag("MONEY-2")
class FocusLineItemsProperties {

    @Test
    void lineItems_exportThenImport_isIdentity() {
        qt().forAll(lists().of(BillingGenerators.lineItems(Currency.getInstance("USD")))
                        .ofSizeBetween(0, 20))
                .checkAssert(items -> {
                    StringWriter out = new StringWriter();
                    try (FocusCsvWriter w = FocusCsv.writer(out, FocusLineItems.EXTRA_COLUMNS, FormulaGuard.ON)) {
                        for (LineItem i : items) {
                            w.write(FocusLineItems.toRow(
                                    i,
                                    BillingCalendar.TENCENT.monthOf(
                                            i.feePeriod().start()),
                                    FocusCsvTest.EXPORT));
                        }
                    }
                    String csv = out.toString();
                    List<LineItem> back = FocusCsv.readLineItems(
                                    new StringReader(csv), "mem", FormulaGuard.ON, OnError.FAIL)
                            .values();
                    assertThat(back).isEqualTo(items);
                    for (int i = 0; i < items.size(); i++) {
                        assertThat(back.get(i).totalCost().toString())
                                .isEqualTo(items.get(i).totalCost().toString());
                    }
                    // and what it wrote follows the FOCUS rules
                    assertThat(FocusValidator.validate(new StringReader(csv), "mem", Map.of()))
                            .isEmpty();
                });
    }

    @Test
    @Tag("FOCUS-7")
    void realSampleRows_writeThenRead_isIdentity() throws java.io.IOException {
        List<FocusRow> rows;
        try (var in = new java.io.InputStreamReader(
                FocusLineItemsProperties.class.getResourceAsStream("/focus/focus_sample.csv"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            rows = FocusCsv.readAll(in, "focus_sample.csv", OnError.FAIL).values();
        }
        String csv = FocusCsvTest.writeRows(rows, List.of("Id"));

        assertThat(FocusCsv.readAll(new StringReader(csv), "again", OnError.FAIL)
                        .values())
                .isEqualTo(rows);
    }
}
