package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cloudbilling.core.id.TagKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RuleSetTest {
    private static final List<AllocationUnit> UNITS = List.of(
            AllocationUnit.root("acme", "Acme"),
            AllocationUnit.child("web", "Web", "acme"),
            AllocationUnit.child("data", "Data", "acme"));
    private static final Condition CVM = Condition.in(AllocationDimension.BUSINESS_CODE, "p_cvm");

    private static Map<UnitId, BigDecimal> ratios(String web, String data) {
        Map<UnitId, BigDecimal> m = new LinkedHashMap<>();
        m.put(UnitId.of("web"), new BigDecimal(web));
        m.put(UnitId.of("data"), new BigDecimal(data));
        return m;
    }

    @Test
    @Tag("ALLOC-5")
    void ratios_mustAddUpToExactly100() {
        for (String[] bad : new String[][] {{"60", "39.99"}, {"60", "40.01"}}) {
            assertThatThrownBy(() -> AllocationRuleSet.of(
                            UNITS,
                            List.of(),
                            List.of(SharingRule.ratio("s", SharingSource.matching(CVM), ratios(bad[0], bad[1]))),
                            Set.of()))
                    .isInstanceOf(RuleSetException.class)
                    .hasMessageContaining("$.sharingRules[0].ratios: percentages add up to")
                    .hasMessageContaining(", not exactly 100");
        }
        assertThat(AllocationRuleSet.of(
                                UNITS,
                                List.of(),
                                List.of(SharingRule.ratio("s", SharingSource.matching(CVM), ratios("60", "40.00"))),
                                Set.of())
                        .sharingRules())
                .hasSize(1);
    }

    @Test
    @Tag("ALLOC-9")
    void atMost15TagKeys_areActive() {
        Set<TagKey> fifteen =
                IntStream.range(0, 15).mapToObj(i -> TagKey.of("k" + i)).collect(Collectors.toSet());
        assertThat(AllocationRuleSet.of(UNITS, List.of(), List.of(), fifteen).tagKeys())
                .hasSize(15);
        Set<TagKey> sixteen =
                IntStream.range(0, 16).mapToObj(i -> TagKey.of("k" + i)).collect(Collectors.toSet());
        assertThatThrownBy(() -> AllocationRuleSet.of(UNITS, List.of(), List.of(), sixteen))
                .hasMessage("invalid rule set: $.tagKeys: 16 cost allocation tag keys are active; at most 15 may be");
    }

    @Test
    @Tag("ALLOC-9")
    void ruleOnAnInactiveTagKey_isRefused() {
        assertThatThrownBy(() -> AllocationRuleSet.of(
                        UNITS,
                        List.of(AllocationRule.of("r", "web", Condition.tagIn(TagKey.of("team"), "web"))),
                        List.of(),
                        Set.of(TagKey.of("env"))))
                .hasMessage("invalid rule set: $.collectionRules[0].condition: tag key 'team' is not an active cost"
                        + " allocation tag key [env]");
    }

    @Test
    void everyProblem_isReportedAtOnce_withItsPath() {
        assertThatThrownBy(() -> AllocationRuleSet.of(
                        UNITS,
                        List.of(AllocationRule.of("r", "nowhere", CVM), AllocationRule.of("r", "web", CVM)),
                        List.of(SharingRule.even(
                                "s", SharingSource.collectedBy("ghost"), List.of(UnitId.of("web"), UnitId.of("web")))),
                        Set.of()))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems())
                        .extracting(Object::toString)
                        .containsExactly(
                                "$.collectionRules[0].unit: unknown unit nowhere",
                                "$.collectionRules[1].id: duplicate rule id r",
                                "$.sharingRules[0].source.unit: unknown unit ghost",
                                "$.sharingRules[0].targets[1]: unit web is a target twice"));
    }

    @Test
    @Tag("ALLOC-5")
    void sharingRulesFeedingEachOtherInACycle_areRefused() {
        assertThatThrownBy(() -> AllocationRuleSet.of(
                        UNITS,
                        List.of(),
                        List.of(
                                SharingRule.even("s1", SharingSource.collectedBy("web"), List.of(UnitId.of("data"))),
                                SharingRule.even("s2", SharingSource.collectedBy("data"), List.of(UnitId.of("web")))),
                        Set.of()))
                .hasMessageContaining("$.sharingRules: sharing rules pass costs around a cycle:");
    }

    @Test
    void conditions_refuseEmptyValueLists() {
        assertThatThrownBy(() -> Condition.in(AllocationDimension.REGION_ID))
                .hasMessage("the value list of regionId is empty");
        assertThatThrownBy(() -> Condition.and()).hasMessage("'and' needs at least one condition");
    }
}
