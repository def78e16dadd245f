package org.cloudbilling.examples.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cloudbilling.allocation.Allocation;
import org.cloudbilling.allocation.AllocationBill;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.SummaryRow;
import org.cloudbilling.allocation.json.RuleSetJson;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.examples.FocusSample;

/**
 * FOCUS in, allocated by its {@code business_unit} and {@code application} tags, summary out: the FinOps
 * Foundation's FOCUS 1.0 sample, with a rule set kept as JSON ({@code rules/focus-sample-rules.json}). Credits are
 * shared in proportion to each unit's collected cost. Writes the summary as CSV rows
 * {@code unit,allocation_type,amount} (Unallocated with an empty unit).
 */
public final class FocusAllocationSample {
    private FocusAllocationSample() {}

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
        List<LineItem> items = FocusSample.read(); // FOCUS Sample Data, FinOps Foundation, CC BY 4.0
        AllocationRuleSet rules = rules("/rules/focus-sample-rules.json");
        AllocationBill bill = Allocation.allocate(rules, items, TagBindings.empty(), BillingCalendar.TENCENT);

        out.println("unit,allocation_type,amount");
        for (SummaryRow row : bill.summary().byUnit()) {
            String type =
                    row.type().name().charAt(0) + row.type().name().substring(1).toLowerCase(java.util.Locale.ROOT);
            out.println(row.unit().map(u -> u.value()).orElse("") + "," + type + ","
                    + row.amount().amount().toPlainString());
        }
    }

    private static AllocationRuleSet rules(String resource) {
        try (InputStream in = FocusAllocationSample.class.getResourceAsStream(resource);
                Reader json = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return RuleSetJson.read(json, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
