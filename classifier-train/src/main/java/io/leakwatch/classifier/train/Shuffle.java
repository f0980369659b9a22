package io.leakwatch.classifier.train;

import java.util.SplittableRandom;

/** Fisher-Yates shuffle driven by a seeded random source, so that the same seed gives the same order. */
final class Shuffle {
    private Shuffle() {
    }

    static void shuffle(final int[] a, final SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
