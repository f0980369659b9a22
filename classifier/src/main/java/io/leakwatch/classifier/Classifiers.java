package io.leakwatch.classifier;

import io.leakwatch.classifier.rules.RuleSet;

import java.util.List;

/** Entry point: the classifier the project ships. */
public final class Classifiers {
    private Classifiers() {
    }

    private static final class Holder {
        static final SmsClassifier DEFAULT = new SmsClassifier(RuleSet.defaults(), List.of());
    }

    /** The committed model and built-in rules, loaded from classpath resources once and cached. */
    public static SmsClassifier loadDefault() {
        return Holder.DEFAULT;
    }
}
