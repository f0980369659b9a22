package io.leakwatch.classifier.analysis;

import io.leakwatch.classifier.Signatures;

/**
 * Everything one message goes through before scoring, in one place so that training and classification
 * cannot drift apart: {@link TextAnalysis}, the signature, cue counts and the hashed {@link FeatureVector}.
 * Mutable scratch space: one per thread.
 */
public final class Featurizer {
    public final TextAnalysis text = new TextAnalysis();
    public final FeatureVector features = new FeatureVector();
    private final Features extractor;
    private final CueLexicon cues;
    private String signature;

    public Featurizer(final int bits, final CueLexicon cues) {
        this.extractor = new Features(bits);
        this.cues = cues;
    }

    public int bits() {
        return extractor.bits();
    }

    /** Analyses {@code raw} and extracts its features; null is treated as empty. */
    public Featurizer featurize(final String raw) {
        text.analyse(raw);
        final String safe = raw == null ? "" : raw.length() > TextAnalysis.MAX_CHARS
            ? raw.substring(0, TextAnalysis.MAX_CHARS) : raw;
        final String atStart = Signatures.atStart(safe);
        signature = atStart != null ? atStart : Signatures.extract(safe);
        extractor.extract(text, signature != null, atStart != null, cues, features);
        return this;
    }

    /** Signature of the last message, or null. */
    public String signature() {
        return signature;
    }

    /** Cue counts of the last message, by {@link Cue#ordinal()}. */
    public int[] cueCounts() {
        return extractor.cueCounts();
    }
}
