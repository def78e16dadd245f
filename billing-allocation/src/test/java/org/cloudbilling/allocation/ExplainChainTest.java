package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Explanations of where a cost went when several rules and a chain of unit-sourced sharing rules take part. */
@Tag("ALLOC-3")
@Tag("ALLOC-5")
class ExplainChainTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final UnitId WEB = UnitId.of("web");
    private static final UnitId DATA = UnitId.of("data");
    private static final UnitId ML = UnitId.of("ml");
    private static final UnitId OPS = UnitId.of("ops");

    /** Owner 1 goes to web, owner 2 to data; products p_x and p_y are shared; data passes its costs to ml. */
    private static final AllocationRuleSet RULES = AllocationRuleSet.of(
            List.of(
                    AllocationUnit.root("acme", "Acme"),
                    AllocationUnit.child("web", "Web", "acme"),
                    AllocationUnit.child("data", "Data", "acme"),
                    AllocationUnit.child("ml", "ML", "data"),
                    AllocationUnit.child("ops", "Ops", "acme")),
            List.of(
                    AllocationRule.of("r-web", "web", Condition.in(AllocationDimension.OWNER_UIN, "1")),
                    AllocationRule.of("r-data", "data", Condition.in(AllocationDimension.OWNER_UIN, "2"))),
            List.of(
                    SharingRule.even(
                            "s-x",
                            SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_x")),
                            List.of(WEB)),
                    SharingRule.even(
                            "s-y",
                            SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_y")),
                            List.of(OPS, DATA)),
                    SharingRule.even("s-data", SharingSource.collectedBy("data"), List.of(ML))),
            Set.of());

    private static final Allocator ALLOCATOR = Allocator.compile(RULES);

    private static LineItem item(String id, String owner, String product) {
        return WorkedExample.item(id, owner, product, null, "2024-09-05T10:00", "10.00", null);
    }

    @Test
    void explain_collectedIntoASourceUnit_namesTheWinningRulesUnitAndTheChainBelowIt() {
        Explanation e = ALLOCATOR.explain(item("a", "2", "q"), TagBindings.empty());
        assertThat(e.matchingSharingRules()).isEmpty();
        assertThat(e.matchingCollectionRules()).containsExactly(RuleId.of("r-data"));
        assertThat(e.collectedBy()).contains(RuleId.of("r-data"));
        assertThat(e.collectedInto()).contains(DATA);
        assertThat(e.sharingChain()).containsExactly(RuleId.of("s-data"));
    }

    @Test
    void explain_sharedCost_followsTheSharingRuleThenTheUnitsItReaches() {
        Explanation e = ALLOCATOR.explain(item("b", "1", "p_y"), TagBindings.empty());
        assertThat(e.matchingSharingRules()).containsExactly(RuleId.of("s-y"));
        assertThat(e.matchingCollectionRules()).containsExactly(RuleId.of("r-web"));
        assertThat(e.sharedBy()).contains(RuleId.of("s-y"));
        assertThat(e.collectedBy()).isEmpty();
        assertThat(e.collectedInto()).isEmpty();
        assertThat(e.sharingChain()).containsExactly(RuleId.of("s-y"), RuleId.of("s-data"));
        assertThat(e.text())
                .isEqualTo("Line item b (tags at 2024-09-05T02:00:00Z: {}) is a shared cost of sharing"
                        + " rule s-y; it is shared through [s-y, s-data].");
    }

    @Test
    void explain_costCollectedIntoAUnitThatSharesNothing_hasNoChain() {
        Explanation e = ALLOCATOR.explain(item("c", "1", "q"), TagBindings.empty());
        assertThat(e.collectedInto()).contains(WEB);
        assertThat(e.sharingChain()).isEmpty();
        Explanation x = ALLOCATOR.explain(item("d", "3", "p_x"), TagBindings.empty());
        assertThat(x.sharedBy()).contains(RuleId.of("s-x"));
        assertThat(x.sharingChain()).containsExactly(RuleId.of("s-x"));
    }

    @Test
    void text_collectedByTheOnlyMatchingRule_orByNoRule_readsAsASentence() {
        Explanation collected = ALLOCATOR.explain(item("c", "1", "q"), TagBindings.empty());
        assertThat(collected.isUnallocated()).isFalse();
        assertThat(collected.text())
                .isEqualTo("Line item c (tags at 2024-09-05T02:00:00Z: {}) is collected into web by rule r-web.");
        Explanation none = ALLOCATOR.explain(item("u", "3", "q"), TagBindings.empty());
        assertThat(none.isUnallocated()).isTrue();
        assertThat(none.text())
                .isEqualTo("Line item u (tags at 2024-09-05T02:00:00Z: {}) matches no rule and is Unallocated.");
    }

    @Test
    @Tag("ALLOC-7")
    void isFallingBack_isOnlyForProportionalRulesWithoutPositiveBase() {
        AllocationRuleSet rules = AllocationRuleSet.of(
                RULES.units().units().values().asList(),
                RULES.collectionRules(),
                List.of(
                        SharingRule.even(
                                "s-even",
                                SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_x")),
                                List.of(ML, OPS)),
                        SharingRule.proportional(
                                "s-web",
                                SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_y")),
                                List.of(WEB, OPS),
                                ZeroBaseFallback.EVEN),
                        SharingRule.proportional(
                                "s-idle",
                                SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_z")),
                                List.of(ML, OPS),
                                ZeroBaseFallback.EVEN)),
                Set.of());
        // web collects owner 1's cost; ml and ops collect nothing
        AllocationRun run = Allocator.compile(rules)
                .prepare(List.of(item("a", "1", "q"), item("b", "3", "p_x")), TagBindings.empty());
        assertThat(run.isFallingBack(RuleId.of("s-even"), CNY)).isFalse();
        assertThat(run.isFallingBack(RuleId.of("s-web"), CNY)).isFalse();
        assertThat(run.isFallingBack(RuleId.of("s-idle"), CNY)).isTrue();
    }
}
