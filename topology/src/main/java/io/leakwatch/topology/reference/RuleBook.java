package io.leakwatch.topology.reference;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.Classifier;
import io.leakwatch.classifier.RuleAwareClassifier;
import io.leakwatch.classifier.RuleKind;
import io.leakwatch.classifier.RuleSpec;
import io.leakwatch.classifier.SmsClassifier;
import io.leakwatch.schemas.Rule;
import io.leakwatch.topology.compliance.ComplianceRules;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The classifier with the run-time rules of the {@code rules} topic applied. Swapped atomically when a rule
 * changes; the model itself is shared, so a swap is cheap. Records of {@link ComplianceRules} settings are not
 * classification rules and are skipped here.
 */
public final class RuleBook {

    private final RuleAwareClassifier base;
    private volatile Classifier current;
    private volatile boolean loaded;

    public RuleBook(RuleAwareClassifier base) {
        this.base = base;
        this.current = base;
    }

    public Classifier classifier() {
        return current;
    }

    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Rebuilds the classifier from every rule in the store. A rule that cannot be used is left out (the store's
     * updater keeps such rules out, but a store restored from its topic at start bypasses it).
     */
    public void refreshFrom(ReadOnlyKeyValueStore<String, Rule> store) {
        final List<RuleSpec> specs = new ArrayList<>();
        try (KeyValueIterator<String, Rule> it = store.all()) {
            while (it.hasNext()) {
                final KeyValue<String, Rule> entry = it.next();
                if (entry.value != null && !ComplianceRules.isSetting(entry.value.getId()) && problemOf(entry.value) == null) {
                    specs.add(toSpec(entry.value));
                }
            }
        }
        current = specs.isEmpty() ? base : base.withRules(specs);
        loaded = true;
    }

    /**
     * Why a rule cannot be used (a negative or non-finite weight, a regex that does not compile, an unknown kind or
     * category), or null when it can: the class of the error only, as the pattern may quote message text.
     */
    public String problemOf(Rule rule) {
        try {
            final RuleAwareClassifier with = base.withRules(List.of(toSpec(rule)));
            // the classifier leaves out a regex that does not compile and lists it; say so here too
            if (with instanceof SmsClassifier compiled && compiled.rejectedRules().size() > rejectedByBase()) {
                return "bad-rule: pattern does not compile";
            }
            return null;
        } catch (RuntimeException e) {
            return "bad-rule: " + e.getClass().getSimpleName();
        }
    }

    private int rejectedByBase() {
        return base instanceof SmsClassifier compiled ? compiled.rejectedRules().size() : 0;
    }

    static RuleSpec toSpec(Rule rule) {
        return new RuleSpec(rule.getId(), RuleKind.valueOf(rule.getKind().name()), rule.getPattern(),
                Category.valueOf(rule.getCategory().name()), rule.getWeight(), rule.getEnabled());
    }
}
