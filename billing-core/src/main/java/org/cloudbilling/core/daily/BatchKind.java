package org.cloudbilling.core.daily;

/** What a batch is: the day's data, or an adjustment recorded as such after the month is final (DAILY-3). */
public enum BatchKind {
    /** A day's charges: accepted only while the month is provisional, before its issue time (RES-9). */
    DAILY,
    /** A recorded adjustment: accepted at any time, and the only batch that changes a final month. */
    ADJUSTMENT
}
