package io.leakwatch.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject: the unit the registry's REST API returns.
 *
 * @param subject subject name, e.g. {@code sms.events-value}
 * @param version 1-based version within the subject
 * @param id      global schema id, the one written into each record
 * @param schema  the schema itself
 */
public record SchemaVersion(String subject, int version, int id, Schema schema) {

    public SchemaVersion {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
