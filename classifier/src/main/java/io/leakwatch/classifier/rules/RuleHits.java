package io.leakwatch.classifier.rules;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.analysis.KeywordMatcher;

import java.util.Arrays;

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

    void reset(final int rules) {
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
