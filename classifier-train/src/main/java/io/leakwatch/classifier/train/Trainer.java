package io.leakwatch.classifier.train;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.analysis.CueLexicon;
import io.leakwatch.classifier.analysis.FeatureVector;
import io.leakwatch.classifier.analysis.Featurizer;
import io.leakwatch.classifier.analysis.Features;
import io.leakwatch.classifier.model.Model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the multinomial logistic regression: AdaGrad SGD on the weighted cross-entropy with L2 on the
 * weights an example touches, examples in a seeded shuffled order, single-threaded, so the same data and seed
 * give the same model bit for bit. Then fits the softmax temperature on the validation split (calibration) and
 * rounds the weights as the file stores them.
 *
 * <p>Example weights: a weight per corpus (real received SMS count most; {@code zh-sms}'s normal class is news
 * fragments and counts least), times a per-category factor {@code (mean mass / category mass)^balancePower} that
 * partly evens out the categories (ADULT has few examples).
 */
public final class Trainer {
    /** Training knobs; {@link #DEFAULT} is what the committed model used. */
    public record Config(int bits, int epochs, double learningRate, double l2, int syntheticNotices,
                         int syntheticSolicitation, double weightSolicitation, double weightZhSmsNormal,
                         double weightZhInbox, double weightUci, double balancePower) {
        public static final Config DEFAULT = new Config(18, 16, 0.1, 1e-7, 12000, 6000, 2.0, 1.0, 3.0, 3.0, 0.5);
    }

    private static final int CLASSES = Category.values().length;
    private static final String SOLICITATION = "solicitation";
    /** The seed the committed model was trained with. */
    public static final long SEED = 42L;

    private Trainer() {
    }

    /** {@code java ... Trainer DATA_DIR OUT_MODEL [SEED]}: until the CLI's {@code train} wraps it. */
    public static void main(final String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Trainer DATA_DIR OUT_MODEL [SEED]");
            System.exit(2);
        }
        final long seed = args.length > 2 ? Long.parseLong(args[2]) : SEED;
        final Model model = train(Path.of(args[0]), seed);
        model.save(Path.of(args[1]));
        System.out.printf(java.util.Locale.ROOT, "trained %s (seed %d, temperature %.3f, %d non-zero weights)%n",
            args[1], seed, model.temperature(), model.nonZero());
    }

    /** Trains on the train split of every corpus under {@code dataDir} (plus synthetic notices and solicitation). */
    public static Model train(final Path dataDir, final long seed) {
        return train(Corpora.load(dataDir), seed, Config.DEFAULT);
    }

    /** Trains on the TRAIN examples of {@code examples}; calibrates on the VALIDATION ones. TEST is never read. */
    public static Model train(final List<Example> examples, final long seed, final Config config) {
        final List<Example> train = new ArrayList<>();
        final List<Example> validation = new ArrayList<>();
        for (final Example e : examples) {
            if (e.category() == null) {
                continue;
            }
            if (e.split() == Split.TRAIN) {
                train.add(e);
            } else if (e.split() == Split.VALIDATION) {
                validation.add(e);
            }
        }
        for (final String text : SyntheticNotices.generate(seed, config.syntheticNotices())) {
            train.add(new Example(Corpora.SYNTHETIC, "notice", Category.TRANSACTIONAL, text, Split.TRAIN));
        }
        for (final SyntheticSolicitation.Line line : SyntheticSolicitation.generate(seed, config.syntheticSolicitation())) {
            train.add(new Example(Corpora.SYNTHETIC, SOLICITATION, line.category(), line.text(), Split.TRAIN));
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training examples (is the data directory right?)");
        }
        final Featurizer featurizer = new Featurizer(config.bits(), CueLexicon.defaultLexicon());
        final Matrix x = Matrix.of(train, featurizer, config);
        final float[] w = new float[(1 << config.bits()) * CLASSES];
        fit(x, w, seed, config);
        Model model = new Model(config.bits(), CLASSES, w, 1.0, Features.VERSION);
        if (!validation.isEmpty()) {
            model = model.withTemperature(fitTemperature(model, Matrix.of(validation, featurizer, config)));
        }
        try {
            return model.quantised();
        } catch (final IOException e) {
            throw new UncheckedIOException("in-memory model round trip failed", e);
        }
    }

    private static void fit(final Matrix x, final float[] w, final long seed, final Config config) {
        final float[] g2 = new float[w.length];
        final int[] order = new int[x.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] logits = new double[CLASSES];
        final double[] p = new double[CLASSES];
        final float l2 = (float) config.l2();
        final float eta = (float) config.learningRate();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            Shuffle.shuffle(order, random);
            for (final int row : order) {
                x.logits(row, w, logits);
                Model.softmax(logits, 1.0, p);
                final int y = x.label[row];
                final float sw = x.weight[row];
                for (int k = x.start[row]; k < x.start[row + 1]; k++) {
                    final int base = x.index[k] * CLASSES;
                    final float v = x.value[k];
                    for (int c = 0; c < CLASSES; c++) {
                        final float grad = (float) ((p[c] - (c == y ? 1 : 0)) * sw) * v + l2 * w[base + c];
                        g2[base + c] += grad * grad;
                        w[base + c] -= eta * grad / (float) Math.sqrt(g2[base + c] + 1e-8f);
                    }
                }
            }
        }
    }

    /** Temperature minimising the weighted log loss on validation, by golden-section search on log T. */
    static double fitTemperature(final Model model, final Matrix v) {
        double lo = Math.log(0.2);
        double hi = Math.log(5.0);
        final double phi = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 40; it++) {
            final double a = hi - phi * (hi - lo);
            final double b = lo + phi * (hi - lo);
            if (logLoss(model, v, Math.exp(a)) < logLoss(model, v, Math.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double logLoss(final Model model, final Matrix v, final double t) {
        final double[] logits = new double[CLASSES];
        final double[] p = new double[CLASSES];
        final float[] w = model.weightsView();
        double loss = 0;
        double mass = 0;
        for (int row = 0; row < v.rows(); row++) {
            v.logits(row, w, logits);
            Model.softmax(logits, 1.0 / t, p);
            loss -= v.weight[row] * Math.log(Math.max(p[v.label[row]], 1e-12));
            mass += v.weight[row];
        }
        return loss / mass;
    }

    /** Examples as a compressed sparse row matrix, with label and example weight per row. */
    static final class Matrix {
        int[] start;
        int[] index;
        float[] value;
        int[] label;
        float[] weight;

        int rows() {
            return label.length;
        }

        void logits(final int row, final float[] w, final double[] out) {
            Arrays.fill(out, 0);
            for (int k = start[row]; k < start[row + 1]; k++) {
                final int base = index[k] * CLASSES;
                final float v = value[k];
                for (int c = 0; c < CLASSES; c++) {
                    out[c] += v * w[base + c];
                }
            }
        }

        static Matrix of(final List<Example> examples, final Featurizer featurizer, final Config config) {
            final Matrix m = new Matrix();
            final int n = examples.size();
            m.start = new int[n + 1];
            m.label = new int[n];
            m.weight = new float[n];
            int[] idx = new int[n * 64];
            float[] val = new float[n * 64];
            int used = 0;
            final double[] mass = new double[CLASSES];
            for (int i = 0; i < n; i++) {
                final Example e = examples.get(i);
                final FeatureVector f = featurizer.featurize(e.text()).features;
                if (used + f.size > idx.length) {
                    idx = Arrays.copyOf(idx, Math.max(idx.length * 2, used + f.size));
                    val = Arrays.copyOf(val, idx.length);
                }
                System.arraycopy(f.index, 0, idx, used, f.size);
                System.arraycopy(f.value, 0, val, used, f.size);
                used += f.size;
                m.start[i + 1] = used;
                m.label[i] = e.category().ordinal();
                m.weight[i] = (float) corpusWeight(e, config);
                if (!isSolicitation(e)) {
                    mass[m.label[i]] += m.weight[i];
                }
            }
            m.index = Arrays.copyOf(idx, used);
            m.value = Arrays.copyOf(val, used);
            double total = 0;
            int present = 0;
            for (final double x : mass) {
                total += x;
                present += x > 0 ? 1 : 0;
            }
            for (int i = 0; i < n; i++) {
                if (!isSolicitation(examples.get(i))) {
                    m.weight[i] *= (float) Math.pow(total / present / mass[m.label[i]], config.balancePower());
                }
            }
            return m;
        }
    }

    /**
     * Synthetic solicitation lines neither count in a category's mass nor get its balance factor: added to the
     * mass they shrank the factor of the few real ADULT messages (escort recall on cross-validation fell), and
     * given the factor a few thousand lines of one template file would outweigh the real ones.
     */
    static boolean isSolicitation(final Example e) {
        return e.corpus().equals(Corpora.SYNTHETIC) && e.sourceLabel().equals(SOLICITATION);
    }

    static double corpusWeight(final Example e, final Config config) {
        return switch (e.corpus()) {
            case Corpora.ZH_SMS -> e.category() == Category.NORMAL ? config.weightZhSmsNormal() : 1.0;
            case Corpora.ZH_INBOX -> config.weightZhInbox();
            case Corpora.UCI -> config.weightUci();
            case Corpora.SYNTHETIC -> isSolicitation(e) ? config.weightSolicitation() : 1.0;
            default -> 1.0;
        };
    }
}
