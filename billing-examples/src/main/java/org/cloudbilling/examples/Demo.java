package org.cloudbilling.examples;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.SettlementPolicy;

/**
 * The demo: consolidates the bundled FOCUS 1.0 sample (a real, anonymized AWS, Microsoft and Oracle bill) by
 * billing account, by service and by its {@code business_unit} tag, exactly, and settles the total.
 */
final class Demo {
    private Demo() {}

    static void run(PrintStream out) {
        List<LineItem> items = FocusSample.read();
        out.println("cloudbilling demo: consolidating the FOCUS 1.0 sample (" + FocusSample.ATTRIBUTION + ")");
        out.println("Read " + items.size() + " line items.");

        print(out, "Billed cost by billing account", Consolidation.consolidate(items, Grouping.by(Dimension.PAYER)), 0);
        print(
                out,
                "Top 10 services by billed cost",
                Consolidation.consolidate(items, Grouping.by(Dimension.BUSINESS)),
                10);
        print(
                out,
                "Top 10 business units (tag business_unit)",
                Consolidation.consolidate(items, Grouping.by(Dimension.tag(TagKey.of("business_unit")))),
                10);

        Map<Currency, Totals> grand =
                Consolidation.consolidate(items, Grouping.by()).grandTotals();
        for (Map.Entry<Currency, Totals> e : grand.entrySet()) {
            Totals t = e.getValue();
            out.println();
            out.println("Total billed cost: " + t.totalCost() + " over " + t.itemCount() + " items (exact)");
            out.println("Total list cost:   " + t.listCost());
            out.println("Payable, settled to the minor unit half-up: "
                    + t.totalCost().settled(SettlementPolicy.MINOR_UNIT_HALF_UP));
        }
    }

    private static void print(PrintStream out, String title, Rollup rollup, int limit) {
        out.println();
        out.println(title);
        out.printf(
                "  %-56s %6s %22s %22s%n", rollup.grouping().dimensions().get(0).name(), "items", "billed", "list");
        List<Map.Entry<GroupKey, Totals>> rows =
                new java.util.ArrayList<>(rollup.groups().entrySet());
        int all = rows.size();
        if (limit > 0) {
            rows.sort(Comparator.comparing(
                            (Map.Entry<GroupKey, Totals> e) -> e.getValue().totalCost())
                    .reversed());
            rows = rows.subList(0, Math.min(limit, rows.size()));
        }
        for (Map.Entry<GroupKey, Totals> e : rows) {
            Totals t = e.getValue();
            out.printf(
                    "  %-56s %6d %22s %22s%n",
                    e.getKey().value(0).orElse("(none)"),
                    t.itemCount(),
                    t.totalCost().amount().toPlainString(),
                    t.listCost().amount().toPlainString());
        }
        if (all > rows.size()) {
            out.println("  ... and " + (all - rows.size()) + " more");
        }
    }
}
