package io.leakwatch.app.bench;

import io.leakwatch.app.demo.DemoTraffic;
import io.leakwatch.app.events.RawExport;
import io.leakwatch.schemas.App;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.simulator.Scenario;
import io.leakwatch.simulator.SimulationResult;
import io.leakwatch.simulator.Simulator;
import io.leakwatch.topology.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The first N events of the demo scenario (a simulated carrier with a planted mother-and-baby leak), serialised once,
 * as the SMSC hands them to {@code sms.events}: keyed by recipient, Avro in the Confluent wire format, timestamped with
 * their event time. The scenario runs longer than its four days when N needs more traffic. Event time can be
 * compressed: at {@code k}, an event {@code t} after the first is stamped {@code t / k} after it, in the record's
 * timestamp and in the event's {@code ts} alike, so the same events arrive as densely as from a carrier {@code k}
 * times the size (the demo's 20,000 subscribers send about 220 SMS per partition and hour into 8 partitions).
 */
public final class SimulatedTraffic {

    // a longer scenario is sized from the first one's event rate; the margin covers its day-to-day variation
    private static final double DAYS_MARGIN = 1.1;

    private final List<RawSms> records;
    private final List<App> apps;
    private final Duration eventTimeSpan;

    private SimulatedTraffic(final List<RawSms> records, final List<App> apps, final Duration eventTimeSpan) {
        this.records = List.copyOf(records);
        this.apps = List.copyOf(apps);
        this.eventTimeSpan = eventTimeSpan;
    }

    /** One record of {@code sms.events} as bytes. */
    private record RawSms(byte[] key, byte[] value, long timestamp) {
    }

    /**
     * Simulates the scenario in {@code work} and serialises its first {@code events} events with {@code serdes}, their
     * event time compressed {@code timeCompression} times.
     */
    public static SimulatedTraffic simulate(final int events, final int timeCompression, final Path work,
                                     final AvroSerdes serdes, final Topics topics) throws IOException {
        final Scenario demo = Scenario.read(DemoTraffic.writeBundledScenario(work));
        final Path out = work.resolve("simulation");
        final SimulationResult first = Simulator.run(demo, work, out);
        final SimulationResult result = first.events() >= events ? first
                : Simulator.run(demo.withDays((int) Math.ceil(demo.days() * DAYS_MARGIN * events / first.events())),
                        work, out);
        if (result.events() < events) {
            throw new IllegalStateException("the scenario gave " + result.events() + " events, fewer than " + events);
        }
        final List<RawSms> records = serialise(result.eventsFile(), events, timeCompression,
                serdes.value(SmsEvent.class).serializer(), topics.smsEvents.name());
        final LongSummaryStatistics times = records.stream().mapToLong(RawSms::timestamp).summaryStatistics();
        return new SimulatedTraffic(records, RawExport.readApps(result.appsFile()),
                Duration.ofMillis(times.getMax() - times.getMin()));
    }

    /** How many SMS records there are. */
    public int size() {
        return records.size();
    }

    /** From the earliest event's time to the latest's, after compression. */
    public Duration eventTimeSpan() {
        return eventTimeSpan;
    }

    /** The mean size of a record's key and value, in bytes. */
    public double averageBytes() {
        return records.stream().mapToLong(sms -> sms.key().length + sms.value().length).average().orElse(0);
    }

    /** Distinct recipients among the records: the subscribers whose membership the pipeline keeps. */
    public long subscribers() {
        return records.stream().map(sms -> ByteBuffer.wrap(sms.key())).distinct().count();
    }

    /**
     * The first {@code count} records as a paced run sends them: record {@code i} due at {@code startMs + i * 1000 /
     * perSecond}, that time in the record's timestamp and in the event's {@code ts} alike, so that what the pipeline
     * writes for it carries the time it was due to be sent.
     */
    public List<ProducerRecord<byte[], byte[]>> restamped(final int count, final long startMs, final double perSecond,
                                                          final AvroSerdes serdes, final Topics topics) {
        final String topic = topics.smsEvents.name();
        final Deserializer<SmsEvent> deserializer = serdes.value(SmsEvent.class).deserializer();
        final Serializer<SmsEvent> serializer = serdes.value(SmsEvent.class).serializer();
        final List<ProducerRecord<byte[], byte[]>> paced = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final RawSms sms = records.get(i);
            final SmsEvent event = deserializer.deserialize(topic, sms.value());
            final long due = startMs + (long) (i * 1000.0 / perSecond);
            event.setTs(due);
            paced.add(new ProducerRecord<>(topic, null, due, sms.key(), serializer.serialize(topic, event)));
        }
        return paced;
    }

    /**
     * Writes the watched apps to {@code apps} and the SMS to {@code sms.events}, and waits until the broker has
     * acknowledged every record.
     */
    public void produce(final String bootstrapServers, final Topics topics) {
        final Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, App> appProducer =
                     new KafkaProducer<>(props, new StringSerializer(), topics.apps.valueSerde().serializer());
             KafkaProducer<byte[], byte[]> smsProducer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            final List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (final App app : apps) {
                sends.add(appProducer.send(new ProducerRecord<>(topics.apps.name(), app.getId(), app)));
            }
            for (final RawSms sms : records) {
                sends.add(smsProducer.send(new ProducerRecord<>(topics.smsEvents.name(), null, sms.timestamp(),
                        sms.key(), sms.value())));
            }
            appProducer.flush();
            smsProducer.flush();
            awaitAcknowledged(sends);
        }
    }

    private static List<RawSms> serialise(final Path eventsFile, final int events, final int timeCompression,
                                          final Serializer<SmsEvent> serializer, final String topic)
            throws IOException {
        final List<RawSms> records = new ArrayList<>(events);
        long origin = Long.MIN_VALUE;
        try (RawExport.Reader reader = new RawExport.Reader(eventsFile)) {
            while (records.size() < events && reader.hasNext()) {
                if (!(reader.next() instanceof RawExport.Line.Event line)) {
                    throw new IllegalStateException("the simulator wrote a line that is not an SMS in " + eventsFile);
                }
                final SmsEvent event = line.event();
                if (origin == Long.MIN_VALUE) {
                    origin = event.getTs();
                }
                event.setTs(origin + Math.floorDiv(event.getTs() - origin, timeCompression));
                records.add(new RawSms(event.getRecipient().getBytes(StandardCharsets.UTF_8),
                        serializer.serialize(topic, event), event.getTs()));
            }
        }
        return records;
    }

    private static void awaitAcknowledged(final List<Future<RecordMetadata>> sends) {
        try {
            for (final Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (final ExecutionException e) {
            throw new IllegalStateException("producing the input failed: " + e.getCause().getMessage(), e.getCause());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing the input", e);
        }
    }
}
