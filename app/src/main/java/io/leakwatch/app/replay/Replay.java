package io.leakwatch.app.replay;

import io.leakwatch.app.events.RawExport;
import io.leakwatch.app.run.TempDirectories;
import io.leakwatch.schemas.App;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.ComplianceFinding;
import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.registry.InMemorySchemaRegistryClient;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.LeakWatchTopology;
import io.leakwatch.topology.PipelineListener;
import io.leakwatch.topology.Topics;
import io.leakwatch.topology.membership.MembershipProcessor;
import io.leakwatch.topology.state.StateStores;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** Runs the topology over an export in event time and writes the alerts. */
public final class Replay {

    /**
     * What a replay saw.
     *
     * @param cohorts each watched app's {@code cohort.stats} windows, in the order they were emitted (the totals
     *                shards left out)
     */
    public record Summary(long events, long deadLetters, List<LeakAlert> alerts, ZoneOffset offset,
                          List<CohortPoint> cohorts) {
    }

    /** One window of one app's cohort: how many of its recent and of all its members received third-party spam. */
    public record CohortPoint(String app, long windowStart, long recentMembers, long recentExposed, long allMembers,
                              long allExposed) {

        static CohortPoint of(CohortStats stats) {
            return new CohortPoint(stats.getApp(), stats.getWindowStart(), stats.getRecent().getMembers(),
                    stats.getRecent().getExposed(), stats.getAll().getMembers(), stats.getAll().getExposed());
        }
    }

    /** The JVM is shutting down (Ctrl-C, SIGTERM): the replay stopped at a record and wrote no alerts. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(long events) {
            super("stopped after " + events + " events; no alerts written");
        }
    }

    /** Where a long replay has got to: called every {@code every} of wall-clock time, at most once per drain. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (events, eventTime, offset, alerts) -> { };

        /**
         * @param events    input lines read so far
         * @param eventTime event time of the last of them (epoch ms)
         * @param alerts    alert state changes so far
         */
        void at(long events, long eventTime, ZoneOffset offset, int alerts);
    }

    /** Output topics are drained every this many input records, so a long archive does not pile up in memory. */
    private static final int DRAIN_EVERY = 20_000;

    private final LeakWatchConfig config;
    private final PipelineListener listener;
    private final Progress progress;
    private final long progressEveryNanos;
    /** Where the replay makes (and at its end removes) the directory of its state; null: the system's temp directory. */
    private Path stateParent;
    /** Tests only: through the driver's public API even where {@link ReplayDriver} could feed it. */
    private boolean publicDriverApi;
    /** Where the compliance findings go (JSON Lines), or null: not written. */
    private Path findingsOut;

    /** A replay with its state on the heap. */
    public Replay(LeakWatchConfig config, PipelineListener listener) {
        this(config, StateStores.REPLAY_MEMORY, listener, Progress.NONE, Duration.ofDays(1));
    }

    /**
     * @param stores {@link StateStores#REPLAY_MEMORY} or {@link StateStores#REPLAY_DISK}: a replay rebuilds its state
     *               from the archive, so it has no changelogs
     */
    public Replay(LeakWatchConfig config, StateStores stores, PipelineListener listener, Progress progress, Duration every) {
        if (stores.changelogged()) {
            throw new IllegalArgumentException("a replay keeps no changelogs: REPLAY_MEMORY or REPLAY_DISK, not " + stores);
        }
        this.config = config.withStateStores(stores);
        this.listener = listener;
        this.progress = progress;
        this.progressEveryNanos = every.toNanos();
    }

    /**
     * Makes the state directory under {@code parent} instead of the system's temp directory, which may be too small
     * (a tmpfs) for an archive's RocksDB state.
     */
    public Replay withStateUnder(Path parent) {
        if (!Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--state-dir: no such directory: " + parent);
        }
        this.stateParent = parent;
        return this;
    }

    /** Also writes the {@code compliance.findings} records, one JSON object a line, in the order they were written. */
    public Replay withFindingsTo(Path out) {
        this.findingsOut = out;
        return this;
    }

    /** The driver's public API instead of {@link ReplayDriver}: slower, the same alerts (the tests compare them). */
    Replay throughPublicDriverApi() {
        this.publicDriverApi = true;
        return this;
    }

    /** Replays a simulator output directory ({@code events.jsonl} and {@code apps.json}). */
    public Summary replayDirectory(Path dir, Path alertsOut) throws IOException {
        return replay(dir.resolve("events.jsonl"), dir.resolve("apps.json"), alertsOut);
    }

    public Summary replay(Path events, Path appsFile, Path alertsOut) throws IOException {
        requireFile(events, "--events");
        requireFile(appsFile, "--apps");
        final List<App> apps = RawExport.readApps(appsFile);
        final AvroSerdes serdes = new AvroSerdes(new InMemorySchemaRegistryClient());
        final Topics topics = new Topics(serdes);
        final Topology topology = LeakWatchTopology.build(config, serdes, listener);
        final List<LeakAlert> alerts = new ArrayList<>();
        final List<CohortPoint> cohorts = new ArrayList<>();
        final List<ComplianceFinding> findings = new ArrayList<>();
        long count = 0;
        long deadLetters = 0;
        ZoneOffset offset = null;
        final Path stateDir = stateParent == null ? Files.createTempDirectory("leakwatch-replay")
                : Files.createTempDirectory(stateParent, "leakwatch-replay");
        final Stop stop = new Stop(stateDir);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, driverProperties(stateDir));
             RawExport.Reader reader = new RawExport.Reader(events)) {
            final TestInputTopic<String, App> appInput = driver.createInputTopic(topics.apps.name(),
                    topics.apps.keySerde().serializer(), topics.apps.valueSerde().serializer());
            for (App app : apps) {
                appInput.pipeInput(new TestRecord<>(app.getId(), app, null, 0L));
            }
            final Feed feed = publicDriverApi ? new Public(driver, topics) : Feed.of(driver, topics);
            final Serializer<SmsEvent> eventSerializer = serdes.value(SmsEvent.class).serializer();
            final String smsTopic = topics.smsEvents.name();
            long lastTs = 0;
            long nextProgress = System.nanoTime() + progressEveryNanos;
            while (reader.hasNext() && !stop.asked()) {
                final RawExport.Line line = reader.next();
                if (line instanceof RawExport.Line.Event e) {
                    offset = offset == null ? e.offset() : offset;
                    lastTs = e.event().getTs();
                    final byte[] key = e.event().getRecipient().getBytes(StandardCharsets.UTF_8);
                    feed.pipe(smsTopic, key, eventSerializer.serialize(smsTopic, e.event()), lastTs);
                } else if (line instanceof RawExport.Line.Unreadable u) {
                    // Kept as it is: the ingest stage rejects it to the dead-letter topic with its reason.
                    feed.pipe(smsTopic, null, u.raw(), lastTs);
                }
                if (++count % DRAIN_EVERY == 0) {
                    feed.drain();
                    keepCohorts(feed.cohorts(), cohorts);
                    alerts.addAll(feed.alerts());
                    findings.addAll(feed.findings());
                    deadLetters += feed.deadLetters();
                    if (System.nanoTime() - nextProgress >= 0) {
                        progress.at(count, lastTs, offset == null ? ZoneOffset.UTC : offset, alerts.size());
                        nextProgress = System.nanoTime() + progressEveryNanos;
                    }
                }
            }
            if (stop.asked()) {
                throw new Stopped(count);
            }
            alerts.addAll(feed.alerts());
            findings.addAll(feed.findings());
            deadLetters += feed.deadLetters();
            keepCohorts(feed.cohorts(), cohorts);
        } finally {
            try {
                TempDirectories.deleteRecursively(stateDir);
            } finally {
                stop.done();
            }
        }
        final ZoneOffset zone = offset == null ? ZoneOffset.UTC : offset;
        writeAlerts(alerts, zone, alertsOut);
        if (findingsOut != null) {
            writeFindings(findings, findingsOut);
        }
        return new Summary(count, deadLetters, List.copyOf(alerts), zone, List.copyOf(cohorts));
    }

    /**
     * A replay stopped with Ctrl-C or SIGTERM would leave its state behind, gigabytes of RocksDB files for a carrier's
     * archive ({@code --state disk}). The JVM's shutdown asks the replay to stop at its next record and waits until it
     * has closed its stores and removed the directory; deleting under stores still being written leaves files behind.
     */
    private static final class Stop {
        /** How long the shutdown waits for the replay to stop before it removes the directory itself. */
        private static final long WAIT_SECONDS = 30;
        private final AtomicBoolean asked = new AtomicBoolean();
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final Thread hook;

        Stop(Path stateDir) {
            hook = new Thread(() -> {
                asked.set(true);
                try {
                    if (!stopped.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        TempDirectories.deleteRecursively(stateDir);
                    }
                } catch (IOException | UncheckedIOException e) {
                    System.err.println("replay: could not delete its state in " + stateDir + ": " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "replay-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        boolean asked() {
            return asked.get();
        }

        /** The replay is over and its directory gone. */
        void done() {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running and has just been released.
            }
        }
    }

    /**
     * How records reach the driver's task and the outputs a replay reads come back: through {@link ReplayDriver} where
     * this Kafka's driver is the one it knows, else through the driver's public API (the same records, slower).
     */
    private abstract static class Feed {
        final Topics topics;

        Feed(Topics topics) {
            this.topics = topics;
        }

        static Feed of(TopologyTestDriver driver, Topics topics) {
            final ReplayDriver fast = ReplayDriver.open(driver, Set.of(topics.leakAlerts.name(), topics.deadLetters.name(),
                    topics.cohortStats.name(), topics.complianceFindings.name()));
            if (fast == null) {
                System.err.println("replay: this Kafka's TopologyTestDriver is not the one ReplayDriver knows; "
                        + "replaying through its public API (slower)");
                return new Public(driver, topics);
            }
            return new Fast(fast, topics);
        }

        abstract void pipe(String topic, byte[] key, byte[] value, long timestamp);

        /** Lets go of what the replay does not read; called every {@link #DRAIN_EVERY} input records. */
        abstract void drain();

        abstract List<LeakAlert> alerts();

        abstract long deadLetters();

        abstract List<CohortStats> cohorts();

        abstract List<ComplianceFinding> findings();
    }

    private static final class Fast extends Feed {
        private final ReplayDriver driver;

        Fast(ReplayDriver driver, Topics topics) {
            super(topics);
            this.driver = driver;
        }

        @Override
        void pipe(String topic, byte[] key, byte[] value, long timestamp) {
            driver.pipe(topic, key, value, timestamp);
        }

        @Override
        void drain() {
            driver.commit();
        }

        @Override
        List<LeakAlert> alerts() {
            return values(topics.leakAlerts.name(), topics.leakAlerts.valueSerde().deserializer());
        }

        @Override
        long deadLetters() {
            return driver.take(topics.deadLetters.name()).size();
        }

        @Override
        List<CohortStats> cohorts() {
            return values(topics.cohortStats.name(), topics.cohortStats.valueSerde().deserializer());
        }

        @Override
        List<ComplianceFinding> findings() {
            return values(topics.complianceFindings.name(), topics.complianceFindings.valueSerde().deserializer());
        }

        private <V> List<V> values(String topic, Deserializer<V> deserializer) {
            final List<V> out = new ArrayList<>();
            for (ProducerRecord<byte[], byte[]> record : driver.take(topic)) {
                out.add(deserializer.deserialize(topic, record.headers(), record.value()));
            }
            return out;
        }
    }

    /** The driver's public API: {@code pipeInput} and output topics read back, as replays did before ReplayDriver. */
    private static final class Public extends Feed {
        private final TopologyTestDriver driver;
        private final TestInputTopic<byte[], byte[]> smsInput;
        private final TestOutputTopic<String, LeakAlert> alertOutput;
        private final TestOutputTopic<String, DeadLetter> dlqOutput;
        private final TestOutputTopic<String, CohortStats> cohortOutput;
        private final TestOutputTopic<String, ComplianceFinding> findingOutput;
        private final Map<String, TestOutputTopic<byte[], byte[]>> unread = new HashMap<>();
        private final Set<String> read;

        Public(TopologyTestDriver driver, Topics topics) {
            super(topics);
            this.driver = driver;
            smsInput = driver.createInputTopic(topics.smsEvents.name(), topics.smsEvents.keySerde().serializer(),
                    topics.smsEvents.valueSerde().serializer());
            alertOutput = driver.createOutputTopic(topics.leakAlerts.name(), topics.leakAlerts.keySerde().deserializer(),
                    topics.leakAlerts.valueSerde().deserializer());
            dlqOutput = driver.createOutputTopic(topics.deadLetters.name(), topics.deadLetters.keySerde().deserializer(),
                    topics.deadLetters.valueSerde().deserializer());
            cohortOutput = driver.createOutputTopic(topics.cohortStats.name(), topics.cohortStats.keySerde().deserializer(),
                    topics.cohortStats.valueSerde().deserializer());
            findingOutput = driver.createOutputTopic(topics.complianceFindings.name(), topics.complianceFindings.keySerde().deserializer(),
                    topics.complianceFindings.valueSerde().deserializer());
            read = Set.of(topics.leakAlerts.name(), topics.deadLetters.name(), topics.cohortStats.name(), topics.complianceFindings.name());
        }

        @Override
        void pipe(String topic, byte[] key, byte[] value, long timestamp) {
            smsInput.pipeInput(new TestRecord<>(key, value, null, timestamp));
        }

        /**
         * The driver keeps a copy of every record written to any topic until someone reads it: one per event for
         * {@code sms.classified} and {@code classified-by-sender}, which was most of a replay's heap.
         */
        @Override
        void drain() {
            for (String topic : driver.producedTopicNames()) {
                if (!read.contains(topic)) {
                    unread.computeIfAbsent(topic, name -> driver.createOutputTopic(name, new ByteArrayDeserializer(),
                            new ByteArrayDeserializer())).readRecordsToList();
                }
            }
        }

        @Override
        List<LeakAlert> alerts() {
            return alertOutput.readValuesToList();
        }

        @Override
        long deadLetters() {
            return dlqOutput.readValuesToList().size();
        }

        @Override
        List<CohortStats> cohorts() {
            return cohortOutput.readValuesToList();
        }

        @Override
        List<ComplianceFinding> findings() {
            return findingOutput.readValuesToList();
        }
    }

    private static void keepCohorts(List<CohortStats> emitted, List<CohortPoint> into) {
        for (CohortStats stats : emitted) {
            if (!stats.getApp().startsWith(MembershipProcessor.TOTALS_PREFIX)) {
                into.add(CohortPoint.of(stats));
            }
        }
    }

    private static void writeAlerts(List<LeakAlert> alerts, ZoneOffset offset, Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (LeakAlert alert : alerts) {
                writer.write(AlertJson.line(alert, offset));
                writer.write('\n');
            }
        }
    }

    private static void writeFindings(List<ComplianceFinding> findings, Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (ComplianceFinding finding : findings) {
                writer.write(finding.toString());
                writer.write('\n');
            }
        }
    }

    private static Properties driverProperties(Path stateDir) {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "leakwatch-replay");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        return props;
    }

    private static void requireFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + ": no such file: " + file);
        }
    }
}
