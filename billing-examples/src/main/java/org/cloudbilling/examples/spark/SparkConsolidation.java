package org.cloudbilling.examples.spark;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.Iterators;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.money.Money;
import scala.Tuple2;

/**
 * Consolidation on Spark: each partition rolls its items up with {@link Consolidation#consolidate}, and the
 * partial roll-ups merge group by group with {@link Totals#plus}, which is how {@link Rollup#merge} combines
 * two roll-ups; Spark's shuffle brings the partial totals of one group together.
 *
 * <pre>{@code
 * List<GroupTotals> byProduct = SparkConsolidation.consolidate(items, () -> Grouping.by(Dimension.BUSINESS));
 * }</pre>
 *
 * <p>The result equals {@link GroupTotals#of(Rollup) GroupTotals.of(Consolidation.consolidate(items,
 * grouping))} to the last decimal, whatever the partitioning.
 */
public final class SparkConsolidation {
    private SparkConsolidation() {}

    /**
     * Rolls {@code items} up by the grouping {@code grouping} makes.
     *
     * @param items canonical JSON line items, as {@link LineItemDatasets} makes them, not null
     * @param grouping makes the grouping on each task, not null
     * @return the groups in key order, never null; they fit in the driver's memory (one per group)
     */
    public static List<GroupTotals> consolidate(Dataset<String> items, Recipe<Grouping> grouping) {
        requireNonNull(items, "items");
        requireNonNull(grouping, "grouping");
        Dataset<Tuple2<String, String>> partials = items.mapPartitions(
                (MapPartitionsFunction<String, Tuple2<String, String>>) part -> partialRollup(part, grouping.make()),
                Encoders.tuple(Encoders.STRING(), Encoders.STRING()));
        List<Tuple2<String, Tuple2<String, String>>> merged = partials.groupByKey(
                        (MapFunction<Tuple2<String, String>, String>) Tuple2::_1, Encoders.STRING())
                .reduceGroups((ReduceFunction<Tuple2<String, String>>) (a, b) -> new Tuple2<>(
                        a._1(), TotalsText.write(TotalsText.read(a._2()).plus(TotalsText.read(b._2())))))
                .collectAsList();
        ObjectMapper keys = new ObjectMapper();
        List<GroupTotals> out = new ArrayList<>(merged.size());
        for (Tuple2<String, Tuple2<String, String>> group : merged) {
            Totals totals = TotalsText.read(group._2()._2());
            out.add(new GroupTotals(
                    valuesOf(keys, group._1()), totals.totalCost().currency(), totals));
        }
        out.sort(GroupTotals.KEY_ORDER);
        return List.copyOf(out);
    }

    /** Rolls one partition up with the library and writes each group as (key, totals). */
    private static Iterator<Tuple2<String, String>> partialRollup(Iterator<String> part, Grouping grouping) {
        LineItemJson json = new LineItemJson();
        Rollup rollup = Consolidation.consolidate(() -> Iterators.transform(part, json::read), grouping);
        ObjectMapper keys = new ObjectMapper();
        List<Tuple2<String, String>> out = new ArrayList<>(rollup.groups().size());
        for (Map.Entry<GroupKey, Totals> e : rollup.groups().entrySet()) {
            out.add(new Tuple2<>(keyOf(keys, e.getKey()), TotalsText.write(e.getValue())));
        }
        return out.iterator();
    }

    /** The key as a JSON array: the values (null when absent), then the currency code. */
    private static String keyOf(ObjectMapper keys, GroupKey key) {
        List<String> cells = new ArrayList<>(key.values());
        cells.add(key.currency().getCurrencyCode());
        try {
            return keys.writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> valuesOf(ObjectMapper keys, String key) {
        try {
            String[] cells = keys.readValue(key, String[].class);
            return Arrays.asList(cells).subList(0, cells.length - 1);
        } catch (JsonProcessingException e) {
            throw new AssertionError("bug: a group key is not the JSON array the job wrote: " + key, e);
        }
    }

    /** Totals as text: currency, item count, the four cost metrics and the two quantities, as plain decimals. */
    static final class TotalsText {
        private TotalsText() {}

        static String write(Totals t) {
            return t.totalCost().currency().getCurrencyCode() + " " + t.itemCount() + " "
                    + t.listCost().amount().toPlainString() + " "
                    + t.totalCost().amount().toPlainString() + " "
                    + t.effectiveCost().amount().toPlainString() + " "
                    + t.contractedCost().amount().toPlainString() + " "
                    + t.consumedQuantity()
                            .map(java.math.BigDecimal::toPlainString)
                            .orElse("-") + " "
                    + t.pricingQuantity()
                            .map(java.math.BigDecimal::toPlainString)
                            .orElse("-");
        }

        static Totals read(String text) {
            String[] f = text.split(" ", -1);
            if (f.length != 8) {
                throw new AssertionError("bug: totals are not the text the job wrote: " + text);
            }
            return Totals.of(
                    Long.parseLong(f[1]),
                    Money.of(f[0], f[2]),
                    Money.of(f[0], f[3]),
                    Money.of(f[0], f[4]),
                    Money.of(f[0], f[5]),
                    f[6].equals("-") ? null : new java.math.BigDecimal(f[6]),
                    f[7].equals("-") ? null : new java.math.BigDecimal(f[7]));
        }
    }
}
