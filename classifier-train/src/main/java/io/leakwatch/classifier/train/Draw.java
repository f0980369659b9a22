package io.leakwatch.classifier.train;

import java.util.SplittableRandom;

/** Uniform draws of the synthetic training texts: list elements, digits, letters. */
final class Draw {
    private Draw() {
    }

    /** A uniformly chosen element. */
    static String pick(final String[] values, final SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    /** A uniformly chosen element. */
    static int pick(final int[] values, final SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    /** {@code n} random decimal digits. */
    static String digits(final int n, final SplittableRandom r) {
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    /** {@code n} random capital letters. */
    static String letters(final int n, final SplittableRandom r) {
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('A' + r.nextInt(26)));
        }
        return b.toString();
    }

    /** {@code n} random letters and digits, without the look-alikes 0, 1, I, O, l and o. */
    static String alnum(final int n, final SplittableRandom r) {
        final String chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }

    /** {@code n} random capitals and digits, without the look-alikes 0, 1, I and O. */
    static String alnumUpper(final int n, final SplittableRandom r) {
        final String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }

    /** Log-uniform in [lo, hi). */
    static double logUniform(final double lo, final double hi, final SplittableRandom r) {
        return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }
}
