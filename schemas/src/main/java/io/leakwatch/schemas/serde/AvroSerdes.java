package io.leakwatch.schemas.serde;

import io.leakwatch.schemas.registry.SchemaRegistryClient;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Makes wire-format serdes for generated records, all sharing one registry client. Subjects follow Confluent's
 * TopicNameStrategy: {@code <topic>-value} for values and {@code <topic>-key} for keys.
 *
 * <pre>{@code
 * AvroSerdes serdes = new AvroSerdes(new HttpSchemaRegistryClient("http://localhost:8081"));
 * Serde<SmsEvent> events = serdes.value(SmsEvent.class);
 * }</pre>
 */
public final class AvroSerdes {

    private final SchemaRegistryClient registry;

    public AvroSerdes(final SchemaRegistryClient registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    /** Serde for record values; the writer schema goes under {@code <topic>-value}. */
    public <T extends SpecificRecord> AvroSerde<T> value(final Class<T> type) {
        return serde(type, SubjectNaming.VALUE);
    }

    /** Serde for record keys; the writer schema goes under {@code <topic>-key}. */
    public <T extends SpecificRecord> AvroSerde<T> key(final Class<T> type) {
        return serde(type, SubjectNaming.KEY);
    }

    private <T extends SpecificRecord> AvroSerde<T> serde(final Class<T> type, final SubjectNaming naming) {
        final Schema schema = SpecificData.get().getSchema(type);
        return new AvroSerde<>(type, new AvroSerializer<>(registry, naming, schema), new AvroDeserializer<>(registry, schema));
    }
}
