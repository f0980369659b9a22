package io.leakwatch.topology.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HyperLogLogTest {

    @Test
    void shouldEstimateTenThousandDistinctHashesWithinFivePercent() {
        byte[] counter = HyperLogLog.empty(12);
        for (int i = 0; i < 10_000; i++) {
            counter = HyperLogLog.add(counter, 12, HyperLogLog.hash("recipient-" + i));
        }
        assertThat((double) HyperLogLog.estimate(counter)).isCloseTo(10_000, within(500.0));
    }

    @Test
    void shouldIgnoreRepeats() {
        byte[] once = HyperLogLog.empty(10);
        byte[] thrice = HyperLogLog.empty(10);
        for (int i = 0; i < 2_000; i++) {
            once = HyperLogLog.add(once, 10, HyperLogLog.hash("r" + i));
            for (int r = 0; r < 3; r++) {
                thrice = HyperLogLog.add(thrice, 10, HyperLogLog.hash("r" + i));
            }
        }
        assertThat(thrice).isEqualTo(once);
        assertThat((double) HyperLogLog.estimate(once)).isCloseTo(2_000, within(100.0));
    }

    @Test
    void shouldCountSmallSetsAlmostExactly() {
        byte[] counter = new byte[0];
        for (int i = 0; i < 50; i++) {
            counter = HyperLogLog.add(counter, 10, HyperLogLog.hash("r" + i));
        }
        assertThat(HyperLogLog.estimate(counter)).isBetween(48L, 52L);
        assertThat(HyperLogLog.estimate(new byte[0])).isZero();
    }

    @Test
    void shouldCountTheUnionOfTwoOverlappingSets() {
        byte[] a = HyperLogLog.empty(12);
        byte[] b = HyperLogLog.empty(12);
        byte[] all = HyperLogLog.empty(12);
        for (int i = 0; i < 6_000; i++) {
            a = HyperLogLog.add(a, 12, HyperLogLog.hash("r" + i));
            all = HyperLogLog.add(all, 12, HyperLogLog.hash("r" + i));
        }
        for (int i = 4_000; i < 10_000; i++) {
            b = HyperLogLog.add(b, 12, HyperLogLog.hash("r" + i));
            all = HyperLogLog.add(all, 12, HyperLogLog.hash("r" + i));
        }
        final byte[] union = HyperLogLog.union(a, b);

        assertThat(union).isEqualTo(all);
        assertThat((double) HyperLogLog.estimate(union)).isCloseTo(10_000, within(500.0));
        assertThat(HyperLogLog.union(new byte[0], a)).isEqualTo(a);
    }

    @Test
    void shouldUseTheTokensOwnBitsAsItsHash() {
        assertThat(HyperLogLog.hashToken("ffffffffffffffff0000")).isEqualTo(-1L);
        assertThat(HyperLogLog.hashToken("0000000000000001abcd")).isEqualTo(1L);
    }
}
