package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Test;

/** The checks and messages of the small values of a rule set: conditions, rows, problems, schedules. */
class RuleValuesTest {
    private static final AllocationRuleSet V1 =
            AllocationRuleSet.of(List.of(AllocationUnit.root("acme", "Acme")), List.of(), List.of(), Set.of());

    @Test
    void in_tagKeyWithoutTheTagDimension_orAnEmptyList_isRefused() {
        assertThatThrownBy(() -> new Condition.In(
                        AllocationDimension.OWNER_UIN, Optional.of(TagKey.of("team")), ImmutableSet.of("1"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a tag key goes with the tag dimension and only with it");
        assertThatThrownBy(
                        () -> new Condition.In(AllocationDimension.TAG, Optional.empty(), ImmutableSet.of("1"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a tag key goes with the tag dimension and only with it");
        assertThatThrownBy(() -> Condition.in(AllocationDimension.OWNER_UIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the value list of ownerUin is empty");
        assertThatThrownBy(() -> new Condition.Or(ImmutableList.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'or' needs at least one condition");
        assertThatThrownBy(() -> new Condition.And(ImmutableList.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'and' needs at least one condition");
    }

    @Test
    @org.junit.jupiter.api.Tag("ALLOC-6")
    void allocatedRow_hasAUnitExactlyWhenItIsNotUnallocated() {
        var item = WorkedExample.item("i", "1", "p_cvm", null, "2024-09-05T10:00", "1.00", null);
        Money amount = item.totalCost();
        assertThatThrownBy(() ->
                        new AllocatedRow(item, Optional.empty(), AllocationType.COLLECTED, amount, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only an Unallocated row has no unit: COLLECTED Optional.empty");
        assertThatThrownBy(() -> new AllocatedRow(
                        item, Optional.of(UnitId.of("web")), AllocationType.UNALLOCATED, amount, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only an Unallocated row has no unit: UNALLOCATED Optional[web]");
    }

    @Test
    void ruleSetException_needsAProblem_andListsSeveral() {
        assertThatThrownBy(() -> new RuleSetException(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rule set exception needs at least one problem");
        assertThat(new RuleSetException(
                        "rules.json",
                        List.of(RuleSetProblem.at("units", "is missing"), RuleSetProblem.at("$", "is odd"))))
                .hasMessage("invalid rule set in rules.json, 2 problems:\n  $.units: is missing\n  $: is odd");
    }

    /** Value semantics of a schedule (equals, hashCode, toString); what a month gets is ALLOC-10's test. */
    @Test
    void ruleSchedule_equalsByActivationCalendarAndChanges() {
        Instant at = Instant.parse("2024-08-10T00:00:00Z");
        RuleSchedule s = RuleSchedule.activated(at, BillingCalendar.TENCENT, V1);
        assertThat(s.activatedAt()).isEqualTo(at);
        assertThat(s)
                .isEqualTo(RuleSchedule.activated(at, BillingCalendar.TENCENT, V1))
                .hasSameHashCodeAs(RuleSchedule.activated(at, BillingCalendar.TENCENT, V1))
                .isNotEqualTo(RuleSchedule.activated(at.plusSeconds(1), BillingCalendar.TENCENT, V1))
                .isNotEqualTo(s.withRuleSet(BillingMonth.of(2024, 9), V1))
                .isNotEqualTo(V1);
        assertThat(s.withRuleSet(BillingMonth.of(2024, 11), V1))
                .hasToString("RuleSchedule[from 2024-08, changes in [2024-08, 2024-11]]");
    }

    @Test
    @org.junit.jupiter.api.Tag("ALLOC-11")
    void ruleSchedule_sameInstantWithAnotherCutOffDay_startsInAnotherMonth() {
        // at 08:00 on 2 August in UTC+8: before the 3rd, so the first month is July; with a cut-off on the 1st,
        // the 2nd is not before it and the first month is August
        Instant aug2 = Instant.parse("2024-08-02T00:00:00Z");
        BillingCalendar cutOffOnThe1st = BillingCalendar.of(java.time.ZoneOffset.ofHours(8), 5, 1);
        RuleSchedule tencent = RuleSchedule.activated(aug2, BillingCalendar.TENCENT, V1);
        RuleSchedule onThe1st = RuleSchedule.activated(aug2, cutOffOnThe1st, V1);

        assertThat(tencent.firstMonth()).isEqualTo(BillingMonth.of(2024, 7));
        assertThat(onThe1st.firstMonth()).isEqualTo(BillingMonth.of(2024, 8));
        assertThat(tencent).isNotEqualTo(onThe1st);
    }
}
