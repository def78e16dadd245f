package org.cloudbilling.examples.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.focus.AllocationFocus;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusValidator;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.focus.FocusViolation;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.time.BillingMonth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code billing export --to focus}: a bill written as FOCUS 1.0, 1.1 or 1.2 ({@code --focus-version}), its line items ({@code FocusLineItems.toRow}) or,
 * with {@code --rules}, its cost allocation bill ({@code AllocationFocus.toRows}, with the {@code x_Allocation...}
 * columns). An item's billing month is the month its fee period starts in, cut by {@code --calendar}. The output is
 * checked by {@code FocusValidator} before anything is written: a violation is a bug (exit 1).
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a bill as FOCUS 1.0, 1.1 or 1.2 CSV (--focus-version): its line items, or with --rules its cost"
                    + " allocation bill.",
            "The output is validated (FOCUS-1..6) before it is written; text cells are guarded against spreadsheet"
                    + " formulas."
        },
        footer = {
            "",
            "Example:",
            "  billing export --to focus --input bill.csv --format tencent \\",
            "      --rules rules.json --out allocation-focus.csv",
            "  billing export --to focus --focus-version 1.2 --input focus.csv \\",
            "      --format focus --out focus-1.2.csv"
        })
public final class ExportCommand extends BaseCommand {
    @Mixin
    InputOptions input;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "the format to write: focus")
    String to;

    @Option(
            names = "--rules",
            paramLabel = "RULES.json",
            description = "allocate by this rule set and write the allocation bill, one row per item, unit, type and"
                    + " rule, with x_AllocationUnit, x_AllocationType and x_AllocationRule")
    Path rules;

    @Option(
            names = "--provider",
            paramLabel = "NAME",
            defaultValue = "Unknown",
            description = "the ProviderName, PublisherName and InvoiceIssuerName written; default: ${DEFAULT-VALUE}")
    String provider;

    @Option(
            names = "--calendar",
            paramLabel = "CALENDAR",
            defaultValue = "utc",
            description = "cuts billing months: utc (default) or tencent (UTC+8)")
    CalendarChoice calendar;

    @Option(
            names = "--focus-version",
            paramLabel = "VERSION",
            defaultValue = "1.0",
            description = "the FOCUS version written: 1.0 (default), 1.1 or 1.2; a column of a later version than"
                    + " this that the input carries is refused, never dropped")
    String focusVersion;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
    Path out;

    @Override
    public Integer call() {
        if (!to.equals("focus")) {
            throw new UserError("--to: unknown format '" + to + "'; the only export format is focus");
        }
        if (provider.isBlank()) {
            throw new UserError("--provider: the name is empty");
        }
        AllocationRuleSet ruleSet = rules == null ? null : RuleFiles.read(rules);
        FocusVersion version = FocusVersion.of(focusVersion.strip())
                .orElseThrow(() -> new UserError(
                        "--focus-version: unknown FOCUS version '" + focusVersion + "'; known: 1.0, 1.1, 1.2"));
        FocusExport export = new FocusExport(provider, provider, provider, calendar.calendar, version);
        Progress progress = progress();
        List<LineItem> items = input.read(progress);
        long[] rows = {0};
        FormulaGuard guard = input.guard();
        String text;
        try {
            text = ruleSet == null
                    ? lineItems(items, export, rows, guard)
                    : allocation(ruleSet, items, export, rows, guard);
        } catch (IllegalArgumentException e) {
            // a value the version cannot carry (a 1.2 column in a 1.0 export), named by the writer
            throw new UserError("cannot write FOCUS " + version + ": " + e.getMessage()
                    + (version == FocusVersion.V1_2 ? "" : "; write --focus-version 1.2 to carry it"));
        }

        List<FocusViolation> violations = FocusValidator.validate(new StringReader(text), "the FOCUS export", Map.of());
        if (!violations.isEmpty()
                && items.stream().anyMatch(i -> !i.attributes().isEmpty())) {
            // a provider's values are carried as they are, never repaired: its own violations stay, and are told
            progress.note("the export carries the input's values as they are: " + violations.size()
                    + " FOCUS 1.0 violations, first " + violations.get(0));
        } else if (!violations.isEmpty()) {
            throw new IllegalStateException("bug: the FOCUS export is not valid FOCUS " + version + ": "
                    + violations.size() + " violations, first " + violations.get(0));
        }
        try (Writer w = results(out)) {
            w.write(text);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw cannotWrite(e);
        }
        progress.note("wrote " + rows[0] + " FOCUS rows");
        return 0;
    }

    private static String lineItems(List<LineItem> items, FocusExport export, long[] rows, FormulaGuard guard) {
        StringWriter text = new StringWriter();
        try (FocusCsvWriter w = FocusCsv.writer(text, export.version(), FocusLineItems.EXTRA_COLUMNS, guard)) {
            for (LineItem item : items) {
                w.write(FocusLineItems.toRow(item, billingMonth(item, export), export));
                rows[0]++;
            }
        }
        return text.toString();
    }

    private static String allocation(
            AllocationRuleSet ruleSet, List<LineItem> items, FocusExport export, long[] rows, FormulaGuard guard) {
        Map<BillingMonth, List<AllocatedRow>> byMonth = new TreeMap<>();
        Allocator.compile(ruleSet)
                .prepare(items, TagBindings.empty())
                .allocateAll(
                        items,
                        export.calendar(),
                        row -> byMonth.computeIfAbsent(billingMonth(row.item(), export), m -> new ArrayList<>())
                                .add(row));
        StringWriter text = new StringWriter();
        try (FocusCsvWriter w = FocusCsv.writer(text, export.version(), AllocationFocus.EXTRA_COLUMNS, guard)) {
            byMonth.forEach((month, monthRows) -> AllocationFocus.toRows(monthRows, month, export)
                    .forEach(row -> {
                        w.write(row);
                        rows[0]++;
                    }));
        }
        return text.toString();
    }

    private static BillingMonth billingMonth(LineItem item, FocusExport export) {
        return export.calendar().monthOf(item.feePeriod().start());
    }
}
