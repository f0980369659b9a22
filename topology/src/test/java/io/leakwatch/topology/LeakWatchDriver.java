package io.leakwatch.topology;

import io.leakwatch.classifier.Classifiers;
import io.leakwatch.schemas.App;
import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.ComplianceFinding;
import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.schemas.Rule;
import io.leakwatch.schemas.SenderStats;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.registry.InMemorySchemaRegistryClient;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.ingest.Pseudonymizer;
import io.leakwatch.topology.state.StateStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole LeakWatch topology on a {@link TopologyTestDriver} with an in-memory schema registry, and the few
 * verbs the stage tests need: register apps and rules, send SMS as the SMSC would (wire-format bytes), read
 * what each output topic received.
 */
public final class LeakWatchDriver implements AutoCloseable {

    /** A Monday, 00:00 UTC: bucket boundaries fall on whole hours from here. */
    public static final long T0 = Instant.parse("2025-03-03T00:00:00Z").toEpochMilli();
    public static final long MINUTE = 60_000L;
    public static final long HOUR = 60 * MINUTE;

    private final AvroSerdes serdes = new AvroSerdes(new InMemorySchemaRegistryClient());
    private final Topics topics = new Topics(serdes);
    private final RecordingListener listener = new RecordingListener();
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> events;
    private final TestInputTopic<String, App> apps;
    private final TestInputTopic<String, Rule> rules;
    private final AtomicLong ids = new AtomicLong();

    public LeakWatchDriver() {
        this(LeakWatchConfig.demo().withStateStores(StateStores.REPLAY_MEMORY));
    }

    public LeakWatchDriver(LeakWatchConfig config) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "leakwatch-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(LeakWatchTopology.build(config, serdes, Classifiers.loadDefault(), listener), props,
                Instant.ofEpochMilli(T0));
        events = driver.createInputTopic(topics.smsEvents.name(), new ByteArraySerializer(), new ByteArraySerializer());
        apps = driver.createInputTopic(topics.apps.name(), new StringSerializer(), topics.apps.valueSerde().serializer());
        rules = driver.createInputTopic(topics.rules.name(), new StringSerializer(), topics.rules.valueSerde().serializer());
    }

    /** Settings on top of the demo key, e.g. {@code "leakwatch.resolve.after", "6"}. */
    public static LeakWatchConfig config(String... keyValues) {
        final Map<String, String> map = new java.util.LinkedHashMap<>();
        map.put("leakwatch.hmac.key", LeakWatchConfig.DEMO_HMAC_KEY_HEX);
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return LeakWatchConfig.from(map).withStateStores(StateStores.REPLAY_MEMORY);
    }

    /** A sender as the pipeline writes it under the demo key: a mobile number as {@code m:<token>}, anything else as is. */
    public static String senderAsWritten(String raw) {
        return new Pseudonymizer(LeakWatchConfig.demo().hmacKey()).pseudonymizeSender(raw);
    }

    public AvroSerdes serdes() {
        return serdes;
    }

    public Topics topics() {
        return topics;
    }

    public RecordingListener listener() {
        return listener;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    public void app(String id, String signature, String... ports) {
        apps.pipeInput(id, App.newBuilder().setId(id).setName(signature).setSignature(signature).setPorts(List.of(ports)).build());
    }

    public void rule(Rule rule) {
        rules.pipeInput(rule.getId(), rule);
    }

    public void deleteRule(String id) {
        rules.pipeInput(id, null);
    }

    /** A well-formed event with a fresh id. */
    public SmsEvent event(long ts, String sender, String recipient, String text) {
        return SmsEvent.newBuilder().setEventId("e" + ids.incrementAndGet()).setTs(ts).setSender(sender).setRecipient(recipient)
                .setText(text).build();
    }

    /** Sends an event as the SMSC would: Confluent wire-format bytes, keyed by its id. */
    public SmsEvent send(long ts, String sender, String recipient, String text) {
        final SmsEvent event = event(ts, sender, recipient, text);
        send(event);
        return event;
    }

    public void send(SmsEvent event) {
        sendRaw(event.getEventId().getBytes(StandardCharsets.UTF_8), encode(event), event.getTs());
    }

    public byte[] encode(SmsEvent event) {
        return serdes.value(SmsEvent.class).serializer().serialize(topics.smsEvents.name(), event);
    }

    public void sendRaw(byte[] key, byte[] value, long timestamp) {
        events.pipeInput(key, value, timestamp);
    }

    /** Lets wall-clock time pass (wall-clock punctuators, such as the sender stage's corrections, run on it). */
    public void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    public List<DeadLetter> deadLetters() {
        return values(topics.deadLetters.name(), topics.deadLetters.valueSerde().deserializer());
    }

    public List<ClassifiedSms> classified() {
        return values(topics.classified.name(), topics.classified.valueSerde().deserializer());
    }

    public List<CohortStats> cohortStats() {
        return values(topics.cohortStats.name(), topics.cohortStats.valueSerde().deserializer());
    }

    public List<SenderStats> senderStats() {
        return values(topics.senderStats.name(), topics.senderStats.valueSerde().deserializer());
    }

    public List<ComplianceFinding> findings() {
        return values(topics.complianceFindings.name(), topics.complianceFindings.valueSerde().deserializer());
    }

    public List<LeakAlert> alerts() {
        return values(topics.leakAlerts.name(), topics.leakAlerts.valueSerde().deserializer());
    }

    /** The {@code dropped-records-total} of every task: records Kafka Streams or a stage dropped. */
    public long droppedRecords() {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : driver.metrics().entrySet()) {
            if (metric.getKey().name().equals("dropped-records-total") && metric.getKey().group().equals("stream-task-metrics")) {
                total += ((Number) metric.getValue().metricValue()).doubleValue();
            }
        }
        return Math.round(total);
    }

    /** Everything written to a topic so far, as bytes; reading consumes it. */
    public List<TestRecord<byte[], byte[]>> raw(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
    }

    /** Every topic the topology wrote to, internal ones included. */
    public List<String> producedTopics() {
        return new ArrayList<>(driver.producedTopicNames());
    }

    private <V> List<V> values(String topic, Deserializer<V> deserializer) {
        final List<V> out = new ArrayList<>();
        for (TestRecord<byte[], byte[]> record : raw(topic)) {
            out.add(deserializer.deserialize(topic, record.value()));
        }
        return out;
    }

    @Override
    public void close() {
        driver.close();
    }

    /** Remembers what the topology told its host. */
    public static final class RecordingListener implements PipelineListener {
        public final List<String> deadLetterReasons = new ArrayList<>();
        public final List<LeakAlert> alerts = new ArrayList<>();
        public final AtomicLong senderRecordsTooLate = new AtomicLong();
        public final List<String> skippedReferences = new ArrayList<>();

        @Override
        public void referenceRecordSkipped(String topic, String reason) {
            skippedReferences.add(topic + " " + reason);
        }

        @Override
        public void deadLetter(String reason) {
            deadLetterReasons.add(reason);
        }

        @Override
        public void alert(LeakAlert alert) {
            alerts.add(alert);
        }

        @Override
        public void senderRecordTooLate() {
            senderRecordsTooLate.incrementAndGet();
        }
    }
}
