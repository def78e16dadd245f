package org.cloudbilling.examples.spark;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.Iterators;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationBases;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.AllocationSummary;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.RoundingTally;
import org.cloudbilling.allocation.SharingMethod;
import org.cloudbilling.allocation.SummaryRow;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;
import scala.Tuple2;

/**
 * Cost allocation on Spark, with the rows and totals of the in-process {@link
 * org.cloudbilling.allocation.Allocation#allocate} to the last decimal.
 *
 * <pre>{@code
 * Dataset<String> items = LineItemDatasets.readCanonicalCsv(spark, "s3a://bills/2024-09/", 64).persist();
 * Dataset<Row> rows = SparkAllocation.allocate(items, () -> MyRules.september());
 * List<SummaryRow> byUnit = SparkAllocation.summarize(rows);
 * }</pre>
 *
 * <p>Each task compiles the rule set once ({@link Allocator#compile}) and allocates its items one by one with
 * {@link AllocationRun#allocate(LineItem)}, a map over the items. When a rule shares in proportion to
 * collected cost or among several targets, the job runs in two stages: stage 1 computes the proportional bases of
 * each partition ({@link AllocationBases}) and merges them, then tallies the items that enter the sharing graph
 * against the merged bases, partition by partition, and merges the tallies on the driver ({@link
 * ProportionalBases}, {@link RoundingTally}); stage 2 allocates with the run {@link Allocator#prepare(AllocationBases,
 * TagBindings)} gives for the merged bases, rounded by the merged tally, which rounds each rule's pool as a run over
 * the whole month would (ALLOC-12). Tags are those the items carry
 * ({@link TagBindings#empty()}).
 */
public final class SparkAllocation {
    /** The allocated rows: item id, the row's position among the item's rows, and the row; amounts as text. */
    public static final StructType ROW_SCHEMA = new StructType()
            .add("item_id", DataTypes.StringType, false)
            .add("row", DataTypes.IntegerType, false)
            .add("unit", DataTypes.StringType, true)
            .add("allocation_type", DataTypes.StringType, false)
            .add("currency", DataTypes.StringType, false)
            .add("amount", DataTypes.StringType, false)
            .add("rule", DataTypes.StringType, true);

    /** The order of {@link AllocationSummary#byUnit()}: unit (Unallocated first), type, currency. */
    private static final Comparator<SummaryRow> SUMMARY_ORDER = Comparator.comparing(
                    (SummaryRow r) -> r.unit().map(u -> "~" + u.value()).orElse(""))
            .thenComparing(SummaryRow::type)
            .thenComparing(r -> r.amount().currency().getCurrencyCode());

    private SparkAllocation() {}

    /**
     * Runs the allocation job under {@code spark-submit}: {@code --input PATH --rules RULES.json --out DIR
     * [--format canonical|focus-csv|focus-parquet] [--by DIM[,DIM...]] [--zone ZONE] [--partitions N]}. Reads
     * canonical CSV (the default), FOCUS CSV or FOCUS Parquet ({@link LineItemDatasets}) and a rule set in the form of
     * {@link org.cloudbilling.allocation.json.RuleSetJson}; writes {@code DIR/rows} (the allocated rows, CSV),
     * {@code DIR/summary} (unit, allocation type, currency, amount) and, with {@code --by}, {@code
     * DIR/consolidation}. A mistake in the arguments or the input ends with its message and exit code 2.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        AllocationJob job;
        try {
            job = AllocationJob.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark =
                SparkSession.builder().appName("cloudbilling allocation").getOrCreate();
        int exitCode = 0;
        try {
            job.run(spark);
        } catch (Exception e) { // Spark's Scala code throws checked exceptions (a missing path) undeclared
            Optional<String> problem = AllocationJob.inputProblem(e);
            if (problem.isEmpty()) {
                throw e;
            }
            System.err.println(problem.get());
            exitCode = 2;
        } finally {
            spark.stop();
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Allocates the month {@code items} by the rule set {@code rules} makes. When a rule is proportional or
     * shares among several targets, stage 1 (the bases, then the rounding tally) runs as Spark jobs before this
     * method returns, and the items are read again by each: persist them first when reading is costly.
     *
     * @param items canonical JSON line items of one month, as {@link LineItemDatasets} makes them, not null
     * @param rules makes the rule set in force for the month, on the driver and on each task, not null
     * @return the allocated rows, {@link #ROW_SCHEMA}; computed lazily, not null
     */
    public static Dataset<Row> allocate(Dataset<String> items, Recipe<AllocationRuleSet> rules) {
        requireNonNull(items, "items");
        requireNonNull(rules, "rules");
        AllocationRuleSet ruleSet = rules.make(); // fails on the driver, before any task, if the rules are bad
        boolean proportional = ruleSet.sharingRules().stream().anyMatch(r -> r.method() == SharingMethod.PROPORTIONAL);
        boolean splits =
                ruleSet.sharingRules().stream().anyMatch(r -> r.targets().size() > 1);
        // the run of every task has the month's bases and the month's rounding tally, as prepare over the whole
        // month would: then each rule's pool is rounded alike (ALLOC-12)
        AllocationBases bases = proportional ? ProportionalBases.of(items, rules) : AllocationBases.empty();
        RoundingTally tally = proportional || splits ? ProportionalBases.tally(items, rules, bases) : null;
        return items.mapPartitions(
                (MapPartitionsFunction<String, Row>) part -> allocatePartition(part, rules.make(), bases, tally),
                Encoders.row(ROW_SCHEMA));
    }

    private static Iterator<Row> allocatePartition(
            Iterator<String> part, AllocationRuleSet rules, AllocationBases bases, RoundingTally tally) {
        LineItemJson json = new LineItemJson();
        AllocationRun unrounded = ProportionalBases.run(rules, bases);
        AllocationRun run = tally == null ? unrounded : unrounded.rounded(tally);
        return Iterators.concat(Iterators.transform(part, text -> rowsOf(run.allocate(json.read(text)))));
    }

    private static Iterator<Row> rowsOf(List<AllocatedRow> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            AllocatedRow r = rows.get(i);
            out.add(RowFactory.create(
                    r.item().id().value(),
                    i,
                    r.unit().map(UnitId::value).orElse(null),
                    r.type().name(),
                    r.amount().currency().getCurrencyCode(),
                    r.amount().amount().toPlainString(),
                    r.rule().map(id -> id.value()).orElse(null)));
        }
        return out.iterator();
    }

    /**
     * Totals allocated rows per unit, allocation type and currency: the rows of {@link AllocationSummary#byUnit()},
     * in its order. Partial sums are added with {@link Money#plus}.
     *
     * @param rows allocated rows, as {@link #allocate} returns them, not null
     * @return the totals, never null
     */
    public static List<SummaryRow> summarize(Dataset<Row> rows) {
        requireNonNull(rows, "rows");
        List<Tuple2<String, Tuple2<String, String>>> sums = rows.mapPartitions(
                        (MapPartitionsFunction<Row, Tuple2<String, String>>) part -> {
                            ObjectMapper keys = new ObjectMapper();
                            return Iterators.transform(
                                    part,
                                    r -> new Tuple2<>(
                                            cellKey(keys, r.getString(2), r.getString(3), r.getString(4)),
                                            r.getString(4) + " " + r.getString(5)));
                        },
                        Encoders.tuple(Encoders.STRING(), Encoders.STRING()))
                .groupByKey((MapFunction<Tuple2<String, String>, String>) Tuple2::_1, Encoders.STRING())
                .reduceGroups((ReduceFunction<Tuple2<String, String>>) (a, b) ->
                        new Tuple2<>(a._1(), moneyText(money(a._2()).plus(money(b._2())))))
                .collectAsList();
        ObjectMapper keys = new ObjectMapper();
        List<SummaryRow> out = new ArrayList<>(sums.size());
        for (Tuple2<String, Tuple2<String, String>> sum : sums) {
            String[] cell = cellOf(keys, sum._1());
            out.add(new SummaryRow(
                    Optional.ofNullable(cell[0]).map(UnitId::of),
                    AllocationType.valueOf(cell[1]),
                    Optional.empty(),
                    money(sum._2()._2())));
        }
        out.sort(SUMMARY_ORDER);
        return List.copyOf(out);
    }

    private static String cellKey(ObjectMapper keys, String unit, String type, String currency) {
        try {
            return keys.writeValueAsString(Arrays.asList(unit, type, currency));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] cellOf(ObjectMapper keys, String key) {
        try {
            return keys.readValue(key, String[].class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("bug: a summary key is not the JSON array the job wrote: " + key, e);
        }
    }

    private static Money money(String text) {
        int space = text.indexOf(' ');
        return Money.of(text.substring(0, space), text.substring(space + 1));
    }

    private static String moneyText(Money m) {
        return m.currency().getCurrencyCode() + " " + m.amount().toPlainString();
    }
}
