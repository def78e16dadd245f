package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.CAL;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.INPUTS;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.SCHEDULE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class BacktrackingTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final OperatorUin ALICE = OperatorUin.of("100000000042");
    private static final BillingMonth AUG = BillingMonth.of(2024, 8);
    private static final BillingMonth OCT = BillingMonth.of(2024, 10);
    private static final BillingMonth DEC = BillingMonth.of(2024, 12);
    /** 10:00 on 10 January 2025 in UTC+8. */
    private static final Instant JAN_10 = Instant.parse("2025-01-10T02:00:00Z");

    private static BacktrackPlan planAugToDec() {
        return Backtracking.plan(new BacktrackRequest(ALICE, JAN_10, AUG, DEC), SCHEDULE, CAL);
    }

    @Test
    @Tag("BACK-1")
    @Tag("BACK-2")
    @Tag("BACK-3")
    void plan_augToDec_inJanuary_usesJanuarysRules() {
        BacktrackPlan plan = planAugToDec();
        assertThat(plan.months()).hasSize(5).first().isEqualTo(AUG);
        assertThat(plan.ruleMonth()).isEqualTo(BillingMonth.of(2025, 1));
        assertThat(plan.ruleVersion()).isEqualTo(RuleVersion.of(BacktrackExample.V2));
    }

    @Test
    @Tag("BACK-4")
    @Tag("BACK-5")
    @Tag("BACK-8")
    void workedExample_octoberChanges_novemberAndDecemberDoNot() {
        AllocationHistory before = BacktrackExample.regularRuns();
        List<String> progress = new ArrayList<>();
        BacktrackOutcome done = Backtracking.run(
                planAugToDec(),
                before,
                INPUTS,
                CAL,
                BacktrackExample.at("2025-01-10T03:00:00Z"),
                new BacktrackListener() {
                    @Override
                    public void monthStarted(BillingMonth month, int index, int count) {
                        progress.add(index + "/" + count + " " + month);
                    }
                });
        assertThat(progress).containsExactly("1/5 2024-08", "2/5 2024-09", "3/5 2024-10", "4/5 2024-11", "5/5 2024-12");

        BacktrackRecord record = done.record();
        assertThat(record.status()).isEqualTo(BacktrackStatus.COMPLETED);
        assertThat(record.operator()).isEqualTo(ALICE);
        assertThat(record.submittedAt()).isEqualTo(JAN_10);
        assertThat(record.ruleMonth()).isEqualTo(BillingMonth.of(2025, 1));
        assertThat(record.ruleVersion())
                .isEqualTo(RuleVersion.of(BacktrackExample.V2).id());
        // completed at 11:00 on 10 January UTC+8: in force from 00:00 on 11 January UTC+8 (T+1)
        assertThat(record.effectiveFrom()).contains(Instant.parse("2025-01-10T16:00:00Z"));

        AllocationHistory after = done.history();
        assertThat(after.versions(OCT)).hasSize(2);
        MonthVersion oct1 = after.version(OCT, 1);
        MonthVersion oct2 = after.version(OCT, 2);
        assertThat(after.inForce(OCT, Instant.parse("2025-01-10T15:59:59Z"))).contains(oct1);
        assertThat(after.inForce(OCT, Instant.parse("2025-01-10T16:00:00Z"))).contains(oct2);

        VersionDiff diff = VersionDiff.between(oct1, oct2, CNY);
        assertThat(diff.units())
                .extracting(u -> u.unit().map(Object::toString).orElse("Unallocated") + " "
                        + u.before().amount() + " -> " + u.after().amount() + " ("
                        + u.change().amount() + ")")
                .containsExactly(
                        "Unallocated 25.00 -> 0 (-25.00)",
                        "data 40.00 -> 145.00 (105.00)",
                        "web 180.00 -> 100.00 (-80.00)");
        assertThat(diff.lines())
                .extracting(l -> l.kind() + " " + l.item() + " "
                        + l.unit().map(Object::toString).orElse("-") + " "
                        + l.change().amount())
                .containsExactly(
                        "REMOVED 2024-10-cdn - -25.00",
                        "ADDED 2024-10-cdn data 25.00",
                        "ADDED 2024-10-cvm-data data 80.00",
                        "REMOVED 2024-10-cvm-data web -80.00");
        assertThat(diff.totalChange()).isEqualTo(Money.zero(CNY));

        for (BillingMonth m : List.of(BillingMonth.of(2024, 11), DEC)) {
            assertThat(after.version(m, 2).sameContentAs(after.version(m, 1)))
                    .as("%s was computed with the same rules", m)
                    .isTrue();
        }
        assertThat(before.versions())
                .allSatisfy(v -> assertThat(after.versions()).contains(v));
    }

    @Test
    @Tag("BACK-1")
    void twelveMonths_areAccepted_thirteenAreNot() {
        Instant later = Instant.parse("2025-09-10T02:00:00Z");
        assertThat(Backtracking.plan(new BacktrackRequest(ALICE, later, AUG, BillingMonth.of(2025, 7)), SCHEDULE, CAL)
                        .months())
                .hasSize(12);
        assertThatThrownBy(() -> Backtracking.plan(
                        new BacktrackRequest(ALICE, later, AUG, BillingMonth.of(2025, 8)), SCHEDULE, CAL))
                .hasMessage("a backtrack covers 1 to 12 months; 2024-08..2025-08 is 13 months");
        assertThatThrownBy(() -> Backtracking.plan(new BacktrackRequest(ALICE, later, OCT, AUG), SCHEDULE, CAL))
                .hasMessage("the range 2024-10..2024-08 ends before it starts: a backtrack covers 1 to 12 months");
    }

    @Test
    @Tag("BACK-1")
    void futureMonths_andMonthsBeforeActivation_areRefused() {
        // 23:59 on 30 November in UTC+8: December has not begun
        Instant nov30 = Instant.parse("2024-11-30T15:59:00Z");
        assertThatThrownBy(() -> Backtracking.plan(BacktrackRequest.of(ALICE, nov30, DEC), SCHEDULE, CAL))
                .hasMessage("month 2024-12 is in the future: the request was submitted at 2024-11-30T15:59:00Z, in"
                        + " 2024-11");
        // one minute later it is 1 December in UTC+8
        assertThat(Backtracking.plan(BacktrackRequest.of(ALICE, nov30.plusSeconds(60), DEC), SCHEDULE, CAL)
                        .months())
                .containsExactly(DEC);
        assertThatThrownBy(() ->
                        Backtracking.plan(BacktrackRequest.of(ALICE, JAN_10, BillingMonth.of(2024, 7)), SCHEDULE, CAL))
                .hasMessageStartingWith("month 2024-07 is before cost allocation starts in 2024-08");
    }

    @Test
    @Tag("BACK-2")
    void ruleMonth_followsTheCutOff_onTheSecondAndThird() {
        BillingMonth oct = OCT;
        // 23:59 on 2 December UTC+8: November's rules (V2); 00:00 on 3 December: December's rules (also V2)
        assertThat(Backtracking.plan(
                                BacktrackRequest.of(ALICE, Instant.parse("2024-12-02T15:59:00Z"), oct), SCHEDULE, CAL)
                        .ruleMonth())
                .isEqualTo(BillingMonth.of(2024, 11));
        assertThat(Backtracking.plan(
                                BacktrackRequest.of(ALICE, Instant.parse("2024-12-02T16:00:00Z"), oct), SCHEDULE, CAL)
                        .ruleMonth())
                .isEqualTo(DEC);
        // 23:59 on 2 November UTC+8: October's rules, which are V1
        BacktrackPlan early = Backtracking.plan(
                BacktrackRequest.of(ALICE, Instant.parse("2024-11-02T15:59:00Z"), oct), SCHEDULE, CAL);
        assertThat(early.ruleMonth()).isEqualTo(oct);
        assertThat(early.ruleVersion().rules()).isEqualTo(BacktrackExample.V1);
        // 00:00 on 3 November UTC+8: November's rules, V2
        assertThat(Backtracking.plan(
                                BacktrackRequest.of(ALICE, Instant.parse("2024-11-02T16:00:00Z"), oct), SCHEDULE, CAL)
                        .ruleVersion()
                        .rules())
                .isEqualTo(BacktrackExample.V2);
    }

    @Test
    @Tag("BACK-4")
    void failureInTheMiddleMonth_leavesEveryMonthAsItWas() {
        AllocationHistory before = BacktrackExample.regularRuns();
        MonthInputs failingInOctober = BacktrackExample.failingIn(OCT, "October's bill file is unreadable");
        BacktrackOutcome failed =
                BacktrackExample.runOnJan10(planAugToDec(), before, failingInOctober, BacktrackListener.NONE);
        assertThat(failed.isCompleted()).isFalse();
        assertThat(failed.record().status()).isEqualTo(BacktrackStatus.FAILED);
        assertThat(failed.record().failure()).contains("month 2024-10: October's bill file is unreadable");
        assertThat(failed.history().versions()).isEqualTo(before.versions());
        assertThat(failed.history().records()).containsExactly(failed.record());
    }

    @Test
    void aSecondRequestWithTheSameRules_givesVersionsIdenticalInContent() {
        AllocationHistory before = BacktrackExample.regularRuns();
        BacktrackOutcome first = BacktrackExample.runOnJan10(planAugToDec(), before, INPUTS, BacktrackListener.NONE);
        // submitted a day later: another request, with the same rules (January's)
        BacktrackPlan later =
                Backtracking.plan(new BacktrackRequest(ALICE, JAN_10.plusSeconds(86_400), AUG, DEC), SCHEDULE, CAL);
        assertThat(later.ruleVersion()).isEqualTo(planAugToDec().ruleVersion());
        BacktrackOutcome second = Backtracking.run(
                later,
                first.history(),
                INPUTS,
                CAL,
                BacktrackExample.at("2025-01-11T03:00:00Z"),
                BacktrackListener.NONE);
        for (BillingMonth m = AUG; !m.isAfter(DEC); m = m.next()) {
            assertThat(second.history()
                            .version(m, 3)
                            .sameContentAs(second.history().version(m, 2)))
                    .isTrue();
        }
    }

    @Test
    @Tag("BACK-8")
    void history_roundTripsThroughJson() {
        AllocationHistory h = BacktrackExample.runOnJan10(
                        planAugToDec(), BacktrackExample.regularRuns(), INPUTS, BacktrackListener.NONE)
                .history();
        String json = HistoryJson.write(h);
        assertThat(json).contains("\"amount\" : \"80.00\"");
        assertThat(HistoryJson.read(json)).isEqualTo(h);
        assertThatThrownBy(() -> HistoryJson.read(json.replaceFirst("\"COLLECTED\"", "\"KEPT\"")))
                .hasMessageStartingWith("invalid allocation history:")
                .hasMessageContaining("KEPT");
    }

    @Test
    void monthVersion_unitTotals_addUpToTheMonth() {
        MonthVersion oct = BacktrackExample.regularRuns().version(OCT, 1);
        assertThat(oct.total(CNY)).isEqualTo(Money.of("CNY", "245.00"));
        assertThat(oct.unitTotals(CNY).values().stream()
                        .flatMap(m -> m.entrySet().stream())
                        .filter(e -> e.getKey() == AllocationType.UNALLOCATED)
                        .map(java.util.Map.Entry::getValue))
                .containsExactly(Money.of("CNY", "25.00"));
    }
}
