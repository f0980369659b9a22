/** Running the topology against a real cluster: the KafkaStreams lifecycle, its metrics, and the alert feed. */
package io.leakwatch.app.run;
