package org.cloudbilling.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/**
 * Random rule sets and line items over a small vocabulary, so that rules and items overlap often. Built from
 * one seed, which a failing property prints.
 */
final class RandomRuleSets {
    static final TagKey TEAM = TagKey.of("team");
    static final TagKey ENV = TagKey.of("env");
    private static final String[] OWNERS = {"o1", "o2", "o3", "o4"};
    private static final String[] PRODUCTS = {"p_cvm", "p_cos", "p_vpc", "p_cdn"};
    private static final String[] REGIONS = {"gz", "sh", "bj"};
    private static final String[] PROJECTS = {"0", "1"};
    private static final String[] TEAMS = {"web", "data", "ml"};
    private static final String[] ENVS = {"prod", "dev"};

    private final Random random;

    RandomRuleSets(long seed) {
        this.random = new Random(seed);
    }

    AllocationRuleSet ruleSet() {
        int unitCount = 2 + random.nextInt(5);
        List<AllocationUnit> units = new ArrayList<>();
        units.add(AllocationUnit.root("u0", "root"));
        for (int i = 1; i < unitCount; i++) {
            units.add(AllocationUnit.child("u" + i, "unit " + i, "u" + random.nextInt(i)));
        }
        List<AllocationRule> rules = new ArrayList<>();
        int ruleCount = random.nextInt(8);
        for (int i = 0; i < ruleCount; i++) {
            rules.add(AllocationRule.of("r" + i, "u" + random.nextInt(unitCount), condition(3)));
        }
        List<SharingRule> sharing = new ArrayList<>();
        // unit-sourced rules only go from a lower to a higher unit number: never a cycle
        int sharingCount = random.nextInt(4);
        for (int i = 0; i < sharingCount && unitCount > 2; i++) {
            int from = random.nextInt(unitCount - 1);
            List<UnitId> targets = new ArrayList<>();
            for (int t = from + 1; t < unitCount; t++) {
                if (targets.isEmpty() || random.nextBoolean()) {
                    targets.add(UnitId.of("u" + t));
                }
            }
            SharingSource source =
                    random.nextBoolean() ? SharingSource.matching(condition(2)) : SharingSource.collectedBy("u" + from);
            if (source instanceof SharingSource.CollectedBy c
                    && sharing.stream().anyMatch(s -> s.source().equals(c))) {
                continue;
            }
            sharing.add(sharingRule("s" + i, source, targets));
        }
        return AllocationRuleSet.of(units, rules, sharing, Set.of(TEAM, ENV));
    }

    private SharingRule sharingRule(String id, SharingSource source, List<UnitId> targets) {
        switch (random.nextInt(3)) {
            case 0:
                return SharingRule.even(id, source, targets);
            case 1:
                return SharingRule.proportional(
                        id,
                        source,
                        targets,
                        random.nextBoolean() ? ZeroBaseFallback.EVEN : ZeroBaseFallback.UNALLOCATED);
            default:
                Map<UnitId, BigDecimal> pct = new LinkedHashMap<>();
                int left = 10000;
                for (int i = 0; i < targets.size(); i++) {
                    int share = i == targets.size() - 1 ? left : random.nextInt(left + 1);
                    pct.put(targets.get(i), BigDecimal.valueOf(share, 2));
                    left -= share;
                }
                return SharingRule.ratio(id, source, pct);
        }
    }

    Condition condition(int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(4);
        if (kind >= 2) {
            List<Condition> parts = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                parts.add(condition(depth - 1));
            }
            return kind == 2 ? Condition.and(parts) : Condition.or(parts);
        }
        boolean negated = random.nextInt(4) == 0;
        switch (random.nextInt(5)) {
            case 0:
                return in(AllocationDimension.OWNER_UIN, OWNERS, negated);
            case 1:
                return in(AllocationDimension.BUSINESS_CODE, PRODUCTS, negated);
            case 2:
                return in(AllocationDimension.REGION_ID, REGIONS, negated);
            case 3:
                return in(AllocationDimension.PROJECT_ID, PROJECTS, negated);
            default:
                boolean team = random.nextBoolean();
                String[] values = pick(team ? TEAMS : ENVS);
                return negated
                        ? Condition.tagNotIn(team ? TEAM : ENV, values)
                        : Condition.tagIn(team ? TEAM : ENV, values);
        }
    }

    private Condition in(AllocationDimension d, String[] vocabulary, boolean negated) {
        String[] values = pick(vocabulary);
        return negated ? Condition.notIn(d, values) : Condition.in(d, values);
    }

    private String[] pick(String[] vocabulary) {
        List<String> out = new ArrayList<>();
        for (String v : vocabulary) {
            if (random.nextInt(3) == 0) {
                out.add(v);
            }
        }
        if (out.isEmpty()) {
            out.add(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return out.toArray(new String[0]);
    }

    List<LineItem> items(int count) {
        List<LineItem> items = new ArrayList<>();
        java.time.Instant month = java.time.Instant.parse("2024-08-31T16:00:00Z");
        for (int i = 0; i < count; i++) {
            int scale = random.nextBoolean() ? 2 : 8;
            long units = random.nextInt(1_000_000) * (random.nextInt(30) == 0 ? -1L : 1L);
            Money amount = Money.ofUnscaled(java.util.Currency.getInstance("CNY"), units, scale);
            java.time.Instant start = month.plusSeconds(3600L * random.nextInt(720));
            LineItem.Builder b = LineItem.builder()
                    .id(LineItemId.of("i" + i))
                    .ownerUin(OwnerUin.of(OWNERS[random.nextInt(OWNERS.length)]))
                    .payerUin(PayerUin.of("payer"))
                    .businessCode(BusinessCode.of(PRODUCTS[random.nextInt(PRODUCTS.length)]))
                    .payMode(random.nextBoolean() ? PayMode.POSTPAID : PayMode.PREPAID)
                    .actionType(amount.isNegative() ? ActionType.REFUND : ActionType.USAGE)
                    .feePeriod(Interval.of(start, start.plusSeconds(3600)))
                    .listCost(amount)
                    .totalCost(amount);
            if (random.nextInt(4) > 0) {
                b.regionId(RegionId.of(REGIONS[random.nextInt(REGIONS.length)]));
            }
            if (random.nextBoolean()) {
                b.projectId(ProjectId.of(PROJECTS[random.nextInt(PROJECTS.length)]));
            }
            if (random.nextBoolean()) {
                b.putTag(TEAM, TEAMS[random.nextInt(TEAMS.length)]);
            }
            if (random.nextBoolean()) {
                b.putTag(ENV, ENVS[random.nextInt(ENVS.length)]);
            }
            items.add(b.build());
        }
        return items;
    }
}
