package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("BACK-3")
class RuleVersionTest {

    private static AllocationRuleSet rules(List<AllocationUnit> units, List<AllocationRule> rules) {
        return AllocationRuleSet.of(units, rules, List.of(), Set.of());
    }

    private static final AllocationRule WEB =
            AllocationRule.of("r-web", "web", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cvm", "p_cbs"));
    private static final AllocationRule DATA =
            AllocationRule.of("r-data", "data", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cos"));

    @Test
    void identicalContent_givesTheSameId_evenBuiltAnotherWay() {
        List<AllocationUnit> units = BacktrackExample.UNITS;
        List<AllocationUnit> reversed = new ArrayList<>(units);
        Collections.reverse(reversed);
        AllocationRule webOtherOrder =
                AllocationRule.of("r-web", "web", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cbs", "p_cvm"));
        RuleVersion a = RuleVersion.of(rules(units, List.of(WEB, DATA)));
        RuleVersion b = RuleVersion.of(rules(reversed, List.of(webOtherOrder, DATA)));
        assertThat(a.id()).isEqualTo(b.id()).startsWith("rv-").hasSize(23);
    }

    @Test
    void anyChangeThatCanAlterAResult_givesAnotherId() {
        RuleVersion base = RuleVersion.of(rules(BacktrackExample.UNITS, List.of(WEB, DATA)));
        assertThat(RuleVersion.of(rules(BacktrackExample.UNITS, List.of(DATA, WEB)))
                        .id())
                .as("precedence changed")
                .isNotEqualTo(base.id());
        assertThat(RuleVersion.of(rules(
                                BacktrackExample.UNITS,
                                List.of(
                                        AllocationRule.of(
                                                "r-web",
                                                "web",
                                                Condition.notIn(AllocationDimension.BUSINESS_CODE, "p_cvm", "p_cbs")),
                                        DATA)))
                        .id())
                .as("in became not in")
                .isNotEqualTo(base.id());
        assertThat(RuleVersion.of(rules(BacktrackExample.UNITS, List.of(WEB))).id())
                .isNotEqualTo(base.id());
    }
}
