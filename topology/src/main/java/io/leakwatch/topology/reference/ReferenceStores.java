package io.leakwatch.topology.reference;

import io.leakwatch.schemas.App;
import io.leakwatch.schemas.Rule;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** The global-store processors that keep the reference stores and their derived indexes current. */
public final class ReferenceStores {

    public static final String APPS_STORE = "apps-global-store";
    public static final String RULES_STORE = "rules-global-store";

    private ReferenceStores() {
    }

    /** Keeps the apps store and the app directory in step. */
    public static final class AppsUpdater implements Processor<String, App, Void, Void> {
        private final AppDirectory directory;
        private KeyValueStore<String, App> store;

        public AppsUpdater(AppDirectory directory) {
            this.directory = directory;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(APPS_STORE);
            directory.refreshFrom(store);
        }

        @Override
        public void process(Record<String, App> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
            directory.refreshFrom(store);
        }
    }

    /** Keeps the rules store and the classifier's run-time rules in step. */
    public static final class RulesUpdater implements Processor<String, Rule, Void, Void> {
        private final RuleBook rules;
        private KeyValueStore<String, Rule> store;

        public RulesUpdater(RuleBook rules) {
            this.rules = rules;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(RULES_STORE);
            rules.refreshFrom(store);
        }

        @Override
        public void process(Record<String, Rule> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
            rules.refreshFrom(store);
        }
    }
}
