package org.cloudbilling.examples.cli;

import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cloudbilling.core.bill.CostMetric;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code billing consolidate}: the totals of a bill by dimensions, as CSV.
 *
 * <p>The header is the dimension names, then {@code ItemCount}, the measures of {@code --metric} (by default
 * {@code ListCost,BilledCost}) and {@code BillingCurrency}; amounts are plain decimals with every decimal kept;
 * amounts of different currencies are never added (one row per currency). An item without a value for a dimension
 * falls in that dimension's empty cell.
 */
@Command(
        name = "consolidate",
        mixinStandardHelpOptions = true,
        description = {
            "Totals of a bill by dimensions, as CSV.",
            "Header: the dimension names, then ItemCount, the measures of --metric (default ListCost,BilledCost) and"
                    + " BillingCurrency; amounts keep every decimal; one row per group and currency."
        },
        footer = {
            "",
            "Dimensions: every FOCUS column (BillingAccountId, SubAccountId, ServiceName,",
            "ServiceCategory, ChargeCategory, RegionId, SkuId, InvoiceId, ...), tag:KEY,",
            "and the library's names: ownerUin, payerUin, operatorUin, businessCode,",
            "productCode, itemCode, regionId, projectId, resourceId, instanceType,",
            "payMode, actionType, day, month.",
            "Measures: BilledCost, EffectiveCost, ListCost, ContractedCost,",
            "ConsumedQuantity, PricingQuantity, or all.",
            "",
            "Example:",
            "  billing consolidate --input focus.csv --format focus \\",
            "      --by ServiceName,tag:business_unit --metric EffectiveCost"
        })
public final class ConsolidateCommand extends BaseCommand {
    /** The measures --metric may name, in the order {@code all} writes them. */
    private static final List<String> MEASURES =
            List.of("ListCost", "BilledCost", "EffectiveCost", "ContractedCost", "ConsumedQuantity", "PricingQuantity");

    @Mixin
    InputOptions input;

    @Option(
            names = "--by",
            split = ",",
            paramLabel = "DIM",
            description = "the dimensions to group by, in column order; none for one total per currency")
    List<String> by = new ArrayList<>();

    @Option(
            names = "--metric",
            split = ",",
            paramLabel = "METRIC",
            description = "the measures to total, in column order (FOCUS-11): BilledCost, EffectiveCost, ListCost,"
                    + " ContractedCost, ConsumedQuantity, PricingQuantity, or all; default ListCost,BilledCost")
    List<String> metric = new ArrayList<>(List.of("ListCost", "BilledCost"));

    @Option(
            names = "--calendar",
            paramLabel = "CAL",
            defaultValue = "utc",
            description = "the zone days and months are cut in: utc (default) or tencent (UTC+8)")
    CalendarChoice calendar;

    @Option(names = "--out", paramLabel = "FILE", description = "write the CSV here instead of standard output")
    Path out;

    @Override
    public Integer call() {
        List<Column> columns = columns(by);
        List<String> measures = measures(metric);
        List<Dimension> dims = new ArrayList<>();
        columns.forEach(c -> dims.add(c.dimension));
        Grouping grouping = Grouping.by(calendar.calendar, dims.toArray(Dimension[]::new));
        Rollup rollup = input.consolidate(progress(), grouping);

        // ordered as the library orders keys
        Map<List<String>, Totals> rows = new TreeMap<>(ConsolidateCommand::compareKeys);
        for (Map.Entry<GroupKey, Totals> e : rollup.groups().entrySet()) {
            List<String> key = new ArrayList<>(e.getKey().values());
            key.add(e.getKey().currency().getCurrencyCode());
            rows.merge(key, e.getValue(), Totals::plus);
        }

        List<String> header = new ArrayList<>();
        columns.forEach(c -> header.add(c.name));
        header.add("ItemCount");
        header.addAll(measures);
        header.add("BillingCurrency");
        try (Writer w = results(out);
                CsvOut csv = new CsvOut(w, header, input.guard())) {
            for (Map.Entry<List<String>, Totals> e : rows.entrySet()) {
                List<Object> cells = new ArrayList<>();
                List<String> key = e.getKey();
                for (int i = 0; i < columns.size(); i++) {
                    cells.add(key.get(i) == null ? "" : key.get(i));
                }
                Totals t = e.getValue();
                cells.add(Long.toString(t.itemCount()));
                for (String m : measures) {
                    cells.add(measure(t, m));
                }
                cells.add(key.get(columns.size()));
                csv.row(cells.toArray());
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw cannotWrite(e);
        }
        return 0;
    }

    private static String measure(Totals t, String name) {
        switch (name) {
            case "ConsumedQuantity":
                return t.consumedQuantity().map(BigDecimal::toPlainString).orElse("");
            case "PricingQuantity":
                return t.pricingQuantity().map(BigDecimal::toPlainString).orElse("");
            default:
                return t.metric(CostMetric.parse(name)).amount().toPlainString();
        }
    }

    static List<String> measures(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip();
            if (name.equals("all")) {
                MEASURES.stream().filter(m -> !out.contains(m)).forEach(out::add);
                continue;
            }
            if (!MEASURES.contains(name)) {
                throw new UserError(
                        "--metric: unknown measure '" + name + "'; known: " + String.join(", ", MEASURES) + ", all");
            }
            if (out.contains(name)) {
                throw new UserError("--metric: measure " + name + " is given twice");
            }
            out.add(name);
        }
        if (out.isEmpty()) {
            throw new UserError("--metric: no measure given");
        }
        return out;
    }

    /** One output column: its header, as given, and the library dimension. */
    record Column(String name, Dimension dimension) {}

    static List<Column> columns(List<String> names) {
        List<Column> columns = new ArrayList<>();
        Set<Dimension> seen = new HashSet<>();
        for (String raw : names) {
            String name = raw.strip();
            Column c = column(name);
            if (!seen.add(c.dimension)) {
                throw new UserError("--by: dimension " + name + " is given twice");
            }
            columns.add(c);
        }
        return columns;
    }

    private static Column column(String name) {
        try {
            return new Column(name, Dimension.parse(name));
        } catch (IllegalArgumentException e) {
            throw new UserError("--by: " + e.getMessage());
        }
    }

    private static final Comparator<String> VALUE_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = VALUE_ORDER.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
