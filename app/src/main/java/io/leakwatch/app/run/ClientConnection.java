package io.leakwatch.app.run;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How the application's own readers of its output topics (the alert feed, the traffic views) reach the cluster: the
 * bootstrap servers and, from the configuration Kafka Streams gets, the keys that say how to connect and
 * authenticate (security.protocol, ssl.*, sasl.*, client.dns.lookup), so that they work against a secured cluster
 * as the pipeline does. Nothing else of the Streams configuration applies to them.
 */
public final class ClientConnection {

    private static final List<String> PREFIXES = List.of("security.", "ssl.", "sasl.");
    private static final Set<String> KEYS = Set.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG);

    private ClientConnection() {
    }

    /** A plain connection to {@code bootstrapServers}. */
    public static Properties of(String bootstrapServers) {
        final Properties out = new Properties();
        out.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return out;
    }

    /** The connection keys of a fuller client configuration. */
    public static Properties from(Properties config) {
        final Properties out = new Properties();
        for (String key : config.stringPropertyNames()) {
            if (KEYS.contains(key) || PREFIXES.stream().anyMatch(key::startsWith)) {
                out.setProperty(key, config.getProperty(key));
            }
        }
        return out;
    }
}
