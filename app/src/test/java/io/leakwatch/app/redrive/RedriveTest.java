package io.leakwatch.app.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leakwatch.app.broker.EmbeddedKafka;
import io.leakwatch.app.broker.TopicSpec;
import io.leakwatch.app.run.ClientConnection;
import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.registry.InMemorySchemaRegistryClient;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-drive of sms.dlq on a real broker: the right records, byte for byte, once however often it runs. */
class RedriveTest {

    private static final long T0 = 1_793_500_000_000L;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static EmbeddedKafka kafka;
    private static final Topics TOPICS = new Topics(new AvroSerdes(new InMemorySchemaRegistryClient()));

    @BeforeAll
    static void startBroker(@TempDir Path dir) {
        kafka = EmbeddedKafka.start(0, dir);
        kafka.createTopics(List.of(new TopicSpec(TOPICS.deadLetters.name(), 2, false), new TopicSpec(TOPICS.smsEvents.name(), 2, false)));
        deadLetter("undecodable: SchemaRegistryException", "sms.events", "k1", "value one", T0);
        deadLetter("bad-timestamp: 42", "sms.events", "k2", "value two", T0 + 1);
        deadLetter("undecodable: SchemaRegistryException", "sms.events", null, "value three", T0 + 2);
        deadLetter("deserialization-error: SerializationException", "sms.classified", "k4", "value four", T0 + 3);
        deadLetter("undecodable: SchemaRegistryException", "sms.events", "k5", null, T0 + 4);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldWriteTheOriginalBytesBackOnceHoweverOftenItRuns() {
        final Redrive redrive = new Redrive(ClientConnection.of(kafka.bootstrapServers()), TOPICS, "redrive-undecodable");
        final Redrive.Filter undecodable = new Redrive.Filter("undecodable", 0, Long.MAX_VALUE);

        final Redrive.Counts dry = redrive.run(undecodable, true, TIMEOUT);
        assertThat(dry.redriven()).isEqualTo(2);
        assertThat(events()).as("a dry run writes nothing").isEmpty();

        final Redrive.Counts first = redrive.run(undecodable, false, TIMEOUT);
        assertThat(first).isEqualTo(new Redrive.Counts(5, 2, 2, 0, 1, 0));
        // the transaction's markers reach the partitions just after the commit returns: wait for read_committed to see them
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events()).hasSize(2));
        final List<ConsumerRecord<byte[], byte[]>> events = events();
        assertThat(events).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactlyInAnyOrder("value one", "value three");
        assertThat(events).filteredOn(r -> r.key() != null).singleElement().satisfies(r -> {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("k1");
            assertThat(r.timestamp()).isEqualTo(T0);
        });

        final Redrive.Counts again = redrive.run(undecodable, false, TIMEOUT);
        assertThat(again.read()).as("the group resumes after what it committed").isZero();
        assertThat(again.redriven()).isZero();
        assertThat(events()).hasSize(2);
    }

    @Test
    void shouldTakeOnlyTheOffsetsAskedFor() {
        final Redrive redrive = new Redrive(ClientConnection.of(kafka.bootstrapServers()), TOPICS, "redrive-range");
        final Redrive.Counts counts = redrive.run(new Redrive.Filter(null, 1, 1), true, TIMEOUT);

        // two partitions, offset 1 of each holds at most one record: fewer than the five in all
        assertThat(counts.read()).isBetween(1L, 2L);
    }

    private static List<ConsumerRecord<byte[], byte[]>> events() {
        final Properties props = ClientConnection.of(kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = List.of(new TopicPartition("sms.events", 0), new TopicPartition("sms.events", 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static void deadLetter(String reason, String source, String key, String value, long ts) {
        final DeadLetter letter = DeadLetter.newBuilder().setSourceTopic(source).setPartition(0).setOffset(7).setTs(ts).setReason(reason)
                .setKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setValue(value == null ? null : ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8))).build();
        try (KafkaProducer<String, DeadLetter> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), TOPICS.deadLetters.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(TOPICS.deadLetters.name(), reason, letter)).get();
        } catch (Exception e) {
            throw new AssertionError("cannot write a dead letter", e);
        }
    }
}
