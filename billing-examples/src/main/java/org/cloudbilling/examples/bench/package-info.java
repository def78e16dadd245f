/**
 * The performance benchmark: a generated month ({@link org.cloudbilling.examples.bench.Workload}), the {@code
 * bench} command comparing the library's allocation with a floor pass and with DuckDB SQL, and the JMH
 * benchmarks of the hot paths. See docs/performance.md.
 */
package org.cloudbilling.examples.bench;
