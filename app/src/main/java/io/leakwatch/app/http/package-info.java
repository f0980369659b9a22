/**
 * The HTTP face of a running LeakWatch instance: a small route table on the JDK's built-in server
 * ({@link HttpApi}), Server-Sent Events for pushing alerts ({@link EventStream}) and the Prometheus
 * endpoint ({@link Metrics}). What is served (alerts, queries) is registered by the runner.
 */
package io.leakwatch.app.http;
