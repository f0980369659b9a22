package io.leakwatch.app.run;

import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.registry.SchemaRegistryException;
import io.leakwatch.topology.PipelineListener;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Kafka Streams' exception handlers send a record they cannot process: to {@code sms.dlq} as a
 * {@link DeadLetter} with where it came from (topic, partition, offset, record time) and why (the stage and the
 * exception's class: never its message, which may quote the record), then on to the next record. When the
 * dead-letter topic cannot be written either, the record is skipped and counted
 * ({@code leakwatch_dropped_records_total{reason}}): a handler never fails the thread, so no record is read again and
 * again. The exception is a registry that could not be reached (a transient {@link SchemaRegistryException}, after the
 * client's retries): the record is not at fault, so the three handlers answer {@code FAIL},
 * the stream thread is replaced and, its transaction aborted, reads the record again.
 *
 * <p>The three handlers are named in the Streams configuration ({@link #configure}) and find this router in it under
 * {@link #CONFIG_KEY}. The dead-letter producer is its own, outside the Streams transaction: a record dead-lettered
 * just before a crash can be dead-lettered twice (at least once, like any record of {@code sms.dlq}).
 */
public final class DeadLetterRouter implements AutoCloseable {

    /** The Streams configuration key under which the handlers find this router (an object, not a string). */
    public static final String CONFIG_KEY = "leakwatch.dead.letter.router";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRouter.class);
    private static final long SEND_TIMEOUT_MS = 10_000;

    /** Writes one dead letter; true when it is on the topic. */
    @FunctionalInterface
    public interface Sink extends AutoCloseable {
        boolean write(String reason, DeadLetter letter);

        @Override
        default void close() {
        }
    }

    private final Sink sink;
    private final PipelineListener listener;

    public DeadLetterRouter(Sink sink, PipelineListener listener) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A sink that writes to {@code topic} with a producer of its own (idempotent, acks=all), waiting for each write. */
    public static Sink kafka(java.util.Properties connection, String topic, Serializer<DeadLetter> serializer) {
        final java.util.Properties props = new java.util.Properties();
        props.putAll(connection);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "leakwatch-dead-letters");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT_MS);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT_MS);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT_MS / 2);
        final KafkaProducer<String, DeadLetter> producer = new KafkaProducer<>(props, new StringSerializer(), serializer);
        return new Sink() {
            @Override
            public boolean write(String reason, DeadLetter letter) {
                try {
                    producer.send(new ProducerRecord<>(topic, reason, letter)).get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (Exception e) {
                    LOG.error("cannot write a dead letter to {}: {}", topic, e.getClass().getSimpleName());
                    return false;
                }
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }

    /** Puts this router into a Streams configuration with the three handlers that use it. */
    public void configure(java.util.Properties streams) {
        streams.put(CONFIG_KEY, this);
        streams.put(org.apache.kafka.streams.StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, OnDeserialization.class);
        streams.put(org.apache.kafka.streams.StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, OnProcessing.class);
        streams.put(org.apache.kafka.streams.StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OnProduction.class);
    }

    /**
     * Dead-letters one record; returns normally whatever happens. {@code reason} is {@code kind: detail}; the kind is
     * the metric's tag.
     */
    void route(String topic, int partition, long offset, long timestamp, String reason, byte[] key, byte[] value) {
        try {
            final DeadLetter letter = DeadLetter.newBuilder()
                    .setSourceTopic(topic == null ? "unknown" : topic)
                    .setPartition(partition)
                    .setOffset(offset)
                    .setTs(timestamp)
                    .setReason(reason)
                    .setKey(key == null ? null : ByteBuffer.wrap(key))
                    .setValue(value == null ? null : ByteBuffer.wrap(value))
                    .build();
            LOG.warn("dead-lettering the record at {}-{}@{}: {}", topic, partition, offset, reason);
            if (sink.write(reason, letter)) {
                listener.deadLetter(reason);
                return;
            }
        } catch (RuntimeException e) {
            LOG.error("cannot dead-letter the record at {}-{}@{}: {}", topic, partition, offset, e.getClass().getSimpleName());
        }
        listener.recordDropped(reason);
    }

    @Override
    public void close() {
        sink.close();
    }

    private static DeadLetterRouter from(Map<String, ?> configs) {
        final Object router = configs.get(CONFIG_KEY);
        if (!(router instanceof DeadLetterRouter r)) {
            throw new IllegalStateException(CONFIG_KEY + " is not set: the handlers need the runner's DeadLetterRouter");
        }
        return r;
    }

    /** Whether the registry, not the record, is at fault somewhere in the cause chain. */
    static boolean registryDown(Throwable exception) {
        for (Throwable e = exception; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SchemaRegistryException registry && registry.isTransient()) {
                return true;
            }
        }
        return false;
    }

    private static String errorOf(Exception exception) {
        // the class only: messages of serializers and processors can quote the record's content
        return exception == null ? "unknown" : exception.getClass().getSimpleName();
    }

    /** A record whose key or value cannot be deserialized (any source topic, internal ones included). */
    public static final class OnDeserialization implements DeserializationExceptionHandler {
        private DeadLetterRouter router;

        @Override
        public void configure(Map<String, ?> configs) {
            router = from(configs);
        }

        @Override
        public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                     Exception exception) {
            if (registryDown(exception)) {
                LOG.error("schema registry unavailable reading {}-{}@{}: failing the task to read it again",
                        record.topic(), record.partition(), record.offset());
                return DeserializationHandlerResponse.FAIL;
            }
            router.route(record.topic(), record.partition(), record.offset(), record.timestamp(),
                    "deserialization-error: " + errorOf(exception), record.key(), record.value());
            return DeserializationHandlerResponse.CONTINUE;
        }
    }

    /** A processor threw on a record: the record as read from its source topic, and the processor's name. */
    public static final class OnProcessing implements ProcessingExceptionHandler {
        private DeadLetterRouter router;

        @Override
        public void configure(Map<String, ?> configs) {
            router = from(configs);
        }

        @Override
        public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            if (registryDown(exception)) {
                LOG.error("schema registry unavailable processing {}-{}@{}: failing the task to read it again",
                        context.topic(), context.partition(), context.offset());
                return ProcessingHandlerResponse.FAIL;
            }
            router.route(context.topic(), context.partition(), context.offset(), context.timestamp(),
                    "processing-error: " + context.processorNodeId() + ", " + errorOf(exception),
                    context.sourceRawKey(), context.sourceRawValue());
            return ProcessingHandlerResponse.CONTINUE;
        }
    }

    /**
     * A result could not be serialized or written (e.g. a value over the broker's record limit): the source record
     * that produced it is dead-lettered, with the topic the result was for.
     */
    public static final class OnProduction implements ProductionExceptionHandler {
        private DeadLetterRouter router;

        @Override
        public void configure(Map<String, ?> configs) {
            router = from(configs);
        }

        @Override
        public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                         Exception exception) {
            router.route(context.topic(), context.partition(), context.offset(), context.timestamp(),
                    "production-error: " + record.topic() + ", " + errorOf(exception), context.sourceRawKey(), context.sourceRawValue());
            return ProductionExceptionHandlerResponse.CONTINUE;
        }

        @Override
        public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context, ProducerRecord record,
                                                                               Exception exception, SerializationExceptionOrigin origin) {
            if (registryDown(exception)) {
                LOG.error("schema registry unavailable writing to {}: failing the task to process the record again", record.topic());
                return ProductionExceptionHandlerResponse.FAIL;
            }
            router.route(context.topic(), context.partition(), context.offset(), context.timestamp(),
                    "serialization-error: " + record.topic() + " " + origin.name().toLowerCase(java.util.Locale.ROOT) + ", "
                            + errorOf(exception), context.sourceRawKey(), context.sourceRawValue());
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
    }
}
