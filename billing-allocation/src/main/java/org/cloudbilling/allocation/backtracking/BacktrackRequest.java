package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.time.BillingMonth;

/**
 * A request to recompute the months {@code from} through {@code to} with the rules in force at submission.
 *
 * @param operator who asks (BACK-4)
 * @param submittedAt when, from the caller's clock
 * @param from the first month
 * @param to the last month, inclusive; equal to {@code from} for one month
 */
public record BacktrackRequest(OperatorUin operator, Instant submittedAt, BillingMonth from, BillingMonth to) {
    /** Checks that no component is null. */
    public BacktrackRequest {
        requireNonNull(operator, "operator");
        requireNonNull(submittedAt, "submittedAt");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
    }

    /** Returns a request for one month. */
    public static BacktrackRequest of(OperatorUin operator, Instant submittedAt, BillingMonth month) {
        return new BacktrackRequest(operator, submittedAt, month, month);
    }
}
