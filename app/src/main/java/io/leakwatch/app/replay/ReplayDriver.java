package io.leakwatch.app.replay;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.internals.StreamTask;

/**
 * Feeds a {@link TopologyTestDriver}'s task record by record the way the driver's own {@code pipeInput} does, minus
 * what a replay pays for and never uses. Per input record the driver (Kafka 4.1) compiles every source topic name as
 * a regular expression once for the input and once for each record the topology writes (to check that no source
 * name, read as a pattern, matches another topic), commits the task and writes its checkpoint file after every
 * record the task processes, and keeps a copy of every record written to any topic until someone reads it. On a
 * replay that was about a third of the CPU.
 *
 * <p>What stays the same, and with it the output: the same task, processors, stores and punctuations; records go into
 * the task's partition queues with the same offsets, timestamps and (empty) headers; the task is drained with the
 * same calls in the same order ({@code resumePollingForPartitionsWithAvailableSpace}, {@code updateLags}, then
 * {@code process} and {@code maybePunctuateStreamTime} while {@code isProcessable}); every record the topology writes
 * to one of its own source topics (the repartition topics, {@code sms.classified}) goes back into the task in the
 * order it was written, right after the record that wrote it. What differs: the source names are checked against each
 * topic once instead of once per record, the task commits (a no-op for a replay's stores: no changelogs, no cache)
 * only when {@link #commit()} is called, and only the records of the topics named at construction are kept.
 *
 * <p>The driver's fields are private; they are read once by reflection. {@link #open} returns null when they are not
 * what this class expects (another Kafka version), and the caller uses the driver's public API instead.
 */
final class ReplayDriver {

    private final TopologyTestDriver driver;
    private final StreamTask task;
    private final MockProducer<byte[], byte[]> producer;
    private final Time wallClock;
    private final Map<String, TopicPartition> partitionsByInputTopic;
    private final Map<TopicPartition, AtomicLong> offsets;
    private final List<String> sourceTopics;
    private final Map<String, List<ProducerRecord<byte[], byte[]>>> kept = new HashMap<>();
    /** Topics already checked against the source names, and whether each is one of the task's inputs. */
    private final Map<String, TopicPartition> checked = new HashMap<>();
    private final Set<String> checkedOutputs = new HashSet<>();
    private final Set<String> globalTopics;

    private ReplayDriver(TopologyTestDriver driver, StreamTask task, MockProducer<byte[], byte[]> producer, Time wallClock,
                         Map<String, TopicPartition> partitionsByInputTopic, Map<String, TopicPartition> globalPartitions,
                         Map<TopicPartition, AtomicLong> offsets, List<String> sourceTopics, Set<String> keep) {
        this.driver = driver;
        this.task = task;
        this.producer = producer;
        this.wallClock = wallClock;
        this.partitionsByInputTopic = partitionsByInputTopic;
        this.offsets = offsets;
        this.sourceTopics = sourceTopics;
        for (String topic : keep) {
            kept.put(topic, new ArrayList<>());
        }
        if (!Collections.disjoint(globalPartitions.keySet(), partitionsByInputTopic.keySet())) {
            throw new IllegalStateException("a topic is both a global and a task input");
        }
        this.globalTopics = Set.copyOf(globalPartitions.keySet());
    }

    /**
     * Takes over the feeding of {@code driver}'s task, keeping the records written to {@code keep}; null when this
     * Kafka's driver is not the one this class knows (then use the driver's public API).
     */
    static ReplayDriver open(TopologyTestDriver driver, Set<String> keep) {
        try {
            final StreamTask task = field(driver, "task", StreamTask.class);
            @SuppressWarnings("unchecked")
            final MockProducer<byte[], byte[]> producer = field(driver, "producer", MockProducer.class);
            final Time wallClock = field(driver, "mockWallClockTime", Time.class);
            @SuppressWarnings("unchecked")
            final Map<String, TopicPartition> inputs = field(driver, "partitionsByInputTopic", Map.class);
            @SuppressWarnings("unchecked")
            final Map<String, TopicPartition> globals = field(driver, "globalPartitionsByInputTopic", Map.class);
            @SuppressWarnings("unchecked")
            final Map<TopicPartition, AtomicLong> offsets = field(driver, "offsetsByTopicOrPatternPartition", Map.class);
            if (task == null || producer == null || wallClock == null || inputs == null || globals == null || offsets == null) {
                return null;
            }
            // Pattern subscriptions would need the driver's pattern matching per topic; LeakWatch has none.
            final Object builder = field(driver, "internalTopologyBuilder", Object.class);
            final List<?> patterns = (List<?>) builder.getClass().getMethod("allSourcePatternStrings").invoke(builder);
            if (!patterns.isEmpty()) {
                return null;
            }
            @SuppressWarnings("unchecked")
            final List<String> sources = (List<String>) builder.getClass().getMethod("fullSourceTopicNames").invoke(builder);
            return new ReplayDriver(driver, task, producer, wallClock, inputs, globals, offsets, List.copyOf(sources), keep);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static <T> T field(Object owner, String name, Class<T> type) throws ReflectiveOperationException {
        final Field field = TopologyTestDriver.class.getDeclaredField(name);
        field.setAccessible(true);
        return type.cast(field.get(owner));
    }

    /** Pipes one record into the task and processes everything it leads to, as {@code TestInputTopic.pipeInput} does. */
    void pipe(String topic, byte[] key, byte[] value, long timestamp) {
        final TopicPartition partition = inputPartition(topic);
        if (partition == null) {
            throw new IllegalArgumentException("Unknown topic: " + topic);
        }
        enqueue(topic, partition, timestamp, key, value, new RecordHeaders());
        completeAllProcessableWork();
    }

    private void completeAllProcessableWork() {
        captureOutputs();
        task.resumePollingForPartitionsWithAvailableSpace();
        task.updateLags();
        while (task.hasRecordsQueued() && task.isProcessable(wallClock.milliseconds())) {
            task.process(wallClock.milliseconds());
            task.maybePunctuateStreamTime();
            captureOutputs();
        }
        // Records the task cannot process yet (max.task.idle.ms) wait for the next pipe, as in the driver.
    }

    private void enqueue(String topic, TopicPartition partition, long timestamp, byte[] key, byte[] value,
                         org.apache.kafka.common.header.Headers headers) {
        final long offset = offsets.get(partition).incrementAndGet() - 1;
        task.addRecords(partition, Collections.singleton(new ConsumerRecord<>(topic, partition.partition(), offset, timestamp,
                TimestampType.CREATE_TIME, key == null ? -1 : key.length, value == null ? -1 : value.length, key, value,
                headers, Optional.empty())));
    }

    private void captureOutputs() {
        final List<ProducerRecord<byte[], byte[]>> written = producer.history();
        if (written.isEmpty()) {
            return;
        }
        producer.clear();
        for (ProducerRecord<byte[], byte[]> record : written) {
            final String topic = record.topic();
            final List<ProducerRecord<byte[], byte[]>> keep = kept.get(topic);
            if (keep != null) {
                keep.add(record);
            }
            final TopicPartition partition = inputPartition(topic);
            if (partition != null) {
                enqueue(topic, partition, record.timestamp(), record.key(), record.value(), record.headers());
            }
            if (globalTopics.contains(topic)) {
                throw new IllegalStateException("the topology writes to its global topic " + topic);
            }
        }
    }

    /**
     * The task's partition of a topic, or null when the task does not read it. Like the driver, refuses a topic
     * that a source name, read as a regular expression, matches without being it; unlike it, checks each topic once.
     */
    private TopicPartition inputPartition(String topic) {
        final TopicPartition known = checked.get(topic);
        if (known != null || checkedOutputs.contains(topic)) {
            return known;
        }
        for (String source : sourceTopics) {
            if (!source.equals(topic) && Pattern.compile(source).matcher(topic).matches()) {
                throw new org.apache.kafka.streams.errors.TopologyException("Topology add source of type String for topic: "
                        + source + " cannot contain regex pattern for input record topic: " + topic
                        + " and hence cannot process the message.");
            }
        }
        final TopicPartition partition = partitionsByInputTopic.get(topic);
        if (partition == null) {
            checkedOutputs.add(topic);
        } else {
            checked.put(topic, partition);
        }
        return partition;
    }

    /** The records written to a kept topic since the last call, oldest first. */
    List<ProducerRecord<byte[], byte[]>> take(String topic) {
        final List<ProducerRecord<byte[], byte[]>> records = kept.get(topic);
        if (records == null) {
            throw new IllegalArgumentException("not a kept topic: " + topic);
        }
        final List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(records);
        records.clear();
        return out;
    }

    /** Commits the task as the driver does after each record: flushes its stores and writes its checkpoint. */
    void commit() {
        task.prepareCommit(true);
        task.postCommit(true);
    }

    TopologyTestDriver driver() {
        return driver;
    }
}
