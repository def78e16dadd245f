package org.cloudbilling.examples.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cloudbilling.allocation.Allocation;
import org.cloudbilling.allocation.AllocationBill;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.focus.AllocationFocus;
import org.cloudbilling.allocation.json.RuleSetJson;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvReader;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusValidator;
import org.cloudbilling.core.focus.FocusViolation;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.examples.FocusSample;

/**
 * FOCUS in, FOCUS out: the FinOps Foundation's FOCUS 1.0 sample read by the library's FOCUS reader, allocated by its
 * {@code business_unit} and {@code application} tags ({@code rules/focus-sample-rules.json}), written as a FOCUS 1.0
 * cost allocation bill with the columns {@code x_AllocationUnit}, {@code x_AllocationType} and
 * {@code x_AllocationRule}, checked by {@link FocusValidator}, and read back.
 *
 * <p>Line items do not keep the sample's ProviderName (AWS, Microsoft, Oracle); the allocation bill names one issuer,
 * {@value #ISSUER}. Billing months are cut in UTC.
 */
public final class FocusRoundTripSample {
    /** The ProviderName, PublisherName and InvoiceIssuerName of the allocation bill. */
    static final String ISSUER = "FOCUS Sample Data";

    private FocusRoundTripSample() {}

    /**
     * Prints the allocation bill as FOCUS 1.0 CSV on standard output and what was read back on standard error.
     *
     * @param args none
     */
    public static void main(String[] args) {
        StringWriter focus = new StringWriter();
        PrintWriter report = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        run(focus, report);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        out.print(focus);
        out.flush();
    }

    /**
     * Runs the round trip: writes the allocation bill as FOCUS CSV to {@code focus}, and to {@code report} the
     * number of rows read back and their BilledCost per unit and allocation type.
     *
     * @return the rows read back, never null
     * @throws IllegalStateException if the FOCUS written is not valid, which would be a bug
     */
    private static String key(FocusViolation v) {
        // a null is an empty cell in the export (FOCUS-1 when never null), NULL in the sample (FOCUS-3)
        if (v.value() == null || v.value().isEmpty() || v.value().equals("NULL")) {
            return "null|" + v.column();
        }
        return v.rule() + "|" + v.column() + "|" + v.value();
    }

    static List<FocusRow> run(StringWriter focus, PrintWriter report) {
        List<LineItem> items = FocusSample.read(); // FOCUS Sample Data, FinOps Foundation, CC BY 4.0
        AllocationRuleSet rules = rules("/rules/focus-sample-rules.json");
        BillingCalendar utc = BillingCalendar.UTC;
        AllocationBill bill = Allocation.allocate(rules, items, TagBindings.empty(), utc);
        FocusExport export = new FocusExport(ISSUER, ISSUER, ISSUER, utc);

        StringWriter text = new StringWriter();
        try (FocusCsvWriter out = FocusCsv.writer(text, AllocationFocus.EXTRA_COLUMNS, FormulaGuard.ON)) {
            AllocationFocus.toRows(bill.rows(), BillingMonth.of(2024, 9), export)
                    .forEach(out::write);
        }
        // the sample's values are carried as they are (FOCUS-8): a violation the sample itself has (such as its
        // ChargeFrequency 'Usage-based') stays; any other is a bug
        Set<String> own = new HashSet<>();
        try (Reader sample = new InputStreamReader(FocusSample.open(), StandardCharsets.UTF_8)) {
            FocusValidator.validate(sample, "sample", Map.of()).forEach(v -> own.add(key(v)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FocusViolation> violations =
                FocusValidator.validate(new StringReader(text.toString()), "allocation.csv", Map.of()).stream()
                        .filter(v -> !own.contains(key(v)))
                        .toList();
        if (!violations.isEmpty()) {
            throw new IllegalStateException("bug: the allocation bill is not valid FOCUS 1.0: " + violations);
        }
        focus.write(text.toString());

        List<FocusRow> rows = new ArrayList<>();
        try (FocusCsvReader in =
                FocusCsv.reader(new StringReader(text.toString()), "allocation.csv", FormulaGuard.ON)) {
            in.forEachRemaining(rows::add);
        }
        Map<String, BigDecimal> byUnit = new TreeMap<>();
        for (FocusRow row : rows) {
            String key = row.extra(AllocationFocus.X_ALLOCATION_UNIT).orElse("") + ","
                    + row.extra(AllocationFocus.X_ALLOCATION_TYPE).orElseThrow();
            byUnit.merge(key, row.decimal(FocusColumn.BILLED_COST).orElseThrow(), BigDecimal::add);
        }
        report.println("read back " + rows.size() + " FOCUS rows of " + items.size() + " line items, valid FOCUS 1.0");
        report.println("unit,allocation_type,amount");
        byUnit.forEach((key, amount) -> report.println(key + "," + amount.toPlainString()));
        report.flush();
        return rows;
    }

    private static AllocationRuleSet rules(String resource) {
        try (InputStream in = FocusRoundTripSample.class.getResourceAsStream(resource);
                Reader json = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return RuleSetJson.read(json, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
