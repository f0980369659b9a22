package io.leakwatch.app.cli;

import io.leakwatch.app.http.HttpApi;
import io.leakwatch.app.http.Metrics;
import io.leakwatch.app.run.AlertFeed;
import io.leakwatch.app.run.ClientConnection;
import io.leakwatch.app.run.ShutdownSignal;
import io.leakwatch.app.run.StreamsRunner;
import io.leakwatch.app.run.TrafficView;
import io.leakwatch.schemas.registry.HttpSchemaRegistryClient;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.Topics;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline against a real Kafka cluster and schema registry (production).",
                "The config file holds Kafka Streams properties (application.id, bootstrap.servers, state.dir, ...),",
                "leakwatch.schema.registry.url, leakwatch.http.port and the detector's leakwatch.* keys;",
                "leakwatch.hmac.key may instead come from the environment variable LEAKWATCH_HMAC_KEY."})
final class RunCommand implements Callable<Integer> {

    static final String REGISTRY_KEY = "leakwatch.schema.registry.url";
    static final String HTTP_PORT_KEY = "leakwatch.http.port";
    static final String ALERT_OFFSET_KEY = "leakwatch.alert.offset";

    @Option(names = "--config", required = true, description = "Properties file (see deploy/README.md).")
    private Path config;

    @Override
    public Integer call() throws Exception {
        final Properties props = ConfigFiles.read(config);
        final String registryUrl = take(props, REGISTRY_KEY, null);
        final int httpPort = Integer.parseInt(take(props, HTTP_PORT_KEY, "8080"));
        final ZoneOffset offset = ZoneOffset.of(take(props, ALERT_OFFSET_KEY, "+08:00"));
        if (!props.containsKey("leakwatch.hmac.key") && System.getenv("LEAKWATCH_HMAC_KEY") != null) {
            props.setProperty("leakwatch.hmac.key", System.getenv("LEAKWATCH_HMAC_KEY"));
        }
        final Properties streamsProps = new Properties();
        props.stringPropertyNames().stream().filter(k -> !k.startsWith(LeakWatchConfig.PREFIX))
                .forEach(k -> streamsProps.setProperty(k, props.getProperty(k)));
        for (String required : new String[] {"application.id", "bootstrap.servers", "state.dir"}) {
            if (!streamsProps.containsKey(required)) {
                throw new IllegalArgumentException("config key " + required + " is required in " + config);
            }
        }
        final LeakWatchConfig settings = ConfigFiles.load(props, false);
        final AvroSerdes serdes = new AvroSerdes(new HttpSchemaRegistryClient(registryUrl));
        final Topics topics = new Topics(serdes);
        final TrafficView traffic = new TrafficView(offset);
        final ShutdownSignal stop = ShutdownSignal.install();
        try (Metrics metrics = new Metrics();
             HttpApi http = HttpApi.start("0.0.0.0", httpPort);
             AlertFeed feed = new AlertFeed(ClientConnection.from(streamsProps), topics.leakAlerts, offset,
                     AlertFeed.serverSentEvents(http.eventStream(AlertFeed.SSE_PATH), offset));
             TrafficView.Following following = TrafficView.follow(ClientConnection.from(streamsProps), topics, settings, traffic);
             StreamsRunner runner = new StreamsRunner(streamsProps.getProperty("bootstrap.servers"),
                     streamsProps.getProperty("application.id"), Path.of(streamsProps.getProperty("state.dir")), settings, serdes,
                     metrics.registry(), streamsProps)) {
            traffic.bindTo(metrics.registry());
            Routes.install(http, feed, traffic, metrics);
            runner.start();
            stop.await();
        } finally {
            stop.closed();
        }
        return 0;
    }

    private static String take(Properties props, String key, String fallback) {
        final String value = (String) props.remove(key);
        if (value == null && fallback == null) {
            throw new IllegalArgumentException("config key " + key + " is required");
        }
        return value == null ? fallback : value.strip();
    }
}
