package io.leakwatch.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.avro.Schema;

/**
 * A registry held in memory, for tests, replay and the {@link EmbeddedSchemaRegistry}. Thread-safe.
 *
 * <p>Like Confluent, ids are global and start at 1, and schemas are told apart by their normalized JSON
 * ({@link Schema#toString()} of the parsed schema), so whitespace and field order of the JSON text do not
 * matter but docs and defaults do.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final List<Schema> schemasById = new ArrayList<>();
    /** Subject to the ids of its versions; version n is at index n - 1. */
    private final Map<String, List<Integer>> subjects = new TreeMap<>();

    @Override
    public synchronized int register(final String subject, final Schema schema) {
        final int id = idsByCanonical.computeIfAbsent(canonical(schema), key -> {
            schemasById.add(schema);
            return schemasById.size();
        });
        final List<Integer> versions = subjects.computeIfAbsent(subject, key -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized Schema getById(final int id) {
        if (id < 1 || id > schemasById.size()) {
            throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schemasById.get(id - 1);
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    @Override
    public synchronized List<Integer> versions(final String subject) {
        final int count = idsOf(subject).size();
        return IntStream.rangeClosed(1, count).boxed().toList();
    }

    @Override
    public synchronized SchemaVersion version(final String subject, final int version) {
        final List<Integer> ids = idsOf(subject);
        if (version < 1 || version > ids.size()) {
            throw new SchemaRegistryException(SchemaRegistryException.VERSION_NOT_FOUND,
                "Version " + version + " not found for subject '" + subject + "'");
        }
        final int id = ids.get(version - 1);
        return new SchemaVersion(subject, version, id, schemasById.get(id - 1));
    }

    @Override
    public synchronized SchemaVersion latest(final String subject) {
        return version(subject, idsOf(subject).size());
    }

    @Override
    public synchronized Optional<SchemaVersion> lookup(final String subject, final Schema schema) {
        final Integer id = idsByCanonical.get(canonical(schema));
        final int index = id == null ? -1 : idsOf(subject).indexOf(id);
        return index < 0 ? Optional.empty() : Optional.of(version(subject, index + 1));
    }

    /** Every subject and version that holds the schema with this id, for {@code GET /schemas/ids/{id}/versions}. */
    public synchronized List<SchemaVersion> usages(final int id) {
        final Schema schema = getById(id);
        final List<SchemaVersion> usages = new ArrayList<>();
        subjects.forEach((subject, ids) -> {
            final int index = ids.indexOf(id);
            if (index >= 0) {
                usages.add(new SchemaVersion(subject, index + 1, id, schema));
            }
        });
        return List.copyOf(usages);
    }

    private List<Integer> idsOf(final String subject) {
        final List<Integer> ids = subjects.get(subject);
        if (ids == null) {
            throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND,
                "Subject '" + subject + "' not found.");
        }
        return ids;
    }

    static String canonical(final Schema schema) {
        return schema.toString();
    }
}
