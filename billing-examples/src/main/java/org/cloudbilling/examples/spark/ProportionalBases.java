package org.cloudbilling.examples.spark;

import com.google.common.collect.Iterators;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.Explanation;
import org.cloudbilling.allocation.RoundingTally;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;
import scala.Tuple2;
import scala.Tuple4;

/**
 * Stage 1 of an allocation that shares: each unit's collected cost in the period, per currency, the base
 * {@link Allocator#prepare} computes before allocating, then the rounding tally of the period's shared items
 * against those bases ({@link RoundingTally}).
 *
 * <p>Each task asks the library where each item is collected ({@link Allocator#explain}: collected into a
 * unit and not taken by a sharing rule, exactly the items {@code prepare} adds up); Spark sums the amounts
 * per unit and currency with {@link Money#plus}.
 *
 * <p>The library builds a run only from items, so stage 2 rebuilds the month's run on every task from one
 * <em>base carrier</em> per unit and currency: a real item collected into that unit, its amounts replaced by
 * the unit's whole collected cost. Rules never look at amounts, so {@code prepare} collects each carrier into
 * the same unit and finds the same bases; the driver checks that it does before stage 2 starts. The driver holds
 * one carrier per unit and currency and one merged tally: its memory grows with units, rules and currencies, not
 * with the items.
 */
final class ProportionalBases {
    private ProportionalBases() {}

    /**
     * Computes the bases of the month {@code items} and returns their carriers as canonical JSON.
     *
     * @throws AssertionError if the carriers do not reproduce the bases (a bug)
     */
    static List<String> carriers(Dataset<String> items, Recipe<AllocationRuleSet> rules, AllocationRuleSet ruleSet) {
        // key: currency code, "/", unit id; value: collected cost, then the carrier's id and JSON
        List<Tuple2<String, Tuple4<String, String, String, String>>> bases = items.mapPartitions(
                        (MapPartitionsFunction<String, Tuple4<String, String, String, String>>)
                                part -> collectedCosts(part, Allocator.compile(rules.make())),
                        Encoders.tuple(Encoders.STRING(), Encoders.STRING(), Encoders.STRING(), Encoders.STRING()))
                .groupByKey((MapFunction<Tuple4<String, String, String, String>, String>) Tuple4::_1, Encoders.STRING())
                .reduceGroups((ReduceFunction<Tuple4<String, String, String, String>>) ProportionalBases::plus)
                .collectAsList();

        LineItemJson json = new LineItemJson();
        Map<Currency, Map<UnitId, Money>> expected = new HashMap<>();
        List<LineItem> carriers = new ArrayList<>();
        for (Tuple2<String, Tuple4<String, String, String, String>> base : bases) {
            String currency = base._1().substring(0, 3);
            UnitId unit = UnitId.of(base._1().substring(4));
            Money collected = Money.of(currency, base._2()._2());
            expected.computeIfAbsent(collected.currency(), c -> new HashMap<>()).put(unit, collected);
            carriers.add(carrier(json.read(base._2()._4()), collected));
        }
        AllocationRun check = Allocator.compile(ruleSet).prepare(carriers, TagBindings.empty());
        for (Map.Entry<Currency, Map<UnitId, Money>> e : expected.entrySet()) {
            if (!check.collectedCost(e.getKey()).equals(e.getValue())) {
                throw new AssertionError("bug: the base carriers give " + check.collectedCost(e.getKey())
                        + " but the items give " + e.getValue());
            }
        }
        List<String> out = new ArrayList<>(carriers.size());
        carriers.forEach(c -> out.add(json.write(c)));
        return out;
    }

    /** Sums one partition's collected costs per currency and unit, keeping the first item as carrier. */
    private static Iterator<Tuple4<String, String, String, String>> collectedCosts(
            Iterator<String> part, Allocator allocator) {
        LineItemJson json = new LineItemJson();
        Map<String, Money> sums = new HashMap<>();
        Map<String, String> carrierJson = new HashMap<>();
        Map<String, String> carrierId = new HashMap<>();
        while (part.hasNext()) {
            String text = part.next();
            LineItem item = json.read(text);
            Explanation where = allocator.explain(item, TagBindings.empty());
            Optional<UnitId> unit = where.collectedInto();
            if (where.sharedBy().isEmpty() && unit.isPresent()) {
                String key =
                        item.currency().getCurrencyCode() + "/" + unit.get().value();
                sums.merge(key, item.totalCost(), Money::plus);
                String id = item.id().value();
                if (!carrierId.containsKey(key) || id.compareTo(carrierId.get(key)) < 0) {
                    carrierId.put(key, id);
                    carrierJson.put(key, text);
                }
            }
        }
        List<Tuple4<String, String, String, String>> out = new ArrayList<>(sums.size());
        sums.forEach((key, sum) ->
                out.add(new Tuple4<>(key, sum.amount().toPlainString(), carrierId.get(key), carrierJson.get(key))));
        return out.iterator();
    }

    /**
     * Tallies the rounding of the month {@code items} (ALLOC-12): each task tallies its partition against the
     * month's bases ({@code carriers}) with {@link AllocationRun#tally}, and the driver merges the partial
     * tallies. What reaches the driver is one {@link RoundingTally} per partition, each of a size in rules,
     * targets and currencies, never the items.
     */
    static RoundingTally tally(Dataset<String> items, Recipe<AllocationRuleSet> rules, List<String> carriers) {
        return items.toJavaRDD()
                .mapPartitions((FlatMapFunction<Iterator<String>, RoundingTally>) part -> {
                    LineItemJson json = new LineItemJson();
                    AllocationRun bases = basesRun(rules.make(), carriers, json);
                    Iterable<LineItem> once = () -> Iterators.transform(part, json::read);
                    return List.of(bases.tally(once)).iterator();
                })
                .reduce(RoundingTally::merge);
    }

    /** Returns the run of the month's bases, built from their carriers, without rounding corrections. */
    static AllocationRun basesRun(AllocationRuleSet rules, List<String> carriers, LineItemJson json) {
        List<LineItem> bases = new ArrayList<>(carriers.size());
        carriers.forEach(c -> bases.add(json.read(c)));
        return Allocator.compile(rules).prepare(bases, TagBindings.empty());
    }

    /** Adds two partial bases of one unit and currency, keeping the carrier of smaller id. */
    private static Tuple4<String, String, String, String> plus(
            Tuple4<String, String, String, String> a, Tuple4<String, String, String, String> b) {
        String currency = a._1().substring(0, 3);
        Money sum = Money.of(currency, a._2()).plus(Money.of(currency, b._2()));
        Tuple4<String, String, String, String> carrier = a._3().compareTo(b._3()) <= 0 ? a : b;
        return new Tuple4<>(a._1(), sum.amount().toPlainString(), carrier._3(), carrier._4());
    }

    /** Returns {@code item} with its amounts replaced by {@code collected} and no payment detail. */
    private static LineItem carrier(LineItem item, Money collected) {
        return LineItem.builder()
                .from(item)
                .listCost(collected)
                .totalCost(collected)
                .reservedInstanceDeduction(Optional.empty())
                .savingsPlanDeduction(Optional.empty())
                .cashPaid(Optional.empty())
                .voucherPaid(Optional.empty())
                .incentivePaid(Optional.empty())
                .transferPaid(Optional.empty())
                .creditPaid(Optional.empty())
                .couponPaid(Optional.empty())
                .tax(Optional.empty())
                .build();
    }
}
