/**
 * The library's allocation and consolidation run on Apache Spark, with results identical to the last decimal
 * to an in-process run.
 *
 * <p>Line items cross the Spark boundary as their canonical JSON (amounts as decimal strings), never as
 * floating-point columns. Each task compiles the rule set once per partition and calls the library's own
 * functions; Spark only moves rows and merges partial results keyed by group. See {@code docs/spark.md}.
 */
package org.cloudbilling.examples.spark;
