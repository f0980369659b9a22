package io.leakwatch.topology.state;

import java.util.Locale;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** How the topology's key-value stores are built. */
public enum StateStores {
    /** RocksDB with changelog topics: a running pipeline's default, restored from its local files or the changelogs. */
    ROCKSDB(true, true),
    /** The heap with changelog topics: restored from the changelogs at every start, so the heap must hold all of it. */
    MEMORY(false, true),
    /**
     * A replay's fastest: the heap, no changelogs. The state of a 50,000-subscriber scenario eight days in took some
     * 45 MB of live heap (all of it, driver included); the heap bounds how large an archive can be replayed.
     */
    REPLAY_MEMORY(false, false),
    /**
     * A replay bounded by disk instead of heap: RocksDB without changelogs, flushed only when the replay closes it.
     * {@code TopologyTestDriver} commits after every record, and a commit flushes every store; a RocksDB flush per
     * record writes a file per record (a replay of a million events did not finish in 12 minutes).
     */
    REPLAY_DISK(true, false);

    private final boolean onDisk;
    private final boolean changelogged;

    StateStores(boolean onDisk, boolean changelogged) {
        this.onDisk = onDisk;
        this.changelogged = changelogged;
    }

    /** The value of {@code leakwatch.state.stores}: {@code rocksdb} or {@code memory}; replays choose their own. */
    public static StateStores ofConfig(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "rocksdb" -> ROCKSDB;
            case "memory" -> MEMORY;
            default -> throw new IllegalArgumentException("must be rocksdb or memory");
        };
    }

    public boolean changelogged() {
        return changelogged;
    }

    /** The bytes store under a store of this kind (the reference stores use it as it is, without changelogs). */
    public KeyValueBytesStoreSupplier keyValue(String name) {
        if (!onDisk) {
            // A replay's stores never restore nor answer queries: the faster store that returns the same.
            return changelogged ? Stores.inMemoryKeyValueStore(name) : new ReplayMemoryStore.Supplier(name);
        }
        final KeyValueBytesStoreSupplier rocks = Stores.persistentKeyValueStore(name);
        return changelogged ? rocks : new DeferredFlushStore.Supplier(rocks);
    }

    /**
     * A processor's store, String keys; cached and changelogged when this kind is changelogged. A replay's stores have
     * no cache: its driver runs with a cache of 0 bytes, which writes every put through at once, and the processors
     * forward nothing from a cache, so the cache layer only cost time.
     */
    public <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        final StoreBuilder<KeyValueStore<String, V>> builder = Stores.keyValueStoreBuilder(keyValue(name), Serdes.String(), valueSerde);
        return changelogged ? builder.withCachingEnabled() : builder.withCachingDisabled().withLoggingDisabled();
    }
}
