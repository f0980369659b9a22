package io.leakwatch.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakwatch.schemas.App;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transient registry errors are retried with bounded, jittered backoff; permanent ones are not. */
class RegistryRetryTest {

    private static final RegistryRetry FIVE_TRIES = new RegistryRetry(5, Duration.ofMillis(100), Duration.ofMillis(1000));

    private final EmbeddedSchemaRegistry server = EmbeddedSchemaRegistry.start(0);
    private final List<Long> waits = new ArrayList<>();
    private final HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(server.url(), FIVE_TRIES, waits::add);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldRetryA5xxUntilTheRegistryAnswers() {
        final int id = server.store().register("apps-value", App.getClassSchema());
        server.failNext(4, 503);

        assertThat(client.getById(id)).isEqualTo(App.getClassSchema());
        assertThat(server.requests()).isEqualTo(5);
        assertThat(waits).hasSize(4);
        // 100, 200, 400, 800 ms, each drawn from the upper half of its step
        final long[] steps = {100, 200, 400, 800};
        for (int i = 0; i < steps.length; i++) {
            assertThat(waits.get(i)).as("wait %d", i + 1).isBetween(steps[i] / 2, steps[i]);
        }
    }

    @Test
    void shouldRetryThrottlingAndRegistrations() {
        server.failNext(2, 429);

        assertThat(client.register("apps-value", App.getClassSchema())).isEqualTo(1);
        assertThat(server.requests()).isEqualTo(3);
        assertThat(server.store().subjects()).containsExactly("apps-value");
    }

    @Test
    void shouldGiveUpAfterTheLastTryWithATransientError() {
        final int id = server.store().register("apps-value", App.getClassSchema());
        server.failNext(100, 500);

        assertThatThrownBy(() -> client.getById(id)).isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.isTransient()).isTrue());
        assertThat(server.requests()).isEqualTo(5);
        assertThat(waits).hasSize(4).allMatch(w -> w <= 1000);
    }

    @Test
    void shouldRetryARegistryThatRefusesConnections() throws IOException {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        final List<Long> refusedWaits = new ArrayList<>();
        final HttpSchemaRegistryClient unreachable = new HttpSchemaRegistryClient("http://localhost:" + closedPort,
            new RegistryRetry(3, Duration.ofMillis(10), Duration.ofMillis(20)), refusedWaits::add);

        assertThatThrownBy(() -> unreachable.getById(1)).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
            assertThat(e.isTransient()).isTrue();
        });
        assertThat(refusedWaits).hasSize(2);
    }

    @Test
    void shouldNotRetryAnUnknownSchemaIdOrSubject() {
        assertThatThrownBy(() -> client.getById(42)).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.isNotFound()).isTrue();
            assertThat(e.isTransient()).isFalse();
        });
        assertThatThrownBy(() -> client.latest("no-such-subject")).isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
        assertThat(server.requests()).isEqualTo(2);
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldNotRetryARequestTheRegistryRefuses() {
        server.failNext(1, 401);

        assertThatThrownBy(() -> client.subjects()).isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.isTransient()).isFalse());
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void shouldCapEveryWaitAndHonourRetryAfterWithinTheCap() {
        final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        for (int retry = 1; retry < 70; retry++) {
            assertThat(FIVE_TRIES.backoffMs(retry, 0, random)).isBetween(50L, 1000L);
        }
        assertThat(FIVE_TRIES.backoffMs(1, 700, random)).isEqualTo(700);
        assertThat(FIVE_TRIES.backoffMs(1, 60_000, random)).isEqualTo(1000);
        assertThatThrownBy(() -> new RegistryRetry(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
