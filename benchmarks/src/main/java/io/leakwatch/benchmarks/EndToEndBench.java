package io.leakwatch.benchmarks;

import io.leakwatch.app.bench.BrokerView;
import io.leakwatch.app.bench.DroppedRecords;
import io.leakwatch.app.bench.HeapSampler;
import io.leakwatch.app.bench.PassThrough;
import io.leakwatch.app.bench.SimulatedTraffic;
import io.leakwatch.app.bench.TimedRun;
import io.leakwatch.app.broker.EmbeddedKafka;
import io.leakwatch.app.broker.TopicSpec;
import io.leakwatch.app.run.StreamsRunner;
import io.leakwatch.app.run.TempDirectories;
import io.leakwatch.schemas.registry.EmbeddedSchemaRegistry;
import io.leakwatch.schemas.registry.HttpSchemaRegistryClient;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.Topic;
import io.leakwatch.topology.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * One broker, one input, many runs: starts an in-process KRaft broker and the schema registry, produces the simulated
 * input once, then for each thread count times a pass-through topology and the full LeakWatch pipeline over it, each
 * with a fresh application id. Everything lives in one temporary directory, deleted at the end.
 *
 * <p>Both run at-least-once with the pipeline's commit interval, so that the ratio is the pipeline's work and nothing
 * else; production runs exactly-once (see {@code deploy/README.md}).
 */
final class EndToEndBench {

    private static final String SINK_PREFIX = "bench.passthrough.";
    private static final String REPARTITION_SUFFIX = "-repartition";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final HarnessSettings settings;
    private final PrintStream log;
    private final Path work;
    private final EmbeddedKafka kafka;
    private final Topics topics;
    private final AvroSerdes serdes;
    private final BrokerView broker;
    private final HeapSampler heap;

    private EndToEndBench(final HarnessSettings settings, final PrintStream log, final Path work,
                          final EmbeddedKafka kafka, final AvroSerdes serdes, final BrokerView broker,
                          final HeapSampler heap) {
        this.settings = settings;
        this.log = log;
        this.work = work;
        this.kafka = kafka;
        this.serdes = serdes;
        this.topics = new Topics(serdes);
        this.broker = broker;
        this.heap = heap;
    }

    /**
     * What one invocation measured.
     *
     * @param inputBytesPerRecord the mean size of an input record's key and value
     * @param comparisons         one per thread count, in the order run
     */
    record Results(double inputBytesPerRecord, List<Comparison> comparisons) {
    }

    /** Runs every comparison of {@code settings}, printing progress to {@code log}. */
    static Results run(final HarnessSettings settings, final PrintStream log) throws IOException {
        final Path work = Files.createTempDirectory("leakwatch-e2e-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, work.resolve("kafka"));
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0);
             BrokerView broker = new BrokerView(kafka);
             HeapSampler heap = new HeapSampler()) {
            final AvroSerdes serdes = new AvroSerdes(new HttpSchemaRegistryClient(registry.url()));
            return new EndToEndBench(settings, log, work, kafka, serdes, broker, heap).compareAll();
        } finally {
            TempDirectories.deleteRecursively(work);
        }
    }

    private Results compareAll() throws IOException {
        kafka.createTopics(TopicSpec.of(topics.all(), settings.partitions()));
        final double bytesPerRecord = produceInput();
        warmUp();
        final List<Comparison> comparisons = new ArrayList<>();
        for (final int threads : settings.threads()) {
            final RunResult passThrough = passThrough(threads, "pass-through, " + threads + " thread(s)");
            report(passThrough);
            final RunResult pipeline = pipeline(threads, "pipeline, " + threads + " thread(s)");
            report(pipeline);
            comparisons.add(new Comparison(threads, passThrough, pipeline));
        }
        return new Results(bytesPerRecord, comparisons);
    }

    /** Produces the input and returns the mean size of its records. */
    private double produceInput() throws IOException {
        log.printf(Locale.ROOT, "simulating %,d events ...%n", settings.events());
        final SimulatedTraffic traffic = SimulatedTraffic.simulate(settings.events(), settings.timeCompression(), work, serdes,
                topics);
        final long startedAt = System.nanoTime();
        traffic.produce(kafka.bootstrapServers(), topics);
        final long inInput = broker.endOffsetSum(List.of(topics.smsEvents.name()));
        if (inInput != traffic.size()) {
            throw new IllegalStateException("produced " + traffic.size() + " events but " + topics.smsEvents.name()
                    + " holds " + inInput);
        }
        log.printf(Locale.ROOT, "produced %,d events of %.0f bytes on average into %s (%d partitions) in %.1f s; "
                + "they span %.1f h of event time%n", inInput, traffic.averageBytes(), topics.smsEvents.name(),
                settings.partitions(), (System.nanoTime() - startedAt) / 1e9, traffic.eventTimeSpan().toMinutes() / 60.0);
        return traffic.averageBytes();
    }

    /**
     * Both runs, untimed, over the whole input with the first thread count, {@code --warmup-rounds} times: creates
     * the broker's consumer-offsets topic and lets the JIT compile the broker's, the clients' and the pipeline's code
     * before anything is timed. With one round the first measured round still ran at half the speed of the later
     * ones on the 2-core VM; a pass-through of 2,000,000 records took three runs to reach its steady rate.
     */
    private void warmUp() {
        final int threads = settings.threads().getFirst();
        for (int round = 1; round <= settings.warmUpRounds(); round++) {
            final RunResult passThrough = passThrough(threads, "warm-up pass-through");
            final RunResult pipeline = pipeline(threads, "warm-up pipeline");
            log.printf(Locale.ROOT, "warm-up %d, %d thread(s): pass-through %,.0f events/s, pipeline %,.0f events/s "
                    + "(not recorded)%n", round, threads, passThrough.eventsPerSecond(), pipeline.eventsPerSecond());
        }
    }

    private RunResult passThrough(final int threads, final String label) {
        final String applicationId = applicationId("passthrough", threads);
        final String sink = SINK_PREFIX + applicationId;
        kafka.createTopics(List.of(new TopicSpec(sink, settings.partitions(), false)));
        final KafkaStreams streams = new KafkaStreams(PassThrough.topology(topics.smsEvents.name(), sink), passThroughProperties(applicationId,
                threads));
        streams.setUncaughtExceptionHandler(e ->
                StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        try {
            heap.reset();
            final TimedRun.Timing timing = TimedRun.time(label, streams::start, streams::state, () -> {
                final long written = broker.endOffsetSum(List.of(sink));
                final boolean done = written >= settings.events();
                return new TimedRun.Progress(written, done, done);
            }, settings.timeout());
            return result("pass-through", threads, timing, 0, 0);
        } finally {
            streams.close(CLOSE_TIMEOUT);
            broker.deleteTopics(List.of(sink));
        }
    }

    private Properties passThroughProperties(final String applicationId, final int threads) {
        final Properties props = commonStreamsProperties(threads);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("state").resolve(applicationId).toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, StreamsRunner.COMMIT_INTERVAL_MS);
        return props;
    }

    /** What both runs share and the pipeline's runner does not set itself (or sets otherwise: exactly-once). */
    private static Properties commonStreamsProperties(final int threads) {
        final Properties props = new Properties();
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        return props;
    }

    private RunResult pipeline(final int threads, final String label) {
        recreatePipelineOutputs();
        final String applicationId = applicationId("pipeline", threads);
        final StreamsRunner runner = new StreamsRunner(kafka.bootstrapServers(), applicationId,
                work.resolve("state").resolve(applicationId), settings.pipelineConfig(), serdes,
                new SimpleMeterRegistry(), commonStreamsProperties(threads));
        try {
            heap.reset();
            final TimedRun.Timing timing = TimedRun.time(label, runner::start, runner::state,
                    () -> pipelineProgress(applicationId), settings.timeout());
            return result("pipeline", threads, timing, broker.endOffsetSum(List.of(topics.deadLetters.name())),
                    DroppedRecords.of(applicationId));
        } finally {
            runner.close();
            broker.deleteTopics(broker.topicsStartingWith(applicationId + "-"));
        }
    }

    /**
     * Complete when the input is committed and every record is classified or dead-lettered (what the brief of the
     * harness times); drained when, besides, the stages behind {@code sms.classified} have committed all of theirs.
     */
    private TimedRun.Progress pipelineProgress(final String applicationId) {
        final long written = broker.endOffsetSum(List.of(topics.classified.name(), topics.deadLetters.name()));
        final boolean complete = written >= settings.events()
                && broker.committedToEnd(applicationId, List.of(topics.smsEvents.name()));
        final boolean drained = complete && broker.committedToEnd(applicationId, pipelineSources(applicationId));
        return new TimedRun.Progress(written, complete, drained);
    }

    private List<String> pipelineSources(final String applicationId) {
        final Stream<String> repartitions = broker.topicsStartingWith(applicationId + "-").stream()
                .filter(topic -> topic.endsWith(REPARTITION_SUFFIX));
        return Stream.concat(Stream.of(topics.smsEvents.name(), topics.classified.name()), repartitions).toList();
    }

    /**
     * The pipeline reads back what it writes to {@code sms.classified}: a second run would also read the first one's
     * output, so its output topics start empty every time. The input and the reference topics stay.
     */
    private void recreatePipelineOutputs() {
        final List<Topic<?, ?>> outputs = topics.all().stream()
                .filter(topic -> !topic.compacted() && !topic.equals(topics.smsEvents))
                .toList();
        broker.deleteTopics(outputs.stream().map(Topic::name).toList());
        kafka.createTopics(TopicSpec.of(outputs, settings.partitions()));
    }

    private RunResult result(final String run, final int threads, final TimedRun.Timing timing,
                             final long deadLetters, final long dropped) {
        return new RunResult(run, threads, settings.events(), timing.outputs(), deadLetters, dropped,
                timing.firstOutputSeconds(), timing.completedSeconds(), timing.drainedSeconds(), heap.peakBytes());
    }

    private void report(final RunResult result) {
        log.printf(Locale.ROOT, "%s, %d thread(s): %,d events in %.2f s, %,.0f events/s (drained in %.2f s)%n",
                result.run(), result.threads(), result.events(), result.completedSeconds(), result.eventsPerSecond(),
                result.drainedSeconds());
    }

    private static String applicationId(final String run, final int threads) {
        return "bench-" + run + "-t" + threads + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
