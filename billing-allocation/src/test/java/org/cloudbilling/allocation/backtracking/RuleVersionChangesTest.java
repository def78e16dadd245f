package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.ZeroBaseFallback;
import org.cloudbilling.core.id.TagKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each part of a rule set that can change a result changes its version id; the order of sets does not. */
@Tag("BACK-3")
class RuleVersionChangesTest {
    private static final TagKey TEAM = TagKey.of("team");
    private static final TagKey ENV = TagKey.of("env");
    private static final UnitId WEB = UnitId.of("web");
    private static final UnitId DATA = UnitId.of("data");
    private static final UnitId ML = UnitId.of("ml");
    private static final List<AllocationUnit> UNITS = List.of(
            AllocationUnit.root("acme", "Acme"),
            AllocationUnit.child("web", "Web", "acme"),
            AllocationUnit.child("data", "Data", "acme"),
            AllocationUnit.child("ml", "ML", "data"));
    private static final Condition CVM = Condition.in(AllocationDimension.BUSINESS_CODE, "p_cvm");
    private static final Condition VPC = Condition.in(AllocationDimension.BUSINESS_CODE, "p_vpc");

    private static String id(List<AllocationUnit> units, List<AllocationRule> rules, List<SharingRule> sharing) {
        return RuleVersion.of(AllocationRuleSet.of(units, rules, sharing, Set.of(TEAM, ENV)))
                .id();
    }

    private static String id(List<AllocationRule> rules, List<SharingRule> sharing) {
        return id(UNITS, rules, sharing);
    }

    private static Map<UnitId, BigDecimal> ratios(String web, String data) {
        Map<UnitId, BigDecimal> m = new LinkedHashMap<>();
        m.put(WEB, new BigDecimal(web));
        m.put(DATA, new BigDecimal(data));
        return m;
    }

    @Test
    void of_unitMovedOrRenamed_getsAnotherId() {
        String base = id(List.of(), List.of());
        List<AllocationUnit> moved = List.of(
                AllocationUnit.root("acme", "Acme"),
                AllocationUnit.child("web", "Web", "acme"),
                AllocationUnit.child("data", "Data", "acme"),
                AllocationUnit.child("ml", "ML", "web"));
        List<AllocationUnit> renamed = List.of(
                AllocationUnit.root("acme", "Acme"),
                AllocationUnit.child("web", "Web", "acme"),
                AllocationUnit.child("data", "Data", "acme"),
                AllocationUnit.child("ml", "Machine learning", "data"));
        assertThat(id(moved, List.of(), List.of())).isNotEqualTo(base);
        assertThat(id(renamed, List.of(), List.of())).isNotEqualTo(base).isNotEqualTo(id(moved, List.of(), List.of()));
    }

    @Test
    void of_activeTagKeys_countButNotTheirOrder() {
        AllocationRuleSet teamEnv = AllocationRuleSet.of(UNITS, List.of(), List.of(), Set.of(TEAM, ENV));
        AllocationRuleSet envTeam =
                AllocationRuleSet.of(UNITS, List.of(), List.of(), new java.util.LinkedHashSet<>(List.of(ENV, TEAM)));
        AllocationRuleSet team = AllocationRuleSet.of(UNITS, List.of(), List.of(), Set.of(TEAM));
        assertThat(RuleVersion.of(teamEnv).id())
                .isEqualTo(RuleVersion.of(envTeam).id());
        assertThat(RuleVersion.of(team).id())
                .isNotEqualTo(RuleVersion.of(teamEnv).id());
        AllocationRuleSet env = AllocationRuleSet.of(UNITS, List.of(), List.of(), Set.of(ENV));
        assertThat(RuleVersion.of(env).id())
                .as("as many keys, another name")
                .isNotEqualTo(RuleVersion.of(team).id());
    }

    @Test
    void of_tagKeyOfACondition_andAndOrOr_change() {
        Condition team = Condition.tagIn(TEAM, "x");
        Condition env = Condition.tagIn(ENV, "x");
        String withTeam = id(List.of(AllocationRule.of("r", "web", Condition.and(team, CVM))), List.of());
        assertThat(id(List.of(AllocationRule.of("r", "web", Condition.and(env, CVM))), List.of()))
                .isNotEqualTo(withTeam);
        assertThat(id(List.of(AllocationRule.of("r", "web", Condition.or(team, CVM))), List.of()))
                .isNotEqualTo(withTeam);
    }

    @Test
    @Tag("ALLOC-5")
    void of_everyPartOfASharingRule_counts() {
        SharingRule even = SharingRule.even("s", SharingSource.matching(VPC), List.of(WEB, DATA));
        String base = id(List.of(), List.of(even));
        assertThat(id(List.of(), List.of())).as("rule added").isNotEqualTo(base);
        assertThat(id(List.of(), List.of(SharingRule.even("s", SharingSource.matching(CVM), List.of(WEB, DATA)))))
                .as("source condition")
                .isNotEqualTo(base);
        assertThat(id(List.of(), List.of(SharingRule.even("s", SharingSource.collectedBy("ml"), List.of(WEB, DATA)))))
                .as("source unit")
                .isNotEqualTo(base);
        assertThat(id(List.of(), List.of(SharingRule.even("s", SharingSource.matching(VPC), List.of(WEB, ML)))))
                .as("targets")
                .isNotEqualTo(base);
        assertThat(id(List.of(), List.of(SharingRule.even("s", SharingSource.matching(VPC), List.of(DATA, WEB)))))
                .as("the order of targets does not count")
                .isEqualTo(base);
        assertThat(id(
                        List.of(),
                        List.of(SharingRule.proportional(
                                "s", SharingSource.matching(VPC), List.of(WEB, DATA), ZeroBaseFallback.EVEN))))
                .as("method")
                .isNotEqualTo(base);
        assertThat(id(
                        List.of(),
                        List.of(SharingRule.proportional(
                                "s", SharingSource.matching(VPC), List.of(WEB, DATA), ZeroBaseFallback.UNALLOCATED))))
                .as("fallback")
                .isNotEqualTo(id(
                        List.of(),
                        List.of(SharingRule.proportional(
                                "s", SharingSource.matching(VPC), List.of(WEB, DATA), ZeroBaseFallback.EVEN))));
    }

    @Test
    @Tag("ALLOC-5")
    void of_percentagesCount_butNotTheirTrailingZeros() {
        String sixtyForty =
                id(List.of(), List.of(SharingRule.ratio("s", SharingSource.matching(VPC), ratios("60", "40"))));
        assertThat(id(List.of(), List.of(SharingRule.ratio("s", SharingSource.matching(VPC), ratios("50", "50")))))
                .isNotEqualTo(sixtyForty);
        assertThat(id(List.of(), List.of(SharingRule.ratio("s", SharingSource.matching(VPC), ratios("60.00", "40.0")))))
                .isEqualTo(sixtyForty);
    }

    @Test
    void canonical_quotesAndBackslashesInNames_areEscaped() {
        List<AllocationUnit> one =
                List.of(AllocationUnit.root("acme", "x\" \"y"), AllocationUnit.child("web", "w", "acme"));
        List<AllocationUnit> two =
                List.of(AllocationUnit.root("acme", "x\\"), AllocationUnit.child("web", "w", "acme"));
        assertThat(RuleVersion.canonical(AllocationRuleSet.of(one, List.of(), List.of(), Set.of())))
                .contains("unit \"acme\" \"x\\\" \\\"y\" -\n");
        assertThat(RuleVersion.canonical(AllocationRuleSet.of(two, List.of(), List.of(), Set.of())))
                .contains("unit \"acme\" \"x\\\\\" -\n");
    }
}
