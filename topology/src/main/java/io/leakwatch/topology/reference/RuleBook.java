package io.leakwatch.topology.reference;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.Classifier;
import io.leakwatch.classifier.RuleAwareClassifier;
import io.leakwatch.classifier.RuleKind;
import io.leakwatch.classifier.RuleSpec;
import io.leakwatch.schemas.Rule;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The classifier with the run-time rules of the {@code rules} topic applied. Swapped atomically when a rule
 * changes; the model itself is shared, so a swap is cheap.
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

    public void refreshFrom(ReadOnlyKeyValueStore<String, Rule> store) {
        final List<RuleSpec> specs = new ArrayList<>();
        try (KeyValueIterator<String, Rule> it = store.all()) {
            while (it.hasNext()) {
                final KeyValue<String, Rule> entry = it.next();
                if (entry.value != null) {
                    specs.add(toSpec(entry.value));
                }
            }
        }
        current = specs.isEmpty() ? base : base.withRules(specs);
        loaded = true;
    }

    static RuleSpec toSpec(Rule rule) {
        return new RuleSpec(rule.getId(), RuleKind.valueOf(rule.getKind().name()), rule.getPattern(),
                Category.valueOf(rule.getCategory().name()), rule.getWeight(), rule.getEnabled());
    }
}
