package io.leakwatch.simulator.traffic;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One random stream per purpose, all derived from the scenario seed.
 *
 * <p>Deriving by purpose (and day, app, leak index) instead of sharing one stream keeps the parts
 * of the traffic independent: planting a leak leaves the background traffic byte for byte as it was.
 */
public final class Rng {

    private final long seed;

    public Rng(final long seed) {
        this.seed = seed;
    }

    /** The stream for one purpose, e.g. {@code stream("p2p", day)}. */
    public SplittableRandom stream(final String purpose, final long... ids) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (final byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        for (final long id : ids) {
            h = mix(h ^ (id * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L));
        }
        return new SplittableRandom(mix(h));
    }

    /** A stable 64-bit hash of a text, independent of the seed (used for per-app constants). */
    public static long stableHash(final String text) {
        long h = 0xcbf29ce484222325L;
        for (final byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** Murmur3's 64-bit finalizer. */
    static long mix(final long value) {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /**
     * A Poisson draw: Knuth's product method for small means, a rounded normal above 50 where the
     * two differ by less than the rate's own uncertainty.
     */
    public static long poisson(final SplittableRandom random, final double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            final double gaussian = gaussian(random);
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
        }
        final double limit = Math.exp(-mean);
        long k = 0;
        double product = random.nextDouble();
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    /** Exponential with the given median, truncated at {@code max} by inverting its truncated CDF. */
    public static double truncatedExponential(final SplittableRandom random, final double median, final double max) {
        final double rate = Math.log(2) / median;
        final double massBelowMax = 1 - Math.exp(-rate * max);
        return -Math.log(1 - random.nextDouble() * massBelowMax) / rate;
    }

    private static double gaussian(final SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian before Java 17's RandomGenerator default.
        final double u1 = 1 - random.nextDouble();
        final double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
