package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloudbilling.core.id.TagKey;

/**
 * Everything that decides an allocation: the unit tree, the collection rules in precedence order, the
 * sharing rules, and the active cost allocation tag keys (at most 15, ALLOC-9).
 *
 * <pre>{@code
 * AllocationRuleSet rules = AllocationRuleSet.of(units, List.of(webRule, dataRule), List.of(networkRule),
 *         Set.of(TagKey.of("team")));
 * }</pre>
 *
 * <p>{@link #of} checks the whole set and reports every problem with its JSON path: unknown units, duplicate
 * ids, percentages not adding up to 100, tag keys not active, sharing rules that feed each other in a cycle.
 */
public final class AllocationRuleSet {
    /** The most cost allocation tag keys active at once (ALLOC-9). */
    public static final int MAX_TAG_KEYS = 15;

    /** The most allocation units a rule set may have (ALLOC-13). */
    public static final int MAX_UNITS = 100_000;

    /** The most rules, collection and sharing rules together, a rule set may have (ALLOC-13). */
    public static final int MAX_RULES = 100_000;

    /** The longest chain of sharing rules a cost may pass through, one unit sharing on to the next (ALLOC-13). */
    public static final int MAX_SHARING_DEPTH = 10_000;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final UnitTree units;
    private final ImmutableList<AllocationRule> collectionRules;
    private final ImmutableList<SharingRule> sharingRules;
    private final ImmutableSet<TagKey> tagKeys;

    private AllocationRuleSet(
            UnitTree units,
            ImmutableList<AllocationRule> collectionRules,
            ImmutableList<SharingRule> sharingRules,
            ImmutableSet<TagKey> tagKeys) {
        this.units = units;
        this.collectionRules = collectionRules;
        this.sharingRules = sharingRules;
        this.tagKeys = tagKeys;
    }

    /**
     * Checks and returns a rule set.
     *
     * @param units the units, forming one tree, not null
     * @param collectionRules the collection rules, first has precedence, not null
     * @param sharingRules the sharing rules, not null
     * @param tagKeys the active cost allocation tag keys, at most {@value #MAX_TAG_KEYS}, not null
     * @return the rule set, never null
     * @throws RuleSetException listing every problem with its JSON path
     */
    public static AllocationRuleSet of(
            List<AllocationUnit> units,
            List<AllocationRule> collectionRules,
            List<SharingRule> sharingRules,
            Set<TagKey> tagKeys) {
        List<RuleSetProblem> problems = problems(units, collectionRules, sharingRules, tagKeys);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new AllocationRuleSet(
                UnitTree.of(units),
                ImmutableList.copyOf(collectionRules),
                ImmutableList.copyOf(sharingRules),
                ImmutableSet.copyOf(tagKeys));
    }

    static List<RuleSetProblem> problems(
            List<AllocationUnit> units,
            List<AllocationRule> collectionRules,
            List<SharingRule> sharingRules,
            Set<TagKey> tagKeys) {
        requireNonNull(units, "units");
        requireNonNull(collectionRules, "collectionRules");
        requireNonNull(sharingRules, "sharingRules");
        requireNonNull(tagKeys, "tagKeys");
        if (units.size() > MAX_UNITS) {
            return List.of(RuleSetProblem.at(
                    "units[" + MAX_UNITS + "]",
                    "unit " + units.get(MAX_UNITS).id() + " is one too many: a rule set has at most " + MAX_UNITS
                            + " units, this one " + units.size()));
        }
        if (collectionRules.size() + sharingRules.size() > MAX_RULES) {
            boolean inCollection = collectionRules.size() > MAX_RULES;
            int index = inCollection ? MAX_RULES : MAX_RULES - collectionRules.size();
            RuleId first = inCollection
                    ? collectionRules.get(index).id()
                    : sharingRules.get(index).id();
            return List.of(RuleSetProblem.at(
                    (inCollection ? "collectionRules[" : "sharingRules[") + index + "]",
                    "rule " + first + " is one too many: a rule set has at most " + MAX_RULES + " rules, this one "
                            + (collectionRules.size() + sharingRules.size())));
        }
        List<RuleSetProblem> problems = new ArrayList<>(UnitTree.problems(units, "units"));
        Set<UnitId> unitIds = new HashSet<>();
        units.forEach(u -> unitIds.add(u.id()));
        if (tagKeys.size() > MAX_TAG_KEYS) {
            problems.add(RuleSetProblem.at(
                    "tagKeys",
                    tagKeys.size() + " cost allocation tag keys are active; at most " + MAX_TAG_KEYS + " may be"));
        }
        Set<RuleId> ruleIds = new HashSet<>();
        for (int i = 0; i < collectionRules.size(); i++) {
            AllocationRule r = collectionRules.get(i);
            String path = "collectionRules[" + i + "]";
            if (!ruleIds.add(r.id())) {
                problems.add(RuleSetProblem.at(path + ".id", "duplicate rule id " + r.id()));
            }
            if (!unitIds.contains(r.unit())) {
                problems.add(RuleSetProblem.at(path + ".unit", "unknown unit " + r.unit()));
            }
            checkTagKeys(r.condition(), tagKeys, path + ".condition", problems);
        }
        Map<UnitId, Integer> sourceUnits = new HashMap<>();
        for (int i = 0; i < sharingRules.size(); i++) {
            SharingRule r = sharingRules.get(i);
            String path = "sharingRules[" + i + "]";
            if (!ruleIds.add(r.id())) {
                problems.add(RuleSetProblem.at(path + ".id", "duplicate rule id " + r.id()));
            }
            if (r.source() instanceof SharingSource.CollectedBy c) {
                if (!unitIds.contains(c.unit())) {
                    problems.add(RuleSetProblem.at(path + ".source.unit", "unknown unit " + c.unit()));
                }
                Integer other = sourceUnits.putIfAbsent(c.unit(), i);
                if (other != null) {
                    problems.add(RuleSetProblem.at(
                            path + ".source.unit",
                            "unit " + c.unit() + " is already shared by sharingRules[" + other + "]"));
                }
                if (r.targets().contains(c.unit())) {
                    problems.add(
                            RuleSetProblem.at(path + ".targets", "unit " + c.unit() + " shares its cost with itself"));
                }
            } else {
                checkTagKeys(
                        ((SharingSource.Matching) r.source()).condition(),
                        tagKeys,
                        path + ".source.condition",
                        problems);
            }
            checkTargets(r, unitIds, path, problems);
        }
        checkSharingCycles(sharingRules, problems);
        return problems;
    }

    private static void checkTargets(SharingRule r, Set<UnitId> unitIds, String path, List<RuleSetProblem> problems) {
        if (r.targets().isEmpty()) {
            problems.add(RuleSetProblem.at(path + ".targets", "a sharing rule needs at least one target unit"));
        }
        Set<UnitId> seen = new HashSet<>();
        for (int t = 0; t < r.targets().size(); t++) {
            UnitId target = r.targets().get(t);
            if (!unitIds.contains(target)) {
                problems.add(RuleSetProblem.at(path + ".targets[" + t + "]", "unknown unit " + target));
            }
            if (!seen.add(target)) {
                problems.add(RuleSetProblem.at(path + ".targets[" + t + "]", "unit " + target + " is a target twice"));
            }
        }
        if (r.method() == SharingMethod.RATIO) {
            if (!r.percentages().keySet().equals(seen)) {
                problems.add(RuleSetProblem.at(path + ".ratios", "a ratio split needs one percentage per target"));
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<UnitId, BigDecimal> e : r.percentages().entrySet()) {
                if (e.getValue().signum() < 0) {
                    problems.add(RuleSetProblem.at(
                            path + ".ratios." + e.getKey(),
                            "percentage " + e.getValue().toPlainString() + " is negative"));
                }
                sum = sum.add(e.getValue());
            }
            if (sum.compareTo(HUNDRED) != 0) {
                problems.add(RuleSetProblem.at(
                        path + ".ratios", "percentages add up to " + sum.toPlainString() + ", not exactly 100"));
            }
        } else if (!r.percentages().isEmpty()) {
            problems.add(RuleSetProblem.at(
                    path + ".ratios", "percentages are only for the RATIO method, not " + r.method()));
        }
    }

    private static void checkTagKeys(Condition c, Set<TagKey> active, String path, List<RuleSetProblem> problems) {
        for (TagKey key : c.tagKeys()) {
            if (!active.contains(key)) {
                problems.add(RuleSetProblem.at(
                        path, "tag key '" + key + "' is not an active cost allocation tag key " + active));
            }
        }
    }

    /**
     * Unit-sourced sharing rules form a graph source -> targets; a cycle would share a cost forever. Walks the
     * graph depth first with an explicit stack, so no chain overflows the stack (ALLOC-13), and measures the
     * longest chain of rules a cost can pass through.
     */
    private static void checkSharingCycles(List<SharingRule> rules, List<RuleSetProblem> problems) {
        Map<UnitId, List<UnitId>> next = new LinkedHashMap<>();
        Map<UnitId, Integer> ruleOfSource = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).source() instanceof SharingSource.CollectedBy c
                    && next.putIfAbsent(c.unit(), rules.get(i).targets()) == null) {
                ruleOfSource.put(c.unit(), i);
            }
        }
        Map<UnitId, Integer> depth = new HashMap<>(); // settled units: rules a cost passes through from there
        for (UnitId start : next.keySet()) {
            if (depth.containsKey(start)) {
                continue;
            }
            List<UnitId> path = new ArrayList<>();
            List<Integer> nextTarget = new ArrayList<>();
            Set<UnitId> onPath = new HashSet<>();
            path.add(start);
            nextTarget.add(0);
            onPath.add(start);
            while (!path.isEmpty()) {
                int top = path.size() - 1;
                UnitId unit = path.get(top);
                List<UnitId> targets = next.getOrDefault(unit, List.of());
                int t = nextTarget.get(top);
                if (t < targets.size()) {
                    nextTarget.set(top, t + 1);
                    UnitId target = targets.get(t);
                    if (onPath.contains(target)) {
                        path.add(target);
                        problems.add(
                                RuleSetProblem.at("sharingRules", "sharing rules pass costs around a cycle: " + path));
                        return;
                    }
                    if (!depth.containsKey(target)) {
                        path.add(target);
                        nextTarget.add(0);
                        onPath.add(target);
                    }
                    continue;
                }
                int d = 0;
                for (UnitId target : targets) {
                    d = Math.max(d, depth.get(target));
                }
                depth.put(unit, targets.isEmpty() ? 0 : d + 1);
                onPath.remove(unit);
                path.remove(top);
                nextTarget.remove(top);
            }
        }
        for (Map.Entry<UnitId, Integer> e : ruleOfSource.entrySet()) {
            if (depth.get(e.getKey()) > MAX_SHARING_DEPTH) {
                SharingRule r = rules.get(e.getValue());
                problems.add(RuleSetProblem.at(
                        "sharingRules[" + e.getValue() + "]",
                        "sharing rule " + r.id() + " starts a chain of " + depth.get(e.getKey())
                                + " sharing rules; at most " + MAX_SHARING_DEPTH + " may follow one another"));
                return;
            }
        }
    }

    /** Returns the unit tree, never null. */
    public UnitTree units() {
        return units;
    }

    /** Returns the collection rules, first has precedence, never null. */
    public ImmutableList<AllocationRule> collectionRules() {
        return collectionRules;
    }

    /** Returns the sharing rules, never null. */
    public ImmutableList<SharingRule> sharingRules() {
        return sharingRules;
    }

    /** Returns the active cost allocation tag keys, never null. */
    public ImmutableSet<TagKey> tagKeys() {
        return tagKeys;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof AllocationRuleSet)) {
            return false;
        }
        AllocationRuleSet o = (AllocationRuleSet) obj;
        return units.units().values().asList().equals(o.units.units().values().asList())
                && collectionRules.equals(o.collectionRules)
                && sharingRules.equals(o.sharingRules)
                && tagKeys.equals(o.tagKeys);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(units, collectionRules, sharingRules, tagKeys);
    }

    @Override
    public String toString() {
        return "AllocationRuleSet[" + units.units().size() + " units, " + collectionRules.size() + " collection rules, "
                + sharingRules.size() + " sharing rules, tag keys " + tagKeys + "]";
    }
}
