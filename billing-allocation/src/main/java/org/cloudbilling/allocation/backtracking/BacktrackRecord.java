package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.time.BillingMonth;

/**
 * The record of a backtrack (BACK-4, BACK-5): who asked and when, the months, the rule month and version,
 * the status, and from when its results are in force.
 *
 * @param id the record's id, made from the submission
 * @param operator who asked
 * @param submittedAt when
 * @param months the months recomputed
 * @param ruleMonth the month whose rules applied
 * @param ruleVersion the id of the rule version applied
 * @param status in progress, completed or failed
 * @param completedAt when it completed or failed
 * @param effectiveFrom from when readers see the new versions: 00:00 the day after completion (T+1)
 * @param failure why it failed
 */
public record BacktrackRecord(
        String id,
        OperatorUin operator,
        Instant submittedAt,
        List<BillingMonth> months,
        BillingMonth ruleMonth,
        String ruleVersion,
        BacktrackStatus status,
        Optional<Instant> completedAt,
        Optional<Instant> effectiveFrom,
        Optional<String> failure) {
    /** Checks that no component is null and copies the months. */
    public BacktrackRecord {
        requireNonNull(id, "id");
        requireNonNull(operator, "operator");
        requireNonNull(submittedAt, "submittedAt");
        months = List.copyOf(months);
        requireNonNull(ruleMonth, "ruleMonth");
        requireNonNull(ruleVersion, "ruleVersion");
        requireNonNull(status, "status");
        requireNonNull(completedAt, "completedAt");
        requireNonNull(effectiveFrom, "effectiveFrom");
        requireNonNull(failure, "failure");
    }

    /** Returns this record completed at {@code at}, in force from {@code effectiveFrom}. */
    BacktrackRecord completed(Instant at, Instant effectiveFrom) {
        return new BacktrackRecord(
                id,
                operator,
                submittedAt,
                months,
                ruleMonth,
                ruleVersion,
                BacktrackStatus.COMPLETED,
                Optional.of(at),
                Optional.of(effectiveFrom),
                Optional.empty());
    }

    /** Returns this record failed at {@code at} for {@code reason}. */
    BacktrackRecord failed(Instant at, String reason) {
        return new BacktrackRecord(
                id,
                operator,
                submittedAt,
                months,
                ruleMonth,
                ruleVersion,
                BacktrackStatus.FAILED,
                Optional.of(at),
                Optional.empty(),
                Optional.of(reason));
    }
}
