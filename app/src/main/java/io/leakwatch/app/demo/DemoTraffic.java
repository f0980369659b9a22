package io.leakwatch.app.demo;

import io.leakwatch.app.events.RawExport;
import io.leakwatch.schemas.App;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a simulated export into {@code sms.events} as an SMSC would, keyed by recipient, with each record's
 * timestamp its event time, paced so that {@code speedup} seconds of event time pass per second of wall time.
 */
public final class DemoTraffic implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    private static final String BUNDLED_SCENARIO = "/io/leakwatch/app/demo/demo-scenario.json";
    private final String bootstrapServers;
    private final AvroSerdes serdes;
    private final Topics topics;
    private final Path dir;
    private final double speedup;
    private volatile boolean running = true;
    private volatile long sent;

    public DemoTraffic(String bootstrapServers, AvroSerdes serdes, Topics topics, Path dir, double speedup) {
        this.bootstrapServers = bootstrapServers;
        this.serdes = serdes;
        this.topics = topics;
        this.dir = dir;
        this.speedup = speedup;
    }

    /** Writes the demo's bundled scenario (a carrier with a planted mother-and-baby leak) into {@code dir}. */
    public static Path writeBundledScenario(final Path dir) throws IOException {
        final Path file = dir.resolve("demo-scenario.json");
        try (InputStream in = DemoTraffic.class.getResourceAsStream(BUNDLED_SCENARIO)) {
            if (in == null) {
                throw new IllegalStateException("the demo scenario " + BUNDLED_SCENARIO + " is not on the classpath");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    public void stop() {
        running = false;
    }

    public long sent() {
        return sent;
    }

    @Override
    public void run() {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, App> appProducer = new KafkaProducer<>(props, new StringSerializer(), topics.apps.valueSerde().serializer());
             KafkaProducer<byte[], byte[]> smsProducer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
             RawExport.Reader reader = new RawExport.Reader(dir.resolve("events.jsonl"))) {
            final List<App> apps = RawExport.readApps(dir.resolve("apps.json"));
            apps.forEach(app -> appProducer.send(new ProducerRecord<>(topics.apps.name(), app.getId(), app)));
            appProducer.flush();
            final Serializer<SmsEvent> serializer = serdes.value(SmsEvent.class).serializer();
            final long wallStart = System.currentTimeMillis();
            long eventStart = Long.MIN_VALUE;
            while (running && reader.hasNext()) {
                if (!(reader.next() instanceof RawExport.Line.Event line)) {
                    continue;
                }
                final SmsEvent event = line.event();
                eventStart = eventStart == Long.MIN_VALUE ? event.getTs() : eventStart;
                waitUntil(wallStart + (long) ((event.getTs() - eventStart) / speedup));
                smsProducer.send(new ProducerRecord<>(topics.smsEvents.name(), null, event.getTs(),
                        event.getRecipient().getBytes(StandardCharsets.UTF_8), serializer.serialize(topics.smsEvents.name(), event)));
                sent++;
            }
            smsProducer.flush();
            LOG.info("demo traffic finished: {} events sent", sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("demo traffic failed", e);
        }
    }

    private void waitUntil(long wallMillis) throws InterruptedException {
        final long wait = wallMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
