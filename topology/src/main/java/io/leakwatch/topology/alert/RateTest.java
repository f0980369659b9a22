package io.leakwatch.topology.alert;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Exact comparison of two Poisson rates, conditional on their total: with {@code k} events over exposure
 * {@code n} in the cohort and {@code kc} over {@code nc} in the control, under equal rates
 * {@code k ~ Binomial(k + kc, n / (n + nc))}. The rate ratio's confidence bound follows from the
 * Clopper–Pearson bound on that binomial proportion.
 *
 * @param pValue         one-sided P(at least k | equal rates)
 * @param rateRatio      (k / n) / (kc / nc), infinite when kc is 0
 * @param rateRatioLower lower confidence bound of the rate ratio at the level asked
 */
public record RateTest(long k, double n, long kc, double nc, double pValue, double rateRatio, double rateRatioLower) {

    public static RateTest of(long k, double n, long kc, double nc, double lowerTail) {
        if (n <= 0 || nc <= 0 || k + kc == 0) {
            return new RateTest(k, n, kc, nc, 1.0, Double.NaN, 0.0);
        }
        final double p0 = n / (n + nc);
        final long total = k + kc;
        final double rateRatio = kc == 0 ? Double.POSITIVE_INFINITY : (k / n) / (kc / nc);
        final double proportionLower = lowerBound(k, total, lowerTail);
        final double rateRatioLower = proportionLower >= 1.0
                ? Double.POSITIVE_INFINITY
                : proportionLower / (1.0 - proportionLower) * (nc / n);
        return new RateTest(k, n, kc, nc, upperTail(k, total, p0), rateRatio, rateRatioLower);
    }

    /** P(X >= k) for X ~ Binomial(total, p). */
    public static double upperTail(long k, long total, double p) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > total) {
            return 0.0;
        }
        if (p <= 0) {
            return 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        return Beta.regularizedBeta(p, k, total - k + 1.0);
    }

    /** Clopper–Pearson lower bound of a binomial proportion with one-sided error {@code tail}. */
    static double lowerBound(long k, long total, double tail) {
        if (k <= 0) {
            return 0.0;
        }
        return new BetaDistribution(null, k, total - k + 1.0).inverseCumulativeProbability(tail);
    }

    /** Expected cohort events at the control's rate. */
    public double expected() {
        return nc <= 0 ? 0.0 : kc * n / nc;
    }
}
