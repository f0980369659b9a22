package io.leakwatch.topology.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.CommitCallback;
import org.apache.kafka.streams.processor.StateRestoreCallback;
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
 * A store that passes everything to the one it wraps but what a commit asks of it: {@link #flush()}, and the commit
 * callback the store registers (RocksDB's writes and fsyncs its position file), both left to {@link #close()}.
 * Only for stores without a changelog whose contents are thrown away when they close (a replay's): there a commit
 * makes nothing durable that anyone reads, and RocksDB keeps what has not been flushed readable in its memtables,
 * writing them out on its own as they fill. {@code TopologyTestDriver} commits after every record, and a fsync per
 * record and store is what made RocksDB replays crawl.
 */
final class DeferredFlushStore implements KeyValueStore<Bytes, byte[]> {

    private final KeyValueStore<Bytes, byte[]> inner;
    private CommitCallback onCommit = () -> { };

    DeferredFlushStore(KeyValueStore<Bytes, byte[]> inner) {
        this.inner = inner;
    }

    @Override
    public void flush() {
        // Left to close(): see the class comment.
    }

    @Override
    public void close() {
        if (inner.isOpen()) {
            inner.flush();
            try {
                onCommit.onCommit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the position of store " + name(), e);
            }
        }
        inner.close();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        inner.init(new CommitDeferringContext(context), root);
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    @Override
    public void put(Bytes key, byte[] value) {
        inner.put(key, value);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        return inner.putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        inner.putAll(entries);
    }

    @Override
    public byte[] delete(Bytes key) {
        return inner.delete(key);
    }

    @Override
    public byte[] get(Bytes key) {
        return inner.get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return inner.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return inner.all();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return inner.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }

    /** The task's context, but a commit callback registered through it is kept for {@link #close()}. */
    private final class CommitDeferringContext extends ForwardingStateStoreContext {
        CommitDeferringContext(StateStoreContext context) {
            super(context);
        }

        @Override
        public void register(StateStore store, StateRestoreCallback restoreCallback, CommitCallback commitCallback) {
            onCommit = commitCallback;
            context.register(store, restoreCallback, () -> { });
        }
    }

    /** Supplies the wrapped store around each store the given supplier makes. */
    record Supplier(KeyValueBytesStoreSupplier rocks) implements KeyValueBytesStoreSupplier {
        @Override
        public String name() {
            return rocks.name();
        }

        @Override
        public KeyValueStore<Bytes, byte[]> get() {
            return new DeferredFlushStore(rocks.get());
        }

        @Override
        public String metricsScope() {
            return rocks.metricsScope();
        }
    }
}
