package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    /** Unit-sourced sharing rules form a graph source -> targets; a cycle would share a cost forever. */
    private static void checkSharingCycles(List<SharingRule> rules, List<RuleSetProblem> problems) {
        Map<UnitId, List<UnitId>> next = new HashMap<>();
        for (SharingRule r : rules) {
            if (r.source() instanceof SharingSource.CollectedBy c) {
                next.putIfAbsent(c.unit(), r.targets());
            }
        }
        Set<UnitId> done = new HashSet<>();
        for (UnitId start : next.keySet()) {
            List<UnitId> path = new ArrayList<>();
            if (findCycle(start, next, path, new HashSet<>(), done)) {
                problems.add(RuleSetProblem.at("sharingRules", "sharing rules pass costs around a cycle: " + path));
                return;
            }
        }
    }

    private static boolean findCycle(
            UnitId unit, Map<UnitId, List<UnitId>> next, List<UnitId> path, Set<UnitId> onPath, Set<UnitId> done) {
        if (onPath.contains(unit)) {
            path.add(unit);
            return true;
        }
        if (done.contains(unit)) {
            return false;
        }
        onPath.add(unit);
        path.add(unit);
        for (UnitId target : next.getOrDefault(unit, List.of())) {
            if (findCycle(target, next, path, onPath, done)) {
                return true;
            }
        }
        onPath.remove(unit);
        path.remove(path.size() - 1);
        done.add(unit);
        return false;
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
