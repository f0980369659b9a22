/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) that the demo and
 * the end-to-end tests start inside the JVM, so that LeakWatch runs on a laptop with nothing
 * installed. Production deployments point at an external cluster and never use this package.
 */
package io.leakwatch.app.broker;
