package io.leakwatch.app.cli;

import io.leakwatch.app.http.Access;
import io.leakwatch.app.http.HttpApi;
import io.leakwatch.app.http.HttpSettings;
import io.leakwatch.app.http.Metrics;
import io.leakwatch.app.run.AlertFeed;
import io.leakwatch.app.run.ClientConnection;
import io.leakwatch.app.run.ShutdownSignal;
import io.leakwatch.app.run.StreamsRunner;
import io.leakwatch.app.run.ComplianceView;
import io.leakwatch.app.run.TrafficView;
import io.leakwatch.schemas.registry.HttpSchemaRegistryClient;
import io.leakwatch.schemas.registry.RegistryRetry;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline against a real Kafka cluster and schema registry (production).",
                "The config file holds Kafka Streams properties (application.id, bootstrap.servers, state.dir, ...),",
                "leakwatch.schema.registry.url, the leakwatch.http.* keys (tokens.file is required) and the detector's",
                "leakwatch.* keys. The HMAC key (hex, at least 32 bytes; never the demo key) comes from the file named by",
                "leakwatch.hmac.key.file or the environment variable LEAKWATCH_HMAC_KEY. It refuses to start without",
                "processing.guarantee=exactly_once_v2 and replication.factor >= 3, unless",
                "leakwatch.allow.unsafe.test.settings=true."})
final class RunCommand implements Callable<Integer> {

    static final String REGISTRY_KEY = "leakwatch.schema.registry.url";
    static final String REGISTRY_RETRY_ATTEMPTS_KEY = "leakwatch.schema.registry.retry.attempts";
    static final String REGISTRY_RETRY_BACKOFF_KEY = "leakwatch.schema.registry.retry.backoff";
    static final String REGISTRY_RETRY_BACKOFF_MAX_KEY = "leakwatch.schema.registry.retry.backoff.max";
    static final String HTTP_PORT_KEY = "leakwatch.http.port";
    static final String HTTP_BIND_KEY = "leakwatch.http.bind";
    static final String TOKENS_FILE_KEY = "leakwatch.http.tokens.file";
    static final String MAX_BODY_KEY = "leakwatch.http.max.body.bytes";
    static final String MAX_SSE_KEY = "leakwatch.http.max.sse.clients";
    static final String REQUEST_TIMEOUT_KEY = "leakwatch.http.request.timeout";
    static final String ALERT_OFFSET_KEY = "leakwatch.alert.offset";
    static final String HMAC_KEY = "leakwatch.hmac.key";
    static final String HMAC_KEY_FILE_KEY = "leakwatch.hmac.key.file";
    static final String HMAC_KEY_ENV = "LEAKWATCH_HMAC_KEY";
    static final String UNSAFE_KEY = "leakwatch.allow.unsafe.test.settings";
    static final int MIN_REPLICATION_FACTOR = 3;

    @Option(names = "--config", required = true, description = "Properties file (see deploy/README.md).")
    private Path config;

    /** Everything {@code run} needs, read and checked before anything starts. */
    record Settings(Properties streams, LeakWatchConfig pipeline, String registryUrl, RegistryRetry registryRetry, HttpSettings http,
                    ZoneOffset offset) {
    }

    @Override
    public Integer call() throws Exception {
        final Settings run = settings(ConfigFiles.read(config), System.getenv());
        final AvroSerdes serdes = new AvroSerdes(new HttpSchemaRegistryClient(run.registryUrl(), run.registryRetry()));
        final Topics topics = new Topics(serdes);
        final TrafficView traffic = new TrafficView(run.offset());
        final ComplianceView compliance = new ComplianceView();
        final Properties streamsProps = run.streams();
        final ShutdownSignal stop = ShutdownSignal.install();
        try (Metrics metrics = new Metrics();
             HttpApi http = HttpApi.start(run.http());
             AlertFeed feed = new AlertFeed(ClientConnection.from(streamsProps), topics.leakAlerts, run.offset(),
                     AlertFeed.serverSentEvents(http.eventStream(AlertFeed.SSE_PATH, Access.ALERT_FEED), run.offset()));
             TrafficView.Following following = TrafficView.follow(ClientConnection.from(streamsProps), topics, run.pipeline(), traffic);
             AutoCloseable findings = ComplianceView.follow(ClientConnection.from(streamsProps), topics, compliance);
             StreamsRunner runner = new StreamsRunner(streamsProps.getProperty("bootstrap.servers"),
                     streamsProps.getProperty("application.id"), Path.of(streamsProps.getProperty("state.dir")), run.pipeline(), serdes,
                     metrics.registry(), streamsProps)) {
            traffic.bindTo(metrics.registry());
            Routes.install(http, feed, traffic, compliance, metrics);
            http.readiness(runner::readiness);
            runner.start();
            stop.await();
        } finally {
            stop.closed();
        }
        return 0;
    }

    /**
     * Reads and checks the configuration of {@code run}: every error names the key. {@code env} is the process
     * environment (a test passes its own).
     */
    static Settings settings(Properties props, Map<String, String> env) throws IOException {
        final String registryUrl = take(props, REGISTRY_KEY, null);
        final RegistryRetry registryRetry = registryRetry(props);
        final ZoneOffset offset = ZoneOffset.of(take(props, ALERT_OFFSET_KEY, "+08:00"));
        final HttpSettings http = httpSettings(props);
        final boolean unsafe = Boolean.parseBoolean(take(props, UNSAFE_KEY, "false"));
        props.setProperty(HMAC_KEY, hmacKey(props, env));
        final Properties streamsProps = new Properties();
        props.stringPropertyNames().stream().filter(k -> !k.startsWith(LeakWatchConfig.PREFIX))
                .forEach(k -> streamsProps.setProperty(k, props.getProperty(k)));
        for (String required : new String[] {"application.id", "bootstrap.servers", "state.dir"}) {
            if (!streamsProps.containsKey(required)) {
                throw new IllegalArgumentException("config key " + required + " is required");
            }
        }
        streamsProps.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        streamsProps.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, Integer.toString(MIN_REPLICATION_FACTOR));
        if (!unsafe) {
            requireSafe(streamsProps);
        }
        final LeakWatchConfig pipeline = ConfigFiles.load(props, false);
        if (pipeline.usesDemoKey()) {
            throw new IllegalArgumentException("config key " + HMAC_KEY + " is the public demo key, which anyone can read in the "
                    + "source: run needs a secret key (openssl rand -hex 32)");
        }
        return new Settings(streamsProps, pipeline, registryUrl, registryRetry, http, offset);
    }

    private static RegistryRetry registryRetry(Properties props) {
        final RegistryRetry d = RegistryRetry.DEFAULT;
        final int attempts = parseInt(REGISTRY_RETRY_ATTEMPTS_KEY, take(props, REGISTRY_RETRY_ATTEMPTS_KEY, Integer.toString(d.maxAttempts())));
        final Duration backoff = parseDuration(REGISTRY_RETRY_BACKOFF_KEY, take(props, REGISTRY_RETRY_BACKOFF_KEY, d.initialBackoff().toString()));
        final Duration max = parseDuration(REGISTRY_RETRY_BACKOFF_MAX_KEY, take(props, REGISTRY_RETRY_BACKOFF_MAX_KEY, d.maxBackoff().toString()));
        try {
            return new RegistryRetry(attempts, backoff, max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config keys " + REGISTRY_RETRY_ATTEMPTS_KEY + ", " + REGISTRY_RETRY_BACKOFF_KEY + ", "
                    + REGISTRY_RETRY_BACKOFF_MAX_KEY + ": " + e.getMessage(), e);
        }
    }

    private static Duration parseDuration(String key, String value) {
        try {
            return Duration.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("config key " + key + " is not an ISO-8601 duration (PT0.5S): " + value, e);
        }
    }

    private static HttpSettings httpSettings(Properties props) throws IOException {
        final int port = Integer.parseInt(take(props, HTTP_PORT_KEY, "8080"));
        final String bind = take(props, HTTP_BIND_KEY, HttpSettings.DEFAULT_HOST);
        final String tokensFile = (String) props.remove(TOKENS_FILE_KEY);
        if (tokensFile == null || tokensFile.isBlank()) {
            throw new IllegalArgumentException("config key " + TOKENS_FILE_KEY + " is required: the file of the API's bearer "
                    + "tokens and their roles (see deploy/README.md)");
        }
        final Access access;
        try {
            access = Access.fromFile(Path.of(tokensFile.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key " + TOKENS_FILE_KEY + ": " + e.getMessage(), e);
        }
        return new HttpSettings(bind, port, access,
                parseInt(MAX_BODY_KEY, take(props, MAX_BODY_KEY, Integer.toString(HttpSettings.DEFAULT_MAX_BODY_BYTES))),
                parseInt(MAX_SSE_KEY, take(props, MAX_SSE_KEY, Integer.toString(HttpSettings.DEFAULT_MAX_SSE_CLIENTS))),
                Duration.parse(take(props, REQUEST_TIMEOUT_KEY, HttpSettings.DEFAULT_REQUEST_TIMEOUT.toString())));
    }

    /**
     * The HMAC key from exactly one place: the file named by {@code leakwatch.hmac.key.file} (a mounted Secret), the
     * environment variable, or the key itself in the config file.
     */
    private static String hmacKey(Properties props, Map<String, String> env) throws IOException {
        final String file = (String) props.remove(HMAC_KEY_FILE_KEY);
        final String inline = props.getProperty(HMAC_KEY);
        final String fromEnv = env.get(HMAC_KEY_ENV);
        final long sources = java.util.stream.Stream.of(file, inline, fromEnv).filter(v -> v != null && !v.isBlank()).count();
        if (sources == 0) {
            throw new IllegalArgumentException("config key " + HMAC_KEY + " is required: name a file holding it with "
                    + HMAC_KEY_FILE_KEY + " or set " + HMAC_KEY_ENV + " (hex, at least 32 bytes: openssl rand -hex 32)");
        }
        if (sources > 1) {
            throw new IllegalArgumentException("config key " + HMAC_KEY + " is given more than once (" + HMAC_KEY_FILE_KEY + ", "
                    + HMAC_KEY_ENV + ", " + HMAC_KEY + "): keep one");
        }
        if (file != null && !file.isBlank()) {
            final Path path = Path.of(file.strip());
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("config key " + HMAC_KEY_FILE_KEY + ": no such file " + path);
            }
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        }
        return (inline != null && !inline.isBlank() ? inline : fromEnv).strip();
    }

    private static void requireSafe(Properties streams) {
        final String guarantee = streams.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG).strip().toLowerCase(Locale.ROOT);
        if (!StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee)) {
            throw new IllegalArgumentException("config key " + StreamsConfig.PROCESSING_GUARANTEE_CONFIG + " is " + guarantee
                    + ": run needs " + StreamsConfig.EXACTLY_ONCE_V2 + " (a crash must not change the alerts); set "
                    + UNSAFE_KEY + "=true only for a test");
        }
        final int factor = parseInt(StreamsConfig.REPLICATION_FACTOR_CONFIG, streams.getProperty(StreamsConfig.REPLICATION_FACTOR_CONFIG));
        if (factor < MIN_REPLICATION_FACTOR) {
            throw new IllegalArgumentException("config key " + StreamsConfig.REPLICATION_FACTOR_CONFIG + " is " + factor
                    + ": internal topics need at least " + MIN_REPLICATION_FACTOR + " replicas (-1, the broker's default, cannot be "
                    + "checked); set " + UNSAFE_KEY + "=true only for a test");
        }
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config key " + key + " is not a whole number: " + value, e);
        }
    }

    private static String take(Properties props, String key, String fallback) {
        final String value = (String) props.remove(key);
        if (value == null && fallback == null) {
            throw new IllegalArgumentException("config key " + key + " is required");
        }
        return value == null ? fallback : value.strip();
    }
}
