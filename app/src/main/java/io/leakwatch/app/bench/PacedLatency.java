package io.leakwatch.app.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Latency at a fixed offered load: a producer sends records, each when it is due (their timestamps say when), and a
 * {@code read_committed} consumer of the output notes, for each record it reads, its wall-clock time minus the
 * record's timestamp. A producer that falls behind its schedule adds its lateness to the latency: the schedule, not
 * the send, is the reference.
 */
public final class PacedLatency {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(3);

    private PacedLatency() {
    }

    /**
     * What a paced run measured.
     *
     * @param sent      records sent
     * @param received  output records read
     * @param p50Ms     median latency in milliseconds
     * @param p99Ms     99th percentile
     * @param maxMs     the largest
     */
    public record Result(int sent, int received, long p50Ms, long p99Ms, long maxMs) {
    }

    /**
     * Sends {@code records} to {@code bootstrapServers} on their schedule while reading {@code output}; returns once
     * {@code expected} output records arrived, or once {@code drained} holds and nothing new arrived for 3 s, or after
     * {@code timeout}.
     */
    public static Result measure(final String bootstrapServers, final List<ProducerRecord<byte[], byte[]>> records,
                                 final List<TopicPartition> output, final int expected, final BooleanSupplier drained,
                                 final Duration timeout) {
        final long[] latencies = new long[expected];
        int received = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers);
             KafkaProducer<byte[], byte[]> producer = producer(bootstrapServers)) {
            consumer.assign(output);
            consumer.seekToBeginning(output);
            consumer.poll(Duration.ZERO);
            final long deadline = System.nanoTime() + timeout.toNanos();
            int next = 0;
            long lastArrival = System.nanoTime();
            Future<RecordMetadata> last = null;
            while (received < expected && System.nanoTime() < deadline) {
                while (next < records.size() && records.get(next).timestamp() <= System.currentTimeMillis()) {
                    last = producer.send(records.get(next++));
                }
                final long pollFor = next < records.size()
                        ? Math.max(0, records.get(next).timestamp() - System.currentTimeMillis()) : POLL.toMillis();
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(Math.min(pollFor, POLL.toMillis())))) {
                    if (received < expected) {
                        latencies[received++] = System.currentTimeMillis() - record.timestamp();
                        lastArrival = System.nanoTime();
                    }
                }
                if (next == records.size() && System.nanoTime() - lastArrival > QUIET_NANOS && drained.getAsBoolean()) {
                    break;
                }
            }
            producer.flush();
            await(last);
        }
        return summary(records.size(), Arrays.copyOf(latencies, received));
    }

    /** The percentiles of {@code latencies} (nearest rank); zeros when there are none. */
    static Result summary(final int sent, final long[] latencies) {
        if (latencies.length == 0) {
            return new Result(sent, 0, 0, 0, 0);
        }
        final long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(sent, sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static long rank(final long[] sorted, final double quantile) {
        final int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static KafkaConsumer<byte[], byte[]> consumer(final String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<byte[], byte[]> producer(final String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void await(final Future<RecordMetadata> send) {
        if (send == null) {
            return;
        }
        try {
            send.get();
        } catch (final ExecutionException e) {
            throw new IllegalStateException("producing the paced input failed: " + e.getCause().getMessage(), e.getCause());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing the paced input", e);
        }
    }
}
