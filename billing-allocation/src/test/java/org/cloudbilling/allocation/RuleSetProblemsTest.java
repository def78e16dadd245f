package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.cloudbilling.core.id.TagKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Problems of meaning in a rule set built in code: each reported at the JSON path it would have in a file. */
class RuleSetProblemsTest {
    private static final List<AllocationUnit> UNITS = List.of(
            AllocationUnit.root("acme", "Acme"),
            AllocationUnit.child("web", "Web", "acme"),
            AllocationUnit.child("data", "Data", "acme"));
    private static final UnitId WEB = UnitId.of("web");
    private static final UnitId DATA = UnitId.of("data");
    private static final Condition OWNER_1 = Condition.in(AllocationDimension.OWNER_UIN, "1");
    private static final AllocationRule R1 = AllocationRule.of("r1", "web", OWNER_1);

    private static List<String> problems(List<AllocationRule> collection, List<SharingRule> sharing) {
        RuleSetException e = catchThrowableOfType(
                RuleSetException.class, () -> AllocationRuleSet.of(UNITS, collection, sharing, Set.of()));
        assertThat(e).as("the rule set is refused").isNotNull();
        return e.problems().stream().map(RuleSetProblem::toString).toList();
    }

    private static SharingRule rule(
            String id, SharingMethod method, List<UnitId> targets, ImmutableMap<UnitId, BigDecimal> percentages) {
        return new SharingRule(
                RuleId.of(id),
                SharingSource.matching(OWNER_1),
                method,
                ImmutableList.copyOf(targets),
                percentages,
                ZeroBaseFallback.EVEN);
    }

    @Test
    @Tag("ALLOC-5")
    void of_sharingRuleWithTheIdOfACollectionRule_isADuplicate() {
        assertThat(problems(
                        List.of(R1), List.of(SharingRule.even("r1", SharingSource.collectedBy("web"), List.of(DATA)))))
                .containsExactly("$.sharingRules[0].id: duplicate rule id r1");
    }

    @Test
    @Tag("ALLOC-5")
    void of_unitSourcesThatAreUnknownSharedTwiceOrTheirOwnTarget_areEachReported() {
        assertThat(problems(
                        List.of(),
                        List.of(
                                SharingRule.even("s1", SharingSource.collectedBy("ghost"), List.of(DATA)),
                                SharingRule.even("s2", SharingSource.collectedBy("web"), List.of(DATA)),
                                SharingRule.even("s3", SharingSource.collectedBy("web"), List.of(UnitId.of("acme"))))))
                .containsExactly(
                        "$.sharingRules[0].source.unit: unknown unit ghost",
                        "$.sharingRules[2].source.unit: unit web is already shared by sharingRules[1]");
        assertThat(problems(List.of(), List.of(SharingRule.even("s", SharingSource.collectedBy("web"), List.of(WEB)))))
                .containsExactly(
                        "$.sharingRules[0].targets: unit web shares its cost with itself",
                        "$.sharingRules: sharing rules pass costs around a cycle: [web, web]");
    }

    @Test
    @Tag("ALLOC-9")
    void of_matchingSourceOnAnInactiveTagKey_isReportedAtTheSourceCondition() {
        assertThat(problems(
                        List.of(),
                        List.of(SharingRule.even(
                                "s", SharingSource.matching(Condition.tagIn(TagKey.of("env"), "prod")), List.of(WEB)))))
                .containsExactly(
                        "$.sharingRules[0].source.condition: tag key 'env' is not an active cost allocation tag key []");
    }

    @Test
    @Tag("ALLOC-9")
    void of_inactiveTagKeyNestedInAndOr_isFound() {
        Condition nested = Condition.and(
                Condition.or(OWNER_1, Condition.tagIn(TagKey.of("team"), "web")),
                Condition.tagNotIn(TagKey.of("env"), "prod"));
        assertThat(nested.tagKeys()).containsExactly(TagKey.of("team"), TagKey.of("env"));
        RuleSetException e = catchThrowableOfType(
                RuleSetException.class,
                () -> AllocationRuleSet.of(
                        UNITS, List.of(AllocationRule.of("r", "web", nested)), List.of(), Set.of(TagKey.of("team"))));
        assertThat(e.problems())
                .extracting(RuleSetProblem::toString)
                .containsExactly(
                        "$.collectionRules[0].condition: tag key 'env' is not an active cost allocation tag key [team]");
    }

    @Test
    @Tag("ALLOC-5")
    void of_noTargetOrATargetTwice_isReported() {
        assertThat(problems(
                        List.of(),
                        List.of(
                                SharingRule.even("s1", SharingSource.matching(OWNER_1), List.of()),
                                SharingRule.even("s2", SharingSource.matching(OWNER_1), List.of(WEB, DATA, WEB)))))
                .containsExactly(
                        "$.sharingRules[0].targets: a sharing rule needs at least one target unit",
                        "$.sharingRules[1].targets[2]: unit web is a target twice");
    }

    @Test
    @Tag("ALLOC-5")
    void of_ratioWhosePercentagesDoNotFitItsTargets_isReported() {
        assertThat(problems(
                        List.of(),
                        List.of(rule(
                                "s",
                                SharingMethod.RATIO,
                                List.of(WEB),
                                ImmutableMap.of(WEB, new BigDecimal("50"), DATA, new BigDecimal("50"))))))
                .containsExactly("$.sharingRules[0].ratios: a ratio split needs one percentage per target");
    }

    @Test
    @Tag("ALLOC-5")
    void of_negativePercentage_isReportedEvenWhenTheSumIs100() {
        assertThat(problems(
                        List.of(),
                        List.of(rule(
                                "s",
                                SharingMethod.RATIO,
                                List.of(WEB, DATA),
                                ImmutableMap.of(WEB, new BigDecimal("110"), DATA, new BigDecimal("-10.0"))))))
                .containsExactly("$.sharingRules[0].ratios.data: percentage -10.0 is negative");
    }

    @Test
    @Tag("ALLOC-5")
    void of_percentagesOnAnEvenRule_areReported() {
        assertThat(problems(
                        List.of(),
                        List.of(rule("s", SharingMethod.EVEN, List.of(WEB), ImmutableMap.of(WEB, BigDecimal.TEN)))))
                .containsExactly("$.sharingRules[0].ratios: percentages are only for the RATIO method, not EVEN");
    }

    @Test
    void equals_comparesEveryPart_andToStringCountsThem() {
        AllocationRuleSet a = AllocationRuleSet.of(UNITS, List.of(R1), List.of(), Set.of(TagKey.of("team")));
        AllocationRuleSet same = AllocationRuleSet.of(UNITS, List.of(R1), List.of(), Set.of(TagKey.of("team")));
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo("a rule set");
        assertThat(a).isNotEqualTo(AllocationRuleSet.of(UNITS, List.of(), List.of(), Set.of(TagKey.of("team"))));
        assertThat(a)
                .isNotEqualTo(
                        AllocationRuleSet.of(UNITS.subList(0, 2), List.of(R1), List.of(), Set.of(TagKey.of("team"))));
        assertThat(a).isNotEqualTo(AllocationRuleSet.of(UNITS, List.of(R1), List.of(), Set.of()));
        assertThat(a)
                .isNotEqualTo(AllocationRuleSet.of(
                        UNITS,
                        List.of(R1),
                        List.of(SharingRule.even("s", SharingSource.collectedBy("web"), List.of(DATA))),
                        Set.of(TagKey.of("team"))));
        assertThat(a).hasToString("AllocationRuleSet[3 units, 1 collection rules, 0 sharing rules, tag keys [team]]");
    }
}
