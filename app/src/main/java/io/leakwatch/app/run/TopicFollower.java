package io.leakwatch.app.run;

import io.leakwatch.topology.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output topic on a daemon thread and hands each value to a listener: committed records only (the pipeline
 * writes exactly once), tombstones skipped. Each follower has a consumer group of its own, so every instance of the
 * application sees the whole topic; what it keeps of it is the listener's business. It commits no offsets: it starts
 * from the same place each time.
 *
 * <p>It starts from the beginning of the topic, or, given a horizon, from the first record stamped within the horizon
 * before now: {@code sender.stats} holds one record per sender and hour, millions an hour on a carrier, and a view of
 * the last day need not read a week of retention at each start. Where no partition holds a record that recent (a
 * replayed or simulated archive, whose event time is long past), it reads from the beginning after all.
 */
final class TopicFollower<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private final KafkaConsumer<String, V> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    /** Follows {@code topic} from its beginning; {@code connection} as {@link ClientConnection} makes it. */
    TopicFollower(Properties connection, Topic<String, V> topic, String name, Consumer<V> onValue) {
        this(connection, topic, name, null, Clock.systemUTC(), onValue);
    }

    /** Follows {@code topic} from the first record stamped after {@code now - horizon}; a null horizon: from its beginning. */
    TopicFollower(Properties connection, Topic<String, V> topic, String name, Duration horizon, Clock clock,
                  Consumer<V> onValue) {
        final Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "leakwatch-" + name + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        if (horizon == null) {
            consumer.subscribe(List.of(topic.name()));
        } else {
            consumer.subscribe(List.of(topic.name()), new StartWithin(horizon, clock));
        }
        thread = new Thread(() -> follow(onValue), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void follow(Consumer<V> onValue) {
        try {
            while (running) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        onValue.accept(record.value());
                    }
                }
            }
        } catch (WakeupException e) {
            LOG.debug("{} stopped", thread.getName());
        } finally {
            consumer.close();
        }
    }

    /** On assignment, seeks each partition to its first record within the horizon (see the class comment). */
    private final class StartWithin implements ConsumerRebalanceListener {
        private final Duration horizon;
        private final Clock clock;

        StartWithin(Duration horizon, Clock clock) {
            this.horizon = horizon;
            this.clock = clock;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            final long since = clock.millis() - horizon.toMillis();
            final Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, since));
            final Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            if (found.values().stream().allMatch(Objects::isNull)) {
                LOG.info("{}: no record since {}; reading {} from the beginning", thread.getName(), Instant.ofEpochMilli(since),
                        partitions);
                consumer.seekToBeginning(partitions);
                return;
            }
            final List<TopicPartition> nothingRecent = new ArrayList<>();
            found.forEach((partition, at) -> {
                if (at == null) {
                    nothingRecent.add(partition);
                } else {
                    consumer.seek(partition, at.offset());
                }
            });
            consumer.seekToEnd(nothingRecent);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing committed, nothing to hand back
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
