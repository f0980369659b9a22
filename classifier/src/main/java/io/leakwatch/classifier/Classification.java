package io.leakwatch.classifier;

import java.util.Objects;

/**
 * What the classifier says about one message. Carries no message text, so it may travel downstream.
 *
 * @param category    the category
 * @param score       calibrated probability of {@code category}, 0..1
 * @param reason      short reason code: {@code rule:<id>} when a rule decided, {@code model:top=<feature>} otherwise
 * @param signature   the {@code 【signature】} without brackets, or null
 * @param otp         whether the message carries a one-time code
 * @param optOut      whether it carries an opt-out marker ({@code 回T退订}, {@code 拒收请回复R}, "reply STOP")
 * @param fingerprint campaign fingerprint: equal for messages of one template, see {@link CampaignFingerprint}
 */
public record Classification(Category category, double score, String reason, String signature,
                             boolean otp, boolean optOut, String fingerprint) {
    public Classification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
