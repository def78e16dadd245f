/**
 * Not API: the Parquet engine behind {@code focus.parquet} (the file and page reader, the column tally behind
 * {@code FocusParquet.consolidate}, the raw-value rows the conformance check reads). Public only so that
 * {@code focus.parquet} and {@code focus.conformance} can use it; the module does not export it, and it may change in
 * any release.
 */
package org.cloudbilling.core.focus.parquet.internal;
