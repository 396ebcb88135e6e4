/**
 * Benchmarks that print figures, never asserted: fleet study throughput, reference-model cost, telemetry ingestion
 * over HTTP, heap per resident pack entity, live query latency during what-if jobs and a plant-year of the line; run
 * with {@code java -jar bench/target/twin-bench.jar} (docs/benchmarks.md).
 *
 * <p>Outside the runtime jar; may use every module.
 */
package org.ssbtwin.bench;
