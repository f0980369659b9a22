package io.leakwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakwatch.schemas.registry.RegistryRetry;
import io.leakwatch.topology.LeakWatchConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run} refuses before it connects to anything. */
class RunCommandTest {

    private static final String KEY = "5a".repeat(32);

    @TempDir
    Path dir;
    private Path tokens;
    private Path keyFile;

    @BeforeEach
    void writeSecrets() throws Exception {
        tokens = dir.resolve("tokens");
        Files.writeString(tokens, "noc noc-token-0123456789abcdef\n", StandardCharsets.UTF_8);
        keyFile = dir.resolve("hmac-key");
        Files.writeString(keyFile, KEY + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void shouldStartWithExactlyOnceReplicatedTopicsAKeyFileAndTokens() throws Exception {
        final RunCommand.Settings settings = RunCommand.settings(config(), Map.of());

        assertThat(settings.streams().getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(settings.streams().getProperty("replication.factor")).as("run's default").isEqualTo("3");
        assertThat(settings.streams().stringPropertyNames()).noneMatch(k -> k.startsWith("leakwatch."));
        assertThat(settings.pipeline().hmacKey()).hasSize(32);
        assertThat(settings.http().host()).as("this host only unless told").isEqualTo("127.0.0.1");
        assertThat(settings.http().port()).isEqualTo(8080);
    }

    @Test
    void shouldTakeTheHttpSettingsFromTheConfig() throws Exception {
        final Properties props = config();
        props.setProperty("leakwatch.http.bind", "0.0.0.0");
        props.setProperty("leakwatch.http.port", "9090");
        props.setProperty("leakwatch.http.max.body.bytes", "2048");
        props.setProperty("leakwatch.http.max.sse.clients", "7");
        props.setProperty("leakwatch.http.request.timeout", "PT5S");

        final RunCommand.Settings settings = RunCommand.settings(props, Map.of());

        assertThat(settings.http().host()).isEqualTo("0.0.0.0");
        assertThat(settings.http().port()).isEqualTo(9090);
        assertThat(settings.http().maxBodyBytes()).isEqualTo(2048);
        assertThat(settings.http().maxSseClients()).isEqualTo(7);
        assertThat(settings.http().requestTimeout()).hasSeconds(5);
    }

    @Test
    void shouldTakeTheRegistryRetriesFromTheConfigAndNameABadKey() throws Exception {
        assertThat(RunCommand.settings(config(), Map.of()).registryRetry()).isEqualTo(RegistryRetry.DEFAULT);
        final Properties props = config();
        props.setProperty("leakwatch.schema.registry.retry.attempts", "10");
        props.setProperty("leakwatch.schema.registry.retry.backoff", "PT1S");
        props.setProperty("leakwatch.schema.registry.retry.backoff.max", "PT30S");

        assertThat(RunCommand.settings(props, Map.of()).registryRetry())
                .isEqualTo(new RegistryRetry(10, Duration.ofSeconds(1), Duration.ofSeconds(30)));
        final Properties bad = config();
        bad.setProperty("leakwatch.schema.registry.retry.backoff", "1s");
        assertThatThrownBy(() -> RunCommand.settings(bad, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.schema.registry.retry.backoff");
        final Properties none = config();
        none.setProperty("leakwatch.schema.registry.retry.attempts", "0");
        assertThatThrownBy(() -> RunCommand.settings(none, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.schema.registry.retry.attempts");
    }

    @Test
    void shouldRefuseToStartWithoutTokens() {
        final Properties props = config();
        props.remove("leakwatch.http.tokens.file");

        assertThatThrownBy(() -> RunCommand.settings(props, Map.of())).hasMessageContaining("leakwatch.http.tokens.file");
    }

    @Test
    void shouldRefuseTheDemoKeyWhereverItComesFrom() throws Exception {
        Files.writeString(keyFile, LeakWatchConfig.DEMO_HMAC_KEY_HEX, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RunCommand.settings(config(), Map.of()))
                .hasMessageContaining("leakwatch.hmac.key").hasMessageContaining("demo key");

        final Properties fromEnv = config();
        fromEnv.remove("leakwatch.hmac.key.file");
        assertThatThrownBy(() -> RunCommand.settings(fromEnv, Map.of("LEAKWATCH_HMAC_KEY", LeakWatchConfig.DEMO_HMAC_KEY_HEX)))
                .hasMessageContaining("demo key");
    }

    @Test
    void shouldRefuseAKeyThatIsNotHexOrTooShortOrMissing() throws Exception {
        Files.writeString(keyFile, KEY.substring(0, 63) + "g", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RunCommand.settings(config(), Map.of()))
                .hasMessageContaining("leakwatch.hmac.key").hasMessageContaining("not hex").hasMessageNotContaining(KEY.substring(0, 20));

        Files.writeString(keyFile, "5a".repeat(16), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RunCommand.settings(config(), Map.of())).hasMessageContaining("at least 32 bytes");

        final Properties none = config();
        none.remove("leakwatch.hmac.key.file");
        assertThatThrownBy(() -> RunCommand.settings(none, Map.of())).hasMessageContaining("leakwatch.hmac.key.file")
                .hasMessageContaining("LEAKWATCH_HMAC_KEY");
        assertThatThrownBy(() -> RunCommand.settings(config(), Map.of("LEAKWATCH_HMAC_KEY", KEY)))
                .as("two sources: which one is meant?").hasMessageContaining("more than once");
    }

    @Test
    void shouldRefuseAtLeastOnceAndUnreplicatedTopicsUnlessToldItIsATest() throws Exception {
        final Properties atLeastOnce = config();
        atLeastOnce.setProperty("processing.guarantee", "at_least_once");
        assertThatThrownBy(() -> RunCommand.settings(atLeastOnce, Map.of()))
                .hasMessageContaining("processing.guarantee").hasMessageContaining("leakwatch.allow.unsafe.test.settings");

        final Properties oneReplica = config();
        oneReplica.setProperty("replication.factor", "1");
        assertThatThrownBy(() -> RunCommand.settings(oneReplica, Map.of()))
                .hasMessageContaining("replication.factor").hasMessageContaining("at least 3");

        final Properties brokerDefault = config();
        brokerDefault.setProperty("replication.factor", "-1");
        assertThatThrownBy(() -> RunCommand.settings(brokerDefault, Map.of())).hasMessageContaining("replication.factor");

        final Properties test = config();
        test.setProperty("processing.guarantee", "at_least_once");
        test.setProperty("replication.factor", "1");
        test.setProperty("leakwatch.allow.unsafe.test.settings", "true");
        final RunCommand.Settings settings = RunCommand.settings(test, Map.of());
        assertThat(settings.streams().getProperty("replication.factor")).isEqualTo("1");
        assertThat(settings.streams()).doesNotContainKey("leakwatch.allow.unsafe.test.settings");
    }

    private Properties config() {
        final Properties props = new Properties();
        props.setProperty("application.id", "leakwatch-test");
        props.setProperty("bootstrap.servers", "localhost:9092");
        props.setProperty("state.dir", dir.resolve("state").toString());
        props.setProperty("leakwatch.schema.registry.url", "http://localhost:8081");
        props.setProperty("leakwatch.http.tokens.file", tokens.toString());
        props.setProperty("leakwatch.hmac.key.file", keyFile.toString());
        return props;
    }
}
