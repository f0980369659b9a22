package io.leakwatch.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegistrationsTest {

    @Test
    void shouldThinPreStartDaysOnlyForAppsThatWouldSaturateThePopulation() {
        // 800 a day for 60 + 10 days would need 56,000 of 50,000 subscribers
        assertThat(Registrations.preStartFactor(800, 10, 60, 50_000)).isCloseTo(22_000 / 48_000.0, within(1e-9));
        assertThat(Registrations.preStartFactor(60, 10, 60, 50_000)).isEqualTo(1.0);
        assertThat(Registrations.preStartFactor(800, 10, 0, 50_000)).isEqualTo(1.0);
        assertThat(Registrations.preStartFactor(5_000, 10, 60, 50_000)).isEqualTo(0.0);
    }

    @Test
    void shouldTruncateDelaysAtTheMaximumAndKeepTheMedian() {
        final java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        final double[] delays = new double[20_000];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = Rng.truncatedExponential(random, 3, 1000);
        }
        java.util.Arrays.sort(delays);
        assertThat(delays[delays.length / 2]).isCloseTo(3, within(0.15));
        for (int i = 0; i < 1000; i++) {
            assertThat(Rng.truncatedExponential(random, 3, 12)).isBetween(0.0, 12.0);
        }
    }
}
