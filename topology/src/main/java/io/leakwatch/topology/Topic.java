package io.leakwatch.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * One topic: its name and how its keys and values are written. The only place a topic name is spelt.
 *
 * @param compacted whether the topic holds the latest value per key (reference data) rather than a log
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted, String description) {

    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde).withName("source-" + name);
    }

    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde).withName("sink-" + name);
    }
}
