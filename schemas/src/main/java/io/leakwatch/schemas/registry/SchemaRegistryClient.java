package io.leakwatch.schemas.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * What the serdes and the embedded registry need from a schema registry; a subset of Confluent's API.
 * Implementations are thread-safe. Failures are {@link SchemaRegistryException}s.
 */
public interface SchemaRegistryClient {

    /**
     * Registers a schema under a subject, or finds it there already.
     *
     * @return the global id of the schema; the same schema always gets the same id, under any subject
     */
    int register(String subject, Schema schema);

    /** The schema with this global id; throws with {@link SchemaRegistryException#SCHEMA_NOT_FOUND} if none. */
    Schema getById(int id);

    /** Every subject, sorted. */
    List<String> subjects();

    /** The versions of a subject, ascending; throws with {@link SchemaRegistryException#SUBJECT_NOT_FOUND} if none. */
    List<Integer> versions(String subject);

    /** One version of a subject. */
    SchemaVersion version(String subject, int version);

    /** The newest version of a subject. */
    SchemaVersion latest(String subject);

    /** The version of a subject that holds this schema, if it is registered there. */
    Optional<SchemaVersion> lookup(String subject, Schema schema);
}
