package io.leakwatch.topology.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A replay's heap store: what Kafka's {@code InMemoryKeyValueStore} returns, for every call, with its point reads and
 * overwrites in a hash map instead of a tree of {@code Bytes}. The stores of a replay hold keys with long common
 * prefixes (a sender and a zero-padded time), and a tree walk compared them byte by byte in Java at every level:
 * those comparisons were the largest single cost of a replay. Here the tree holds the keys only, is touched only
 * when a key comes or goes, and compares with {@link Arrays#compareUnsigned(byte[], byte[])} (the same order as
 * {@code Bytes}: unsigned bytes, then the shorter first).
 *
 * <p>Iterators behave as {@code InMemoryKeyValueStore}'s do: they walk a copy of the keys in range taken when they
 * are made, skip keys deleted since, and return each key's value at the time {@code next()} reads it.
 * No changelog, no interactive queries: for replays only ({@link StateStores#REPLAY_MEMORY}).
 */
final class ReplayMemoryStore implements KeyValueStore<Bytes, byte[]> {

    private static final Comparator<Bytes> ORDER = (a, b) -> Arrays.compareUnsigned(a.get(), b.get());

    private final String name;
    private final Map<Bytes, byte[]> values = new HashMap<>();
    private final NavigableSet<Bytes> keys = new TreeSet<>(ORDER);
    private volatile boolean open;

    ReplayMemoryStore(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        if (root != null) {
            context.register(root, (key, value) -> put(Bytes.wrap(key), value));
        }
        open = true;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Position getPosition() {
        return Position.emptyPosition();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return QueryResult.forUnknownQueryType(query, this);
    }

    @Override
    public byte[] get(Bytes key) {
        return values.get(key);
    }

    @Override
    public void put(Bytes key, byte[] value) {
        if (value == null) {
            if (values.remove(key) != null) {
                keys.remove(key);
            }
        } else if (values.put(key, value) == null) {
            keys.add(key);
        }
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        final byte[] existing = get(key);
        if (existing == null) {
            put(key, value);
        }
        return existing;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        for (KeyValue<Bytes, byte[]> entry : entries) {
            put(entry.key, entry.value);
        }
    }

    @Override
    public byte[] delete(Bytes key) {
        final byte[] old = values.remove(key);
        if (old != null) {
            keys.remove(key);
        }
        return old;
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        final Bytes from = Bytes.wrap(prefixKeySerializer.serialize(null, prefix));
        final Bytes to = Bytes.increment(from);
        return new Snapshot(keys.subSet(from, true, to, false), true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return range(from, to, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return range(from, to, false);
    }

    private KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to, boolean forward) {
        if (from == null && to == null) {
            return new Snapshot(keys, forward);
        }
        if (from == null) {
            return new Snapshot(keys.headSet(to, true), forward);
        }
        if (to == null) {
            return new Snapshot(keys.tailSet(from, true), forward);
        }
        if (ORDER.compare(from, to) > 0) {
            // InMemoryKeyValueStore logs a warning and returns nothing.
            return new Snapshot(List.of(), forward);
        }
        return new Snapshot(keys.subSet(from, true, to, true), forward);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return new Snapshot(keys, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return new Snapshot(keys, false);
    }

    @Override
    public long approximateNumEntries() {
        return values.size();
    }

    @Override
    public void flush() {
        // Nothing to write anywhere.
    }

    @Override
    public void close() {
        values.clear();
        keys.clear();
        open = false;
    }

    /** The keys in range when it was made, in order; each value as it is when read. */
    private final class Snapshot implements KeyValueIterator<Bytes, byte[]> {
        private final Iterator<Bytes> iterator;
        private Bytes current;
        private boolean iteratorOpen = true;

        Snapshot(Collection<Bytes> inRange, boolean forward) {
            // Copied by walking it once: the size of a sub-set view, which new ArrayList<>(view) asks first, is a walk too.
            final List<Bytes> copy = new ArrayList<>();
            for (Bytes key : inRange) {
                copy.add(key);
            }
            if (!forward) {
                Collections.reverse(copy);
            }
            this.iterator = copy.iterator();
        }

        @Override
        public boolean hasNext() {
            if (!iteratorOpen) {
                throw new IllegalStateException(String.format("Iterator for store %s has already been closed.", name));
            }
            while (current == null || !values.containsKey(current)) {
                if (!iterator.hasNext()) {
                    current = null;
                    return false;
                }
                current = iterator.next();
            }
            return true;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            final KeyValue<Bytes, byte[]> entry = new KeyValue<>(current, values.get(current));
            current = null;
            return entry;
        }

        @Override
        public Bytes peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current;
        }

        @Override
        public void close() {
            iteratorOpen = false;
        }
    }

    /** Supplies a {@link ReplayMemoryStore} per task. */
    record Supplier(String name) implements KeyValueBytesStoreSupplier {
        @Override
        public KeyValueStore<Bytes, byte[]> get() {
            return new ReplayMemoryStore(name);
        }

        @Override
        public String metricsScope() {
            return "in-memory";
        }
    }
}
