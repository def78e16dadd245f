package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.CAL;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.INPUTS;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.SCHEDULE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a backtrack tells its listener, how its record is identified and kept, and how versions are ordered. */
class BacktrackRunTest {
    private static final OperatorUin ALICE = OperatorUin.of("100000000042");
    private static final BillingMonth NOV = BillingMonth.of(2024, 11);
    private static final BillingMonth DEC = BillingMonth.of(2024, 12);
    /** 10:00 on 10 January 2025 in UTC+8. */
    private static final Instant JAN_10 = Instant.parse("2025-01-10T02:00:00Z");

    private static BacktrackPlan plan(Instant submittedAt) {
        return Backtracking.plan(new BacktrackRequest(ALICE, submittedAt, NOV, DEC), SCHEDULE, CAL);
    }

    /** Writes down every event it hears. */
    private static final class Recorder implements BacktrackListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void started(BacktrackRecord record) {
            events.add("started " + record.status());
        }

        @Override
        public void monthStarted(BillingMonth month, int index, int count) {
            events.add("month " + index + "/" + count + " " + month);
        }

        @Override
        public void monthDone(BillingMonth month) {
            events.add("done " + month);
        }

        @Override
        public void finished(BacktrackRecord record) {
            events.add("finished " + record.status());
        }
    }

    /** What the listener is told, step by step, in a run of the plan of 10 January on {@code inputs}. */
    private static List<String> eventsOfRun(MonthInputs inputs) {
        Recorder recorder = new Recorder();
        BacktrackExample.runOnJan10(plan(JAN_10), BacktrackExample.regularRuns(), inputs, recorder);
        return recorder.events;
    }

    @Test
    @Tag("BACK-4")
    void run_tellsTheListenerEachStepInOrder() {
        assertThat(eventsOfRun(INPUTS))
                .containsExactly(
                        "started IN_PROGRESS",
                        "month 1/2 2024-11",
                        "done 2024-11",
                        "month 2/2 2024-12",
                        "done 2024-12",
                        "finished COMPLETED");
    }

    @Test
    @Tag("BACK-4")
    void run_failingMonth_isTheLastEventBeforeFinishedFailed() {
        MonthInputs failingInDecember = BacktrackExample.failingIn(DEC, "unreadable");
        assertThat(eventsOfRun(failingInDecember))
                .containsExactly(
                        "started IN_PROGRESS",
                        "month 1/2 2024-11",
                        "done 2024-11",
                        "month 2/2 2024-12",
                        "finished FAILED");
    }

    @Test
    @Tag("BACK-4")
    @Tag("BACK-9")
    void run_recordIdComesFromTheRequest_theSameRequestKeepsItsRecordAndAddsNoVersion() {
        AllocationHistory regular = BacktrackExample.regularRuns();
        BacktrackOutcome first = BacktrackExample.runOnJan10(plan(JAN_10), regular, INPUTS, BacktrackListener.NONE);
        BacktrackOutcome again = Backtracking.run(
                plan(JAN_10),
                first.history(),
                INPUTS,
                CAL,
                BacktrackExample.at("2025-01-10T04:00:00Z"),
                BacktrackListener.NONE);
        BacktrackOutcome other = Backtracking.run(
                plan(JAN_10.plusSeconds(60)),
                again.history(),
                INPUTS,
                CAL,
                BacktrackExample.at("2025-01-10T05:00:00Z"),
                BacktrackListener.NONE);

        assertThat(first.record().id())
                .matches("bt-[0-9a-f]{16}")
                .isEqualTo(again.record().id());
        assertThat(other.record().id())
                .matches("bt-[0-9a-f]{16}")
                .isNotEqualTo(first.record().id());
        assertThat(again.record()).isEqualTo(first.record());
        assertThat(again.history().records()).containsExactly(first.record());
        assertThat(other.history().records()).containsExactly(first.record(), other.record());
        assertThat(other.history().record(first.record().id())).contains(first.record());
        assertThat(other.history().record("bt-0000000000000000")).isEmpty();
        // November: its regular version and one from the first request; the repeat adds none, the other request one
        assertThat(first.history().versions(NOV))
                .extracting(MonthVersion::number)
                .containsExactly(1, 2);
        assertThat(again.history().versions(NOV))
                .extracting(MonthVersion::number)
                .containsExactly(1, 2);
        assertThat(again.history()).isEqualTo(first.history());
        assertThat(other.history().versions(NOV))
                .extracting(v -> v.number() + " " + v.backtrack().orElse("regular"))
                .containsExactly(
                        "1 regular",
                        "2 " + first.record().id(),
                        "3 " + other.record().id());
    }

    @Test
    @Tag("BACK-8")
    void run_newVersionsAreKeptInMonthThenNumberOrder() {
        AllocationHistory after = BacktrackExample.runOnJan10(
                        plan(JAN_10), BacktrackExample.regularRuns(), INPUTS, BacktrackListener.NONE)
                .history();
        assertThat(after.versions())
                .extracting(v -> v.month() + "#" + v.number())
                .containsExactly(
                        "2024-08#1", "2024-09#1", "2024-10#1", "2024-11#1", "2024-11#2", "2024-12#1", "2024-12#2");
        assertThatThrownBy(() -> after.version(NOV, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("month 2024-11 has no version 3");
    }

    @Test
    @Tag("BACK-2")
    void plan_submittedBeforeTheCutOffOfTheFirstMonth_isRefused() {
        // activated at 10:00 on 10 August (UTC+8): August is the first month
        RuleSchedule schedule = RuleSchedule.activated(Instant.parse("2024-08-10T02:00:00Z"), CAL, BacktrackExample.V1);
        // 10:00 on 2 August (UTC+8), before the 3rd: the rules of July would apply
        Instant aug2 = Instant.parse("2024-08-02T02:00:00Z");
        assertThatThrownBy(() ->
                        Backtracking.plan(BacktrackRequest.of(ALICE, aug2, BillingMonth.of(2024, 8)), schedule, CAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("submitted at 2024-08-02T02:00:00Z, the rules of 2024-07 apply, but cost allocation"
                        + " starts in 2024-08");
    }
}
