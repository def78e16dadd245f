package org.cloudbilling.examples.spark;

import com.google.common.collect.Iterators;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.cloudbilling.allocation.AllocationBases;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.RoundingTally;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;

/**
 * Stage 1 of an allocation that shares: the month's proportional bases ({@link AllocationBases}, each unit's
 * collected cost per currency), then the rounding tally of the month's shared items against those bases ({@link
 * RoundingTally}).
 *
 * <p>Each task computes the bases of its partition with {@link Allocator#bases} and Spark merges them with {@link
 * AllocationBases#merge}, which is associative and commutative: the merged bases are those one pass over the
 * month finds, to the last decimal. Each task then tallies its partition against the merged bases, and the driver
 * merges the tallies. What reaches the driver is one bases value and one tally per partition, each of a size in
 * units, rules and currencies, never the items.
 */
final class ProportionalBases {
    private ProportionalBases() {}

    /** Computes the bases of the month {@code items}, partition by partition, merged. */
    static AllocationBases of(Dataset<String> items, Recipe<AllocationRuleSet> rules) {
        return items.toJavaRDD()
                .mapPartitions((FlatMapFunction<Iterator<String>, AllocationBases>) part -> {
                    LineItemJson json = new LineItemJson();
                    Iterable<LineItem> once = () -> Iterators.transform(part, json::read);
                    return List.of(Allocator.compile(rules.make()).bases(once, TagBindings.empty()))
                            .iterator();
                })
                .fold(AllocationBases.empty(), AllocationBases::merge);
    }

    /**
     * Tallies the rounding of the month {@code items} (ALLOC-12): each task tallies its partition against the
     * month's {@code bases} with {@link AllocationRun#tally}, and the driver merges the partial tallies.
     */
    static RoundingTally tally(Dataset<String> items, Recipe<AllocationRuleSet> rules, AllocationBases bases) {
        return items.toJavaRDD()
                .mapPartitions((FlatMapFunction<Iterator<String>, RoundingTally>) part -> {
                    LineItemJson json = new LineItemJson();
                    Iterable<LineItem> once = () -> Iterators.transform(part, json::read);
                    return List.of(run(rules.make(), bases).tally(once)).iterator();
                })
                .reduce(RoundingTally::merge);
    }

    /** Returns the run of the month's bases, without rounding corrections. */
    static AllocationRun run(AllocationRuleSet rules, AllocationBases bases) {
        return Allocator.compile(rules).prepare(bases, TagBindings.empty());
    }
}
