package io.leakwatch.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for one generated record class in Confluent wire format; make one with {@link AvroSerdes}.
 * Both halves are thread-safe and {@code null} maps to {@code null} both ways, so tombstones pass through.
 * Configuration comes from the constructor, so {@link #configure} has nothing to do.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;

    AvroSerde(final Class<T> type, final Serializer<T> serializer, final Deserializer<T> deserializer) {
        this.type = type;
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public String toString() {
        return "AvroSerde[" + type.getName() + "]";
    }
}
