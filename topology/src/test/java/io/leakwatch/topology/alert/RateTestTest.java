package io.leakwatch.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateTestTest {

    @Test
    void shouldGiveTheExactBinomialUpperTail() {
        // P(X >= 3), X ~ Bin(5, 1/2) = (10 + 5 + 1) / 32
        assertThat(RateTest.upperTail(3, 5, 0.5)).isCloseTo(0.5, within(1e-12));
        // P(X >= 2), X ~ Bin(4, 0.3) = 1 - 0.7^4 - 4 * 0.3 * 0.7^3
        assertThat(RateTest.upperTail(2, 4, 0.3)).isCloseTo(1 - 0.2401 - 0.4116, within(1e-12));
        // P(X >= 4), X ~ Bin(4, 0.3) = 0.3^4
        assertThat(RateTest.upperTail(4, 4, 0.3)).isCloseTo(0.0081, within(1e-12));
        assertThat(RateTest.upperTail(0, 4, 0.3)).isEqualTo(1.0);
        assertThat(RateTest.upperTail(5, 4, 0.3)).isEqualTo(0.0);
    }

    @Test
    void shouldCallFortyAgainstTenExpectedSignificant() {
        final RateTest test = RateTest.of(40, 1_000, 100, 10_000, 0.001);

        assertThat(test.expected()).isCloseTo(10.0, within(1e-9));
        assertThat(test.rateRatio()).isCloseTo(4.0, within(1e-9));
        assertThat(test.pValue()).isLessThan(1e-8);
        assertThat(test.rateRatioLower()).isGreaterThan(1.5).isLessThan(test.rateRatio());
    }

    @Test
    void shouldNotCallAnOrdinaryRateSignificant() {
        final RateTest test = RateTest.of(11, 1_000, 100, 10_000, 0.001);

        assertThat(test.pValue()).isGreaterThan(0.1);
        assertThat(test.rateRatioLower()).isLessThan(1.0).isLessThan(test.rateRatio());
    }

    @Test
    void shouldTightenTheLowerBoundWithMoreData() {
        final RateTest small = RateTest.of(8, 100, 20, 1_000, 0.001);
        final RateTest large = RateTest.of(80, 1_000, 200, 10_000, 0.001);

        assertThat(small.rateRatio()).isCloseTo(large.rateRatio(), within(1e-9));
        assertThat(large.rateRatioLower()).isGreaterThan(small.rateRatioLower());
        assertThat(large.pValue()).isLessThan(small.pValue());
    }

    @Test
    void shouldReportNothingWithoutData() {
        final RateTest empty = RateTest.of(0, 0, 0, 1_000, 0.001);
        assertThat(empty.pValue()).isEqualTo(1.0);
        assertThat(empty.rateRatioLower()).isZero();
    }
}
