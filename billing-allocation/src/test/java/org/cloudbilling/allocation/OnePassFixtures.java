package org.cloudbilling.allocation;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.money.Money;

/**
 * What the one-pass properties ({@link OnePassTotalsTest}, {@link OnePassSummaryTest}, {@link UnitsTallyTest}) share.
 */
final class OnePassFixtures {
    private static final Currency USD = Currency.getInstance("USD");

    /** The allocation scales the properties try. */
    private static final int[] SCALES = {0, 2, 8};

    private OnePassFixtures() {}

    /** The allocator of {@code random}'s rule set at one of the scales 0, 2 and 8, drawn from {@code r}. */
    static Allocator allocator(RandomRuleSets random, Random r) {
        return Allocator.compile(random.ruleSet(), SCALES[r.nextInt(SCALES.length)]);
    }

    /**
     * The rule by which {@code item} enters the sharing graph, as a one-pass collector finds it from the item's
     * placement: the onward rule of its collection, or the sharing rule it is placed in; -1 for an item not held.
     */
    static int entry(Allocator allocator, PlacementCache placements, LineItem item) {
        int placement = placements.placementOf(item);
        return placement >= 0 ? allocator.onwardOfCollection[placement] : placement <= -2 ? -2 - placement : -1;
    }

    /** The items that enter the sharing graph, in order, held as a one-pass collector holds them. */
    static List<AllocationRun.Held> held(Allocator allocator, AllocationRun run, List<LineItem> items) {
        PlacementCache placements = run.placements();
        List<AllocationRun.Held> held = new ArrayList<>();
        for (LineItem item : items) {
            int entry = entry(allocator, placements, item);
            if (entry >= 0) {
                held.add(new AllocationRun.Held(item.id(), item.totalCost(), entry));
            }
        }
        return held;
    }

    /** {@code count} generated items, about one in five moved to USD. */
    static List<LineItem> items(RandomRuleSets random, Random r, int count) {
        List<LineItem> items = new ArrayList<>();
        for (LineItem item : random.items(count)) {
            if (r.nextInt(5) == 0) {
                Money usd = Money.of(USD, item.totalCost().amount());
                items.add(LineItem.builder()
                        .from(item)
                        .listCost(usd)
                        .totalCost(usd)
                        .build());
            } else {
                items.add(item);
            }
        }
        return items;
    }

    /**
     * What {@code collector} gives for {@code items} cut into {@code parts} runs, each collected into a container of
     * its own, the containers combined in order.
     */
    static <T, A, R> R inParts(Collector<T, A, R> collector, List<T> items, int parts) {
        A total = null;
        int size = (items.size() + parts - 1) / parts;
        for (int from = 0; from < items.size(); from += size) {
            A part = collector.supplier().get();
            for (T item : items.subList(from, Math.min(items.size(), from + size))) {
                collector.accumulator().accept(part, item);
            }
            total = total == null ? part : collector.combiner().apply(total, part);
        }
        return collector.finisher().apply(total == null ? collector.supplier().get() : total);
    }
}
