/**
 * Kafka serdes for the generated Avro records in Confluent wire format (magic byte, schema id, Avro binary),
 * with subjects named by topic. Every way a record can fail to decode surfaces as a
 * {@link io.leakwatch.schemas.serde.WireFormatException} carrying a short reason for the dead-letter topic.
 */
package io.leakwatch.schemas.serde;
