package io.leakwatch.classifier.model;

import io.leakwatch.classifier.analysis.FeatureVector;
import io.leakwatch.classifier.analysis.Features;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Multinomial logistic regression over hashed features: {@code logit[c] = sum_f value_f * w[f][c]}, turned into
 * calibrated probabilities by a softmax at temperature {@link #temperature()}. Weights are stored feature-major
 * ({@code w[f * classes + c]}) so that one feature's weights for all categories share a cache line.
 *
 * <p>File format (gzip): magic {@code LWSM}, format version, feature version string, hash bits, classes,
 * temperature, then per category a scale and the weights quantised to 16-bit integers. Quantisation moves a
 * logit by far less than 0.01 and halves the file.
 */
public final class Model {
    private static final int MAGIC = 0x4c57534d;
    private static final int FORMAT = 1;

    private final int bits;
    private final int classes;
    private final float[] weights;
    private final double temperature;
    private final String featureVersion;

    public Model(final int bits, final int classes, final float[] weights, final double temperature,
                 final String featureVersion) {
        if (weights.length != (1 << bits) * classes) {
            throw new IllegalArgumentException("expected " + ((1 << bits) * classes) + " weights, got " + weights.length);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
        }
        this.bits = bits;
        this.classes = classes;
        this.weights = weights;
        this.temperature = temperature;
        this.featureVersion = Objects.requireNonNull(featureVersion);
    }

    public int bits() {
        return bits;
    }

    public int classes() {
        return classes;
    }

    public double temperature() {
        return temperature;
    }

    public String featureVersion() {
        return featureVersion;
    }

    /** The same weights at another temperature (calibration). */
    public Model withTemperature(final double t) {
        return new Model(bits, classes, weights, t, featureVersion);
    }

    /** Raw (uncalibrated) logits of {@code features} into {@code out}. */
    public void logits(final FeatureVector features, final double[] out) {
        java.util.Arrays.fill(out, 0, classes, 0.0);
        for (int i = 0; i < features.size; i++) {
            final int base = features.index[i] * classes;
            final float v = features.value[i];
            for (int c = 0; c < classes; c++) {
                out[c] += v * weights[base + c];
            }
        }
    }

    /** Softmax of {@code logits} scaled by {@code scale} (1 / temperature) into {@code out}, stable for large logits. */
    public static void softmax(final double[] logits, final double scale, final double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (final double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            out[c] = Math.exp((logits[c] - max) * scale);
            sum += out[c];
        }
        for (int c = 0; c < logits.length; c++) {
            out[c] /= sum;
        }
    }

    /** The weight array itself, for training code in this module; do not modify. */
    public float[] weightsView() {
        return weights;
    }

    /** Weight of bucket {@code f} for category {@code c}. */
    public float weight(final int f, final int c) {
        return weights[f * classes + c];
    }

    /** Number of non-zero weights (for reports). */
    public int nonZero() {
        int n = 0;
        for (final float w : weights) {
            if (w != 0f) {
                n++;
            }
        }
        return n;
    }

    public void save(final Path file) throws IOException {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
    }

    public void write(final OutputStream raw) throws IOException {
        final GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        final DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(featureVersion);
        out.writeInt(bits);
        out.writeInt(classes);
        out.writeDouble(temperature);
        final int buckets = 1 << bits;
        for (int c = 0; c < classes; c++) {
            float max = 0;
            for (int f = 0; f < buckets; f++) {
                max = Math.max(max, Math.abs(weights[f * classes + c]));
            }
            final float scale = max == 0 ? 1f : max / Short.MAX_VALUE;
            out.writeFloat(scale);
            for (int f = 0; f < buckets; f++) {
                out.writeShort(Math.round(weights[f * classes + c] / scale));
            }
        }
        out.flush();
        gz.finish();
    }

    public static Model load(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    public static Model load(final InputStream raw) throws IOException {
        final DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a LeakWatch model (bad magic)");
        }
        final int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported model format " + format + ", this build reads " + FORMAT);
        }
        final String version = in.readUTF();
        if (!Features.VERSION.equals(version)) {
            throw new IOException("model was trained with features '" + version + "', this build extracts '"
                + Features.VERSION + "': retrain it");
        }
        final int bits = in.readInt();
        final int classes = in.readInt();
        final double temperature = in.readDouble();
        if (bits < 10 || bits > 26 || classes < 2 || classes > 64) {
            throw new IOException("corrupt model header: bits=" + bits + ", classes=" + classes);
        }
        final int buckets = 1 << bits;
        final float[] w = new float[buckets * classes];
        for (int c = 0; c < classes; c++) {
            final float scale = in.readFloat();
            for (int f = 0; f < buckets; f++) {
                w[f * classes + c] = in.readShort() * scale;
            }
        }
        return new Model(bits, classes, w, temperature, version);
    }

    /** This model with its weights rounded as {@link #write} stores them, so scores match a saved copy exactly. */
    public Model quantised() throws IOException {
        final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        write(buf);
        return load(new java.io.ByteArrayInputStream(buf.toByteArray()));
    }
}
