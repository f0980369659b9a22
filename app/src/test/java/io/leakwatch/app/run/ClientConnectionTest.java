package io.leakwatch.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClientConnectionTest {

    @Test
    void shouldKeepHowToReachAndAuthenticateToTheClusterAndNothingOfKafkaStreams() {
        final Properties streams = new Properties();
        streams.putAll(Map.of(
                "bootstrap.servers", "kafka-0:9093,kafka-1:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/truststore.jks",
                "client.dns.lookup", "use_all_dns_ips",
                "application.id", "leakwatch",
                "state.dir", "/var/lib/leakwatch",
                "processing.guarantee", "exactly_once_v2",
                "num.stream.threads", "2"));

        assertThat(ClientConnection.from(streams)).containsOnlyKeys("bootstrap.servers", "security.protocol", "sasl.mechanism",
                "sasl.jaas.config", "ssl.truststore.location", "client.dns.lookup")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void shouldConnectPlainlyToGivenServers() {
        assertThat(ClientConnection.of("localhost:9092")).containsExactly(Map.entry("bootstrap.servers", "localhost:9092"));
    }
}
