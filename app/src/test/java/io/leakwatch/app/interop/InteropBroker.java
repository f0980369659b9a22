package io.leakwatch.app.interop;

import io.leakwatch.app.broker.EmbeddedKafka;
import io.leakwatch.app.broker.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A real in-process KRaft broker, with the few ways the interop tests write and read records on it. */
final class InteropBroker implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedKafka kafka;

    private InteropBroker(final EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    static InteropBroker start(final Path dataDir) {
        return new InteropBroker(EmbeddedKafka.start(0, dataDir));
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** One partition, so that records come back in the order they were written. */
    void createTopic(final String name) {
        kafka.createTopics(List.of(new TopicSpec(name, 1, false)));
    }

    /** Writes the values, each keyed by the plain string {@code keyOf} gives it, or without a key for null. */
    <T> void produce(final String topic, final Serializer<T> valueSerializer, final List<T> values,
                     final Function<T, String> keyOf) throws InterruptedException, ExecutionException {
        final Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(config, new StringSerializer(), valueSerializer)) {
            for (final T value : values) {
                producer.send(new ProducerRecord<>(topic, keyOf.apply(value), value)).get();
            }
        }
    }

    /** The first {@code count} values of the topic's only partition, as bytes. */
    List<byte[]> readValues(final String topic, final int count) {
        final Map<String, Object> config = Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        final List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                 new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            final long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        if (values.size() < count) {
            throw new AssertionError("read " + values.size() + " of " + count + " records from " + topic
                + " in " + READ_TIMEOUT.toSeconds() + " s");
        }
        return values.subList(0, count);
    }

    @Override
    public void close() {
        kafka.close();
    }
}
