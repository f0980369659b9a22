package io.leakwatch.classifier;

import java.util.List;
import java.util.Locale;

/**
 * Why a message got its category: the rule that decided, or the features that pushed the model most.
 *
 * @param classification the result, as {@link Classifier#classify} returns it
 * @param senderType     the kind of sender address
 * @param rulesFired     ids of the run-time rules that fired (decisive or not)
 * @param cues           built-in cue keywords found, as {@code cue:keyword}
 * @param contributions  features that pushed towards the chosen category most (largest first)
 * @param probabilities  calibrated probability per category, in {@link Category} order
 */
public record Explanation(Classification classification, String senderType, List<String> rulesFired,
                          List<String> cues, List<Contribution> contributions, double[] probabilities) {

    /** One feature and how much it moved the chosen category's log-odds against the runner-up. */
    public record Contribution(String feature, double weight) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%+.2f)", feature, weight);
        }
    }

    public Explanation {
        rulesFired = List.copyOf(rulesFired);
        cues = List.copyOf(cues);
        contributions = List.copyOf(contributions);
        probabilities = probabilities.clone();
    }

    @Override
    public String toString() {
        final StringBuilder b = new StringBuilder();
        final Classification c = classification;
        b.append(String.format(Locale.ROOT, "%s (%.3f) because %s%n", c.category(), c.score(), c.reason()));
        b.append("  signature: ").append(c.signature() == null ? "-" : c.signature())
            .append("  otp: ").append(c.otp()).append("  opt-out: ").append(c.optOut())
            .append("  sender: ").append(senderType).append(System.lineSeparator());
        b.append("  probabilities:");
        for (final Category cat : Category.values()) {
            b.append(String.format(Locale.ROOT, " %s=%.3f", cat, probabilities[cat.ordinal()]));
        }
        b.append(System.lineSeparator());
        if (!rulesFired.isEmpty()) {
            b.append("  rules fired: ").append(String.join(", ", rulesFired)).append(System.lineSeparator());
        }
        if (!cues.isEmpty()) {
            b.append("  cues: ").append(String.join(", ", cues)).append(System.lineSeparator());
        }
        if (!contributions.isEmpty()) {
            b.append("  top features: ");
            for (int i = 0; i < contributions.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(contributions.get(i));
            }
            b.append(System.lineSeparator());
        }
        b.append("  fingerprint: ").append(c.fingerprint());
        return b.toString();
    }
}
