package org.cloudbilling.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.AllocationSummary;
import org.cloudbilling.allocation.AllocationTotals;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.bill.CostMetric;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code billing allocate}: the cost allocation bill of a month, or its summary per unit and type, as CSV.
 *
 * <p>The bill has one row per item, unit, type and rule: {@code line_item_id,unit,allocation_type,rule,amount,
 * currency}. The summary has {@code unit,allocation_type,amount}, Unallocated with an empty unit; it is made in one
 * pass over the file ({@link Allocator#toTotals}: each item placed once, only the items that enter the sharing graph
 * kept until the proportional bases are known), a canonical CSV file read from its bytes on every core. Tags are
 * those printed on the items (a file carries no tag history).
 */
@Command(
        name = "allocate",
        mixinStandardHelpOptions = true,
        description = {
            "Allocates a bill to units by a rule set (JSON), as CSV.",
            "Writes the allocation bill (line_item_id,unit,allocation_type,rule,amount,currency), or with --summary"
                    + " the rows unit,allocation_type,amount (Unallocated with an empty unit)."
        },
        footer = {
            "",
            "The rule-set JSON is described in docs/allocation.md. Example:",
            "  billing allocate --input focus.csv --format focus --rules rules.json \\",
            "      --summary"
        })
public final class AllocateCommand extends BaseCommand {
    @Mixin
    InputOptions input;

    @Option(names = "--rules", required = true, paramLabel = "RULES.json", description = "the rule set, as JSON")
    Path rules;

    @Option(
            names = "--summary",
            description = "write the total per unit and allocation type instead of every row; the input must"
                    + " then be in one currency")
    boolean summary;

    @Option(
            names = "--metric",
            paramLabel = "METRIC",
            defaultValue = "BilledCost",
            description = "the cost metric allocated (FOCUS-11): BilledCost (default), EffectiveCost, ListCost or"
                    + " ContractedCost; the amounts written are that metric's, conserved exactly")
    String metric;

    @Option(names = "--out", paramLabel = "FILE", description = "write the CSV here instead of standard output")
    Path out;

    @Override
    public Integer call() {
        AllocationRuleSet ruleSet = RuleFiles.read(rules);
        Progress progress = progress();
        CostMetric costMetric;
        try {
            costMetric = CostMetric.parse(metric.strip());
        } catch (IllegalArgumentException e) {
            throw new UserError("--metric: " + e.getMessage());
        }
        Allocator allocator = Allocator.compile(ruleSet);
        if (summary) {
            // one pass: each item read and placed once, only the items that enter the sharing graph kept
            // the billed cost is the item's own total cost: the totals collector is then given each canonical row
            // by its placement's class and cost, without making its item (CostClassCollector)
            Collector<LineItem, ?, AllocationTotals> toTotals = allocator.toTotals(TagBindings.empty());
            AllocationTotals totals = input.collect(
                    progress,
                    costMetric == CostMetric.BILLED_COST ? toTotals : Collectors.mapping(costMetric::view, toTotals),
                    AllocationTotals::itemCount);
            Set<String> currencies = new TreeSet<>();
            totals.currencies().forEach(c -> currencies.add(c.getCurrencyCode()));
            checkOneCurrency(currencies);
            try (Writer w = results(out);
                    CsvOut csv = new CsvOut(w, List.of("unit", "allocation_type", "amount"), input.guard())) {
                for (Currency currency : totals.currencies()) {
                    writeSummary(csv, totals, currency, ruleSet);
                }
            } catch (IOException | UncheckedIOException e) {
                throw cannotWrite(e);
            }
            return 0;
        }
        List<LineItem> items = input.collect(progress, Collectors.mapping(costMetric::view, Collectors.toList()));
        AllocationRun run = allocator.prepare(items, TagBindings.empty());
        try (Writer w = results(out);
                CsvOut csv = new CsvOut(
                        w,
                        List.of("line_item_id", "unit", "allocation_type", "rule", "amount", "currency"),
                        input.guard())) {
            allocate(
                    run,
                    items,
                    progress,
                    r -> csv.row(
                            r.item().id().value(),
                            r.unit().map(u -> u.value()).orElse(""),
                            label(r.type()),
                            r.rule().map(id -> id.value()).orElse(""),
                            r.amount().amount().toPlainString(),
                            r.amount().currency().getCurrencyCode()));
        } catch (IOException | UncheckedIOException e) {
            throw cannotWrite(e);
        }
        return 0;
    }

    private void checkOneCurrency(Set<String> currencies) {
        if (currencies.size() > 1) {
            throw new UserError("--summary: " + input.input + " holds amounts in " + currencies.size()
                    + " currencies " + currencies + ", and summary rows have no currency column;"
                    + " allocate one currency at a time, or leave out --summary");
        }
    }

    /**
     * Writes the rows of {@code currency}: Unallocated first, then the units in id order, each unit's types in the
     * order Collected, Shared, Unallocated; a unit and type that received no row is left out.
     */
    private static void writeSummary(CsvOut csv, AllocationTotals totals, Currency currency, AllocationRuleSet rules) {
        List<Optional<UnitId>> units = new ArrayList<>();
        units.add(Optional.empty());
        rules.units().units().keySet().stream()
                .sorted(Comparator.comparing(UnitId::value))
                .forEach(u -> units.add(Optional.of(u)));
        for (Optional<UnitId> unit : units) {
            for (AllocationType type : AllocationType.values()) {
                Optional<Money> amount = totals.total(unit, type, currency);
                if (amount.isPresent()) {
                    csv.row(
                            unit.map(UnitId::value).orElse(""),
                            label(type),
                            amount.get().amount().toPlainString());
                }
            }
        }
    }

    private static AllocationSummary allocate(
            AllocationRun run,
            List<LineItem> items,
            Progress progress,
            java.util.function.Consumer<AllocatedRow> sink) {
        try (Progress.Steps steps = progress.steps("allocating", items.size())) {
            Iterable<LineItem> counted = () -> new Iterator<>() {
                private final Iterator<LineItem> it = items.iterator();

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public LineItem next() {
                    LineItem item = it.next();
                    steps.step();
                    return item;
                }
            };
            return run.allocateAll(counted, UTC, sink);
        }
    }

    /** Returns {@code Collected}, {@code Shared} or {@code Unallocated}. */
    static String label(AllocationType type) {
        String name = type.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
