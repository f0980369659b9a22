package io.leakwatch.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker, broker and KRaft controller in this JVM.
 *
 * <p>Built on {@link KafkaRaftServer} rather than Kafka's {@code KafkaClusterTestKit}: the test kit
 * drags JUnit and log4j-core onto the runtime classpath, and the demo ships this class in its jar.
 *
 * <p>Every internal topic gets replication factor 1 and min ISR 1, so exactly-once (which writes to
 * {@code __transaction_state}) works on one node.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "localhost";
    private static final String LOG_DIR = "logs";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    // polling the admin API for a state change has nothing to block on; this bounds its request rate
    private static final long POLL_BACKOFF_MS = 25;
    private static final int BIND_ATTEMPTS = 3;
    private static final Object EXIT_LOCK = new Object();

    private final KafkaRaftServer server;
    private final int port;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(final KafkaRaftServer server, final int port, final Path dataDir,
                          final boolean deleteDataDirOnClose) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteDataDirOnClose;
    }

    /**
     * Formats the storage (first start only), starts the broker and waits until it serves requests.
     *
     * @param port    the client port on localhost; 0 picks a free one
     * @param dataDir where logs and metadata live, kept after close so a restart finds its topics;
     *                null for a temporary directory deleted on close
     */
    public static EmbeddedKafka start(final int port, final Path dataDir) {
        return start(port, dataDir, EmbeddedKafka::freePorts);
    }

    /**
     * As {@link #start(int, Path)}, with the ports picked by {@code picker}. A port found free can be taken by
     * another process before the broker binds it; the broker then fails to bind, and this tries again with new
     * ports, up to {@value #BIND_ATTEMPTS} times. A client port given by the caller stays the same on every try.
     */
    static EmbeddedKafka start(final int port, final Path dataDir, final PortPicker picker) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("broker port must be 0..65535, was " + port);
        }
        final long startedAt = System.nanoTime();
        final boolean temporary = dataDir == null;
        final Path dir = temporary ? createTempDir() : createDir(dataDir);
        for (int attempt = 1; ; attempt++) {
            final int[] free = picker.pick(port == 0 ? 2 : 1, port);
            final int clientPort = port == 0 ? free[1] : port;
            final int controllerPort = free[0];
            try {
                final EmbeddedKafka kafka = startOn(clientPort, controllerPort, dir, temporary);
                LOG.info("Kafka broker ready on {} in {} ms (data in {})", kafka.bootstrapServers(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), dir);
                return kafka;
            } catch (final RuntimeException e) {
                final boolean portTaken = bindFailure(e) || inUse(clientPort) || inUse(controllerPort);
                if (portTaken && attempt < BIND_ATTEMPTS) {
                    LOG.warn("Kafka broker could not bind port {} or {} ({}); trying other ports", clientPort,
                            controllerPort, e.getMessage());
                    continue;
                }
                if (temporary) {
                    deleteRecursively(dir);
                }
                if (portTaken) {
                    throw new IllegalStateException("Kafka broker could not bind its ports on " + HOST + " after "
                            + attempt + " tries; last tried client port " + clientPort + ", controller port "
                            + controllerPort + ": " + e.getMessage(), e);
                }
                throw e;
            }
        }
    }

    private static EmbeddedKafka startOn(final int clientPort, final int controllerPort, final Path dir,
                                         final boolean temporary) {
        KafkaRaftServer server = null;
        try {
            final Properties props = brokerProperties(clientPort, controllerPort, dir.resolve(LOG_DIR));
            formatStorage(props, dir);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            startWithoutExit(server);
            final EmbeddedKafka kafka = new EmbeddedKafka(server, clientPort, dir, temporary);
            kafka.awaitReady();
            return kafka;
        } catch (final RuntimeException e) {
            if (server != null) {
                stopQuietly(server, e);
            }
            throw e;
        }
    }

    /**
     * Starts {@code server}, turning Kafka's own exit and halt calls during startup into an exception. A
     * controller that cannot bind its port halts the whole JVM through Kafka's fatal-fault handler (seen here with
     * Kafka 4.1.1): in the demo or a test fork that ends everything, with no word of why, and nothing can try
     * another port. The procedures are JVM-wide, so starts are serialised and the defaults restored after.
     */
    private static void startWithoutExit(final KafkaRaftServer server) {
        synchronized (EXIT_LOCK) {
            final Exit.Procedure refuse = (status, message) -> {
                throw new IllegalStateException("Kafka asked to stop the JVM (status " + status + ") during broker"
                        + " startup: " + (message == null ? "no reason given (a fatal fault, logged above)" : message));
            };
            Exit.setExitProcedure(refuse);
            Exit.setHaltProcedure(refuse);
            try {
                server.startup();
            } finally {
                Exit.resetExitProcedure();
                Exit.resetHaltProcedure();
            }
        }
    }

    /**
     * Whether another process holds {@code port} on localhost. Asked after a failed start, once this broker has
     * let its ports go: a controller that cannot bind reports it through Kafka's fatal-fault handler, whose exit
     * call carries no cause to look at.
     */
    static boolean inUse(final int port) {
        try (ServerSocket probe = listen(port)) {
            return false;
        } catch (final IOException e) {
            return true;
        }
    }

    /** Whether {@code e} or one of its causes is a failure to bind a listener's port. */
    static boolean bindFailure(final Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** Picks {@code count} free ports on localhost, none of them {@code taken}. */
    @FunctionalInterface
    interface PortPicker {
        int[] pick(int count, int taken);
    }

    /** The {@code bootstrap.servers} value for clients of this broker. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The client port the broker listens on. */
    public int port() {
        return port;
    }

    /** Where the broker keeps its logs and metadata. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates the topics that do not exist yet (existing ones are left as they are) and waits until
     * every partition has a leader, so that a Kafka Streams application started right after finds
     * its source topics instead of failing with a missing-source-topic error.
     */
    public void createTopics(final List<TopicSpec> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            final List<NewTopic> newTopics = topics.stream().map(EmbeddedKafka::newTopic).toList();
            final Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
            for (final Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                awaitCreated(result.getKey(), result.getValue());
            }
            awaitLeaders(admin, topics.stream().map(TopicSpec::name).toList());
        }
    }

    /** A new admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "leakwatch-embedded-admin"));
    }

    /** Stops the broker and, for a temporary data directory, deletes it. Closing twice is harmless. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        final long stoppingAt = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (deleteDataDirOnClose) {
                deleteRecursively(dataDir);
            }
        }
        LOG.info("Kafka broker on {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppingAt));
    }

    private static Properties brokerProperties(final int clientPort, final int controllerPort,
                                               final Path logDir) {
        final Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());

        // one node: every internal topic must live with a single replica
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "8");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "8");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");

        // a lone consumer group has nobody to wait for; the default delays every Streams start by 3 s
        props.put("group.initial.rebalance.delay.ms", "0");
        // topics are a contract created up front; a typo must fail, not create a stray topic
        props.put("auto.create.topics.enable", "false");

        // a laptop demo: bounded by size, and the cleaner must not take 128 MiB of our heap
        // Demo and test traffic carries simulated (past) event times as record timestamps: time-based retention
        // would delete it before it is read. Size bounds the disk instead.
        props.put("log.retention.ms", "-1");
        props.put("log.retention.bytes", Long.toString(1L << 30));
        props.put("log.segment.bytes", Integer.toString(64 << 20));
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 << 20));
        return props;
    }

    private static void formatStorage(final Properties props, final Path dir) {
        if (Files.exists(dir.resolve(LOG_DIR).resolve("meta.properties"))) {
            // formatted on an earlier start: formatting again would try to change the cluster id
            return;
        }
        final Path configFile = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            props.store(out, "written by LeakWatch EmbeddedKafka for kafka-storage format");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write broker config " + configFile, e);
        }
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final int exitCode;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                "format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", configFile.toString()}, printStream);
        } catch (final RuntimeException e) {
            throw new IllegalStateException("formatting Kafka storage in " + dir + " failed: " + e.getMessage()
                    + " " + output.toString(StandardCharsets.UTF_8).strip(), e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + dir + " failed with exit code "
                    + exitCode + ": " + output.toString(StandardCharsets.UTF_8).strip());
        }
        LOG.debug("kafka-storage format: {}", output.toString(StandardCharsets.UTF_8).strip());
    }

    private void awaitReady() {
        final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                final Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative()) {
                    throw new IllegalStateException("Kafka broker on " + bootstrapServers()
                            + " did not become ready within " + READY_TIMEOUT);
                }
                final List<Node> nodes = describeNodes(admin, left);
                if (!nodes.isEmpty()) {
                    return;
                }
                backOff();
            }
        }
    }

    private static List<Node> describeNodes(final Admin admin, final Duration timeout) {
        final int timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try {
            return new ArrayList<>(admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .nodes().get(timeoutMs, TimeUnit.MILLISECONDS));
        } catch (final ExecutionException | TimeoutException e) {
            LOG.debug("broker not ready yet: {}", e.toString());
            return List.of();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private static NewTopic newTopic(final TopicSpec spec) {
        final String cleanupPolicy = spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE;
        return new NewTopic(spec.name(), spec.partitions(), (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy));
    }

    private static void awaitCreated(final String topic, final KafkaFuture<Void> creation) {
        try {
            creation.get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debug("created topic {}", topic);
        } catch (final ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (final TimeoutException e) {
            throw new IllegalStateException("creating topic " + topic + " timed out after " + TOPIC_TIMEOUT, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }

    private static void awaitLeaders(final Admin admin, final List<String> topics) {
        final long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        while (!allPartitionsLed(admin, topics)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " have no leader after " + TOPIC_TIMEOUT);
            }
            backOff();
        }
    }

    private static boolean allPartitionsLed(final Admin admin, final List<String> topics) {
        try {
            final Map<String, TopicDescription> descriptions =
                    admin.describeTopics(topics).allTopicNames().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return descriptions.values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .map(TopicPartitionInfo::leader)
                    .allMatch(leader -> leader != null && !leader.isEmpty());
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("cannot describe topics " + topics + ": " + e.getCause().getMessage(), e.getCause());
        } catch (final TimeoutException e) {
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for topics " + topics, e);
        }
    }

    private static void backOff() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_BACKOFF_MS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /**
     * {@code count} distinct free ports on localhost, none of them {@code taken}. The sockets are held
     * open until all are found: one closed before the next is opened may be handed out again, and two
     * listeners on one port fail the broker's config check (that failed a CI run; the old one-at-a-time probe
     * gave equal pairs 3 to 7 times in 50,000 here).
     */
    static int[] freePorts(final int count, final int taken) {
        final List<ServerSocket> sockets = new ArrayList<>();
        try {
            final int[] ports = new int[count];
            int found = 0;
            while (found < count) {
                final ServerSocket socket = listen(0);
                sockets.add(socket);
                if (socket.getLocalPort() != taken) {
                    ports[found++] = socket.getLocalPort();
                }
            }
            return ports;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot find a free port on localhost", e);
        } finally {
            for (final ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    /** A probe socket on {@code port} of localhost, 0 for any free one. */
    private static ServerSocket listen(final int port) throws IOException {
        return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    }

    private static void closeQuietly(final ServerSocket socket) {
        try {
            socket.close();
        } catch (final IOException e) {
            LOG.debug("closing the port probe on {} failed", socket.getLocalPort(), e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("leakwatch-kafka-");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the Kafka broker", e);
        }
    }

    private static Path createDir(final Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory " + dir, e);
        }
    }

    private static void stopQuietly(final KafkaRaftServer server, final RuntimeException cause) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (final RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void deleteRecursively(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(final Path directory, final IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (final IOException e) {
            LOG.warn("could not delete the broker's temporary directory {}: {}", dir, e.toString());
        }
    }
}
