package io.leakwatch.schemas.serde;

import io.leakwatch.schemas.registry.SchemaRegistryClient;
import io.leakwatch.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads wire-format records into one generated class, resolving each writer's schema (fetched by id, then
 * cached) against the class's schema, so records written before a field was added read with its default.
 * Thread-safe: Kafka Streams shares one instance between stream threads.
 *
 * <p>Every way the bytes can be wrong ends in a {@link WireFormatException}. A registry that cannot be reached
 * is not the record's fault, so that surfaces as the {@link SchemaRegistryException} it is, and the caller
 * decides whether to retry or stop rather than dead-letter good records.
 */
final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    /** What to read records of one writer schema with, or why they cannot be read. */
    private sealed interface WriterPlan {
    }

    private record Readable<T>(SpecificDatumReader<T> reader, boolean boundItems) implements WriterPlan {
    }

    private record Incompatible(String detail) implements WriterPlan {
    }

    private final SchemaRegistryClient registry;
    private final Schema readerSchema;
    private final Map<Integer, WriterPlan> plansBySchemaId = new ConcurrentHashMap<>();

    AvroDeserializer(final SchemaRegistryClient registry, final Schema readerSchema) {
        this.registry = registry;
        this.readerSchema = readerSchema;
    }

    @Override
    public T deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        final int schemaId = WireFormat.schemaId(data);
        return switch (planFor(schemaId)) {
            case Readable<?> readable -> decode(cast(readable), schemaId, data);
            case Incompatible incompatible -> throw new WireFormatException(WireFormatException.Reason.INCOMPATIBLE_SCHEMA,
                "schema id " + schemaId + " cannot be read as " + readerSchema.getFullName() + ": " + incompatible.detail());
        };
    }

    private T decode(final Readable<T> plan, final int schemaId, final byte[] data) {
        final int bodyLength = data.length - WireFormat.HEADER_LENGTH;
        final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH, bodyLength, DECODER.get());
        DECODER.set(decoder);
        final T record;
        try {
            record = plan.reader().read(null, new BoundedDecoder(decoder, bodyLength, plan.boundItems()));
            if (!decoder.isEnd()) {
                throw new IOException("bytes left over after the record: the body does not match its schema");
            }
        } catch (final IOException | RuntimeException e) {
            // Garbage throws whatever Avro trips over first: EOFException, AvroRuntimeException,
            // ArrayIndexOutOfBoundsException for an enum or union index, and so on.
            throw new WireFormatException(WireFormatException.Reason.AVRO_DECODE_FAILED,
                "cannot decode " + bodyLength + " bytes with schema id " + schemaId + " as " + readerSchema.getFullName()
                    + ": " + e, e);
        }
        return record;
    }

    private WriterPlan planFor(final int schemaId) {
        final WriterPlan cached = plansBySchemaId.get(schemaId);
        if (cached != null) {
            return cached;
        }
        final Schema writerSchema;
        try {
            writerSchema = registry.getById(schemaId);
        } catch (final SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new WireFormatException(WireFormatException.Reason.UNKNOWN_SCHEMA_ID,
                    "schema id " + schemaId + " is not in the registry", e);
            }
            throw e;
        }
        final WriterPlan plan = plan(writerSchema);
        final WriterPlan raced = plansBySchemaId.putIfAbsent(schemaId, plan);
        return raced == null ? plan : raced;
    }

    private WriterPlan plan(final Schema writerSchema) {
        final SchemaCompatibility.SchemaPairCompatibility compatibility =
            SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return new Incompatible(compatibility.getResult().getIncompatibilities().toString());
        }
        return new Readable<T>(new SpecificDatumReader<>(writerSchema, readerSchema), BoundedDecoder.itemsTakeBytes(writerSchema));
    }

    @SuppressWarnings("unchecked")
    private Readable<T> cast(final Readable<?> readable) {
        return (Readable<T>) readable;
    }
}
