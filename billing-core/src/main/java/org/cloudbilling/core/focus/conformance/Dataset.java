package org.cloudbilling.core.focus.conformance;

/** A dataset read as raw rows, one at a time: what the validator reads, whatever the file format. */
interface Dataset extends AutoCloseable {
    /** The column names, as written (a name may appear more than once). */
    String[] header();

    /** The next row's raw values, one per header column (null for a null), or null at the end. */
    Object[] next();

    /** Where the last row returned is, for examples: {@code line 12} (CSV) or {@code row 12} (Parquet). */
    String where();

    /** Whether the values carry their column's type (Parquet), rather than being text (CSV). */
    boolean typed();

    /** A problem of the last row's shape (a row with more or fewer cells than the header), or null. */
    String shapeProblem();

    @Override
    void close();
}
