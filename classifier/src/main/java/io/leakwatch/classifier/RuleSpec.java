package io.leakwatch.classifier;

import java.util.Objects;

/**
 * One run-time rule, as it arrives on the {@code rules} topic.
 *
 * @param id       stable id; a rule with the id of a built-in rule overrides it ({@code enabled=false} switches it off)
 * @param kind     how {@code pattern} is matched
 * @param pattern  keyword or regular expression
 * @param category the category the rule votes for
 * @param weight   {@code >= 1} decides the category on its own; below 1 it adds evidence that the model weighs
 * @param enabled  whether the rule is active
 */
public record RuleSpec(String id, RuleKind kind, String pattern, Category category, double weight, boolean enabled) {
    public RuleSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(category, "category");
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("rule " + id + ": weight must be a finite number >= 0, was " + weight);
        }
    }

    /** Whether this rule decides the category on its own. */
    public boolean decisive() {
        return weight >= 1.0;
    }
}
