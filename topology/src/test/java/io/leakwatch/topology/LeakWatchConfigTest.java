package io.leakwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakwatch.topology.state.StateStores;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeakWatchConfigTest {

    private static final String KEY = LeakWatchConfig.DEMO_HMAC_KEY_HEX;

    @Test
    void shouldReadDefaultsAndOverrides() {
        final LeakWatchConfig config = LeakWatchConfig.from(Map.of("leakwatch.hmac.key", KEY, "leakwatch.resolve.after", "6",
                "leakwatch.windows", "3, 6", "bootstrap.servers", "ignored:9092"));
        assertThat(config.resolveAfter()).isEqualTo(6);
        assertThat(config.windowsBuckets()).containsExactly(3, 6);
        assertThat(config.bucket()).isEqualTo(Duration.ofHours(1));
        assertThat(config.stateStores()).isEqualTo(StateStores.ROCKSDB);
        assertThat(LeakWatchConfig.demoWith("leakwatch.state.stores", " Memory").stateStores()).isEqualTo(StateStores.MEMORY);
        assertThat(config.withStateStores(StateStores.REPLAY_DISK).stateStores()).isEqualTo(StateStores.REPLAY_DISK);
    }

    @Test
    void shouldNameAnUnknownKey() {
        assertThatThrownBy(() -> LeakWatchConfig.demoWith("leakwatch.resolve.afterr", "6"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.resolve.afterr");
    }

    @Test
    void shouldNameTheKeyOfAnOutOfRangeValue() {
        assertThatThrownBy(() -> LeakWatchConfig.demoWith("leakwatch.alpha", "2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.alpha");
    }

    @Test
    void shouldNameTheKeyOfAnUnparsableValue() {
        assertThatThrownBy(() -> LeakWatchConfig.demoWith("leakwatch.bucket", "one hour"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.bucket")
                .hasMessageContaining("one hour");
        assertThatThrownBy(() -> LeakWatchConfig.demoWith("leakwatch.state.stores", "replay_disk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.state.stores")
                .hasMessageContaining("rocksdb or memory");
    }

    @Test
    void shouldRequireTheHmacKeyAndNameIt() {
        assertThatThrownBy(() -> LeakWatchConfig.from(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.hmac.key");
        assertThatThrownBy(() -> LeakWatchConfig.from(Map.of("leakwatch.hmac.key", "abcd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.hmac.key");
    }

    @Test
    void shouldRefuseAHexKeyShorterThan32Bytes() {
        assertThatThrownBy(() -> LeakWatchConfig.from(Map.of("leakwatch.hmac.key", "00112233445566778899aabbccddeeff")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.hmac.key")
                .hasMessageContaining("at least 32 bytes");
        final LeakWatchConfig config = LeakWatchConfig.from(Map.of("leakwatch.hmac.key", "ab".repeat(32)));
        assertThat(config.hmacKey()).hasSize(32);
        assertThat(config.usesDemoKey()).isFalse();
        assertThat(LeakWatchConfig.demo().usesDemoKey()).isTrue();
    }

    @Test
    void shouldRefuseAKeyWithATypoInsteadOfTakingItAsAPassphrase() {
        final String typo = "ab".repeat(31) + "ag";
        assertThatThrownBy(() -> LeakWatchConfig.from(Map.of("leakwatch.hmac.key", typo)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.hmac.key")
                .hasMessageContaining("not hex")
                .hasMessageNotContaining(typo);
        assertThatThrownBy(() -> LeakWatchConfig.from(Map.of("leakwatch.hmac.key", "a passphrase long enough to be 32 bytes")))
                .hasMessageContaining("not hex");
    }

    @Test
    void shouldNotEchoTheSecretKeyInAnError() {
        assertThatThrownBy(() -> LeakWatchConfig.from(Map.of("leakwatch.hmac.key", "  ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.hmac.key");
        assertThatThrownBy(() -> LeakWatchConfig.from(Map.of("leakwatch.hmac.key", "short-secret")))
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void shouldRejectGraceNotShorterThanTheBucket() {
        assertThatThrownBy(() -> LeakWatchConfig.demoWith("leakwatch.grace", "PT1H"))
                .hasMessageContaining("leakwatch.grace");
        assertThatThrownBy(() -> LeakWatchConfig.demoWith("leakwatch.windows", "0"))
                .hasMessageContaining("leakwatch.windows");
        assertThat(LeakWatchConfig.demo().windowsBuckets()).isEqualTo(List.of(3, 6, 24));
    }

    @Test
    void shouldKeepSenderWindowsOpenSixHoursForLateRecordsUnlessTold() {
        assertThat(LeakWatchConfig.demo().senderLateness()).isEqualTo(Duration.ofHours(6));
        assertThat(LeakWatchConfig.demoWith("leakwatch.sender.lateness", "PT30M").senderLateness())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void shouldRejectASenderLatenessShorterThanTheGraceAndNameIt() {
        assertThatThrownBy(() -> LeakWatchConfig.demoWith("leakwatch.sender.lateness", "PT1M"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.sender.lateness")
                .hasMessageContaining("leakwatch.grace");
        assertThatThrownBy(() -> LeakWatchConfig.demoWith("leakwatch.sender.lateness", "six hours"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leakwatch.sender.lateness")
                .hasMessageContaining("six hours");
    }
}
