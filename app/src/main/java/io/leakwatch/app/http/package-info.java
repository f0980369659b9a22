/**
 * The HTTP face of a running LeakWatch instance: a small route table on the JDK's built-in server
 * ({@link HttpApi}), Server-Sent Events for pushing alerts ({@link EventStream}) and the Prometheus
 * endpoint ({@link Metrics}); bearer tokens and their roles ({@link Access}, {@link Role}) and the server's limits
 * ({@link HttpSettings}). What is served (alerts, queries) is registered by the runner, each route with the roles
 * it admits.
 */
package io.leakwatch.app.http;
