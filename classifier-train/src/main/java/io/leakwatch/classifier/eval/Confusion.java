package io.leakwatch.classifier.eval;

import io.leakwatch.classifier.Category;

import java.io.PrintStream;
import java.util.Locale;

/** Confusion counts over the five categories, with per-category and binary-spam metrics. */
public final class Confusion {
    private static final Category[] CATS = Category.values();
    private final long[][] counts = new long[CATS.length][CATS.length];

    public void add(final Category truth, final Category predicted) {
        counts[truth.ordinal()][predicted.ordinal()]++;
    }

    /** Adds every count of {@code other} to this one. */
    public void addAll(final Confusion other) {
        for (int t = 0; t < CATS.length; t++) {
            for (int p = 0; p < CATS.length; p++) {
                counts[t][p] += other.counts[t][p];
            }
        }
    }

    public long total() {
        long n = 0;
        for (final long[] row : counts) {
            for (final long v : row) {
                n += v;
            }
        }
        return n;
    }

    public long count(final Category truth, final Category predicted) {
        return counts[truth.ordinal()][predicted.ordinal()];
    }

    public double precision(final Category c) {
        long tp = counts[c.ordinal()][c.ordinal()];
        long predicted = 0;
        for (final Category t : CATS) {
            predicted += counts[t.ordinal()][c.ordinal()];
        }
        return predicted == 0 ? Double.NaN : (double) tp / predicted;
    }

    public double recall(final Category c) {
        long actual = 0;
        for (final Category p : CATS) {
            actual += counts[c.ordinal()][p.ordinal()];
        }
        return actual == 0 ? Double.NaN : (double) counts[c.ordinal()][c.ordinal()] / actual;
    }

    public long support(final Category c) {
        long actual = 0;
        for (final Category p : CATS) {
            actual += counts[c.ordinal()][p.ordinal()];
        }
        return actual;
    }

    /** Binary spam (MARKETING+ADULT+FRAUD vs the rest): {tp, fp, fn, tn}. */
    public long[] binary() {
        final long[] b = new long[4];
        for (final Category t : CATS) {
            for (final Category p : CATS) {
                final long v = counts[t.ordinal()][p.ordinal()];
                final int k = t.isSpam() ? (p.isSpam() ? 0 : 2) : (p.isSpam() ? 1 : 3);
                b[k] += v;
            }
        }
        return b;
    }

    public double spamPrecision() {
        final long[] b = binary();
        return b[0] + b[1] == 0 ? Double.NaN : (double) b[0] / (b[0] + b[1]);
    }

    public double spamRecall() {
        final long[] b = binary();
        return b[0] + b[2] == 0 ? Double.NaN : (double) b[0] / (b[0] + b[2]);
    }

    public double spamF1() {
        return f1(spamPrecision(), spamRecall());
    }

    static double f1(final double p, final double r) {
        if (Double.isNaN(p) || Double.isNaN(r) || p + r == 0) {
            return Double.NaN;
        }
        return 2 * p * r / (p + r);
    }

    void printMetrics(final PrintStream out) {
        out.println("| category | support | precision | recall | F1 |");
        out.println("|---|---:|---:|---:|---:|");
        for (final Category c : CATS) {
            final double p = precision(c);
            final double r = recall(c);
            if (support(c) == 0 && Double.isNaN(p)) {
                continue;
            }
            out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", c, support(c), fmt(p), fmt(r), fmt(f1(p, r)));
        }
        final long[] b = binary();
        out.printf(Locale.ROOT, "| **spam (binary)** | %d | %s | %s | **%s** |%n", b[0] + b[2], fmt(spamPrecision()),
            fmt(spamRecall()), fmt(spamF1()));
        out.println();
    }

    void printMatrix(final PrintStream out) {
        out.print("| true \\ predicted |");
        for (final Category c : CATS) {
            out.print(" " + c + " |");
        }
        out.println();
        out.print("|---|");
        for (int i = 0; i < CATS.length; i++) {
            out.print("---:|");
        }
        out.println();
        for (final Category t : CATS) {
            if (support(t) == 0) {
                continue;
            }
            out.print("| " + t + " |");
            for (final Category p : CATS) {
                out.print(" " + counts[t.ordinal()][p.ordinal()] + " |");
            }
            out.println();
        }
        out.println();
    }

    static String fmt(final double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
