package io.leakwatch.app.cli;

import io.leakwatch.app.broker.EmbeddedKafka;
import io.leakwatch.app.broker.TopicSpec;
import io.leakwatch.app.demo.DemoTraffic;
import io.leakwatch.app.http.Access;
import io.leakwatch.app.http.HttpApi;
import io.leakwatch.app.http.HttpSettings;
import io.leakwatch.app.http.Role;
import io.leakwatch.app.http.Metrics;
import io.leakwatch.app.replay.AlertJson;
import io.leakwatch.app.run.AlertFeed;
import io.leakwatch.app.run.ClientConnection;
import io.leakwatch.app.run.ShutdownSignal;
import io.leakwatch.app.run.TempDirectories;
import io.leakwatch.app.run.StreamsRunner;
import io.leakwatch.app.run.ComplianceView;
import io.leakwatch.app.run.TrafficView;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.schemas.registry.EmbeddedSchemaRegistry;
import io.leakwatch.schemas.registry.HttpSchemaRegistryClient;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.simulator.Simulator;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts a Kafka broker (KRaft) and a schema registry in-process, streams a simulated carrier's SMS",
                "with a planted leak through the real topology at accelerated time, prints alerts as they open,",
                "and serves the console, GET /alerts and GET /metrics on 127.0.0.1. The API wants a bearer token: a fresh",
                "one is printed as 'token: <TOKEN>', and in the console's address. Ctrl-C stops it."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port on localhost (default ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default ${DEFAULT-VALUE}).")
    private int registryPort;

    @Option(names = "--http-port", defaultValue = "8080", description = "Port of /alerts and /metrics (default ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--http-bind", defaultValue = HttpSettings.DEFAULT_HOST,
            description = "Interface the HTTP API binds (default ${DEFAULT-VALUE}: this host only; 0.0.0.0 for every interface).")
    private String httpBind;

    @Option(names = "--scenario", description = "Scenario to simulate (default: the bundled mother-and-baby leak, 20,000 subscribers, 4 days).")
    private Path scenario;

    @Option(names = "--speedup", defaultValue = "1800", description = "Seconds of event time per second of wall time (default ${DEFAULT-VALUE}: an hour every 2 s).")
    private double speedup;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the data topics (default ${DEFAULT-VALUE}).")
    private int partitions;

    @Override
    public Integer call() throws Exception {
        if (speedup <= 0) {
            throw new IllegalArgumentException("--speedup must be positive, was " + speedup);
        }
        if (scenario != null && !Files.isRegularFile(scenario)) {
            throw new IllegalArgumentException("--scenario: no such file: " + scenario);
        }
        final Path work = Files.createTempDirectory("leakwatch-demo");
        final Path events = work.resolve("traffic");
        System.out.println("simulating the demo scenario ...");
        Simulator.run(scenarioFile(work), events);
        final ShutdownSignal stop = ShutdownSignal.install();
        final String token = Access.newToken();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(kafkaPort, work.resolve("kafka"));
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(registryPort);
             Metrics metrics = new Metrics();
             HttpApi http = HttpApi.start(httpBind, httpPort, Access.ofTokens(Map.of(token, Role.ADMIN)))) {
            final AvroSerdes serdes = new AvroSerdes(new HttpSchemaRegistryClient(registry.url()));
            final Topics topics = new Topics(serdes);
            kafka.createTopics(TopicSpec.of(topics.all(), partitions));
            final ZoneOffset offset = ZoneOffset.ofHours(8);
            final TrafficView view = new TrafficView(offset);
            final ComplianceView compliance = new ComplianceView();
            final Consumer<LeakAlert> console = alert -> System.out.printf("ALERT %-8s %-14s at %s  buyers=%s%n",
                    alert.getStatus(), alert.getApp(), AlertJson.time(alert.getAt(), offset), alert.getBuyerSenders());
            try (AlertFeed feed = new AlertFeed(ClientConnection.of(kafka.bootstrapServers()), topics.leakAlerts, offset,
                    console.andThen(AlertFeed.serverSentEvents(http.eventStream(AlertFeed.SSE_PATH, Access.ALERT_FEED), offset)));
                 TrafficView.Following following = TrafficView.follow(ClientConnection.of(kafka.bootstrapServers()), topics, acceleratedConfig(), view);
                 AutoCloseable findings = ComplianceView.follow(ClientConnection.of(kafka.bootstrapServers()), topics, compliance);
                 StreamsRunner runner = new StreamsRunner(kafka.bootstrapServers(), "leakwatch-demo", work.resolve("state"),
                         acceleratedConfig(), serdes, metrics.registry(), new Properties())) {
                view.bindTo(metrics.registry());
                Routes.install(http, feed, view, compliance, metrics);
                http.readiness(runner::readiness);
                runner.start();
                while (runner.state() != KafkaStreams.State.RUNNING && !stop.await(200, TimeUnit.MILLISECONDS)) {
                    // waiting for the first rebalance, so traffic does not start as a backlog
                }
                System.out.println("Kafka broker     " + kafka.bootstrapServers());
                System.out.println("Schema registry  " + registry.url());
                final String base = browserUrl(http);
                System.out.println("token: " + token);
                System.out.println("Console          " + base + "/?token=" + token);
                System.out.println("Alerts           " + base + "/alerts  (curl -H 'Authorization: Bearer <token>')");
                System.out.println("Alert stream     " + base + AlertFeed.SSE_PATH + "  (server-sent events)");
                System.out.println("Top spam senders " + base + TrafficView.SENDERS_PATH);
                System.out.println("Cohorts          " + base + TrafficView.COHORTS_PATH);
                System.out.println("Metrics          " + base + "/metrics  (no token)");
                System.out.printf("streaming simulated traffic at %.0fx; press Ctrl-C to stop%n", speedup);
                final DemoTraffic traffic = new DemoTraffic(kafka.bootstrapServers(), serdes, topics, events, speedup);
                final Thread producer = new Thread(traffic, "demo-traffic");
                producer.setDaemon(true);
                producer.start();
                stop.await();
                System.out.println("stopping ...");
                traffic.stop();
            }
        } finally {
            deleteQuietly(work);
            stop.closed();
        }
        return 0;
    }

    /** The address to open in a browser on this host: {@code localhost} for a loopback or wildcard bind. */
    static String browserUrl(HttpApi http) {
        final boolean local = Set.of("127.0.0.1", "0.0.0.0", "localhost", "::1", "::").contains(http.host());
        return local ? "http://localhost:" + http.port() : http.url();
    }

    /**
     * The demo key and a 30-minute grace period: at an hour of event time per second or two, a few hundred
     * milliseconds of scheduling jitter between partitions is many minutes of event time.
     */
    public static LeakWatchConfig acceleratedConfig() {
        return LeakWatchConfig.demoWith("leakwatch.grace", "PT30M");
    }

    private Path scenarioFile(Path work) throws Exception {
        if (scenario != null) {
            return scenario;
        }
        return DemoTraffic.writeBundledScenario(work);
    }

    private static void deleteQuietly(Path dir) {
        try {
            TempDirectories.deleteRecursively(dir);
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
