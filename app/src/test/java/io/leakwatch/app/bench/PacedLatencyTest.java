package io.leakwatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PacedLatencyTest {

    @Test
    void shouldTakeNearestRankPercentilesOfUnsortedLatencies() {
        final long[] latencies = LongStream.rangeClosed(1, 200).map(ms -> 201 - ms).toArray();

        final PacedLatency.Result result = PacedLatency.summary(250, latencies);

        assertThat(result).isEqualTo(new PacedLatency.Result(250, 200, 100, 198, 200));
    }

    @Test
    void shouldReportZerosWhenNothingArrived() {
        assertThat(PacedLatency.summary(10, new long[0])).isEqualTo(new PacedLatency.Result(10, 0, 0, 0, 0));
    }
}
