package io.leakwatch.app.bench;

import io.leakwatch.app.broker.EmbeddedKafka;
import io.leakwatch.app.broker.TopicSpec;
import io.leakwatch.app.run.StreamsRunner;
import io.leakwatch.app.run.TempDirectories;
import io.leakwatch.schemas.registry.EmbeddedSchemaRegistry;
import io.leakwatch.schemas.registry.HttpSchemaRegistryClient;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.LeakWatchTopology.Stage;
import io.leakwatch.topology.Topic;
import io.leakwatch.topology.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * {@code ./leakwatch bench}: one in-process broker, one input produced once, then timed runs over it, each a fresh
 * application from the start of {@code sms.events} until drained (every topic it reads committed to its end): a
 * pass-through (after an untimed one, so that the broker's and the clients' code is compiled first), each prefix of
 * the topology ({@link Stage}), the full pipeline again per thread count of the scaling run; then latency at half the
 * full pipeline's rate. Every run is exactly-once v2 with the pipeline's commit interval. Everything lives in one
 * temporary directory, deleted at the end.
 */
public final class Bench {

    private static final String SINK_PREFIX = "bench.passthrough.";
    private static final String REPARTITION_SUFFIX = "-repartition";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final double MIB = 1024.0 * 1024.0;
    private static final long STARTUP_POLL_MS = 100;
    // the paced records are restamped before sending; they are due this long after the restamping starts, plus the time it takes
    private static final long PACING_HEAD_START_MS = 2_000;
    private static final double RESTAMPED_PER_MS = 20.0;

    private final Settings settings;
    private final PrintStream log;
    private final Path work;
    private final EmbeddedKafka kafka;
    private final AvroSerdes serdes;
    private final Topics topics;
    private final BrokerView broker;
    private final HeapSampler heap;

    /**
     * What to measure.
     *
     * @param events          input records, simulated and produced once
     * @param threads         stream threads of every run but the scaling ones
     * @param scaleThreads    thread counts of the extra full-pipeline runs (empty: none)
     * @param partitions      partitions of the input and the pipeline's topics
     * @param stages          whether to time each prefix of the topology, or only the pass-through and the full pipeline
     * @param timeCompression how many times faster than simulated the input's event time runs
     * @param latencySeconds  how long the paced latency run sends
     * @param timeout         how long one run may take before the benchmark fails
     */
    public record Settings(int events, int threads, List<Integer> scaleThreads, int partitions, boolean stages,
                           int timeCompression, int latencySeconds, Duration timeout) {

        public Settings {
            scaleThreads = List.copyOf(scaleThreads);
        }
    }

    /** One timed run: its name, stream threads, seconds from start to drained, peak heap, state left on disk. */
    record Run(String name, int threads, long events, double seconds, long peakHeapBytes, long stateBytes, long droppedRecords) {

        double perSecond() {
            return events / seconds;
        }
    }

    private Bench(final Settings settings, final PrintStream log, final Path work, final EmbeddedKafka kafka,
                  final AvroSerdes serdes, final BrokerView broker, final HeapSampler heap) {
        this.settings = settings;
        this.log = log;
        this.work = work;
        this.kafka = kafka;
        this.serdes = serdes;
        this.topics = new Topics(serdes);
        this.broker = broker;
        this.heap = heap;
    }

    /** Runs the benchmark, progress to {@code log}; returns its results as the fields of one JSON object. */
    public static Map<String, Object> run(final Settings settings, final PrintStream log) throws IOException {
        final Path work = Files.createTempDirectory("leakwatch-bench-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, work.resolve("kafka"));
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0);
             BrokerView broker = new BrokerView(kafka);
             HeapSampler heap = new HeapSampler()) {
            final AvroSerdes serdes = new AvroSerdes(new HttpSchemaRegistryClient(registry.url()));
            return new Bench(settings, log, work, kafka, serdes, broker, heap).measure();
        } finally {
            TempDirectories.deleteRecursively(work);
        }
    }

    private Map<String, Object> measure() throws IOException {
        kafka.createTopics(TopicSpec.of(topics.all(), settings.partitions()));
        log.printf(Locale.ROOT, "simulating %,d events ...%n", settings.events());
        final SimulatedTraffic traffic = SimulatedTraffic.simulate(settings.events(), settings.timeCompression(), work, serdes, topics);
        traffic.produce(kafka.bootstrapServers(), topics);
        final long subscribers = traffic.subscribers();
        log.printf(Locale.ROOT, "produced %,d events (%.0f bytes each on average, %,d subscribers, %.1f h of event time) into %s, "
                + "%d partitions%n", traffic.size(), traffic.averageBytes(), subscribers, traffic.eventTimeSpan().toMinutes() / 60.0,
                topics.smsEvents.name(), settings.partitions());

        final Run warmUp = passThrough(settings.threads());
        log.printf(Locale.ROOT, "warm-up pass-through (not recorded): %,.0f events/s%n", warmUp.perSecond());
        final Run passThrough = report(passThrough(settings.threads()));
        final List<Run> stages = new ArrayList<>();
        stages.add(passThrough);
        final List<Stage> prefixes = settings.stages() ? List.of(Stage.values()) : List.of(Stage.FULL);
        for (final Stage stage : prefixes) {
            stages.add(report(pipeline(stage, settings.threads())));
        }
        final Run full = stages.getLast();
        final List<Run> scaling = new ArrayList<>();
        for (final int threads : settings.scaleThreads()) {
            scaling.add(report(pipeline(Stage.FULL, threads)));
        }
        final double offered = full.perSecond() / 2;
        final PacedLatency.Result latency = latency(traffic, offered);
        log.printf(Locale.ROOT, "latency at %,.0f events/s offered: %,d sent, %,d read from %s, p50 %d ms, p99 %d ms, max %d ms%n",
                offered, latency.sent(), latency.received(), topics.classified.name(), latency.p50Ms(), latency.p99Ms(), latency.maxMs());
        return results(passThrough, full, stages, scaling, offered, latency, subscribers);
    }

    private Map<String, Object> results(final Run passThrough, final Run full, final List<Run> stages, final List<Run> scaling,
                                        final double offered, final PacedLatency.Result latency, final long subscribers) {
        final int cores = Runtime.getRuntime().availableProcessors();
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", (long) settings.events());
        json.put("cores", cores);
        json.put("threads", settings.threads());
        json.put("partitions", settings.partitions());
        json.put("guarantee", StreamsConfig.EXACTLY_ONCE_V2);
        json.put("timeCompression", settings.timeCompression());
        json.put("passthroughPerSec", round(passThrough.perSecond()));
        json.put("pipelinePerSec", round(full.perSecond()));
        json.put("ratio", round3(full.perSecond() / passThrough.perSecond()));
        json.put("passthroughPerSecPerCore", round(passThrough.perSecond() / cores));
        json.put("pipelinePerSecPerCore", round(full.perSecond() / cores));
        json.put("latencyOfferedPerSec", round(offered));
        json.put("latencySent", latency.sent());
        json.put("latencyReceived", latency.received());
        json.put("latencyP50Ms", latency.p50Ms());
        json.put("latencyP99Ms", latency.p99Ms());
        json.put("latencyMaxMs", latency.maxMs());
        json.put("peakHeapMiB", round(full.peakHeapBytes() / MIB));
        json.put("droppedRecords", full.droppedRecords());
        json.put("subscribers", subscribers);
        json.put("stateMiB", round3(full.stateBytes() / MIB));
        json.put("stateMiBPerMillionSubscribers", round3(full.stateBytes() / MIB * 1e6 / Math.max(1, subscribers)));
        json.put("stages", stages.stream().map(run -> runJson(run, passThrough)).toList());
        json.put("scaling", scaling.stream().map(run -> runJson(run, passThrough)).toList());
        return json;
    }

    private static Map<String, Object> runJson(final Run run, final Run passThrough) {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("stage", run.name());
        json.put("threads", run.threads());
        json.put("seconds", round3(run.seconds()));
        json.put("perSec", round(run.perSecond()));
        json.put("ratio", round3(run.perSecond() / passThrough.perSecond()));
        json.put("peakHeapMiB", round(run.peakHeapBytes() / MIB));
        return json;
    }

    private Run passThrough(final int threads) {
        final String applicationId = applicationId("passthrough", threads);
        final String sink = SINK_PREFIX + applicationId;
        kafka.createTopics(List.of(new TopicSpec(sink, settings.partitions(), false)));
        final KafkaStreams streams = new KafkaStreams(PassThrough.topology(topics.smsEvents.name(), sink), properties(applicationId, threads));
        streams.setUncaughtExceptionHandler(e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        try {
            heap.reset();
            final TimedRun.Timing timing = TimedRun.time("pass-through", streams::start, streams::state,
                    () -> drained(applicationId, List.of(topics.smsEvents.name()), List.of(sink)), settings.timeout());
            return new Run("pass-through", threads, settings.events(), timing.drainedSeconds(), heap.peakBytes(), 0, 0);
        } finally {
            streams.close(CLOSE_TIMEOUT);
            broker.deleteTopics(List.of(sink));
        }
    }

    private Properties properties(final String applicationId, final int threads) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(applicationId).toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, StreamsRunner.COMMIT_INTERVAL_MS);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        return props;
    }

    private Run pipeline(final Stage stage, final int threads) {
        recreatePipelineOutputs();
        final String name = stage.name().toLowerCase(Locale.ROOT);
        final String applicationId = applicationId(name, threads);
        final StreamsRunner runner = runner(applicationId, stage, threads);
        long dropped = 0;
        final TimedRun.Timing timing;
        try {
            heap.reset();
            timing = TimedRun.time(name + ", " + threads + " thread(s)", runner::start, runner::state,
                    () -> drained(applicationId, sources(applicationId, stage), List.of(topics.classified.name(), topics.deadLetters.name())),
                    settings.timeout());
            dropped = DroppedRecords.of(applicationId);
        } finally {
            runner.close();
        }
        final long peak = heap.peakBytes();
        final long state = sizeOf(stateDir(applicationId));
        broker.deleteTopics(broker.topicsStartingWith(applicationId + "-"));
        return new Run(name, threads, settings.events(), timing.drainedSeconds(), peak, state, dropped);
    }

    private StreamsRunner runner(final String applicationId, final Stage stage, final int threads) {
        final Properties overrides = new Properties();
        overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        return new StreamsRunner(kafka.bootstrapServers(), applicationId, stateDir(applicationId), LeakWatchConfig.demo(), serdes,
                new SimpleMeterRegistry(), overrides, stage);
    }

    /** The topics a run of {@code stage} reads: the input, {@code sms.classified} read back, its repartition topics. */
    private List<String> sources(final String applicationId, final Stage stage) {
        final Stream<String> readBack = stage.includes(Stage.MEMBERSHIP) ? Stream.of(topics.classified.name()) : Stream.empty();
        final Stream<String> repartitions = broker.topicsStartingWith(applicationId + "-").stream()
                .filter(topic -> topic.endsWith(REPARTITION_SUFFIX));
        return Stream.of(Stream.of(topics.smsEvents.name()), readBack, repartitions).flatMap(s -> s).toList();
    }

    /**
     * Drained when the application has committed, on every partition of every topic it reads, the end offset; the
     * outputs' end offsets only show progress (under exactly-once they count transaction markers too).
     */
    private TimedRun.Progress drained(final String applicationId, final List<String> sources, final List<String> outputs) {
        final boolean done = broker.committedToEnd(applicationId, sources);
        return new TimedRun.Progress(broker.endOffsetSum(outputs), done, done);
    }

    /**
     * The full pipeline, fresh, on a fresh input topic, fed {@code offered} events per second for {@code --latency-seconds}
     * (at most the whole input) once it runs; latency from each record's due time to its {@code sms.classified} record
     * being readable (committed).
     */
    private PacedLatency.Result latency(final SimulatedTraffic traffic, final double offered) {
        broker.deleteTopics(List.of(topics.smsEvents.name()));
        kafka.createTopics(List.of(new TopicSpec(topics.smsEvents.name(), settings.partitions(), false)));
        recreatePipelineOutputs();
        final String applicationId = applicationId("latency", settings.threads());
        final StreamsRunner runner = runner(applicationId, Stage.FULL, settings.threads());
        try {
            runner.start();
            awaitRunning(runner);
            final int count = (int) Math.max(1, Math.min(traffic.size(), offered * settings.latencySeconds()));
            final long start = System.currentTimeMillis() + PACING_HEAD_START_MS + (long) (count / RESTAMPED_PER_MS);
            final List<ProducerRecord<byte[], byte[]>> paced = traffic.restamped(count, start, offered, serdes, topics);
            final List<TopicPartition> output = IntStream.range(0, settings.partitions())
                    .mapToObj(partition -> new TopicPartition(topics.classified.name(), partition)).toList();
            return PacedLatency.measure(kafka.bootstrapServers(), paced, output, count,
                    () -> broker.committedToEnd(applicationId, sources(applicationId, Stage.FULL)),
                    settings.timeout().plusSeconds(settings.latencySeconds()));
        } finally {
            runner.close();
            broker.deleteTopics(broker.topicsStartingWith(applicationId + "-"));
        }
    }

    private void awaitRunning(final StreamsRunner runner) {
        final long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (runner.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || runner.state() == KafkaStreams.State.ERROR) {
                throw new RunFailedException("the latency run's pipeline did not reach RUNNING: " + runner.state());
            }
            try {
                Thread.sleep(STARTUP_POLL_MS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunFailedException("interrupted while starting the latency run");
            }
        }
    }

    /** Each run starts on empty outputs: the pipeline reads back {@code sms.classified}, which a run before it filled. */
    private void recreatePipelineOutputs() {
        final List<Topic<?, ?>> outputs = topics.all().stream()
                .filter(topic -> !topic.compacted() && !topic.equals(topics.smsEvents))
                .toList();
        broker.deleteTopics(outputs.stream().map(Topic::name).toList());
        kafka.createTopics(TopicSpec.of(outputs, settings.partitions()));
    }

    private Run report(final Run run) {
        log.printf(Locale.ROOT, "%s, %d thread(s): %,d events drained in %.2f s, %,.0f events/s, peak heap %,.0f MiB%n",
                run.name(), run.threads(), run.events(), run.seconds(), run.perSecond(), run.peakHeapBytes() / MIB);
        return run;
    }

    private Path stateDir(final String applicationId) {
        return work.resolve("state").resolve(applicationId);
    }

    private static long sizeOf(final Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (final IOException e) {
                    throw new UncheckedIOException("cannot size " + file, e);
                }
            }).sum();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String applicationId(final String run, final int threads) {
        return "bench-" + run + "-t" + threads + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static double round(final double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round3(final double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
