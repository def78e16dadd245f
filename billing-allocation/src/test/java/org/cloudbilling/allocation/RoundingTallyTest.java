package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rounding tally of a run (ALLOC-12): memory that does not grow with the items, and tallies that merge. */
class RoundingTallyTest {

    /** A random month: units u0..u(n-1), a random sharing graph, items in CNY and USD with many equal amounts. */
    record Month(AllocationRuleSet rules, List<LineItem> items) {}

    static Month month(Random random, int itemCount) {
        int n = 3 + random.nextInt(6);
        List<AllocationUnit> units = new ArrayList<>(List.of(AllocationUnit.root("acme", "Acme")));
        List<AllocationRule> collection = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            units.add(AllocationUnit.child("u" + u, "U" + u, "acme"));
            collection.add(AllocationRule.of("c" + u, "u" + u, Condition.in(AllocationDimension.OWNER_UIN, "" + u)));
        }
        List<SharingRule> sharing = new ArrayList<>();
        // one rule taking product p_share from anywhere, then rules from units to later units
        sharing.add(rule(
                "m",
                SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_share")),
                targets(random, 0, n),
                random));
        for (int u = 0; u < n - 1; u++) {
            if (random.nextInt(3) > 0) {
                sharing.add(rule("s" + u, SharingSource.collectedBy("u" + u), targets(random, u + 1, n), random));
            }
        }
        AllocationRuleSet rules = AllocationRuleSet.of(units, collection, sharing, Set.of());
        List<LineItem> items = new ArrayList<>();
        String[] amounts = {"0.01", "0.01", "-0.01", "1.00", "7.13", "100.00", "100.00", "-3.5", "0.0000000001"};
        for (int i = 0; i < itemCount; i++) {
            String amount = random.nextInt(3) == 0
                    ? BigDecimal.valueOf(random.nextInt(20_000) - 4_000, random.nextInt(5))
                            .toPlainString()
                    : amounts[random.nextInt(amounts.length)];
            String product = random.nextInt(4) == 0 ? "p_share" : "p_cvm";
            LineItem item = WorkedExample.item(
                    "i" + random.nextInt(1_000_000) + "_" + i,
                    "" + random.nextInt(n),
                    product,
                    null,
                    "2024-09-05T10:00",
                    amount,
                    null);
            if (random.nextInt(3) == 0) {
                item = LineItem.builder()
                        .from(item)
                        .listCost(Money.of("USD", amount))
                        .totalCost(Money.of("USD", amount))
                        .build();
            }
            items.add(item);
        }
        return new Month(rules, items);
    }

    private static List<UnitId> targets(Random random, int from, int n) {
        List<UnitId> targets = new ArrayList<>();
        for (int v = from; v < n; v++) {
            if (targets.isEmpty() || random.nextInt(2) == 0) {
                targets.add(UnitId.of("u" + v));
            }
        }
        return targets;
    }

    private static SharingRule rule(String id, SharingSource source, List<UnitId> targets, Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return SharingRule.even(id, source, targets);
            case 1:
                Map<UnitId, BigDecimal> pct = new LinkedHashMap<>();
                int left = 10_000;
                for (int t = 0; t < targets.size(); t++) {
                    int p = t == targets.size() - 1 ? left : random.nextInt(left + 1);
                    pct.put(targets.get(t), BigDecimal.valueOf(p, 2));
                    left -= p;
                }
                return SharingRule.ratio(id, source, pct);
            default:
                return SharingRule.proportional(id, source, targets, ZeroBaseFallback.EVEN);
        }
    }

    static List<String> rows(AllocationRun run, List<LineItem> items) {
        List<String> out = new ArrayList<>();
        for (LineItem i : items) {
            for (AllocatedRow r : run.allocate(i)) {
                out.add(r.item().id() + " " + r.unit().map(Object::toString).orElse("-") + " " + r.type() + " "
                        + r.amount() + " " + r.rule().map(Object::toString).orElse("-"));
            }
        }
        Collections.sort(out);
        return out;
    }

    /**
     * The tallies of the parts of a month, made on runs that know only the month's bases, merged in any grouping
     * and order (and sent through Java serialization), round the month as prepare over the whole month does:
     * every row the same.
     */
    @Test
    @Tag("ALLOC-12")
    void tallies_ofPartsMergedInAnyOrder_roundAsOnePass() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Month month = month(random, 20 + random.nextInt(200));
            Allocator allocator = Allocator.compile(month.rules());
            AllocationRun whole = allocator.prepare(month.items(), TagBindings.empty());

            // the bases: a run prepared from the collected items only (no item a sharing rule takes)
            List<LineItem> collectedOnly = new ArrayList<>();
            for (LineItem i : month.items()) {
                if (allocator.explain(i, TagBindings.empty()).collectedInto().isPresent()) {
                    collectedOnly.add(i);
                }
            }
            AllocationRun bases = allocator.prepare(collectedOnly, TagBindings.empty());

            List<LineItem> shuffled = new ArrayList<>(month.items());
            Collections.shuffle(shuffled, random);
            int parts = 1 + random.nextInt(6);
            List<RoundingTally> tallies = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int from = shuffled.size() * p / parts;
                int to = shuffled.size() * (p + 1) / parts;
                tallies.add(bases.tally(shuffled.subList(from, to)));
            }
            while (tallies.size() > 1) { // merge two random tallies, either way round
                RoundingTally a = tallies.remove(random.nextInt(tallies.size()));
                RoundingTally b = tallies.remove(random.nextInt(tallies.size()));
                tallies.add(random.nextBoolean() ? a.merge(b) : b.merge(a));
            }
            RoundingTally merged = serializedAndRead(tallies.get(0));
            AllocationRun rounded = bases.rounded(merged);

            assertThat(rows(rounded, month.items())).as("seed %s", seed).isEqualTo(rows(whole, month.items()));
            // a run that already has corrections rounds alike, and the merged tally is unchanged by rounding
            assertThat(rows(whole.rounded(merged), month.items()))
                    .as("seed %s", seed)
                    .isEqualTo(rows(whole, month.items()));
        });
    }

    private static RoundingTally serializedAndRead(RoundingTally tally) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(tally);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (RoundingTally) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** A tally keeps at most one designated item per sharing rule and currency, however many items it saw. */
    @Test
    @Tag("ALLOC-12")
    void tally_keepsAtMostOneCandidatePerRuleAndCurrency() {
        Random random = new Random(12);
        Month month = month(random, 5_000);
        Allocator allocator = Allocator.compile(month.rules());
        AllocationRun run = allocator.prepare(month.items(), TagBindings.empty());
        RoundingTally tally = run.tally(month.items());
        int bound = month.rules().sharingRules().size() * 2; // CNY and USD
        assertThat(tally.candidates()).isPositive().isLessThanOrEqualTo(bound);
        assertThat(tally.merge(run.tally(month.items().subList(0, 10))).candidates())
                .isLessThanOrEqualTo(bound);
    }

    /**
     * While prepare reads a month, the shared items it has read are not kept (an Iterable is read twice when a
     * rule is proportional, and kept by neither pass): memory grows with rules and currencies, not with items.
     */
    @Test
    @Tag("ALLOC-12")
    void prepare_keepsNoSharedItem_whileReading() {
        for (String method : List.of("even", "proportional")) {
            List<UnitId> targets = List.of(UnitId.of("u1"), UnitId.of("u2"), UnitId.of("u3"));
            SharingSource source = SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_share"));
            SharingRule rule = method.equals("even")
                    ? SharingRule.even("s", source, targets)
                    : SharingRule.proportional("s", source, targets, ZeroBaseFallback.EVEN);
            List<AllocationUnit> units = new ArrayList<>(List.of(AllocationUnit.root("acme", "Acme")));
            List<AllocationRule> collection = new ArrayList<>();
            for (int u = 1; u <= 3; u++) {
                units.add(AllocationUnit.child("u" + u, "U" + u, "acme"));
                collection.add(
                        AllocationRule.of("c" + u, "u" + u, Condition.in(AllocationDimension.OWNER_UIN, "" + u)));
            }
            AllocationRuleSet rules = AllocationRuleSet.of(units, collection, List.of(rule), Set.of());
            LiveItems items = new LiveItems(3_000);
            AllocationRun run = Allocator.compile(rules).prepare(items, TagBindings.empty());
            assertThat(run).isNotNull();
            assertThat(items.mostAliveAtEnd).as(method).isLessThanOrEqualTo(1); // one rule, one currency
        }
    }

    /**
     * A tally belongs to its sharing rules and allocation scale: merging it with, or rounding a run by, one of
     * another rule set or scale is refused, naming why, and neither tally changes.
     */
    @Test
    @Tag("ALLOC-12")
    void tally_ofOtherRulesOrScale_isRefused() {
        Month month = month(new Random(7), 200);
        Month other = month(new Random(8), 200);
        Allocator allocator = Allocator.compile(month.rules());
        AllocationRun run = allocator.prepare(month.items(), TagBindings.empty());
        RoundingTally tally = run.tally(month.items());
        RoundingTally foreign = Allocator.compile(other.rules())
                .prepare(other.items(), TagBindings.empty())
                .tally(other.items());
        RoundingTally otherScale = Allocator.compile(month.rules(), 4)
                .prepare(month.items(), TagBindings.empty())
                .tally(month.items());
        int candidates = tally.candidates();

        assertThatThrownBy(() -> tally.merge(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other sharing rules or another allocation scale");
        assertThatThrownBy(() -> run.rounded(otherScale))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other sharing rules or another allocation scale");
        assertThat(tally.candidates()).isEqualTo(candidates);
        assertThat(rows(run.rounded(tally), month.items())).isEqualTo(rows(run, month.items()));
    }

    /** Items made as they are read; at the end of each pass, counts how many of them are still reachable. */
    private static final class LiveItems implements Iterable<LineItem> {
        private final int count;
        int mostAliveAtEnd;

        LiveItems(int count) {
            this.count = count;
        }

        @Override
        public Iterator<LineItem> iterator() {
            List<WeakReference<LineItem>> made = new ArrayList<>();
            return new Iterator<>() {
                int next;

                @Override
                public boolean hasNext() {
                    if (next < count) {
                        return true;
                    }
                    mostAliveAtEnd = Math.max(mostAliveAtEnd, alive(made));
                    return false;
                }

                @Override
                public LineItem next() {
                    if (next >= count) {
                        throw new NoSuchElementException();
                    }
                    int i = next++;
                    // every tenth item is collected into a unit (the bases), the others are shared, all 0.01
                    LineItem item = WorkedExample.item(
                            "i" + i,
                            "" + (1 + i % 3),
                            i % 10 == 0 ? "p_cvm" : "p_share",
                            null,
                            "2024-09-05T10:00",
                            "0.01",
                            null);
                    made.add(new WeakReference<>(item));
                    return item;
                }
            };
        }

        private static int alive(List<WeakReference<LineItem>> made) {
            for (int attempt = 0; attempt < 3; attempt++) {
                System.gc();
            }
            int alive = 0;
            for (WeakReference<LineItem> r : made) {
                alive += r.get() == null ? 0 : 1;
            }
            return alive;
        }
    }
}
