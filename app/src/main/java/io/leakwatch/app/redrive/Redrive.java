package io.leakwatch.app.redrive;

import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.topology.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@code sms.dlq} from where the consumer group {@code group} left it up to the end it has when the run starts,
 * and writes the original key and value of every dead letter that passes the filter and came from
 * {@code sms.events} back to {@code sms.events}, with its original record time.
 *
 * <p>Each poll's writes and the group's offsets after them are committed in one Kafka transaction
 * ({@code transactional.id} = {@code group}), so a run that is killed or run twice writes every record once: the next
 * run with the same group starts after the last committed batch, and a second process with the same group fences the
 * first. Records that do not pass the filter are committed past too: a re-drive with another filter needs another
 * group. A dry run reads from the same place, writes nothing and commits nothing.
 */
public final class Redrive {

    /** Dead letters to re-drive: a reason that starts with {@code reasonPrefix} (null: any) at an offset in [from, to]. */
    public record Filter(String reasonPrefix, long fromOffset, long toOffset) {
        public static final Filter ALL = new Filter(null, 0, Long.MAX_VALUE);

        public Filter {
            if (fromOffset < 0 || toOffset < fromOffset) {
                throw new IllegalArgumentException("--from/--to: need 0 <= from <= to, not " + fromOffset + ".." + toOffset);
            }
        }

        boolean reasonMatches(String reason) {
            return reasonPrefix == null || reason != null && reason.startsWith(reasonPrefix);
        }
    }

    /**
     * What one run did. {@code read}: dead letters read in range; {@code redriven}: written back (or, in a dry run,
     * that would be); {@code otherReason}, {@code otherSource} (not from {@code sms.events}), {@code noValue},
     * {@code unreadable} (not a DeadLetter): left where they are.
     */
    public record Counts(long read, long redriven, long otherReason, long otherSource, long noValue, long unreadable) {
        @Override
        public String toString() {
            return "read " + read + ", re-driven " + redriven + ", other reason " + otherReason + ", from another topic " + otherSource
                    + ", without a value " + noValue + ", unreadable " + unreadable;
        }
    }

    private final Properties connection;
    private final Topics topics;
    private final String group;

    /** @param connection bootstrap servers and security settings ({@code ClientConnection}) */
    public Redrive(Properties connection, Topics topics, String group) {
        this.connection = connection;
        this.topics = topics;
        this.group = group;
    }

    public Counts run(Filter filter, boolean dryRun, Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final Deserializer<DeadLetter> letters = topics.deadLetters.valueSerde().deserializer();
        final String source = topics.smsEvents.name();
        long read = 0;
        long redriven = 0;
        long otherReason = 0;
        long otherSource = 0;
        long noValue = 0;
        long unreadable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = dryRun ? null : new KafkaProducer<>(producerProps(), new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            final Map<TopicPartition, Long> stopAt = assign(consumer, filter);
            if (producer != null) {
                producer.initTransactions();
            }
            while (!stopAt.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("re-drive did not reach the end of " + topics.deadLetters.name() + " within " + timeout
                            + "; what was committed stays done, run again to go on");
                }
                final ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                if (producer != null) {
                    producer.beginTransaction();
                }
                final Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    final TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    final Long end = stopAt.get(tp);
                    if (end == null || record.offset() >= end) {
                        continue;
                    }
                    next.put(tp, new OffsetAndMetadata(record.offset() + 1));
                    read++;
                    final DeadLetter letter;
                    try {
                        letter = letters.deserialize(record.topic(), record.value());
                    } catch (RuntimeException e) {
                        unreadable++;
                        continue;
                    }
                    if (!filter.reasonMatches(letter.getReason())) {
                        otherReason++;
                    } else if (!source.equals(letter.getSourceTopic())) {
                        otherSource++;
                    } else if (letter.getValue() == null) {
                        noValue++;
                    } else {
                        redriven++;
                        if (producer != null) {
                            producer.send(new ProducerRecord<>(source, null, letter.getTs() < 0 ? null : letter.getTs(),
                                    bytes(letter.getKey()), bytes(letter.getValue())));
                        }
                    }
                }
                if (producer != null) {
                    if (!next.isEmpty()) {
                        producer.sendOffsetsToTransaction(next, consumer.groupMetadata());
                    }
                    producer.commitTransaction();
                }
                for (TopicPartition tp : Set.copyOf(stopAt.keySet())) {
                    if (consumer.position(tp) >= stopAt.get(tp)) {
                        stopAt.remove(tp);
                    }
                }
            }
        }
        return new Counts(read, redriven, otherReason, otherSource, noValue, unreadable);
    }

    /** Assigns every partition of the DLQ with records to read, at max(committed, from); returns where each stops (exclusive). */
    private Map<TopicPartition, Long> assign(KafkaConsumer<byte[], byte[]> consumer, Filter filter) {
        final String dlq = topics.deadLetters.name();
        final List<TopicPartition> partitions = consumer.partitionsFor(dlq).stream()
                .map(p -> new TopicPartition(dlq, p.partition())).toList();
        final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        final Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        final Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
        final Map<TopicPartition, Long> startAt = new HashMap<>();
        final Map<TopicPartition, Long> stopAt = new HashMap<>();
        for (TopicPartition tp : partitions) {
            final OffsetAndMetadata done = committed.get(tp);
            final long start = Math.max(Math.max(done == null ? 0 : done.offset(), begins.get(tp)), filter.fromOffset());
            final long stop = filter.toOffset() == Long.MAX_VALUE ? ends.get(tp) : Math.min(ends.get(tp), filter.toOffset() + 1);
            if (start < stop) {
                startAt.put(tp, start);
                stopAt.put(tp, stop);
            }
        }
        consumer.assign(startAt.keySet());
        startAt.forEach(consumer::seek);
        return stopAt;
    }

    private Properties consumerProps() {
        final Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    private Properties producerProps() {
        final Properties props = new Properties();
        props.putAll(connection);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "leakwatch-redrive");
        return props;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        final ByteBuffer copy = buffer.duplicate();
        final byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
