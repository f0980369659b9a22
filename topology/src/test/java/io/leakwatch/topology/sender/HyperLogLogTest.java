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

    @Test
    void shouldKeepAFewHashesInAFewBytes() {
        byte[] counter = new byte[0];
        for (int i = 0; i < 3; i++) {
            counter = HyperLogLog.add(counter, 10, HyperLogLog.hash("r" + i));
        }
        assertThat(counter).hasSize(1 + 2 * 3);
        assertThat(HyperLogLog.estimate(counter)).isEqualTo(3);
    }

    @Test
    void shouldGiveTheSameRegistersAndEstimateSparseAsDense() {
        for (int n : new int[] {1, 5, 50, 127, 128, 129, 300, 5_000}) {
            byte[] sparse = new byte[0];
            byte[] dense = HyperLogLog.empty(10);
            for (int i = 0; i < n; i++) {
                final long h = HyperLogLog.hash("n" + n + "-" + i);
                sparse = HyperLogLog.add(sparse, 10, h);
                sparse = HyperLogLog.add(sparse, 10, h);
                dense = HyperLogLog.add(dense, 10, h);
            }
            assertThat(HyperLogLog.toDense(sparse)).as("registers of %d hashes", n).isEqualTo(dense);
            assertThat(HyperLogLog.estimate(sparse)).as("estimate of %d hashes", n).isEqualTo(HyperLogLog.estimate(dense));
            final int registers = countNonZero(dense);
            assertThat(sparse.length).as("sparse up to 128 registers, %d here", registers)
                    .isEqualTo(registers <= 128 ? 1 + 2 * registers : 1024);
        }
    }

    @Test
    void shouldUniteSparseAndDenseCountersAlike() {
        byte[] a = new byte[0];
        byte[] b = new byte[0];
        byte[] c = new byte[0];
        for (int i = 0; i < 60; i++) {
            a = HyperLogLog.add(a, 10, HyperLogLog.hash("r" + i));
            b = HyperLogLog.add(b, 10, HyperLogLog.hash("r" + (i + 30)));
        }
        for (int i = 0; i < 400; i++) {
            c = HyperLogLog.add(c, 10, HyperLogLog.hash("r" + (i + 50)));
        }
        final byte[] denseAb = HyperLogLog.union(HyperLogLog.toDense(a), HyperLogLog.toDense(b));
        assertThat(HyperLogLog.toDense(HyperLogLog.union(a, b))).isEqualTo(denseAb);
        assertThat(HyperLogLog.union(a, b).length % 2).as("90 registers stay sparse").isEqualTo(1);
        assertThat(HyperLogLog.union(a, c)).isEqualTo(HyperLogLog.union(HyperLogLog.toDense(a), c))
                .isEqualTo(HyperLogLog.union(c, a)).hasSize(1024);
        assertThat(HyperLogLog.estimate(HyperLogLog.union(a, b))).isBetween(86L, 94L);
    }

    @Test
    void shouldReadDenseCountersWrittenBeforeTheSparseEncoding() {
        byte[] old = HyperLogLog.empty(10);
        byte[] fresh = new byte[0];
        for (int i = 0; i < 20; i++) {
            old = HyperLogLog.add(old, 10, HyperLogLog.hash("r" + i));
            fresh = HyperLogLog.add(fresh, 10, HyperLogLog.hash("r" + (i + 10)));
        }
        assertThat(HyperLogLog.estimate(HyperLogLog.union(old, fresh))).isBetween(29L, 31L);
        assertThat(HyperLogLog.add(old, 10, HyperLogLog.hash("new"))).hasSize(1024);
    }

    private static int countNonZero(byte[] dense) {
        int n = 0;
        for (byte r : dense) {
            n += r == 0 ? 0 : 1;
        }
        return n;
    }

}
