package org.cloudbilling.examples.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.focus.AllocationFocus;
import org.cloudbilling.core.bill.CostMetric;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusValidator;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.focus.FocusViolation;
import org.cloudbilling.core.focus.conformance.ConformanceReport;
import org.cloudbilling.core.focus.conformance.FocusConformance;
import org.cloudbilling.core.focus.conformance.RuleVerdict;
import org.cloudbilling.core.focus.parquet.FocusParquet;
import org.cloudbilling.core.focus.parquet.FocusParquetWriter;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.time.BillingMonth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code billing export --to focus}: a bill written as FOCUS 1.0, 1.1 or 1.2 ({@code --focus-version}), its line items ({@code FocusLineItems.toRow}) or,
 * with {@code --rules}, its cost allocation bill ({@code AllocationFocus.toRows}, with the {@code x_Allocation...}
 * columns), as CSV or, with {@code --as parquet}, Parquet. An item's billing month is the month its fee period starts
 * in, cut by {@code --calendar}. The output is checked before it is written (a Parquet file is written beside
 * {@code --out} and moved there once checked): a 1.2 export by the FinOps Foundation's rule model
 * ({@code FocusConformance}), a 1.0 or 1.1 export, of which no model is published, by the library's FOCUS 1.0 rules
 * ({@code FocusValidator}). A MUST failing on the library's own data is a bug (exit 1); a provider's values are
 * carried, their violations told.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a bill as FOCUS 1.0, 1.1 or 1.2 (--focus-version), CSV or Parquet (--as): its line items, or with"
                    + " --rules its cost allocation bill.",
            "The output is checked before it is written: 1.2 by the FinOps Foundation's FOCUS rule model, 1.0 and"
                    + " 1.1 by the library's FOCUS 1.0 rules; CSV text cells are guarded against spreadsheet formulas."
        },
        footer = {
            "",
            "Example:",
            "  billing export --to focus --input bill.csv --format tencent \\",
            "      --rules rules.json --out allocation-focus.csv",
            "  billing export --to focus --focus-version 1.2 --input focus.csv \\",
            "      --format focus --out focus-1.2.csv",
            "  billing export --to focus --focus-version 1.2 --as parquet --input bill.csv \\",
            "      --format canonical --out focus-1.2.parquet"
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
            names = "--metric",
            paramLabel = "METRIC",
            defaultValue = "BilledCost",
            description = "with --rules: the cost metric the allocation is computed on (FOCUS-11): BilledCost"
                    + " (default), EffectiveCost, ListCost or ContractedCost; every summable metric of a row is its"
                    + " origin's split by the same weights, and AllocatedMethodDetails names a metric other than"
                    + " BilledCost")
    String metric;

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
            description = "the FOCUS version written: 1.0 (default), 1.1, 1.2 or 1.3; a column of a later version than"
                    + " this that the input carries is refused, never dropped")
    String focusVersion;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
    Path out;

    @Option(
            names = "--as",
            paramLabel = "FILE_FORMAT",
            defaultValue = "csv",
            description = "csv (default) or parquet (needs --out): amounts as DECIMAL(38,18), times as"
                    + " TIMESTAMP(MICROS, UTC), text and Tags (its JSON) as strings, ZSTD compressed")
    String as;

    @Option(
            names = "--row-group-rows",
            paramLabel = "ROWS",
            defaultValue = "100000",
            description = "with --as parquet: the rows of a row group, what the writer holds in memory; default:"
                    + " ${DEFAULT-VALUE}")
    int rowGroupRows;

    /**
     * The applicability criteria the library's data meets, declared to the model: tags, and charges for provisioned
     * resources (see docs/formats.md).
     */
    static final Set<String> DECLARED = Set.of("TAGGING_SUPPORTED", "BILLING_BASED_ON_PROVISIONED_RESOURCES_SUPPORTED");

    @Override
    public Integer call() {
        if (!to.equals("focus")) {
            throw new UserError("--to: unknown format '" + to + "'; the only export format is focus");
        }
        if (provider.isBlank()) {
            throw new UserError("--provider: the name is empty");
        }
        boolean parquet = switch (as) {
            case "csv" -> false;
            case "parquet" -> true;
            default -> throw new UserError("--as: unknown file format '" + as + "'; known: csv, parquet");
        };
        if (parquet && out == null) {
            throw new UserError("--as parquet: give the file with --out; Parquet is not written to standard output");
        }
        if (rowGroupRows <= 0) {
            throw new UserError("--row-group-rows: " + rowGroupRows + " is not a positive number of rows");
        }
        CostMetric costMetric;
        try {
            costMetric = CostMetric.parse(metric.strip());
        } catch (IllegalArgumentException e) {
            throw new UserError("--metric: " + e.getMessage());
        }
        if (rules == null && costMetric != CostMetric.BILLED_COST) {
            throw new UserError("--metric: " + costMetric.focusName()
                    + " needs --rules; without them the export writes every metric of each line item");
        }
        AllocationRuleSet ruleSet = rules == null ? null : RuleFiles.read(rules);
        FocusVersion version = FocusVersion.of(focusVersion.strip())
                .orElseThrow(() -> new UserError(
                        "--focus-version: unknown FOCUS version '" + focusVersion + "'; known: 1.0, 1.1, 1.2, 1.3"));
        FocusExport export = new FocusExport(provider, provider, provider, calendar.calendar, version);
        Progress progress = progress();
        List<LineItem> items = input.read(progress);
        long[] rows = {0};
        List<String> extra = ruleSet == null ? FocusLineItems.EXTRA_COLUMNS : AllocationFocus.extraColumns(version);
        boolean carried = items.stream().anyMatch(i -> !i.attributes().isEmpty());
        if (parquet) {
            Path partial = partialFile(out);
            try {
                // before 1.2, the rows' CSV form is what the check reads (FocusValidator reads CSV)
                StringWriter text = modelChecked(version) ? null : new StringWriter();
                try (FocusParquetWriter w = FocusParquet.writer(
                                newOutput(partial), version, extra, FocusParquetWriter.Compression.ZSTD, rowGroupRows);
                        FocusCsvWriter csv =
                                text == null ? null : FocusCsv.writer(text, version, extra, FormulaGuard.OFF)) {
                    rows(ruleSet, items, export, costMetric, row -> {
                        w.write(row);
                        if (csv != null) {
                            csv.write(row);
                        }
                        rows[0]++;
                    });
                } catch (IllegalArgumentException e) {
                    throw cannotCarry(version, e);
                } catch (java.io.UncheckedIOException e) {
                    throw new UserError(
                            "cannot write " + out + ": " + e.getCause().getMessage());
                }
                if (text == null) {
                    selfCheck(FocusConformance.focus12().check(partial, DECLARED), carried, progress);
                } else {
                    selfCheck10(text.toString(), version, carried, progress);
                }
                moveInPlace(partial, out);
            } finally {
                deleteQuietly(partial);
            }
        } else {
            StringWriter text = new StringWriter();
            try (FocusCsvWriter w = FocusCsv.writer(text, version, extra, input.guard())) {
                rows(ruleSet, items, export, costMetric, row -> {
                    w.write(row);
                    rows[0]++;
                });
            } catch (IllegalArgumentException e) {
                throw cannotCarry(version, e);
            }
            if (modelChecked(version)) {
                selfCheck(
                        FocusConformance.focus12()
                                .check(new StringReader(text.toString()), "the FOCUS export", DECLARED),
                        carried,
                        progress);
            } else {
                selfCheck10(text.toString(), version, carried, progress);
            }
            try (Writer w = results(out)) {
                w.write(text.toString());
            } catch (IOException | java.io.UncheckedIOException e) {
                throw cannotWrite(e);
            }
        }
        progress.note("wrote " + rows[0] + " FOCUS rows");
        return 0;
    }

    private static UserError cannotCarry(FocusVersion version, IllegalArgumentException e) {
        // a value the version cannot carry (a 1.2 column in a 1.0 export), or a Parquet column cannot hold, named by
        // the writer
        return new UserError("cannot write FOCUS " + version + ": " + e.getMessage()
                + (version == FocusVersion.V1_3 || !e.getMessage().contains("FOCUS 1.")
                        ? ""
                        : "; write --focus-version 1.2 (or 1.3) to carry it"));
    }

    /**
     * Whether an export of {@code version} is checked by the Foundation's 1.2 model: a 1.2 export, and a 1.3 one,
     * which has every 1.2 column with 1.2's values (the Foundation publishes no 1.3 model; the 1.2 one passes
     * on the 1.3 exports, which it reads by their 1.2 columns).
     */
    private static boolean modelChecked(FocusVersion version) {
        return version.compareTo(FocusVersion.V1_2) >= 0;
    }

    /**
     * The check of a 1.2 export by the FinOps Foundation's rule model (FocusConformance): a MUST failing on the
     * library's own data is a bug; a provider's values are carried as they are, never repaired: their violations
     * stay, and are told.
     */
    private static void selfCheck(ConformanceReport report, boolean carried, Progress progress) {
        List<RuleVerdict> failing = report.violations();
        if (failing.isEmpty()) {
            return;
        }
        RuleVerdict v = failing.get(0);
        String first = v.ruleId() + " (" + v.failingRows() + " rows) " + v.examples();
        if (carried) {
            progress.note("the export carries the input's values as they are: " + failing.size()
                    + " FOCUS 1.2 rules fail, first " + first);
        } else {
            throw new IllegalStateException(
                    "bug: the FOCUS export is not valid FOCUS 1.2: " + failing.size() + " rules fail, first " + first);
        }
    }

    /**
     * The check of a 1.0 or 1.1 export: the Foundation publishes no model of these versions (the 1.2 model requires
     * 1.2's columns and values), so the library's own rules of FOCUS 1.0 (FOCUS-1..6, {@code FocusValidator}) check
     * its CSV form.
     */
    private static void selfCheck10(String csv, FocusVersion version, boolean carried, Progress progress) {
        List<FocusViolation> violations = FocusValidator.validate(new StringReader(csv), "the FOCUS export", Map.of());
        if (violations.isEmpty()) {
            return;
        }
        if (carried) {
            progress.note("the export carries the input's values as they are: " + violations.size()
                    + " FOCUS 1.0 violations, first " + violations.get(0));
        } else {
            throw new IllegalStateException("bug: the FOCUS export is not valid FOCUS " + version + ": "
                    + violations.size() + " violations, first " + violations.get(0));
        }
    }

    private void rows(
            AllocationRuleSet ruleSet,
            List<LineItem> items,
            FocusExport export,
            CostMetric costMetric,
            Consumer<FocusRow> sink) {
        if (ruleSet == null) {
            for (LineItem item : items) {
                sink.accept(FocusLineItems.toRow(item, billingMonth(item, export), export));
            }
            return;
        }
        // allocated on the metric's view of each item (its total cost the metric's amount); each row then gets its
        // origin item back, whose every summable metric the FOCUS rows split by the allocated amounts (FOCUS-9, 11)
        Map<LineItem, LineItem> originOf = new IdentityHashMap<>();
        List<LineItem> views = new ArrayList<>(items.size());
        for (LineItem item : items) {
            LineItem view = costMetric.view(item);
            originOf.put(view, item);
            views.add(view);
        }
        Map<BillingMonth, List<AllocatedRow>> byMonth = new TreeMap<>();
        Allocator.compile(ruleSet).prepare(views, TagBindings.empty()).allocateAll(views, export.calendar(), row -> {
            LineItem origin = originOf.get(row.item());
            if (origin == null) {
                throw new IllegalStateException("bug: an allocated row of an item not given: "
                        + row.item().id());
            }
            byMonth.computeIfAbsent(billingMonth(origin, export), m -> new ArrayList<>())
                    .add(new AllocatedRow(origin, row.unit(), row.type(), row.amount(), row.rule()));
        });
        AllocationFocus.SplitColumns split = export.version().has(FocusColumn.ALLOCATED_METHOD_ID)
                ? AllocationFocus.SplitColumns.FOCUS_1_3
                : AllocationFocus.SplitColumns.CUSTOM;
        byMonth.forEach((month, monthRows) -> AllocationFocus.toRows(monthRows, month, export, split, costMetric)
                .forEach(sink));
    }

    /** A file beside {@code out} that the export is written to, and moved to {@code out} once it is checked. */
    private static Path partialFile(Path out) {
        Path dir = out.toAbsolutePath().getParent();
        try {
            return Files.createTempFile(dir, "." + out.getFileName() + ".", ".partial");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("cannot write " + out + ": its directory does not exist");
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        }
    }

    private static java.io.OutputStream newOutput(Path file) {
        try {
            return new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void moveInPlace(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + to + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a partial file left behind is named by its dot and .partial; nothing more to do
        }
    }

    private static BillingMonth billingMonth(LineItem item, FocusExport export) {
        return export.calendar().monthOf(item.feePeriod().start());
    }
}
