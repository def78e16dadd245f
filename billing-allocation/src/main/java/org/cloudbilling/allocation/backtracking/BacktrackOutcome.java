package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

/**
 * What a backtrack returns: the history after it, and its record. A failed backtrack returns the history
 * with its failed record and no new version; a replay of a completed one, the history and record as they were;
 * {@link Backtracking#submit}, the history with the record in progress.
 *
 * @param history the history after the backtrack
 * @param record the backtrack's record
 */
public record BacktrackOutcome(AllocationHistory history, BacktrackRecord record) {
    /** Checks that no component is null. */
    public BacktrackOutcome {
        requireNonNull(history, "history");
        requireNonNull(record, "record");
    }

    /** Returns whether every month was recomputed. */
    public boolean isCompleted() {
        return record.status() == BacktrackStatus.COMPLETED;
    }
}
