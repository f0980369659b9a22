package io.leakwatch.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(0, null);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldPickDistinctPortsForTheClientAndTheControllerListener() {
        // one pair in about 20,000 came out equal when each probe socket was closed before the next
        for (int i = 0; i < 50_000; i++) {
            final int[] ports = EmbeddedKafka.freePorts(2, 0);
            assertThat(ports[0]).as("pair %d", i).isNotEqualTo(ports[1]);
        }
        final int fixed = EmbeddedKafka.freePorts(1, 0)[0];
        for (int i = 0; i < 10_000; i++) {
            assertThat(EmbeddedKafka.freePorts(1, fixed)[0]).as("a fixed client port is never the controller's").isNotEqualTo(fixed);
        }
    }

    @Test
    void shouldTryOtherPortsWhenAPickedPortIsTakenBeforeTheBrokerBindsIt() throws Exception {
        // another process takes the controller port between the probe and the bind
        try (ServerSocket thief = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final int stolen = thief.getLocalPort();
            final List<int[]> picked = new ArrayList<>();
            final EmbeddedKafka.PortPicker picker = (count, taken) -> {
                final int[] ports = picked.isEmpty()
                        ? new int[] {stolen, EmbeddedKafka.freePorts(1, stolen)[0]}
                        : EmbeddedKafka.freePorts(count, stolen);
                picked.add(ports);
                return ports;
            };
            try (EmbeddedKafka broker = EmbeddedKafka.start(0, null, picker)) {
                assertThat(picked).hasSize(2);
                assertThat(broker.port()).isEqualTo(picked.get(1)[1]).isNotEqualTo(stolen);
                broker.createTopics(List.of(new TopicSpec("after-retry", 1, false)));
            }
        }
    }

    @Test
    void shouldNameTheTakenPortWhenAFixedClientPortIsNeverFree() throws Exception {
        try (ServerSocket thief = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final int stolen = thief.getLocalPort();
            final int[] calls = {0};
            final EmbeddedKafka.PortPicker picker = (count, taken) -> {
                calls[0]++;
                return EmbeddedKafka.freePorts(count, taken);
            };
            assertThatThrownBy(() -> EmbeddedKafka.start(stolen, null, picker))
                    .satisfies(e -> assertThat(EmbeddedKafka.bindFailure(e)).isTrue())
                    .hasMessageContaining("after 3 tries")
                    .hasMessageContaining("client port " + stolen);
            assertThat(calls[0]).as("tries before giving up").isEqualTo(3);
        }
    }

    @Test
    void shouldTellABindFailureAndATakenPortFromOtherFailures() throws Exception {
        assertThat(EmbeddedKafka.bindFailure(new IllegalStateException("x", new BindException("in use")))).isTrue();
        assertThat(EmbeddedKafka.bindFailure(new IllegalStateException("formatting Kafka storage failed"))).isFalse();
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(EmbeddedKafka.inUse(held.getLocalPort())).isTrue();
        }
        assertThat(EmbeddedKafka.inUse(EmbeddedKafka.freePorts(1, 0)[0])).isFalse();
    }

    @Test
    void shouldDeliverEveryProducedRecordToAConsumer() {
        final String topic = "records-" + UUID.randomUUID();
        kafka.createTopics(List.of(new TopicSpec(topic, 3, false)));

        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            IntStream.range(0, 1000).forEach(i -> producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)));
            producer.flush();
        }

        final List<ConsumerRecord<String, String>> received = consumeAll(topic, 1000, "read_uncommitted");
        assertThat(received).hasSize(1000);
        assertThat(received).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 1000).mapToObj(i -> "value-" + i).toList());
        assertThat(received).allSatisfy(record ->
                assertThat(record.value()).isEqualTo(record.key().replace("key-", "value-")));
    }

    @Test
    void shouldCommitATransactionOnASingleNode() {
        final String topic = "transactional-" + UUID.randomUUID();
        kafka.createTopics(List.of(new TopicSpec(topic, 2, false)));

        try (KafkaProducer<String, String> producer = producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true))) {
            producer.initTransactions();
            producer.beginTransaction();
            IntStream.range(0, 10).forEach(i -> producer.send(new ProducerRecord<>(topic, "k" + i, "committed-" + i)));
            producer.commitTransaction();
        }

        final List<ConsumerRecord<String, String>> received = consumeAll(topic, 10, "read_committed");
        assertThat(received).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).mapToObj(i -> "committed-" + i).toList());
    }

    @Test
    void shouldCreateTopicsIdempotentlyWithTheirCleanupPolicy() throws Exception {
        final String compacted = "apps-" + UUID.randomUUID();
        final String events = "events-" + UUID.randomUUID();
        final List<TopicSpec> specs = List.of(new TopicSpec(compacted, 1, true), new TopicSpec(events, 4, false));

        kafka.createTopics(specs);
        assertThatCode(() -> kafka.createTopics(specs)).doesNotThrowAnyException();

        try (Admin admin = kafka.admin()) {
            assertThat(admin.describeTopics(List.of(events)).allTopicNames().get().get(events).partitions()).hasSize(4);
            final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, compacted);
            final Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void shouldDeleteItsTemporaryDirectoryAndTolerateASecondClose() {
        final EmbeddedKafka broker = EmbeddedKafka.start(0, null);
        final Path dataDir = broker.dataDir();
        assertThat(dataDir).isDirectory();

        broker.close();

        assertThat(dataDir).doesNotExist();
        assertThatCode(broker::close).doesNotThrowAnyException();
    }

    @Test
    void shouldKeepTopicsAndRecordsInAGivenDataDirAcrossRestarts(@TempDir final Path dir) {
        final Path dataDir = dir.resolve("kafka");
        final String topic = "durable";
        try (EmbeddedKafka first = EmbeddedKafka.start(0, dataDir)) {
            first.createTopics(List.of(new TopicSpec(topic, 1, false)));
            try (KafkaProducer<String, String> producer = producer(first, Map.of())) {
                producer.send(new ProducerRecord<>(topic, "k", "survives a restart"));
            }
        }
        assertThat(Files.exists(dataDir)).isTrue();

        try (EmbeddedKafka second = EmbeddedKafka.start(0, dataDir)) {
            assertThat(consumeAll(second, topic, 1, "read_uncommitted"))
                    .extracting(ConsumerRecord::value).containsExactly("survives a restart");
        }
    }

    private static KafkaProducer<String, String> producer(final Map<String, Object> overrides) {
        return producer(kafka, overrides);
    }

    private static KafkaProducer<String, String> producer(final EmbeddedKafka broker, final Map<String, Object> overrides) {
        final Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5));
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consumeAll(final String topic, final int expected,
                                                                   final String isolation) {
        return consumeAll(kafka, topic, expected, isolation);
    }

    private static List<ConsumerRecord<String, String>> consumeAll(final EmbeddedKafka broker, final String topic,
                                                                   final int expected, final String isolation) {
        final List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= expected;
            });
        }
        return received;
    }
}
