package io.leakwatch.classifier;

import java.util.Collection;

/** A classifier whose run-time rules can be replaced without a redeploy (fed from the {@code rules} topic). */
public interface RuleAwareClassifier extends Classifier {
    /**
     * A new classifier sharing this one's model, with {@code rules} as its run-time rules. The built-in rules stay
     * unless a given rule has the same id, which overrides the built-in one. Invalid rules (a regular expression
     * that does not compile) are skipped; this instance is left unchanged.
     */
    RuleAwareClassifier withRules(Collection<RuleSpec> rules);
}
