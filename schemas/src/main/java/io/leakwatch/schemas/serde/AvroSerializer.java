package io.leakwatch.schemas.serde;

import io.leakwatch.schemas.registry.SchemaRegistryClient;
import io.leakwatch.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes records of one generated class in wire format, registering the class's schema under the topic's
 * subject the first time each topic is seen. Thread-safe: Kafka Streams shares one instance between stream
 * threads.
 */
final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    /** Encoders are reused per thread; re-pointing one at a new stream is what Avro's reuse parameter is for. */
    private static final ThreadLocal<BinaryEncoder> ENCODER = new ThreadLocal<>();

    private final SchemaRegistryClient registry;
    private final SubjectNaming naming;
    private final Schema schema;
    private final SpecificDatumWriter<T> writer;
    private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();

    AvroSerializer(final SchemaRegistryClient registry, final SubjectNaming naming, final Schema schema) {
        this.registry = registry;
        this.naming = naming;
        this.schema = schema;
        this.writer = new SpecificDatumWriter<>(schema);
    }

    @Override
    public byte[] serialize(final String topic, final T record) {
        if (record == null) {
            return null;
        }
        final int id = idsByTopic.computeIfAbsent(topic, this::register);
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODER.get());
        ENCODER.set(encoder);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (final IOException | RuntimeException e) {
            throw new SerializationException("Cannot write " + schema.getFullName() + " to topic " + topic + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private int register(final String topic) {
        final String subject = naming.subject(topic);
        try {
            return registry.register(subject, schema);
        } catch (final SchemaRegistryException e) {
            throw new SerializationException("Cannot register " + schema.getFullName() + " under subject " + subject + ": " + e.getMessage(), e);
        }
    }
}
