package io.leakwatch.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leakwatch.app.broker.EmbeddedKafka;
import io.leakwatch.app.broker.TopicSpec;
import io.leakwatch.topology.Topic;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a follower starts reading, on a real broker: the topic's beginning, or the records within a horizon. */
class TopicFollowerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker(@TempDir Path dir) {
        kafka = EmbeddedKafka.start(0, dir);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shouldStartFromTheFirstRecordWithinTheHorizonAndThenFollowNewOnes() throws Exception {
        final Topic<String, String> topic = topic("within-horizon");
        final long now = System.currentTimeMillis();
        produce(topic, 0, now - 10 * DAY, "old in 0");
        produce(topic, 0, now - DAY / 12, "two hours ago in 0");
        produce(topic, 1, now - 10 * DAY, "old in 1");
        final List<String> seen = new CopyOnWriteArrayList<>();

        try (TopicFollower<String> follower = new TopicFollower<>(ClientConnection.of(kafka.bootstrapServers()), topic, "test-follower",
                Duration.ofDays(1), Clock.systemUTC(), seen::add)) {
            await().atMost(WAIT).until(() -> seen.contains("two hours ago in 0"));
            produce(topic, 1, System.currentTimeMillis(), "new in 1");
            await().atMost(WAIT).until(() -> seen.contains("new in 1"));
        }

        assertThat(seen).as("nothing older than the horizon, in either partition").containsExactly("two hours ago in 0", "new in 1");
    }

    @Test
    void shouldReadFromTheBeginningWhenNoPartitionHoldsARecordWithinTheHorizon() throws Exception {
        final Topic<String, String> topic = topic("archive");
        final long now = System.currentTimeMillis();
        produce(topic, 0, now - 30 * DAY, "simulated 1");
        produce(topic, 1, now - 29 * DAY, "simulated 2");
        final List<String> seen = new CopyOnWriteArrayList<>();

        try (TopicFollower<String> follower = new TopicFollower<>(ClientConnection.of(kafka.bootstrapServers()), topic, "test-follower",
                Duration.ofDays(1), Clock.systemUTC(), seen::add)) {
            await().atMost(WAIT).until(() -> seen.size() == 2);
        }

        assertThat(seen).containsExactlyInAnyOrder("simulated 1", "simulated 2");
    }

    @Test
    void shouldReadEverythingWithoutAHorizon() throws Exception {
        final Topic<String, String> topic = topic("whole");
        final long now = System.currentTimeMillis();
        produce(topic, 0, now - 10 * DAY, "old");
        produce(topic, 1, now, "new");
        final List<String> seen = new CopyOnWriteArrayList<>();

        try (TopicFollower<String> follower = new TopicFollower<>(ClientConnection.of(kafka.bootstrapServers()), topic, "test-follower", seen::add)) {
            await().atMost(WAIT).until(() -> seen.size() == 2);
        }

        assertThat(seen).containsExactlyInAnyOrder("old", "new");
    }

    private static Topic<String, String> topic(String name) {
        kafka.createTopics(List.of(new TopicSpec(name, 2, false)));
        return new Topic<>(name, Serdes.String(), Serdes.String(), false, "test topic");
    }

    private static void produce(Topic<String, String> topic, int partition, long timestamp, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), partition, timestamp, value, value)).get();
        } catch (Exception e) {
            throw new AssertionError("cannot produce to " + topic.name(), e);
        }
    }
}
