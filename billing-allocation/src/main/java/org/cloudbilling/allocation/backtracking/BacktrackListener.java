package org.cloudbilling.allocation.backtracking;

import org.cloudbilling.core.time.BillingMonth;

/** Hears a backtrack's progress; a month can take seconds at real scale. Every method does nothing by default. */
public interface BacktrackListener {
    /** A listener that ignores everything. */
    BacktrackListener NONE = new BacktrackListener() {};

    /** The backtrack started: {@code record} is in progress. */
    default void started(BacktrackRecord record) {}

    /** Month {@code index} (from 1) of {@code count} is being recomputed. */
    default void monthStarted(BillingMonth month, int index, int count) {}

    /** Month {@code month} is recomputed (not yet in force). */
    default void monthDone(BillingMonth month) {}

    /**
     * The backtrack ended: {@code record} is completed or failed. A replay of a completed request (BACK-9) is heard
     * only here, with the record as it was.
     */
    default void finished(BacktrackRecord record) {}
}
