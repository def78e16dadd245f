package org.cloudbilling.core.daily;

/** Whether a month's figures may still change with the day's data (RES-9, DAILY-3). */
public enum MonthStatus {
    /** Before the month's issue time: each batch gives a new provisional version. */
    PROVISIONAL,
    /** From the issue time on: only backtracking or a recorded adjustment changes the month. */
    FINAL
}
