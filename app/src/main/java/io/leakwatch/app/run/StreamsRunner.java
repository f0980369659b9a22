package io.leakwatch.app.run;

import io.leakwatch.app.http.HttpApi;
import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.LeakWatchTopology;
import io.leakwatch.topology.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops one KafkaStreams instance of the LeakWatch topology, with its metrics bound and its exception
 * handlers routing records that fail to {@code sms.dlq} ({@link DeadLetterRouter}).
 */
public final class StreamsRunner implements AutoCloseable {
    /** The gauge of the Kafka Streams client's state, one series per state, 1 for the current one. */
    public static final String STATE_GAUGE = "leakwatch.streams.state";
    /** The counter of stream threads that died and were replaced. */
    public static final String REPLACEMENTS_COUNTER = "leakwatch.stream.thread.replacements";

    /**
     * How often the pipeline commits, in milliseconds: the end-to-end harness in {@code benchmarks} gives its
     * pass-through baseline the same interval.
     */
    public static final int COMMIT_INTERVAL_MS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final StreamsHealth health;
    private final DeadLetterRouter deadLetters;

    public StreamsRunner(String bootstrapServers, String applicationId, Path stateDir, LeakWatchConfig config, AvroSerdes serdes,
                         MeterRegistry registry, Properties overrides) {
        this(bootstrapServers, applicationId, stateDir, config, serdes, registry, overrides, LeakWatchTopology.Stage.FULL);
    }

    /** The topology built up to {@code until} ({@code ./leakwatch bench} times each prefix); otherwise as above. */
    public StreamsRunner(String bootstrapServers, String applicationId, Path stateDir, LeakWatchConfig config, AvroSerdes serdes,
                         MeterRegistry registry, Properties overrides, LeakWatchTopology.Stage until) {
        final MicrometerListener listener = new MicrometerListener(registry);
        final Topology topology = LeakWatchTopology.build(config, serdes, listener, until);
        LOG.info("topology:\n{}", topology.describe());
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 32L * 1024 * 1024);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        final Properties connection = ClientConnection.from(overrides);
        connection.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        deadLetters = new DeadLetterRouter(DeadLetterRouter.kafka(connection, new Topics(serdes).deadLetters.name(),
                serdes.value(DeadLetter.class).serializer()), listener);
        deadLetters.configure(props);
        props.putAll(overrides);
        streams = new KafkaStreams(topology, props);
        health = new StreamsHealth(streams::state, Clock.systemUTC());
        final Counter replacements = Counter.builder(REPLACEMENTS_COUNTER)
                .description("Stream threads that died on an exception and were replaced").register(registry);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            replacements.increment();
            health.threadReplaced();
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            Gauge.builder(STATE_GAUGE, streams, s -> s.state() == state ? 1 : 0)
                    .description("1 for the current state of the Kafka Streams client").tag("state", state.name()).register(registry);
        }
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Readiness for {@code /health/ready}: see {@link StreamsHealth}. */
    public HttpApi.Probe readiness() {
        return health.probe();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.close();
        deadLetters.close();
    }
}
