package io.leakwatch.classifier;

import io.leakwatch.classifier.analysis.Cue;
import io.leakwatch.classifier.analysis.SenderType;
import io.leakwatch.classifier.analysis.TextAnalysis;

/**
 * Hand-weighted evidence from cue counts and message structure: the first-version classifier, kept as the
 * fallback when no trained model is available. Values are in log-odds-like units; 0.6 is the bar for leaving
 * NORMAL.
 */
final class HandScorer {
    static final double THRESHOLD = 0.6;

    private HandScorer() {
    }

    static void score(final TextAnalysis t, final int[] cues, final SenderType sender, final boolean signature,
                      final double[] out) {
        out[Category.ADULT.ordinal()] = 0.35 * Math.min(cues[Cue.ADULT.ordinal()], 3)
            + 0.4 * Math.min(cues[Cue.ESCORT.ordinal()], 3);
        final int fraud = cues[Cue.FRAUD.ordinal()];
        out[Category.FRAUD.ordinal()] = 0.5 * Math.min(cues[Cue.GAMBLING.ordinal()], 3)
            + 0.45 * Math.min(cues[Cue.INVOICE.ordinal()], 2)
            + 0.3 * Math.min(cues[Cue.LOAN.ordinal()], 2)
            + 0.3 * Math.min(fraud, 3)
            + (t.hasUrl && cues[Cue.URGENCY.ordinal()] > 0 ? 0.3 : 0)
            + (t.hasUrl && fraud > 0 ? 0.2 : 0)
            // banks do not send links to log in: a bank cue next to a link is the phishing shape
            + (t.hasUrl && cues[Cue.BANK.ordinal()] > 0 ? 0.4 : 0);
        out[Category.MARKETING.ordinal()] = 0.2 * Math.min(cues[Cue.MARKETING.ordinal()], 5)
            + (t.optOut ? 0.8 : 0)
            + (t.hasUrl ? 0.1 : 0);
        final int notices = cues[Cue.BANK.ordinal()] + cues[Cue.DELIVERY.ordinal()] + cues[Cue.TRAVEL.ordinal()]
            + cues[Cue.OPERATOR.ordinal()] + cues[Cue.ORDER.ordinal()];
        out[Category.TRANSACTIONAL.ordinal()] = 0.25 * Math.min(notices, 4)
            + (signature ? 0.15 : 0)
            - (t.hasUrl ? 0.3 : 0)
            + (t.otpKeyword() ? 0.3 : 0)
            + switch (sender) {
                case PORT_106 -> 0.1;
                case SERVICE_95, OPERATOR -> 0.4;
                default -> 0.0;
            };
        out[Category.NORMAL.ordinal()] = THRESHOLD;
    }
}
