/**
 * The LeakWatch Kafka Streams application as a pure function: {@link io.leakwatch.topology.LeakWatchTopology#build}
 * wires the stages (ingest, classify, membership, cohort, alert, sender) over the topics of {@link io.leakwatch.topology.Topics}.
 * Running it, signals and HTTP live in the app module.
 */
package io.leakwatch.topology;
