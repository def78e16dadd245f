/**
 * FOCUS 1.0 datasets read from Parquet (FOCUS-10): {@link org.cloudbilling.core.focus.parquet.FocusParquet}. Needs
 * the optional dependencies {@code parquet-column}, {@code parquet-format-structures} and {@code aircompressor}
 * on the class path; no Hadoop (docs/decisions/0008-parquet-reading.md).
 */
package org.cloudbilling.core.focus.parquet;
