package io.leakwatch.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class StreamsHealthTest {

    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
    private final MutableClock clock = new MutableClock();
    private final StreamsHealth health = new StreamsHealth(state::get, clock);

    @Test
    void shouldBeReadyOnlyWhileRunningOrRebalancing() {
        for (KafkaStreams.State s : KafkaStreams.State.values()) {
            state.set(s);
            final boolean expected = s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
            assertThat(health.probe().ready()).as("ready in %s", s).isEqualTo(expected);
            assertThat(health.probe().details()).containsEntry("streams", s.name());
        }
    }

    @Test
    void shouldReportNotReadyWhileStreamThreadsAreReplacedInALoop() {
        state.set(KafkaStreams.State.RUNNING);
        health.threadReplaced();
        health.threadReplaced();
        assertThat(health.probe().ready()).as("two replacements are a hiccup").isTrue();

        clock.advance(Duration.ofMinutes(1));
        health.threadReplaced();
        assertThat(health.probe().ready()).isFalse();
        assertThat(health.probe().details()).containsEntry("threadReplacements", 3).containsKey("reason");

        clock.advance(StreamsHealth.LOOP_WINDOW);
        assertThat(health.probe().ready()).as("the window holds only the latest").isTrue();
        assertThat(health.recentReplacements()).isEqualTo(1);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
