package io.leakwatch.topology.reference;

import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The global-store processor that keeps a reference store and the index derived from it in step. */
public final class ReferenceStores {

    public static final String APPS_STORE = "apps-global-store";
    public static final String RULES_STORE = "rules-global-store";

    private ReferenceStores() {
    }

    /**
     * Applies each record of a compacted reference topic (null value = delete) to its global store, then lets the
     * index (app directory, rule book) rebuild itself from the store.
     */
    public static final class Updater<V> implements Processor<String, V, Void, Void> {
        private final String storeName;
        private final Consumer<ReadOnlyKeyValueStore<String, V>> refresh;
        private KeyValueStore<String, V> store;

        public Updater(String storeName, Consumer<ReadOnlyKeyValueStore<String, V>> refresh) {
            this.storeName = storeName;
            this.refresh = refresh;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
            refresh.accept(store);
        }

        @Override
        public void process(Record<String, V> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
            refresh.accept(store);
        }
    }
}
