package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Properties of sharing over a whole run: rounding that does not pile up, and merging in a sharing graph. */
class SharingProperties {
    private static final BigDecimal UNIT = new BigDecimal("0.00000001");

    private static LineItem item(String id, String owner, String product, String amount) {
        return WorkedExample.item(id, owner, product, null, "2024-09-05T10:00", amount, null);
    }

    private static String text(AllocatedRow r) {
        return r.item().id() + " " + r.unit().map(Object::toString).orElse("-") + " " + r.type() + " "
                + r.amount().amount().toPlainString() + " "
                + r.rule().map(Object::toString).orElse("-");
    }

    /**
     * Many small items, each shared by one of up to three rules (even, ratio or proportional, with random
     * targets, percentages and bases): over the run, each target's total from each rule is within one unit of
     * the 8th decimal of its exact share of the rule's pool, every item's rows add up to it, and neither the
     * order of the items nor a parallel run changes any row.
     */
    @Test
    @Tag("ALLOC-12")
    void targetsTotals_areWithinOneUnitOfTheirExactShare_inAnyOrder() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            int unitCount = 2 + random.nextInt(5);
            List<AllocationUnit> units = new ArrayList<>(List.of(AllocationUnit.root("acme", "Acme")));
            List<AllocationRule> collection = new ArrayList<>();
            for (int u = 0; u < unitCount; u++) {
                units.add(AllocationUnit.child("u" + u, "U" + u, "acme"));
                collection.add(
                        AllocationRule.of("c" + u, "u" + u, Condition.in(AllocationDimension.OWNER_UIN, "" + u)));
            }
            int ruleCount = 1 + random.nextInt(3);
            List<SharingRule> sharing = new ArrayList<>();
            for (int r = 0; r < ruleCount; r++) {
                List<UnitId> targets = new ArrayList<>();
                for (int u = 0; u < unitCount; u++) {
                    if (targets.isEmpty() || random.nextInt(3) > 0) {
                        targets.add(UnitId.of("u" + u));
                    }
                }
                SharingSource source = SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p" + r));
                switch (random.nextInt(3)) {
                    case 0 -> sharing.add(SharingRule.even("s" + r, source, targets));
                    case 1 -> {
                        Map<UnitId, BigDecimal> pct = new LinkedHashMap<>();
                        int left = 10_000;
                        for (int t = 0; t < targets.size(); t++) {
                            int p = t == targets.size() - 1 ? left : random.nextInt(left + 1);
                            pct.put(targets.get(t), BigDecimal.valueOf(p, 2));
                            left -= p;
                        }
                        sharing.add(SharingRule.ratio("s" + r, source, pct));
                    }
                    default -> sharing.add(SharingRule.proportional("s" + r, source, targets, ZeroBaseFallback.EVEN));
                }
            }
            AllocationRuleSet rules = AllocationRuleSet.of(units, collection, sharing, Set.of());
            List<LineItem> items = new ArrayList<>();
            int itemCount = 50 + random.nextInt(250);
            for (int i = 0; i < itemCount; i++) {
                boolean shared = random.nextInt(4) > 0;
                String owner = "" + random.nextInt(unitCount);
                String product = shared ? "p" + random.nextInt(ruleCount) : "p_cvm";
                // mostly tiny amounts, some with 4 or 10 decimals, some negative
                BigDecimal amount = BigDecimal.valueOf(random.nextInt(2_000) - 300, random.nextInt(3) == 0 ? 4 : 2);
                if (random.nextInt(20) == 0) {
                    amount = BigDecimal.valueOf(random.nextInt(99) + 1, 10);
                }
                items.add(item("i" + i, owner, product, amount.toPlainString()));
            }

            Allocator allocator = Allocator.compile(rules);
            AllocationRun run = allocator.prepare(items, TagBindings.empty());
            List<AllocatedRow> rows = new ArrayList<>();
            run.allocateAll(items, BillingCalendar.TENCENT, rows::add);

            // every item's rows add up to it
            Map<String, Money> byItem = new HashMap<>();
            rows.forEach(r -> byItem.merge(r.item().id().value(), r.amount(), Money::plus));
            items.forEach(i -> assertThat(byItem.get(i.id().value())).isEqualTo(i.totalCost()));

            // each rule's pool, and each target's total, computed here from the items and the rules
            for (SharingRule rule : sharing) {
                String product = "p" + rule.id().value().substring(1); // rule s<r> shares product p<r>
                BigDecimal pool = BigDecimal.ZERO;
                for (LineItem i : items) {
                    if (i.businessCode().value().equals(product)) {
                        pool = pool.add(i.totalCost().amount());
                    }
                }
                Map<UnitId, BigDecimal> weights = weights(rule, items, unitCount);
                BigDecimal totalWeight = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                for (UnitId t : rule.targets()) {
                    BigDecimal got = rows.stream()
                            .filter(r -> r.rule().orElseThrow().equals(rule.id())
                                    && r.unit().orElseThrow().equals(t))
                            .map(r -> r.amount().amount())
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    // |got - pool x w / W| < 1 unit, with exact arithmetic: |got x W - pool x w| < W x unit
                    BigDecimal error = got.multiply(totalWeight)
                            .subtract(pool.multiply(weights.get(t)))
                            .abs();
                    assertThat(error).as("%s %s, seed %s", rule.id(), t, seed).isLessThan(totalWeight.multiply(UNIT));
                }
            }

            // the same rows in any order of the items, and in parallel
            List<LineItem> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, random);
            AllocationRun other = allocator.prepare(shuffled.parallelStream(), TagBindings.empty());
            List<String> expected =
                    rows.stream().map(SharingProperties::text).sorted().toList();
            List<String> again = shuffled.parallelStream()
                    .flatMap(i -> other.allocate(i).stream())
                    .map(SharingProperties::text)
                    .sorted()
                    .toList();
            assertThat(again).isEqualTo(expected);
        });
    }

    /** The weights of a rule's targets: percentages, ones, or positive collected costs (even if none). */
    private static Map<UnitId, BigDecimal> weights(SharingRule rule, List<LineItem> items, int unitCount) {
        Map<UnitId, BigDecimal> w = new HashMap<>();
        switch (rule.method()) {
            case RATIO -> w.putAll(rule.percentages());
            case EVEN -> rule.targets().forEach(t -> w.put(t, BigDecimal.ONE));
            default -> {
                Map<UnitId, BigDecimal> base = new HashMap<>();
                for (LineItem i : items) {
                    if (i.businessCode().value().equals("p_cvm")) {
                        base.merge(
                                UnitId.of("u" + i.ownerUin().value()),
                                i.totalCost().amount(),
                                BigDecimal::add);
                    }
                }
                rule.targets()
                        .forEach(t ->
                                w.put(t, base.getOrDefault(t, BigDecimal.ZERO).max(BigDecimal.ZERO)));
                if (w.values().stream().allMatch(v -> v.signum() == 0)) {
                    rule.targets().forEach(t -> w.put(t, BigDecimal.ONE));
                }
            }
        }
        return w;
    }

    /**
     * Random graphs of unit-sourced sharing rules (each unit shares evenly among 1, 2, 4 or 5 later units, so
     * with at most 4 rules on a path every exact share of a whole amount has at most 8 decimals): the rows equal
     * a naive computation that follows every path separately with exact arithmetic and adds up per (unit, rule).
     */
    @Test
    @Tag("ALLOC-13")
    void sharingGraph_givesThePerPathExactShares_mergedPerUnitAndRule() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            int n = 3 + random.nextInt(8);
            List<AllocationUnit> units = new ArrayList<>(List.of(AllocationUnit.root("acme", "Acme")));
            List<AllocationRule> collection = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                units.add(AllocationUnit.child("u" + u, "U" + u, "acme"));
                collection.add(
                        AllocationRule.of("c" + u, "u" + u, Condition.in(AllocationDimension.OWNER_UIN, "" + u)));
            }
            // level of each unit: the longest chain of rules that can reach it; a rule only targets later units and
            // keeps every path at most 4 rules long
            int[] depth = new int[n];
            Map<Integer, List<Integer>> targetsOf = new TreeMap<>();
            List<SharingRule> sharing = new ArrayList<>();
            for (int u = 0; u < n - 1; u++) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                List<Integer> later = new ArrayList<>();
                for (int v = u + 1; v < n; v++) {
                    later.add(v);
                }
                Collections.shuffle(later, random);
                int[] sizes = {1, 2, 4, 5};
                int k = sizes[random.nextInt(4)];
                if (k > later.size()) {
                    k = later.size() >= 4 ? 4 : later.size() >= 2 ? 2 : 1;
                }
                List<Integer> chosen = new ArrayList<>(later.subList(0, k));
                chosen.sort(Comparator.naturalOrder());
                targetsOf.put(u, chosen);
            }
            // keep paths short: drop rules whose source is already 4 rules deep
            for (int u = 0; u < n; u++) {
                if (targetsOf.containsKey(u) && depth[u] >= 4) {
                    targetsOf.remove(u);
                }
                if (targetsOf.containsKey(u)) {
                    for (int v : targetsOf.get(u)) {
                        depth[v] = Math.max(depth[v], depth[u] + 1);
                    }
                }
            }
            targetsOf.forEach((u, ts) -> sharing.add(SharingRule.even(
                    "s" + u,
                    SharingSource.collectedBy("u" + u),
                    ts.stream().map(v -> UnitId.of("u" + v)).toList())));
            AllocationRuleSet rules = AllocationRuleSet.of(units, collection, sharing, Set.of());

            List<LineItem> items = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int amount = random.nextInt(20_000) - 5_000;
                items.add(item("i" + i, "" + random.nextInt(n), "p_cvm", amount + ".00"));
            }
            AllocationBill bill = Allocation.allocate(rules, items, TagBindings.empty(), BillingCalendar.TENCENT);
            for (LineItem i : items) {
                Map<String, BigDecimal> naive = new TreeMap<>();
                int owner = Integer.parseInt(i.ownerUin().value());
                follow(owner, "c" + owner, i.totalCost().amount(), targetsOf, naive);
                Map<String, BigDecimal> actual = new TreeMap<>();
                for (AllocatedRow r : bill.rowsOf(i.id())) {
                    String key = r.unit().orElseThrow() + " " + r.rule().orElseThrow();
                    assertThat(actual.put(key, r.amount().amount()))
                            .as("one row per unit and rule, seed %s", seed)
                            .isNull();
                }
                assertThat(actual.keySet()).as("seed %s", seed).isEqualTo(naive.keySet());
                naive.forEach((key, amount) ->
                        assertThat(actual.get(key)).as("%s, seed %s", key, seed).isEqualByComparingTo(amount));
            }
        });
    }

    /** Follows every path from {@code unit} separately, with exact shares, adding up per (unit, rule). */
    private static void follow(
            int unit,
            String rule,
            BigDecimal amount,
            Map<Integer, List<Integer>> targetsOf,
            Map<String, BigDecimal> out) {
        List<Integer> targets = targetsOf.get(unit);
        if (targets == null) {
            out.merge("u" + unit + " " + rule, amount, BigDecimal::add);
            return;
        }
        BigDecimal share = amount.divide(BigDecimal.valueOf(targets.size()));
        for (int t : targets) {
            follow(t, "s" + unit, share, targetsOf, out);
        }
    }
}
