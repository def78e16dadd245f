package org.cloudbilling.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.allocation.Allocation;
import org.cloudbilling.allocation.AllocationBill;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationSummary;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.SummaryRow;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.UnitScope;
import org.cloudbilling.allocation.json.RuleSetJson;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.examples.samples.DistributorMarginSample;
import org.cloudbilling.examples.samples.OrganizationBillSample;

/**
 * The demo: the whole pipeline on bundled data. It consolidates the bundled FOCUS 1.0 sample (a real, anonymized AWS, Microsoft and Oracle bill) by
 * billing account, by service and by its {@code business_unit} tag, exactly, and settles the total; then allocates
 * it to units by its {@code business_unit} and {@code application} tags, with credits shared in proportion; then
 * attributes a generated reseller month ({@link ResellerMonthGenerator}) and reconciles each reseller's Bill A and
 * Bill B by cause; then runs an organization's month (a pay-on-behalf and a self-paying entity, top-ups, consumption
 * and an invoice per member) and a distributor's margin report.
 */
final class Demo {
    /** The rule set the demo allocates the sample with, on the class path. */
    static final String RULES = "/rules/focus-sample-rules.json";

    private Demo() {}

    static void run(PrintWriter out) {
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

        allocate(out, items);
        ResellerDemo.run(out);
        out.println();
        out.println("An organization's month: a pay-on-behalf entity and a self-paying one, funds and invoices:");
        OrganizationBillSample.run(out);
        out.println();
        out.println("A distributor's consolidated bills and margin:");
        DistributorMarginSample.run(out);
        out.flush();
    }

    private static void allocate(PrintWriter out, List<LineItem> items) {
        AllocationRuleSet rules = rules();
        AllocationBill bill = Allocation.allocate(rules, items, TagBindings.empty(), BillingCalendar.TENCENT);
        AllocationSummary summary = bill.summary();
        out.println();
        out.println("Cost allocation by the tags business_unit and application (rules " + RULES + "):");
        out.println("credits are shared in proportion to each unit's collected cost; untagged and other costs stay"
                + " Unallocated.");
        out.printf(Locale.ROOT, "  %-24s %-12s %22s%n", "unit", "type", "amount");
        for (SummaryRow r : summary.byUnit()) {
            out.printf(
                    Locale.ROOT,
                    "  %-24s %-12s %22s%n",
                    r.unit().map(UnitId::value).orElse("(Unallocated)"),
                    r.type().name().toLowerCase(Locale.ROOT),
                    r.amount().amount().toPlainString());
        }
        for (Map.Entry<Currency, Money> e : summary.sourceTotals().entrySet()) {
            Currency c = e.getKey();
            UnitId root = rules.units().root();
            out.println("  " + root.value() + " with its subtree: " + summary.unitTotal(root, UnitScope.WITH_SUBTREE, c)
                    + "; Unallocated: " + summary.total(AllocationType.UNALLOCATED, c)
                    + "; all rows: " + summary.allocatedTotal(c) + " = the items' total " + e.getValue());
        }
        Optional<LineItem> credit =
                items.stream().filter(i -> i.totalCost().isNegative()).findFirst();
        credit.ifPresent(i -> out.println("  " + bill.explain(i.id()).text()));
    }

    static AllocationRuleSet rules() {
        try (InputStream in = Demo.class.getResourceAsStream(RULES)) {
            if (in == null) {
                throw new IllegalStateException("bug: " + RULES + " is not on the class path");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return RuleSetJson.read(r, RULES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(PrintWriter out, String title, Rollup rollup, int limit) {
        out.println();
        out.println(title);
        out.printf(
                Locale.ROOT,
                "  %-56s %6s %22s %22s%n",
                rollup.grouping().dimensions().get(0).name(),
                "items",
                "billed",
                "list");
        List<Map.Entry<GroupKey, Totals>> rows = new ArrayList<>(rollup.groups().entrySet());
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
                    Locale.ROOT,
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
