package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sharing rule (ALLOC-5): splits the costs of its source among target units by ratio, evenly or in
 * proportion to the targets' collected cost.
 *
 * <pre>{@code
 * SharingRule network = SharingRule.proportional("share-network",
 *         SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_vpc")),
 *         List.of(UnitId.of("web"), UnitId.of("data")), ZeroBaseFallback.EVEN);
 * }</pre>
 *
 * @param id the rule's id, unique in its rule set
 * @param source the costs shared
 * @param method how they are split
 * @param targets the target units, at least one; the split's tie-break follows their ids, not this order
 * @param percentages for {@link SharingMethod#RATIO}: each target's percentage, adding up to exactly 100;
 *     empty otherwise
 * @param fallback for {@link SharingMethod#PROPORTIONAL}: what to do when every target's base is zero
 */
public record SharingRule(
        RuleId id,
        SharingSource source,
        SharingMethod method,
        ImmutableList<UnitId> targets,
        ImmutableMap<UnitId, BigDecimal> percentages,
        ZeroBaseFallback fallback) {

    /** Checks that no component is null; the rule set checks the rest, with paths. */
    public SharingRule {
        requireNonNull(id, "id");
        requireNonNull(source, "source");
        requireNonNull(method, "method");
        requireNonNull(targets, "targets");
        requireNonNull(percentages, "percentages");
        requireNonNull(fallback, "fallback");
    }

    /** Returns a rule splitting by percentages, in the order of the map. */
    public static SharingRule ratio(String id, SharingSource source, Map<UnitId, BigDecimal> percentages) {
        return new SharingRule(
                RuleId.of(id),
                source,
                SharingMethod.RATIO,
                ImmutableList.copyOf(percentages.keySet()),
                ImmutableMap.copyOf(new LinkedHashMap<>(percentages)),
                ZeroBaseFallback.EVEN);
    }

    /** Returns a rule splitting evenly. */
    public static SharingRule even(String id, SharingSource source, List<UnitId> targets) {
        return new SharingRule(
                RuleId.of(id),
                source,
                SharingMethod.EVEN,
                ImmutableList.copyOf(targets),
                ImmutableMap.of(),
                ZeroBaseFallback.EVEN);
    }

    /** Returns a rule splitting in proportion to the targets' collected cost. */
    public static SharingRule proportional(
            String id, SharingSource source, List<UnitId> targets, ZeroBaseFallback fallback) {
        return new SharingRule(
                RuleId.of(id),
                source,
                SharingMethod.PROPORTIONAL,
                ImmutableList.copyOf(targets),
                ImmutableMap.of(),
                fallback);
    }
}
