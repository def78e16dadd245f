package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rounding tally of the items a one-pass allocation holds (ALLOC-12), made in {@code long} units
 * ({@link UnitsTally}), is the tally of their splits as {@code Money}, field by field and scale by scale: each rule's
 * pool, what each target got, the scale, and the designated item (largest input, then smallest id), its amount,
 * entry rule and input. Random rule sets with chains, even, ratio and proportional sharing; two currencies, two
 * scales, refunds, equal amounts (ties broken by id), amounts near the end of a {@code long} (sums moved to the
 * tally before they overflow) and amounts beyond it (tallied as {@code Money}); in any order.
 */
@Tag("ALLOC-12")
@DisplayName("ALLOC-12 a rounding tally in long units is the tally of the splits as Money")
class UnitsTallyTest {
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void theTallyInUnits_isTheTallyAsMoney_fieldByField() {
        int compared = 0;
        for (long seed = 1; seed <= 150; seed++) {
            RandomRuleSets random = new RandomRuleSets(seed);
            Random r = new Random(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            List<LineItem> items = new ArrayList<>();
            for (LineItem item : random.items(1 + r.nextInt(400))) {
                LineItem.Builder b = LineItem.builder().from(item);
                Money cost = item.totalCost();
                int pick = r.nextInt(40);
                if (pick == 0) { // near the end of a long: sums leave it
                    cost = Money.ofUnscaled(cost.currency(), Long.MAX_VALUE / 3 - r.nextInt(1000), cost.scale());
                } else if (pick == 1) { // beyond a long
                    cost = Money.of(cost.currency(), cost.amount().multiply(java.math.BigDecimal.TEN.pow(30)));
                } else if (pick < 6) { // the same amount as another item: the smaller id is designated
                    cost = Money.ofUnscaled(cost.currency(), 777_000, 2);
                }
                if (r.nextInt(5) == 0) {
                    cost = Money.of(USD, cost.amount());
                }
                items.add(b.listCost(cost).totalCost(cost).build());
            }
            Collections.shuffle(items, r);

            CollectedBases collected = new CollectedBases(allocator.unitOrder.size());
            List<AllocationRun.Held> held = new ArrayList<>();
            for (LineItem item : items) {
                int placement = AllocationRun.placement(allocator, new ItemView(item, TagBindings.empty()));
                if (placement >= 0) {
                    collected
                            .of(item.totalCost().currency())
                            .add(allocator.unitOfCollection[placement], item.totalCost());
                }
                int entry = placement <= -2
                        ? -2 - placement
                        : placement >= 0 ? allocator.onwardOfCollection[placement] : -1;
                if (entry >= 0) {
                    held.add(new AllocationRun.Held(item.id(), item.totalCost(), entry));
                }
            }
            AllocationRun bases =
                    AllocationRun.basesOf(allocator, TagBindings.empty(), collected.byCurrency(allocator.unitOrder));

            Map<String, String> asMoney = fields(bases.tallyOf(held, false));
            Map<String, String> inUnits = fields(bases.tallyOf(held, true));
            assertThat(inUnits).as("seed %s", seed).isEqualTo(asMoney);
            compared += asMoney.size();
        }
        assertThat(compared).isGreaterThan(1_000); // the tallies were not empty
    }

    /** Every field of the tally, amounts with their scale, by rule and currency. */
    private static Map<String, String> fields(RoundingTally tally) {
        Map<String, String> out = new TreeMap<>();
        tally.byRule.forEach((rule, byCurrency) -> byCurrency.forEach((currency, t) -> {
            String at = rule + "/" + currency + "/";
            out.put(at + "pool", exact(t.pool));
            for (int k = 0; k < t.toTarget.length; k++) {
                out.put(at + "target" + k, exact(t.toTarget[k]));
            }
            out.put(at + "scale", String.valueOf(t.scale));
            out.put(at + "designated", t.designated == null ? "-" : t.designated.value());
            out.put(at + "designatedAmount", t.designatedAmount == null ? "-" : exact(t.designatedAmount));
            out.put(at + "designatedEntry", String.valueOf(t.designatedEntry));
            out.put(at + "designatedInput", t.designatedInput == null ? "-" : exact(t.designatedInput));
        }));
        return out;
    }

    private static String exact(Money m) {
        return m.currency() + " " + m.amount().unscaledValue() + "e-"
                + m.amount().scale();
    }
}
