/**
 * Schema registry: the client interface the serdes depend on, an in-memory store for tests and replay,
 * an HTTP client for the Confluent Schema Registry REST API, and an embedded server speaking the same
 * subset of that API so Confluent's own clients can use it.
 */
package io.leakwatch.schemas.registry;
