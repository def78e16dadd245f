package org.cloudbilling.allocation.backtracking;

/** Where a backtrack stands (BACK-4). */
public enum BacktrackStatus {
    /** Recomputing: readers still see every month's previous version. */
    IN_PROGRESS,
    /** Every month recomputed; the new versions take effect from the record's effective time (BACK-5). */
    COMPLETED,
    /** A month could not be recomputed: no month changed. */
    FAILED
}
