/**
 * The first stage: decode raw {@code sms.events} records, validate them, send what cannot be read to the
 * dead-letter topic with its reason, and replace the recipient's number by a keyed pseudonym.
 */
package io.leakwatch.topology.ingest;
