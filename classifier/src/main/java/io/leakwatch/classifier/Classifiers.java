package io.leakwatch.classifier;

import io.leakwatch.classifier.model.Model;
import io.leakwatch.classifier.rules.RuleSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Entry points: the classifier the project ships, and variants for evaluation. */
public final class Classifiers {
    /** Classpath location of the committed model. */
    public static final String MODEL_RESOURCE = "/io/leakwatch/classifier/model/sms-model.bin.gz";

    private Classifiers() {
    }

    private static final class Holder {
        static final SmsClassifier DEFAULT = withModel(loadCommittedModel());
    }

    /** The committed model and built-in rules, loaded from classpath resources once and cached. */
    public static SmsClassifier loadDefault() {
        return Holder.DEFAULT;
    }

    /** A classifier with the given model and the built-in rules. */
    public static SmsClassifier withModel(final Model model) {
        return new SmsClassifier(model, RuleSet.defaults(), List.of());
    }

    /** The first, rules-and-hand-weights version, with no trained model (for comparison). */
    public static SmsClassifier rulesOnly() {
        return new SmsClassifier(null, RuleSet.defaults(), List.of());
    }

    /** Reads the committed model from the classpath. */
    public static Model loadCommittedModel() {
        try (InputStream in = Classifiers.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the trained model " + MODEL_RESOURCE + " is not on the classpath");
            }
            return Model.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the trained model " + MODEL_RESOURCE, e);
        }
    }
}
