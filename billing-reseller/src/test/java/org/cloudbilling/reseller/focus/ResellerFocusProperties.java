package org.cloudbilling.reseller.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusValidator;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillDifferenceProperties;
import org.cloudbilling.reseller.bill.BillDifferenceProperties.Case;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bill A and Bill B of random months (the generators of {@link BillDifferenceProperties}) exported as FOCUS:
 * the exports pass the validator with the bills' totals as invoice totals, their BilledCost adds up to the totals
 * computed here from the items, and they read back as written. A failure prints its seed.
 */
class ResellerFocusProperties {
    private static final FocusExport EXPORT =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", BillingCalendar.TENCENT);

    @Test
    @Tag("FOCUS-1")
    @Tag("FOCUS-2")
    @Tag("FOCUS-3")
    @Tag("FOCUS-4")
    @Tag("FOCUS-5")
    @Tag("FOCUS-6")
    @Tag("RES-5")
    @Tag("MONEY-2")
    void billAAndB_randomMonths_validAddUpExactlyAndReadBack() {
        qt().withExamples(100)
                .forAll(lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(0, 40), longs().all())
                .checkAssert((generated, seed) -> {
                    Case c = BillDifferenceProperties.randomCase(generated, seed);
                    Map<LineItemId, LineItem> items = new HashMap<>();
                    c.charges().forEach(ch -> items.put(ch.item().id(), ch.item()));
                    for (BillingMonth month : BillDifferenceProperties.months(c)) {
                        ResellerMonth m = BillDifferenceProperties.compute(c, month, c.vouchers());
                        BillDifferenceProperties.Expected expected = BillDifferenceProperties.expected(c, month);
                        List<FocusRow> a = ResellerFocus.billA(m.billA(), items::get, EXPORT);
                        List<FocusRow> b = ResellerFocus.billB(m.billB(), items::get, EXPORT);

                        assertThat(ResellerFocusTest.sum(a))
                                .isEqualTo(m.billA().total().amount());
                        assertThat(ResellerFocusTest.sum(b))
                                .isEqualTo(m.billB().total().amount());
                        assertThat(ResellerFocusTest.sum(a))
                                .isEqualByComparingTo(expected.totalA().amount());
                        assertThat(ResellerFocusTest.sum(b))
                                .isEqualByComparingTo(expected.totalB().amount());
                        assertThat(a.size() - b.size()).isEqualTo(expected.adjustmentRows());

                        Instant start = EXPORT.calendar().interval(month).start();
                        String csvA = FocusFiles.write(a, ResellerFocus.BILL_A_COLUMNS);
                        String csvB = FocusFiles.write(b, ResellerFocus.BILL_B_COLUMNS);
                        Map<Instant, BigDecimal> totalA = a.isEmpty()
                                ? Map.of()
                                : Map.of(start, expected.totalA().amount());
                        Map<Instant, BigDecimal> totalB = b.isEmpty()
                                ? Map.of()
                                : Map.of(start, expected.totalB().amount());
                        assertThat(FocusValidator.validate(new StringReader(csvA), "a.csv", totalA))
                                .isEmpty();
                        assertThat(FocusValidator.validate(new StringReader(csvB), "b.csv", totalB))
                                .isEmpty();
                        assertThat(FocusFiles.read(csvA)).containsExactlyElementsOf(a);
                        assertThat(FocusFiles.read(csvB)).containsExactlyElementsOf(b);
                    }
                });
    }
}
