package io.leakwatch.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.registry.InMemorySchemaRegistryClient;
import io.leakwatch.schemas.registry.SchemaRegistryClient;
import io.leakwatch.schemas.registry.SchemaRegistryException;
import io.leakwatch.schemas.registry.SchemaVersion;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.LeakWatchTopology;
import io.leakwatch.topology.PipelineListener;
import io.leakwatch.topology.Topics;
import io.leakwatch.topology.state.StateStores;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * Kafka Streams' exception handlers as {@link StreamsRunner} configures them: a record that fails is dead-lettered
 * with where it came from and the exception's class, and processing goes on; when the dead-letter topic cannot be
 * written it is skipped and counted.
 */
class DeadLetterRouterTest {

    private static final long T0 = 1_793_500_000_000L;
    private static final String SECRET_TEXT = "您的验证码是483920";

    private final List<DeadLetter> letters = new ArrayList<>();
    private final AtomicBoolean sinkUp = new AtomicBoolean(true);
    private final Counting listener = new Counting();
    private final DeadLetterRouter router = new DeadLetterRouter((reason, letter) -> {
        if (!sinkUp.get()) {
            return false;
        }
        letters.add(letter);
        return true;
    }, listener);

    @Test
    void shouldDeadLetterUndecodableRecordsOnAnyInputTopicAndKeepProcessing() {
        final AvroSerdes serdes = new AvroSerdes(new InMemorySchemaRegistryClient());
        final Topics topics = new Topics(serdes);
        final LeakWatchConfig config = LeakWatchConfig.demo().withStateStores(StateStores.REPLAY_MEMORY);
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "leakwatch-dlq-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        router.configure(props);
        try (TopologyTestDriver driver = new TopologyTestDriver(LeakWatchTopology.build(config, serdes, listener), props,
                Instant.ofEpochMilli(T0))) {
            final TestInputTopic<byte[], byte[]> classified = driver.createInputTopic(topics.classified.name(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            final TestInputTopic<byte[], byte[]> rules = driver.createInputTopic(topics.rules.name(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            final TestInputTopic<byte[], byte[]> events = driver.createInputTopic(topics.smsEvents.name(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            final TestInputTopic<byte[], byte[]> bySender = driver.createInputTopic("leakwatch-dlq-test-classified-by-sender-repartition",
                    new ByteArraySerializer(), new ByteArraySerializer());
            final byte[] poison = {0, 0, 0, 0, 99, 1, 2, 3};
            classified.pipeInput("k1".getBytes(StandardCharsets.UTF_8), poison, T0);
            classified.pipeInput("k2".getBytes(StandardCharsets.UTF_8), poison, T0 + 1);
            bySender.pipeInput("1069001".getBytes(StandardCharsets.UTF_8), poison, T0 + 1);
            rules.pipeInput("r1".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8), T0);
            final SmsEvent good = SmsEvent.newBuilder().setEventId("e1").setTs(T0 + 2).setSender("1069001")
                    .setRecipient("13800138000").setText(SECRET_TEXT).build();
            events.pipeInput("e1".getBytes(StandardCharsets.UTF_8),
                    serdes.value(SmsEvent.class).serializer().serialize(topics.smsEvents.name(), good), T0 + 2);

            // the global topic's poison is skipped by the global thread (the test driver logs and continues there)
            assertThat(letters).extracting(DeadLetter::getSourceTopic).containsExactly("sms.classified", "sms.classified",
                    "leakwatch-dlq-test-classified-by-sender-repartition");
            assertThat(letters).extracting(DeadLetter::getOffset).containsExactly(0L, 1L, 0L);
            assertThat(letters).extracting(DeadLetter::getReason).allSatisfy(reason ->
                    assertThat(reason).startsWith("deserialization-error: ").doesNotContain(" at ", "\n"));
            assertThat(bytes(letters.get(0).getValue())).isEqualTo(poison);
            assertThat(new String(bytes(letters.get(1).getKey()), StandardCharsets.UTF_8)).isEqualTo("k2");
            assertThat(listener.deadLetters).hasSize(3);
            // the pipeline goes on: the good event is classified and read back from sms.classified
            final List<?> out = driver.createOutputTopic(topics.classified.name(), topics.classified.keySerde().deserializer(),
                    topics.classified.valueSerde().deserializer()).readValuesToList();
            assertThat(out).hasSize(1);
        }
    }

    @Test
    void shouldNeverDeadLetterAGoodRecordWhileTheRegistryIsDownAndProcessItOnceItIsBack() {
        final InMemorySchemaRegistryClient writerSide = new InMemorySchemaRegistryClient();
        final AtomicBoolean registryUp = new AtomicBoolean(true);
        final AvroSerdes serdes = new AvroSerdes(new FlakyRegistry(writerSide, registryUp));
        final AvroSerdes producer = new AvroSerdes(writerSide);
        final Topics topics = new Topics(serdes);
        final LeakWatchConfig config = LeakWatchConfig.demo().withStateStores(StateStores.REPLAY_MEMORY);
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "leakwatch-registry-down-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        router.configure(props);
        final SmsEvent good = SmsEvent.newBuilder().setEventId("e1").setTs(T0).setSender("1069001")
                .setRecipient("13800138000").setText(SECRET_TEXT).build();
        final byte[] bytes = producer.value(SmsEvent.class).serializer().serialize(topics.smsEvents.name(), good);
        // the registry goes down before the pipeline has seen the event's schema
        registryUp.set(false);
        try (TopologyTestDriver driver = new TopologyTestDriver(LeakWatchTopology.build(config, serdes, listener), props,
                Instant.ofEpochMilli(T0))) {
            final TestInputTopic<byte[], byte[]> events = driver.createInputTopic(topics.smsEvents.name(),
                    new ByteArraySerializer(), new ByteArraySerializer());

            assertThatThrownBy(() -> events.pipeInput("e1".getBytes(StandardCharsets.UTF_8), bytes, T0))
                    .isInstanceOf(StreamsException.class);
            assertThat(letters).isEmpty();
            assertThat(listener.deadLetters).isEmpty();
            assertThat(listener.dropped).isEmpty();
        }
        // the task, restarted once the registry is back, reads the same record again
        registryUp.set(true);
        try (TopologyTestDriver driver = new TopologyTestDriver(LeakWatchTopology.build(config, serdes, listener), props,
                Instant.ofEpochMilli(T0))) {
            driver.createInputTopic(topics.smsEvents.name(), new ByteArraySerializer(), new ByteArraySerializer())
                    .pipeInput("e1".getBytes(StandardCharsets.UTF_8), bytes, T0);
            final List<ClassifiedSms> out = driver.createOutputTopic(topics.classified.name(), topics.classified.keySerde().deserializer(),
                    topics.classified.valueSerde().deserializer()).readValuesToList();
            assertThat(out).extracting(ClassifiedSms::getEventId).containsExactly("e1");
            assertThat(letters).isEmpty();
        }
    }

    @Test
    void shouldFailRatherThanDeadLetterWhenTheRegistryIsDown() {
        final SchemaRegistryException down = new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, "connection refused");
        final DeadLetterRouter.OnProcessing processing = new DeadLetterRouter.OnProcessing();
        processing.configure(Map.of(DeadLetterRouter.CONFIG_KEY, router));
        final DeadLetterRouter.OnProduction production = new DeadLetterRouter.OnProduction();
        production.configure(Map.of(DeadLetterRouter.CONFIG_KEY, router));

        assertThat(processing.handle(context("sms.events", 0, 5L), new Record<>("k", "v", T0), new IllegalStateException("wrapped", down)))
                .isEqualTo(ProcessingHandlerResponse.FAIL);
        assertThat(production.handleSerializationException(context("sms.events", 0, 5L), new ProducerRecord<>("sms.classified", new byte[1]),
                new SchemaRegistryException(503, "unavailable"), ProductionExceptionHandler.SerializationExceptionOrigin.VALUE))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
        // a schema id the registry does not know is the record's fault: dead-lettered as before
        assertThat(processing.handle(context("sms.events", 0, 6L), new Record<>("k", "v", T0),
                new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "no such id")))
                .isEqualTo(ProcessingHandlerResponse.CONTINUE);
        assertThat(letters).extracting(DeadLetter::getOffset).containsExactly(6L);
    }

    @Test
    void shouldDeadLetterTheSourceRecordOfAProcessingErrorWithTheProcessorAndClassOnly() {
        final DeadLetterRouter.OnProcessing handler = new DeadLetterRouter.OnProcessing();
        handler.configure(Map.of(DeadLetterRouter.CONFIG_KEY, router));

        final ProcessingHandlerResponse response = handler.handle(context("sms.classified", 3, 42L), new Record<>("k", "v", T0),
                new IllegalStateException("recipient 13800138000 said " + SECRET_TEXT));

        assertThat(response).isEqualTo(ProcessingHandlerResponse.CONTINUE);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getSourceTopic()).isEqualTo("sms.classified");
            assertThat(letter.getPartition()).isEqualTo(3);
            assertThat(letter.getOffset()).isEqualTo(42L);
            assertThat(letter.getTs()).isEqualTo(T0);
            assertThat(letter.getReason()).isEqualTo("processing-error: membership, IllegalStateException");
            assertThat(bytes(letter.getValue())).isEqualTo("raw-value".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(listener.deadLetters).containsExactly("processing-error: membership, IllegalStateException");
    }

    @Test
    void shouldDeadLetterTheSourceOfAResultTooLargeToWrite() {
        final DeadLetterRouter.OnProduction handler = new DeadLetterRouter.OnProduction();
        handler.configure(Map.of(DeadLetterRouter.CONFIG_KEY, router));

        final ProductionExceptionHandlerResponse response = handler.handle(context("leakwatch-classified-by-sender-repartition", 0, 7L),
                new ProducerRecord<>("cohort.stats", new byte[1]), new RecordTooLargeException("1048577 bytes"));

        assertThat(response).isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
        assertThat(letters).extracting(DeadLetter::getReason).containsExactly("production-error: cohort.stats, RecordTooLargeException");
        assertThat(letters.get(0).getSourceTopic()).isEqualTo("leakwatch-classified-by-sender-repartition");
    }

    @Test
    void shouldSkipAndCountARecordWhenTheDeadLetterTopicCannotBeWritten() {
        final DeadLetterRouter.OnProcessing handler = new DeadLetterRouter.OnProcessing();
        handler.configure(Map.of(DeadLetterRouter.CONFIG_KEY, router));
        sinkUp.set(false);

        assertThat(handler.handle(context("sms.classified", 0, 1L), new Record<>("k", "v", T0), new NullPointerException()))
                .isEqualTo(ProcessingHandlerResponse.CONTINUE);
        assertThat(letters).isEmpty();
        assertThat(listener.deadLetters).isEmpty();
        assertThat(listener.dropped).containsExactly("processing-error: membership, NullPointerException");
    }

    private static ErrorHandlerContext context(String topic, int partition, long offset) {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return partition;
            }

            @Override
            public long offset() {
                return offset;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "membership";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(1, partition);
            }

            @Override
            public long timestamp() {
                return T0;
            }

            @Override
            public byte[] sourceRawKey() {
                return "raw-key".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] sourceRawValue() {
                return "raw-value".getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static byte[] bytes(ByteBuffer buffer) {
        final ByteBuffer copy = buffer.duplicate();
        final byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }

    private static final class Counting implements PipelineListener {
        final List<String> deadLetters = new ArrayList<>();
        final List<String> dropped = new ArrayList<>();

        @Override
        public void deadLetter(String reason) {
            deadLetters.add(reason);
        }

        @Override
        public void recordDropped(String reason) {
            dropped.add(reason);
        }
    }

    /** A registry client that throws a transient error while {@code up} is false (the registry is down). */
    private record FlakyRegistry(SchemaRegistryClient delegate, AtomicBoolean up) implements SchemaRegistryClient {
        private void check() {
            if (!up.get()) {
                throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, "connection refused");
            }
        }

        @Override
        public int register(String subject, Schema schema) {
            check();
            return delegate.register(subject, schema);
        }

        @Override
        public Schema getById(int id) {
            check();
            return delegate.getById(id);
        }

        @Override
        public List<String> subjects() {
            check();
            return delegate.subjects();
        }

        @Override
        public List<Integer> versions(String subject) {
            check();
            return delegate.versions(subject);
        }

        @Override
        public SchemaVersion version(String subject, int version) {
            check();
            return delegate.version(subject, version);
        }

        @Override
        public SchemaVersion latest(String subject) {
            check();
            return delegate.latest(subject);
        }

        @Override
        public Optional<SchemaVersion> lookup(String subject, Schema schema) {
            check();
            return delegate.lookup(subject, schema);
        }
    }
}
