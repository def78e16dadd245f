package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RuleScheduleTest {
    private static final AllocationRuleSet V1 =
            AllocationRuleSet.of(List.of(AllocationUnit.root("acme", "Acme")), List.of(), List.of(), Set.of());
    private static final AllocationRuleSet V2 = AllocationRuleSet.of(
            List.of(AllocationUnit.root("acme", "Acme"), AllocationUnit.child("web", "Web", "acme")),
            List.of(),
            List.of(),
            Set.of());

    @Test
    @Tag("ALLOC-11")
    void activatedBeforeTheThird_startsThePreviousMonth() {
        // 23:59 on 2 August in UTC+8
        RuleSchedule early = RuleSchedule.activated(Instant.parse("2024-08-02T15:59:00Z"), BillingCalendar.TENCENT, V1);
        assertThat(early.firstMonth()).isEqualTo(BillingMonth.of(2024, 7));
        // 00:00 on 3 August in UTC+8
        RuleSchedule onTheThird =
                RuleSchedule.activated(Instant.parse("2024-08-02T16:00:00Z"), BillingCalendar.TENCENT, V1);
        assertThat(onTheThird.firstMonth()).isEqualTo(BillingMonth.of(2024, 8));
        assertThatThrownBy(() -> onTheThird.ruleSetFor(BillingMonth.of(2024, 7)))
                .hasMessageContaining("cost allocation starts in 2024-08")
                .hasMessageContaining("2024-07 has no allocation");
    }

    @Test
    @Tag("ALLOC-10")
    void eachMonthHasTheRuleSetInForceThen() {
        RuleSchedule s = RuleSchedule.activated(Instant.parse("2024-08-10T00:00:00Z"), BillingCalendar.TENCENT, V1)
                .withRuleSet(BillingMonth.of(2024, 11), V2);
        assertThat(s.ruleSetFor(BillingMonth.of(2024, 8))).isSameAs(V1);
        assertThat(s.ruleSetFor(BillingMonth.of(2024, 10))).isSameAs(V1);
        assertThat(s.ruleSetFor(BillingMonth.of(2024, 11))).isSameAs(V2);
        assertThat(s.ruleSetFor(BillingMonth.of(2025, 6))).isSameAs(V2);
        assertThat(s.changes().keySet()).containsExactly(BillingMonth.of(2024, 8), BillingMonth.of(2024, 11));
        assertThatThrownBy(() -> s.withRuleSet(BillingMonth.of(2024, 7), V2))
                .hasMessage("cost allocation starts in 2024-08; a rule set cannot take effect in 2024-07");
    }

    @Test
    @Tag("ALLOC-10")
    void aVersionAddedForAnEarlierMonth_governsOnlyUntilTheNextChange() {
        AllocationRuleSet v3 = AllocationRuleSet.of(
                List.of(AllocationUnit.root("acme", "Acme"), AllocationUnit.child("data", "Data", "acme")),
                List.of(),
                List.of(),
                Set.of());
        // versions for August, November, then (added last) September: the month decides, not the order of adding
        RuleSchedule s = RuleSchedule.activated(Instant.parse("2024-08-10T00:00:00Z"), BillingCalendar.TENCENT, V1)
                .withRuleSet(BillingMonth.of(2024, 11), V2)
                .withRuleSet(BillingMonth.of(2024, 9), v3);

        assertThat(s.ruleSetFor(BillingMonth.of(2024, 8))).isSameAs(V1);
        assertThat(s.ruleSetFor(BillingMonth.of(2024, 9))).isSameAs(v3);
        assertThat(s.ruleSetFor(BillingMonth.of(2024, 10))).isSameAs(v3);
        assertThat(s.ruleSetFor(BillingMonth.of(2024, 11))).isSameAs(V2);
        assertThat(s.ruleSetFor(BillingMonth.of(2025, 1))).isSameAs(V2);
        // the unit tree is versioned with its rules: data exists from September to October only
        assertThat(s.ruleSetFor(BillingMonth.of(2024, 10)).units().contains(UnitId.of("data")))
                .isTrue();
        assertThat(s.ruleSetFor(BillingMonth.of(2024, 11)).units().contains(UnitId.of("data")))
                .isFalse();
    }
}
