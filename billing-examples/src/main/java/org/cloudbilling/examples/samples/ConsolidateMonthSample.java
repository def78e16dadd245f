package org.cloudbilling.examples.samples;

import static org.cloudbilling.examples.samples.SampleItems.item;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.time.BillingCalendar;

/** Consolidating a month: September's costs by account and product, and by day in Beijing time, exactly. */
public final class ConsolidateMonthSample {
    private ConsolidateMonthSample() {}

    /**
     * Prints the sample's output.
     *
     * @param args none
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(out);
        out.flush();
    }

    static void run(PrintWriter out) {
        List<LineItem> september = List.of(
                item("li-1", "100000000002", "p_cvm", "2024-09-03T10:00:00Z", "120.50000000", null),
                item("li-2", "100000000002", "p_cbs", "2024-09-03T10:00:00Z", "15.25000000", null),
                item("li-3", "100000000003", "p_cvm", "2024-09-17T18:00:00Z", "80.12345678", null),
                item("li-4", "100000000003", "p_cvm", "2024-09-17T20:00:00Z", "-10.00000000", null), // a refund
                item("li-5", "100000000003", "p_cdn", "2024-09-28T03:00:00Z", "3.33333333", null));

        Rollup byAccountAndProduct =
                Consolidation.consolidate(september, Grouping.by(Dimension.OWNER, Dimension.BUSINESS));
        out.println("By account and product:");
        byAccountAndProduct
                .groups()
                .forEach((key, totals) -> out.println("  " + key.value(0).orElse("") + " "
                        + key.value(1).orElse("") + " " + totals.itemCount() + " items " + totals.totalCost()));

        // Days are cut in the provider's zone: 18:00 UTC on the 17th is already the 18th in Beijing.
        Rollup byDay = Consolidation.consolidate(september, Grouping.by(BillingCalendar.TENCENT, Dimension.DAY));
        out.println("By day (UTC+8):");
        byDay.groups().forEach((key, totals) -> out.println("  " + key.value(0).orElse("") + " " + totals.totalCost()));

        byAccountAndProduct.grandTotals().forEach((currency, totals) -> out.println("Total: " + totals.totalCost()));
    }
}
