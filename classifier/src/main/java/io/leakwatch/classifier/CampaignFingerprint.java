package io.leakwatch.classifier;

import io.leakwatch.classifier.analysis.TextAnalysis;

/**
 * Campaign fingerprint: a short hex string that messages of one template share. Digits and {@code x} masks,
 * links, personal names (张先生, "Dear John"), spaces and punctuation are normalised away, so "验证码1234" and
 * "验证码 5678。" share it, while a different wording does not.
 */
public final class CampaignFingerprint {
    private static final ThreadLocal<TextAnalysis> SCRATCH = ThreadLocal.withInitial(TextAnalysis::new);

    private CampaignFingerprint() {
    }

    /** 16 hex digits; null text is treated as empty. */
    public static String of(final String text) {
        return SCRATCH.get().analyse(text).fingerprint();
    }
}
