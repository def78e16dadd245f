package org.cloudbilling.allocation;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.money.Money;

/** What the one-pass properties ({@link OnePassTotalsTest}, {@link OnePassSummaryTest}) share. */
final class OnePassFixtures {
    private static final Currency USD = Currency.getInstance("USD");

    private OnePassFixtures() {}

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
