package io.leakwatch.classifier;

import io.leakwatch.classifier.analysis.Cue;
import io.leakwatch.classifier.analysis.CueLexicon;
import io.leakwatch.classifier.analysis.SenderType;
import io.leakwatch.classifier.analysis.TextAnalysis;
import io.leakwatch.classifier.rules.RuleHits;
import io.leakwatch.classifier.rules.RuleSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The classifier: prepares the text once ({@link TextAnalysis}), counts cue keywords, evaluates the run-time
 * rules, detects one-time codes and scores the categories. A decisive rule (weight {@code >= 1}) or a
 * one-time code without a link decides; otherwise the scores do.
 *
 * <p>Thread-safe: the instance is immutable, per-call scratch space lives in a thread-local.
 */
public final class SmsClassifier implements RuleAwareClassifier {
    static final String OTP_RULE = "otp";
    private static final int CATEGORIES = Category.values().length;
    private static final double HAND_SHARPNESS = 4.0;
    private static final double DECISIVE_SCORE = 0.99;
    private static final double OTP_SCORE = 0.98;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final RuleSet rules;
    private final List<RuleSpec> builtInRules;
    private final CueLexicon cues;

    SmsClassifier(final List<RuleSpec> builtInRules, final Collection<RuleSpec> overrides) {
        this.builtInRules = List.copyOf(builtInRules);
        this.rules = RuleSet.withOverrides(this.builtInRules, overrides);
        this.cues = CueLexicon.defaultLexicon();
    }

    @Override
    public SmsClassifier withRules(final Collection<RuleSpec> newRules) {
        return new SmsClassifier(builtInRules, newRules == null ? List.of() : newRules);
    }

    /** The rules in force (built-in merged with run-time overrides). */
    public List<RuleSpec> rules() {
        return rules.rules();
    }

    /** Run-time rules that could not be compiled (bad regular expression), with the reason. */
    public List<String> rejectedRules() {
        return rules.rejected();
    }

    @Override
    public Classification classify(final String text, final String sender) {
        try {
            return decide(SCRATCH.get(), text, sender);
        } catch (final RuntimeException e) {
            // A classifier inside a stream must not stop it: report the failure in the reason code instead.
            return new Classification(Category.NORMAL, 0.0, "error:" + e.getClass().getSimpleName(), null,
                false, false, CampaignFingerprint.of(""));
        }
    }

    /** Classifies and says why (slow path: for the CLI's {@code --explain}, not for the stream). */
    public Explanation explain(final String text, final String sender) {
        final Scratch s = SCRATCH.get();
        final Classification c = classify(text, sender);
        analyse(s, text, sender);
        final List<String> fired = new ArrayList<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            if (s.hits.fired(i)) {
                fired.add(rules.rule(i).id());
            }
        }
        if (c.reason().equals("rule:" + OTP_RULE)) {
            fired.add(OTP_RULE);
        }
        return new Explanation(c, s.senderType.name().toLowerCase(Locale.ROOT), fired, cues.hits(s.text),
            List.of(), s.probabilities);
    }

    private void analyse(final Scratch s, final String text, final String sender) {
        s.text.analyse(text);
        s.senderType = SenderType.of(sender);
        s.senderDigits = sender == null ? null : SenderType.digitsOf(sender);
        java.util.Arrays.fill(s.cueCounts, 0);
        cues.count(s.text, s.cueCounts);
        rules.evaluate(s.text, s.senderDigits, s.hits);
    }

    private Classification decide(final Scratch s, final String text, final String sender) {
        analyse(s, text, sender);
        final TextAnalysis t = s.text;
        final String signature = Signatures.extract(text);
        final boolean otp = t.otp && !rules.disabled(OTP_RULE);
        final String fingerprint = t.fingerprint();
        final RuleHits hits = s.hits;

        scoreCategories(s, signature != null);
        if (hits.decisiveRule() >= 0) {
            final Category category = Category.ofOrdinal(hits.decisiveCategory());
            return new Classification(category, DECISIVE_SCORE, "rule:" + rules.rule(hits.decisiveRule()).id(),
                signature, otp && category == Category.TRANSACTIONAL, t.optOut, fingerprint);
        }
        if (otp && !t.hasUrl) {
            return new Classification(Category.TRANSACTIONAL, OTP_SCORE, "rule:" + OTP_RULE, signature, true,
                t.optOut, fingerprint);
        }
        final int best = argmax(s.probabilities);
        final Category category = Category.ofOrdinal(best);
        return new Classification(category, s.probabilities[best], reasonFor(s, category), signature,
            otp && category == Category.TRANSACTIONAL, t.optOut, fingerprint);
    }

    private void scoreCategories(final Scratch s, final boolean hasSignature) {
        final double[] scores = s.scores;
        HandScorer.score(s.text, s.cueCounts, s.senderType, hasSignature, scores);
        for (int c = 0; c < CATEGORIES; c++) {
            scores[c] += s.hits.evidence[c];
        }
        softmax(scores, HAND_SHARPNESS, s.probabilities);
    }

    private String reasonFor(final Scratch s, final Category category) {
        final int strongest = s.hits.strongestRule();
        if (strongest >= 0 && rules.rule(strongest).category() == category) {
            return "rule:" + rules.rule(strongest).id();
        }
        if (category == Category.NORMAL) {
            return "cues:none";
        }
        int bestCue = -1;
        for (int i = 0; i < Cue.VALUES.length; i++) {
            if (s.cueCounts[i] > 0 && cueCategory(Cue.VALUES[i]) == category
                && (bestCue < 0 || s.cueCounts[i] > s.cueCounts[bestCue])) {
                bestCue = i;
            }
        }
        if (category == Category.MARKETING && s.text.optOut) {
            return "cues:opt-out";
        }
        return bestCue < 0 ? "cues:structure" : "cues:" + Cue.VALUES[bestCue].name().toLowerCase(Locale.ROOT);
    }

    private static Category cueCategory(final Cue cue) {
        return switch (cue) {
            case ADULT, ESCORT -> Category.ADULT;
            case GAMBLING, INVOICE, LOAN, FRAUD, URGENCY -> Category.FRAUD;
            case MARKETING -> Category.MARKETING;
            case BANK, DELIVERY, TRAVEL, OPERATOR, ORDER -> Category.TRANSACTIONAL;
        };
    }

    static void softmax(final double[] logits, final double scale, final double[] out) {
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

    private static int argmax(final double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Per-thread working memory. */
    private static final class Scratch {
        final TextAnalysis text = new TextAnalysis();
        final RuleHits hits = new RuleHits();
        final int[] cueCounts = new int[Cue.VALUES.length];
        final double[] scores = new double[CATEGORIES];
        final double[] probabilities = new double[CATEGORIES];
        SenderType senderType = SenderType.UNKNOWN;
        String senderDigits;
    }
}
