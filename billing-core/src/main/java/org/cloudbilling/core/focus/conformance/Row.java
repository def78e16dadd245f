package org.cloudbilling.core.focus.conformance;

/** One row of a dataset as the check functions see it: each column's raw value, by the column's name. */
interface Row {
    /** Whether the dataset has the column (once or more). */
    boolean has(String column);

    /** The raw value of the column in this row, null when it is null or the dataset lacks the column. */
    Object value(String column);

    /** Whether the dataset's columns carry types (Parquet) rather than text (CSV). */
    boolean typed();
}
