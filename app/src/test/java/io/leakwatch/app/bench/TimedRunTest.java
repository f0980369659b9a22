package io.leakwatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** A run is timed to the poll that sees it drained, and fails, never reports, when it stops or runs out of time. */
class TimedRunTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void shouldTimeFirstOutputCompletionAndDrainInOrder() {
        final AtomicInteger polls = new AtomicInteger();

        final TimedRun.Timing timing = TimedRun.time("test run", () -> { }, () -> KafkaStreams.State.RUNNING, () ->
                switch (polls.incrementAndGet()) {
                    case 1 -> new TimedRun.Progress(0, false, false);
                    case 2 -> new TimedRun.Progress(10, false, false);
                    case 3 -> new TimedRun.Progress(20, true, false);
                    default -> new TimedRun.Progress(20, true, true);
                }, MINUTE);

        assertThat(timing.outputs()).isEqualTo(20);
        assertThat(timing.firstOutputSeconds()).isPositive();
        assertThat(timing.completedSeconds()).isGreaterThan(timing.firstOutputSeconds());
        assertThat(timing.drainedSeconds()).isGreaterThan(timing.completedSeconds());
    }

    @Test
    void shouldFailWithItsProgressWhenTheRunDoesNotFinishInTime() {
        assertThatThrownBy(() -> TimedRun.time("slow run", () -> { }, () -> KafkaStreams.State.RUNNING,
                () -> new TimedRun.Progress(1_234, false, false), Duration.ofMillis(300)))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("slow run did not finish within PT0.3S")
                .hasMessageContaining("1,234 records written, not complete");
    }

    @Test
    void shouldFailAtOnceWhenTheApplicationStops() {
        assertThatThrownBy(() -> TimedRun.time("broken run", () -> { }, () -> KafkaStreams.State.ERROR,
                () -> new TimedRun.Progress(0, false, false), MINUTE))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("broken run stopped in state ERROR");
    }
}
