package io.leakwatch.app.bench;

import io.leakwatch.app.broker.EmbeddedKafka;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * What the harness asks the broker while a run goes on, through one admin client: how many records topics hold, and
 * whether a consumer group has committed up to their ends. Asking the broker costs the applications under test
 * nothing, unlike a consumer reading the output alongside them.
 *
 * <p>Record counts are end offsets, which equal records written only without transactions: the harness runs
 * at-least-once.
 */
public final class BrokerView implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MS = 50;

    private final Admin admin;
    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

    public BrokerView(final EmbeddedKafka kafka) {
        this.admin = kafka.admin();
    }

    /** The sum of the end offsets of every partition of {@code topics}. */
    public long endOffsetSum(final Collection<String> topics) {
        return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether {@code group} has committed, on every partition of {@code topics}, the end offset. */
    public boolean committedToEnd(final String group, final Collection<String> topics) {
        final Map<TopicPartition, OffsetAndMetadata> committed =
                await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "offsets of " + group);
        return endOffsets(topics).entrySet().stream().allMatch(end -> {
            final OffsetAndMetadata offset = committed.get(end.getKey());
            return (offset == null ? 0 : offset.offset()) >= end.getValue();
        });
    }

    /** The names of the topics that exist now and start with {@code prefix}. */
    public Set<String> topicsStartingWith(final String prefix) {
        return await(admin.listTopics().names(), "topic names").stream()
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Deletes {@code topics} and waits until the broker no longer lists them, so that they can be created again. */
    public void deleteTopics(final Collection<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        await(admin.deleteTopics(topics).all(), "deleting " + topics);
        topics.forEach(partitions::remove);
        final long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
        while (await(admin.listTopics().names(), "topic names").stream().anyMatch(topics::contains)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " still listed " + CALL_TIMEOUT
                        + " after deletion");
            }
            pause();
        }
    }

    private Map<TopicPartition, Long> endOffsets(final Collection<String> topics) {
        final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (final String topic : topics) {
            partitionsOf(topic).forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        }
        final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                await(admin.listOffsets(latest).all(), "end offsets of " + topics);
        return offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private List<TopicPartition> partitionsOf(final String topic) {
        return partitions.computeIfAbsent(topic, name -> {
            final TopicDescription description =
                    await(admin.describeTopics(List.of(name)).allTopicNames(), "topic " + name).get(name);
            return description.partitions().stream()
                    .map(partition -> new TopicPartition(name, partition.partition()))
                    .toList();
        });
    }

    private static <T> T await(final KafkaFuture<T> future, final String what) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final ExecutionException e) {
            throw new IllegalStateException("asking the broker for " + what + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (final TimeoutException e) {
            throw new IllegalStateException("asking the broker for " + what + " timed out after " + CALL_TIMEOUT, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the broker for " + what, e);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
