package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.CAL;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.INPUTS;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.SCHEDULE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replays and retries (BACK-9): the same request (operator, submission time, months) run again after it completed
 * changes nothing; after a failure it runs and its record is replaced; the in-progress record can be stored first.
 */
@Tag("BACK-9")
class BacktrackReplayTest {
    private static final OperatorUin ALICE = OperatorUin.of("100000000042");
    private static final BillingMonth NOV = BillingMonth.of(2024, 11);
    private static final BillingMonth DEC = BillingMonth.of(2024, 12);
    /** 10:00 on 10 January 2025 in UTC+8. */
    private static final Instant JAN_10 = Instant.parse("2025-01-10T02:00:00Z");

    /** November and December each have one version from their regular run: the example's regular runs. */
    private static BacktrackPlan plan() {
        return Backtracking.plan(new BacktrackRequest(ALICE, JAN_10, NOV, DEC), SCHEDULE, CAL);
    }

    private static final MonthInputs FAILING_IN_DECEMBER =
            BacktrackExample.failingIn(DEC, "December's bill file is unreadable");

    private static BacktrackOutcome run(AllocationHistory history, MonthInputs inputs, String at) {
        return Backtracking.run(plan(), history, inputs, CAL, BacktrackExample.at(at), BacktrackListener.NONE);
    }

    @Test
    void run_replayOfACompletedRequest_addsNoVersion_andChangesNothing() {
        BacktrackOutcome first = run(BacktrackExample.regularRuns(), INPUTS, "2025-01-10T03:00:00Z");
        List<String> heard = new ArrayList<>();
        BacktrackOutcome again = Backtracking.run(
                plan(),
                first.history(),
                INPUTS,
                CAL,
                BacktrackExample.at("2025-01-10T04:00:00Z"),
                new BacktrackListener() {
                    @Override
                    public void started(BacktrackRecord record) {
                        heard.add("started");
                    }

                    @Override
                    public void monthStarted(BillingMonth month, int index, int count) {
                        heard.add("month " + month);
                    }

                    @Override
                    public void finished(BacktrackRecord record) {
                        heard.add("finished " + record.status());
                    }
                });

        // one regular version and one from the backtrack, each month; a replay adds none
        assertThat(first.history().versions(NOV)).hasSize(2);
        assertThat(again.history().versions(NOV)).hasSize(2);
        assertThat(again.history().versions(DEC)).hasSize(2);
        assertThat(again.history()).isEqualTo(first.history());
        assertThat(again.record()).isEqualTo(first.record());
        assertThat(again.record().completedAt()).contains(Instant.parse("2025-01-10T03:00:00Z"));
        assertThat(heard).as("nothing is computed").containsExactly("finished COMPLETED");
    }

    @Test
    void run_replayWhoseInputsNowFail_keepsTheCompletedRecordAndItsVersions() {
        BacktrackOutcome first = run(BacktrackExample.regularRuns(), INPUTS, "2025-01-10T03:00:00Z");
        BacktrackOutcome again = run(first.history(), FAILING_IN_DECEMBER, "2025-01-11T03:00:00Z");

        assertThat(again.record().status()).isEqualTo(BacktrackStatus.COMPLETED);
        assertThat(again.history().record(first.record().id())).contains(first.record());
        assertThat(again.history()).isEqualTo(first.history());
        // the version in force from 11 January points at a completed record
        MonthVersion inForce = again.history()
                .inForce(NOV, Instant.parse("2025-01-12T00:00:00Z"))
                .orElseThrow();
        assertThat(inForce.number()).isEqualTo(2);
        assertThat(again.history().record(inForce.backtrack().orElseThrow()))
                .map(BacktrackRecord::status)
                .contains(BacktrackStatus.COMPLETED);
    }

    @Test
    void run_retryAfterAFailure_replacesTheFailedRecord_andAddsEachVersionOnce() {
        AllocationHistory regular = BacktrackExample.regularRuns();
        BacktrackOutcome failed = run(regular, FAILING_IN_DECEMBER, "2025-01-10T03:00:00Z");
        assertThat(failed.record().status()).isEqualTo(BacktrackStatus.FAILED);
        assertThat(failed.history().versions()).isEqualTo(regular.versions());

        BacktrackOutcome retry = run(failed.history(), INPUTS, "2025-01-10T05:00:00Z");
        BacktrackOutcome replay = run(retry.history(), INPUTS, "2025-01-10T06:00:00Z");

        assertThat(retry.record().status()).isEqualTo(BacktrackStatus.COMPLETED);
        assertThat(retry.record().id()).isEqualTo(failed.record().id());
        assertThat(retry.record().completedAt()).contains(Instant.parse("2025-01-10T05:00:00Z"));
        assertThat(retry.history().records()).containsExactly(retry.record());
        assertThat(retry.history().versions(NOV)).hasSize(2);
        assertThat(replay.history()).isEqualTo(retry.history());
        assertThat(replay.history().versions(DEC)).hasSize(2);
    }

    @Test
    void run_failedRetry_replacesTheFailedRecord_withoutAddingOne() {
        BacktrackOutcome failed = run(BacktrackExample.regularRuns(), FAILING_IN_DECEMBER, "2025-01-10T03:00:00Z");
        BacktrackOutcome again = run(failed.history(), FAILING_IN_DECEMBER, "2025-01-10T04:00:00Z");

        assertThat(again.history().records()).containsExactly(again.record());
        assertThat(again.record().status()).isEqualTo(BacktrackStatus.FAILED);
        assertThat(again.record().completedAt()).contains(Instant.parse("2025-01-10T04:00:00Z"));
        assertThat(again.history().versions()).isEqualTo(failed.history().versions());
    }

    @Test
    void submit_storesTheInProgressRecord_thenRunReplacesItWithTheCompletedOne() {
        AllocationHistory regular = BacktrackExample.regularRuns();

        BacktrackOutcome submitted = Backtracking.submit(plan(), regular);

        BacktrackRecord reviewing = submitted.record();
        assertThat(reviewing.status()).isEqualTo(BacktrackStatus.IN_PROGRESS);
        assertThat(reviewing.operator()).isEqualTo(ALICE);
        assertThat(reviewing.submittedAt()).isEqualTo(JAN_10);
        assertThat(reviewing.months()).containsExactly(NOV, DEC);
        assertThat(reviewing.ruleVersion())
                .isEqualTo(RuleVersion.of(BacktrackExample.V2).id());
        assertThat(reviewing.completedAt()).isEmpty();
        assertThat(submitted.isCompleted()).isFalse();
        assertThat(submitted.history().records()).containsExactly(reviewing);
        assertThat(submitted.history().versions()).isEqualTo(regular.versions());
        // what the host stores reads back with the record in progress
        AllocationHistory stored = HistoryJson.read(HistoryJson.write(submitted.history()));
        assertThat(stored).isEqualTo(submitted.history());

        BacktrackOutcome done = run(stored, INPUTS, "2025-01-10T03:00:00Z");

        assertThat(done.record().id()).isEqualTo(reviewing.id());
        assertThat(done.history().records()).containsExactly(done.record());
        assertThat(done.record().status()).isEqualTo(BacktrackStatus.COMPLETED);
        assertThat(done.history().versions(NOV)).hasSize(2);
        // submitting again after completion changes nothing
        BacktrackOutcome resubmitted = Backtracking.submit(plan(), done.history());
        assertThat(resubmitted.history()).isEqualTo(done.history());
        assertThat(resubmitted.record()).isEqualTo(done.record());
        assertThat(Backtracking.submit(plan(), submitted.history()).history()).isEqualTo(submitted.history());
    }

    @Test
    void submit_afterAFailure_recordsTheRetryInProgress() {
        BacktrackOutcome failed = run(BacktrackExample.regularRuns(), FAILING_IN_DECEMBER, "2025-01-10T03:00:00Z");

        BacktrackOutcome retry = Backtracking.submit(plan(), failed.history());

        assertThat(retry.record().status()).isEqualTo(BacktrackStatus.IN_PROGRESS);
        assertThat(retry.record().failure()).isEmpty();
        assertThat(retry.history().records()).containsExactly(retry.record());
    }

    @Test
    void run_replayWithAPlanOfOtherRules_isRefused_andTheRecordStays() {
        BacktrackOutcome first = run(BacktrackExample.regularRuns(), INPUTS, "2025-01-10T03:00:00Z");
        // the same request, planned from a schedule where January's rules are V1
        RuleSchedule v1Only = RuleSchedule.activated(Instant.parse("2024-08-10T02:00:00Z"), CAL, BacktrackExample.V1);
        BacktrackPlan other = Backtracking.plan(new BacktrackRequest(ALICE, JAN_10, NOV, DEC), v1Only, CAL);

        assertThatThrownBy(() -> Backtracking.run(
                        other,
                        first.history(),
                        INPUTS,
                        CAL,
                        BacktrackExample.at("2025-01-10T04:00:00Z"),
                        BacktrackListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backtrack " + first.record().id() + " was completed with rule version "
                        + RuleVersion.of(BacktrackExample.V2).id() + ", but this plan has "
                        + RuleVersion.of(BacktrackExample.V1).id()
                        + ": a completed backtrack is never rewritten; submit a new request");
    }

    @Test
    void refreshTags_replayOfACompletedRequest_addsNoVersion() {
        BacktrackRequest request = BacktrackRequest.of(ALICE, JAN_10, NOV);
        AllocationHistory regular = BacktrackExample.regularRuns();
        BacktrackOutcome first = Backtracking.refreshTags(
                request,
                SCHEDULE,
                regular,
                INPUTS,
                CAL,
                BacktrackExample.at("2025-01-10T03:00:00Z"),
                BacktrackListener.NONE);
        BacktrackOutcome again = Backtracking.refreshTags(
                request,
                SCHEDULE,
                first.history(),
                FAILING_IN_DECEMBER,
                CAL,
                BacktrackExample.at("2025-01-10T04:00:00Z"),
                BacktrackListener.NONE);

        assertThat(first.history().versions(NOV)).hasSize(2);
        assertThat(again.history()).isEqualTo(first.history());
        assertThat(again.record()).isEqualTo(first.record());

        BacktrackOutcome submitted = Backtracking.submitTagRefresh(request, SCHEDULE, regular, CAL);
        assertThat(submitted.record().status()).isEqualTo(BacktrackStatus.IN_PROGRESS);
        assertThat(submitted.record().id()).isEqualTo(first.record().id());
        BacktrackOutcome done = Backtracking.refreshTags(
                request,
                SCHEDULE,
                submitted.history(),
                INPUTS,
                CAL,
                BacktrackExample.at("2025-01-10T03:00:00Z"),
                BacktrackListener.NONE);
        assertThat(done.history()).isEqualTo(first.history());
    }

    @Test
    void withRecord_aCompletedRecord_isNeverRewritten() {
        BacktrackOutcome first = run(BacktrackExample.regularRuns(), INPUTS, "2025-01-10T03:00:00Z");
        BacktrackRecord failed = first.record().failed(Instant.parse("2025-01-11T00:00:00Z"), "unreadable");

        assertThatThrownBy(() -> first.history().withRecord(failed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record " + first.record().id()
                        + " is completed: a completed record is never rewritten (BACK-9)");
    }

    @Test
    void history_aVersionFromARecordThatIsNotCompleted_isRefused() {
        BacktrackOutcome first = run(BacktrackExample.regularRuns(), INPUTS, "2025-01-10T03:00:00Z");
        List<MonthVersion> versions = first.history().versions();
        BacktrackRecord failed = first.record().failed(Instant.parse("2025-01-11T00:00:00Z"), "unreadable");
        // the versions in order: 2024-08#1 .. 2024-11#1, 2024-11#2 (from the backtrack) at index 4
        assertThatThrownBy(() -> new AllocationHistory(versions, List.of(failed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("versions[4].backtrack: names " + failed.id() + ", which is FAILED (records[0]): a"
                        + " version comes from a completed backtrack");
        assertThatThrownBy(() -> new AllocationHistory(versions, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("versions[4].backtrack: names " + failed.id() + ", which is not a record of this"
                        + " history: a version comes from a completed backtrack");
        assertThatThrownBy(() -> new AllocationHistory(versions, List.of(first.record(), first.record())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "records[1].id: repeats the id of records[0], " + failed.id() + ": a request has one record");
        assertThat(new AllocationHistory(versions, List.of(first.record()))).isEqualTo(first.history());
        assertThat(new AllocationHistory(
                        versions.stream().filter(v -> v.backtrack().isEmpty()).toList(), List.of(failed)))
                .extracting(h -> h.records().size())
                .isEqualTo(1);
        assertThat(versions.get(4).backtrack()).isEqualTo(Optional.of(failed.id()));
    }
}
