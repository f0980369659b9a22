package io.leakwatch.classifier;

import io.leakwatch.classifier.analysis.Cue;
import io.leakwatch.classifier.analysis.CueLexicon;
import io.leakwatch.classifier.analysis.FeatureVector;
import io.leakwatch.classifier.analysis.Featurizer;
import io.leakwatch.classifier.analysis.SenderType;
import io.leakwatch.classifier.analysis.TextAnalysis;
import io.leakwatch.classifier.rules.RuleHits;
import io.leakwatch.classifier.model.Model;
import io.leakwatch.classifier.rules.FraudWarning;
import io.leakwatch.classifier.rules.RuleSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The classifier: prepares the text once ({@link Featurizer}), evaluates the run-time rules, detects one-time
 * codes and scores the categories. A decisive rule (weight {@code >= 1}), two escort euphemisms
 * ({@link #ESCORT_RULE}) or a one-time code without a link decides, in that order; otherwise the trained model's
 * calibrated probabilities do, with the evidence of non-decisive rules added to the log-odds
 * ({@link #RULE_LOGIT_SCALE} per unit of weight). Without a model, hand weights on the same cues stand in (the first
 * version, kept for comparison and as a fallback).
 *
 * <p>Thread-safe: the instance is immutable, per-call scratch space lives in a thread-local.
 */
public final class SmsClassifier implements RuleAwareClassifier {
    static final String OTP_RULE = "otp";
    private static final String OTP_REASON = "rule:" + OTP_RULE;
    /**
     * Built-in detector: a message with {@link #ESCORT_CUES} or more escort euphemisms of the cue lexicon (上门服务,
     * 新茶, 莞式, 技师照片...) is ADULT. One euphemism occurs in tea, spa and job adverts; two rarely do; the model
     * alone calls many such messages MARKETING, as the commercial register of the rest of the message says (evidence:
     * {@code docs/decisions/2026-12-01-sms-features-5-mask-leaks-and-escort-cues.md}). Switched off like
     * {@code otp}: a rule with this id and {@code enabled=false} on the rules topic.
     */
    static final String ESCORT_RULE = "escort-cues";
    private static final String ESCORT_REASON = "rule:" + ESCORT_RULE;
    static final int ESCORT_CUES = 2;
    private static final String MODEL_REASON = "model:top=";
    /** Log-odds added per unit of a non-decisive rule's weight: a 0.3 rule is worth odds of about 2.5. */
    static final double RULE_LOGIT_SCALE = 3.0;
    private static final int DEFAULT_BITS = 18;
    private static final int TOP_FEATURES = 8;
    private static final int CATEGORIES = Category.values().length;
    private static final double HAND_SHARPNESS = 4.0;
    private static final double DECISIVE_SCORE = 0.99;
    private static final double OTP_SCORE = 0.98;
    /**
     * A one-time code decides TRANSACTIONAL only while the model gives spam less than this probability: premium-rate
     * and prize spam quote an "identifier code" too ("Call 0871... Identifier Code: 42478"), and a code alone
     * must not overrule everything else the message says ({@code docs/decisions/2026-12-01-sms-features-4.md}).
     */
    static final double OTP_SPAM_VETO = 0.5;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final RuleSet rules;
    private final List<RuleSpec> builtInRules;
    private final CueLexicon cues;
    private final Model model;

    SmsClassifier(final Model model, final List<RuleSpec> builtInRules, final Collection<RuleSpec> overrides) {
        this.model = model;
        this.builtInRules = List.copyOf(builtInRules);
        this.rules = RuleSet.withOverrides(this.builtInRules, overrides);
        this.cues = CueLexicon.defaultLexicon();
    }

    @Override
    public SmsClassifier withRules(final Collection<RuleSpec> newRules) {
        return new SmsClassifier(model, builtInRules, newRules == null ? List.of() : newRules);
    }

    /** The trained model, or null for the hand-weighted first version. */
    public Model model() {
        return model;
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
        if (c.reason().equals(OTP_REASON)) {
            fired.add(OTP_RULE);
        }
        if (c.reason().equals(ESCORT_REASON)) {
            fired.add(ESCORT_RULE);
        }
        if (s.hits.suppressedRule() >= 0) {
            fired.add(FraudWarning.RULE_ID + " (kept " + rules.rule(s.hits.suppressedRule()).id() + " off)");
        }
        scoreCategories(s);
        return new Explanation(c, s.senderType.name().toLowerCase(Locale.ROOT), fired, cues.hits(s.featurizer.text),
            contributions(s, c.category()), s.probabilities);
    }

    private void analyse(final Scratch s, final String text, final String sender) {
        s.featurizer(model == null ? DEFAULT_BITS : model.bits(), cues).featurize(text);
        s.senderDigits = sender == null ? null : SenderType.digitsOf(sender);
        s.senderType = SenderType.of(sender, s.senderDigits);
        rules.evaluate(s.featurizer.text, s.senderDigits, s.hits);
    }

    private Classification decide(final Scratch s, final String text, final String sender) {
        analyse(s, text, sender);
        final TextAnalysis t = s.featurizer.text;
        final String signature = s.featurizer.signature();
        final boolean otp = t.otp && !rules.disabled(OTP_RULE);
        final String fingerprint = t.fingerprint();
        final RuleHits hits = s.hits;

        scoreCategories(s);
        if (hits.decisiveRule() >= 0) {
            final Category category = Category.ofOrdinal(hits.decisiveCategory());
            return new Classification(category, DECISIVE_SCORE, rules.reason(hits.decisiveRule()),
                signature, otp && category == Category.TRANSACTIONAL, t.optOut, fingerprint);
        }
        if (s.featurizer.cueCounts()[Cue.ESCORT.ordinal()] >= ESCORT_CUES && !rules.disabled(ESCORT_RULE)) {
            return new Classification(Category.ADULT, DECISIVE_SCORE, ESCORT_REASON, signature, false, t.optOut,
                fingerprint);
        }
        if (otp && !t.hasUrl && spamProbability(s.probabilities) < OTP_SPAM_VETO) {
            return new Classification(Category.TRANSACTIONAL, OTP_SCORE, OTP_REASON, signature, true,
                t.optOut, fingerprint);
        }
        final int best = argmax(s.probabilities);
        final Category category = Category.ofOrdinal(best);
        return new Classification(category, s.probabilities[best], reasonFor(s, category), signature,
            otp && category == Category.TRANSACTIONAL, t.optOut, fingerprint);
    }

    private void scoreCategories(final Scratch s) {
        final double[] scores = s.scores;
        if (model == null) {
            HandScorer.score(s.featurizer.text, s.featurizer.cueCounts(), s.senderType,
                s.featurizer.signature() != null, scores);
            for (int c = 0; c < CATEGORIES; c++) {
                scores[c] += s.hits.evidence[c];
            }
            Model.softmax(scores, HAND_SHARPNESS, s.probabilities);
            return;
        }
        model.logits(s.featurizer.features, scores);
        final double invT = 1.0 / model.temperature();
        for (int c = 0; c < CATEGORIES; c++) {
            scores[c] = scores[c] * invT + RULE_LOGIT_SCALE * s.hits.evidence[c];
        }
        Model.softmax(scores, 1.0, s.probabilities);
    }

    /** Index in the feature vector of the feature that favours {@code best} over the runner-up most, or -1. */
    private int topFeature(final Scratch s, final int best) {
        final int second = runnerUp(s.probabilities, best);
        final FeatureVector f = s.featurizer.features;
        int top = -1;
        double topGain = 0;
        for (int i = 0; i < f.size; i++) {
            final double gain = f.value[i] * (model.weight(f.index[i], best) - model.weight(f.index[i], second));
            if (gain > topGain) {
                topGain = gain;
                top = i;
            }
        }
        return top;
    }

    private List<Explanation.Contribution> contributions(final Scratch s, final Category category) {
        if (model == null) {
            return List.of();
        }
        final int best = category.ordinal();
        final int second = runnerUp(s.probabilities, best);
        final FeatureVector f = s.featurizer.features;
        final java.util.Map<String, Double> byName = new java.util.HashMap<>();
        for (int i = 0; i < f.size; i++) {
            final double gain = f.value[i] * (model.weight(f.index[i], best) - model.weight(f.index[i], second))
                / model.temperature();
            byName.merge(f.name(i), gain, Double::sum);
        }
        return byName.entrySet().stream()
            .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(java.util.Map.Entry.comparingByKey()))
            .limit(TOP_FEATURES)
            .map(e -> new Explanation.Contribution(e.getKey(), e.getValue()))
            .toList();
    }

    private static int runnerUp(final double[] p, final int best) {
        int second = best == 0 ? 1 : 0;
        for (int c = 0; c < p.length; c++) {
            if (c != best && p[c] > p[second]) {
                second = c;
            }
        }
        return second;
    }

    private String reasonFor(final Scratch s, final Category category) {
        final int strongest = s.hits.strongestRule();
        if (strongest >= 0 && rules.rule(strongest).category() == category
            && RULE_LOGIT_SCALE * s.hits.evidence[category.ordinal()] >= 1.0) {
            return rules.reason(strongest);
        }
        if (model != null) {
            final int top = topFeature(s, category.ordinal());
            return top < 0 ? "model:prior" : s.modelReason(top);
        }
        if (category == Category.NORMAL) {
            return "cues:none";
        }
        int bestCue = -1;
        for (int i = 0; i < Cue.VALUES.length; i++) {
            final int[] counts = s.featurizer.cueCounts();
            if (counts[i] > 0 && cueCategory(Cue.VALUES[i]) == category
                && (bestCue < 0 || counts[i] > counts[bestCue])) {
                bestCue = i;
            }
        }
        if (category == Category.MARKETING && s.featurizer.text.optOut) {
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

    private static double spamProbability(final double[] p) {
        double spam = 0;
        for (final Category c : Category.values()) {
            if (c.isSpam()) {
                spam += p[c.ordinal()];
            }
        }
        return spam;
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
        Featurizer featurizer;
        final RuleHits hits = new RuleHits();
        final double[] scores = new double[CATEGORIES];
        final double[] probabilities = new double[CATEGORIES];
        SenderType senderType = SenderType.UNKNOWN;
        String senderDigits;

        /** Reason strings by feature bucket, so a feature seen before costs no allocation. */
        final String[] reasons = new String[1 << 12];

        String modelReason(final int feature) {
            final FeatureVector f = featurizer.features;
            final int slot = f.index[feature] & (reasons.length - 1);
            final String cached = reasons[slot];
            if (cached != null && f.nameMatches(feature, cached, MODEL_REASON.length())) {
                return cached;
            }
            final String reason = MODEL_REASON + f.name(feature);
            reasons[slot] = reason;
            return reason;
        }

        Featurizer featurizer(final int bits, final CueLexicon cues) {
            if (featurizer == null || featurizer.bits() != bits) {
                featurizer = new Featurizer(bits, cues);
            }
            return featurizer;
        }
    }
}
