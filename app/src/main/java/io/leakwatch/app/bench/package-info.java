/**
 * The broker-backed benchmark of {@code ./leakwatch bench} and the pieces the end-to-end harness in
 * {@code benchmarks} shares with it: simulated input serialised once, progress read from the broker, timed runs,
 * heap sampling and the machine a number was measured on.
 */
package io.leakwatch.app.bench;
