package org.cloudbilling.examples.cli;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.id.TagKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code billing consolidate}: the totals of a bill by dimensions, as CSV.
 *
 * <p>The header is the dimension names, then {@code ItemCount,ListCost,BilledCost,BillingCurrency}; amounts are
 * plain decimals with every decimal kept; amounts of different currencies are never added (one row per currency).
 * An item without a value for a dimension falls in that dimension's empty cell.
 */
@Command(
        name = "consolidate",
        mixinStandardHelpOptions = true,
        description = {
            "Totals of a bill by dimensions, as CSV.",
            "Header: the dimension names, then ItemCount, ListCost, BilledCost and BillingCurrency; amounts keep"
                    + " every decimal; one row per group and currency."
        },
        footer = {
            "",
            "Dimensions: BillingAccountId, SubAccountId, ServiceName, RegionId,",
            "ChargeCategory, tag:KEY, and the library's names: ownerUin, payerUin,",
            "operatorUin, businessCode, productCode, itemCode, regionId, projectId,",
            "resourceId, instanceType, payMode, actionType, day, month.",
            "",
            "Example:",
            "  billing consolidate --input focus.csv --format focus \\",
            "      --by ServiceName,tag:business_unit"
        })
public final class ConsolidateCommand extends BaseCommand {
    /** FOCUS column names for the library's dimensions. */
    private static final Map<String, Dimension> FOCUS_NAMES = Map.of(
            "BillingAccountId", Dimension.PAYER,
            "SubAccountId", Dimension.OWNER,
            "ServiceName", Dimension.BUSINESS,
            "RegionId", Dimension.REGION,
            "ChargeCategory", Dimension.ACTION_TYPE);

    @Mixin
    InputOptions input;

    @Option(
            names = "--by",
            split = ",",
            paramLabel = "DIM",
            description = "the dimensions to group by, in column order; none for one total per currency")
    List<String> by = new ArrayList<>();

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
        List<Dimension> dims = new ArrayList<>();
        columns.forEach(c -> dims.add(c.dimension));
        // ChargeCategory depends on the pay mode too (a refund is Purchase when prepaid, Usage when postpaid):
        // group by it as well, without a column of its own, and merge on relabelling.
        int payMode = dims.indexOf(Dimension.PAY_MODE);
        if (payMode < 0 && columns.stream().anyMatch(Column::isChargeCategory)) {
            dims.add(Dimension.PAY_MODE);
            payMode = dims.size() - 1;
        }
        Grouping grouping = Grouping.by(calendar.calendar, dims.toArray(Dimension[]::new));
        Rollup rollup = input.collect(progress(), Consolidation.toRollup(grouping));

        // Relabel (ChargeCategory) and merge the groups that then share a key, ordered as the library orders keys.
        Map<List<String>, Totals> rows = new TreeMap<>(ConsolidateCommand::compareKeys);
        for (Map.Entry<GroupKey, Totals> e : rollup.groups().entrySet()) {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String v = e.getKey().value(i).orElse(null);
                if (v != null && columns.get(i).isChargeCategory()) {
                    v = FocusLineItems.chargeCategory(
                            ActionType.valueOf(v),
                            PayMode.valueOf(e.getKey().value(payMode).orElseThrow()));
                }
                key.add(v);
            }
            key.add(e.getKey().currency().getCurrencyCode());
            rows.merge(key, e.getValue(), Totals::plus);
        }

        List<String> header = new ArrayList<>();
        columns.forEach(c -> header.add(c.name));
        header.addAll(List.of("ItemCount", "ListCost", "BilledCost", "BillingCurrency"));
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
                cells.add(t.listCost().amount().toPlainString());
                cells.add(t.totalCost().amount().toPlainString());
                cells.add(key.get(columns.size()));
                csv.row(cells.toArray());
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw cannotWrite(e);
        }
        return 0;
    }

    /** One output column: its header and the library dimension. */
    record Column(String name, Dimension dimension) {
        /** ChargeCategory: the action type shown as the FOCUS category, {@link FocusLineItems#chargeCategory}. */
        boolean isChargeCategory() {
            return name.equals("ChargeCategory");
        }
    }

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
        Dimension focus = FOCUS_NAMES.get(name);
        if (focus != null) {
            return new Column(name, focus);
        }
        try {
            if (name.startsWith("tag:")) {
                return new Column(name, Dimension.tag(TagKey.of(name.substring(4))));
            }
            return new Column(name, Dimension.parse(name));
        } catch (IllegalArgumentException e) {
            throw new UserError("--by: unknown dimension '" + name
                    + "'; known: BillingAccountId, SubAccountId, ServiceName, RegionId, ChargeCategory, tag:KEY,"
                    + " or a library dimension (" + e.getMessage().replaceFirst(".*known: ", "") + ")");
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
