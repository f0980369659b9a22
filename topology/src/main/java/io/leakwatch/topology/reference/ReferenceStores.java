package io.leakwatch.topology.reference;

import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.leakwatch.topology.PipelineListener;
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

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceStores.class);

    /**
     * Applies each record of a compacted reference topic (null value = delete) to its global store, then lets the
     * index (app directory, rule book) rebuild itself from the store.
     *
     * <p>A record the index cannot use ({@code problem} names why) is left out of the store and reported to
     * {@code skipped}, and the key's previous value is deleted, so the store holds what the topic says or nothing. It
     * must not throw: the global thread would die, and at every restart it reads the same record again.
     */
    public static final class Updater<V> implements Processor<String, V, Void, Void> {
        private final String storeName;
        private final String topic;
        private final Consumer<ReadOnlyKeyValueStore<String, V>> refresh;
        private final Function<V, String> problem;
        private final PipelineListener listener;
        private KeyValueStore<String, V> store;

        public Updater(String storeName, String topic, Consumer<ReadOnlyKeyValueStore<String, V>> refresh, Function<V, String> problem,
                       PipelineListener listener) {
            this.storeName = storeName;
            this.topic = topic;
            this.refresh = refresh;
            this.problem = problem;
            this.listener = listener;
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
                final String why = problemOf(record.value());
                if (why == null) {
                    store.put(record.key(), record.value());
                } else {
                    LOG.warn("{} record {} skipped: {}", topic, record.key(), why);
                    listener.referenceRecordSkipped(topic, why);
                    store.delete(record.key());
                }
            }
            refresh.accept(store);
        }

        private String problemOf(V value) {
            try {
                return problem.apply(value);
            } catch (RuntimeException e) {
                return e.getClass().getSimpleName();
            }
        }
    }
}
