/**
 * Throughput measurements: JMH micro-benchmarks of single steps ({@link io.leakwatch.benchmarks.ClassifierBenchmark})
 * and the end-to-end harness ({@link io.leakwatch.benchmarks.EndToEndHarness}), which runs the whole pipeline and a
 * pass-through topology on the same in-process broker and reports their ratio. Results live in
 * {@code benchmarks/README.md}.
 */
package io.leakwatch.benchmarks;
