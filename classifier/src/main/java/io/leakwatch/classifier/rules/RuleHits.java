package io.leakwatch.classifier.rules;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.analysis.KeywordMatcher;
import io.leakwatch.classifier.analysis.TextAnalysis;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Result of evaluating a {@link RuleSet} on one message; mutable scratch space reused per thread. */
public final class RuleHits {
    private static final int CATEGORIES = Category.values().length;

    /** Summed weights of the non-decisive rules that fired, per category ordinal. */
    public final double[] evidence = new double[CATEGORIES];
    private boolean[] fired = new boolean[16];
    private int decisive = -1;
    private double decisiveWeight;
    private int decisiveCategory = -1;
    private int strongest = -1;
    private double strongestWeight;
    private RuleSet current;
    private final KeywordMatcher.Hit keywordHit = (id, start, end) -> current.fireKeyword(id, this);

    private RuleSet matchersFor;
    private Matcher[][] matchers;
    private final TextView view = new TextView();
    private TextAnalysis text;
    /** Whether {@link #text} warns against fraud: 0 not looked at yet, 1 no, 2 yes. */
    private byte warning;
    private int suppressed = -1;

    /** Reusable matchers for the patterns of {@code set} (a regex {@link Matcher} is not thread-safe). */
    Matcher[][] matchers(final RuleSet set, final Pattern[] regexes, final Pattern[] senders) {
        if (matchersFor != set) {
            final Matcher[] r = new Matcher[regexes.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = regexes[i].matcher("");
            }
            final Matcher[] s = new Matcher[senders.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = senders[i].matcher("");
            }
            matchers = new Matcher[][] {r, s};
            matchersFor = set;
        }
        return matchers;
    }

    CharSequence textView(final char[] chars, final int length) {
        view.chars = chars;
        view.length = length;
        return view;
    }

    /** A {@link CharSequence} over a prefix of a char array, re-pointed without allocating. */
    private static final class TextView implements CharSequence {
        char[] chars;
        int length;

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(final int index) {
            return chars[index];
        }

        @Override
        public CharSequence subSequence(final int start, final int end) {
            return new String(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    void reset(final int rules, final TextAnalysis analysed) {
        text = analysed;
        warning = 0;
        suppressed = -1;
        if (fired.length < rules) {
            fired = new boolean[Math.max(rules, fired.length * 2)];
        } else {
            Arrays.fill(fired, 0, rules, false);
        }
        Arrays.fill(evidence, 0);
        decisive = -1;
        decisiveWeight = 0;
        decisiveCategory = -1;
        strongest = -1;
        strongestWeight = 0;
    }

    /** Whether the message warns against fraud ({@link FraudWarning}), looked up once per message when asked. */
    boolean warns() {
        if (warning == 0) {
            warning = FraudWarning.in(text) ? (byte) 2 : (byte) 1;
        }
        return warning == 2;
    }

    /** Rule {@code rule} matched, but {@link FraudWarning} kept it from firing. */
    void suppress(final int rule) {
        if (suppressed < 0) {
            suppressed = rule;
        }
    }

    /** The first rule that {@link FraudWarning} kept from firing on this message, or -1. */
    public int suppressedRule() {
        return suppressed;
    }

    KeywordMatcher.Hit keywordHit(final RuleSet set) {
        this.current = set;
        return keywordHit;
    }

    void fire(final int rule, final int category, final double weight, final boolean isDecisive) {
        if (fired[rule]) {
            return;
        }
        fired[rule] = true;
        if (isDecisive) {
            if (weight > decisiveWeight) {
                decisive = rule;
                decisiveWeight = weight;
                decisiveCategory = category;
            }
        } else {
            evidence[category] += weight;
        }
        if (weight > strongestWeight) {
            strongest = rule;
            strongestWeight = weight;
        }
    }

    /** Index of the decisive rule that fired with the highest weight, or -1. */
    public int decisiveRule() {
        return decisive;
    }

    /** Category ordinal of {@link #decisiveRule()}, or -1. */
    public int decisiveCategory() {
        return decisiveCategory;
    }

    /** Index of the rule with the highest weight that fired, or -1. */
    public int strongestRule() {
        return strongest;
    }

    public boolean fired(final int rule) {
        return rule < fired.length && fired[rule];
    }
}
