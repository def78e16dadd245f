/**
 * FOCUS datasets as Parquet (FOCUS-10): read with {@link org.cloudbilling.core.focus.parquet.FocusParquet}, written with
 * {@link org.cloudbilling.core.focus.parquet.FocusParquetWriter}. Needs the optional dependencies
 * {@code parquet-column}, {@code parquet-format-structures} and {@code aircompressor} on the class path; no Hadoop
 * (docs/decisions/0008-parquet-reading.md).
 */
package org.cloudbilling.core.focus.parquet;
