package io.leakwatch.topology.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.CommitCallback;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a commit does to a replay's RocksDB store, against a running pipeline's. */
class DeferredFlushStoreTest {

    @TempDir
    Path stateDir;

    @Test
    void shouldLeaveTheCommitOfAReplayStoreToItsClose() throws IOException {
        final Committing task = new Committing(stateDir);
        final KeyValueStore<Bytes, byte[]> store = StateStores.REPLAY_DISK.keyValue("replay-store").get();
        store.init(task, store);

        store.put(key("a"), bytes("1"));
        store.flush();
        task.commit();

        assertThat(stateDir.resolve("replay-store.position")).as("no position file per commit").doesNotExist();
        assertThat(store.get(key("a"))).as("readable before any flush").isEqualTo(bytes("1"));
        store.close();
        assertThat(stateDir.resolve("replay-store.position")).as("written once, at close").exists();
        assertThat(store.isOpen()).isFalse();
    }

    @Test
    void shouldCommitARunningPipelinesStoreAtEveryCommit() throws IOException {
        final Committing task = new Committing(stateDir);
        final KeyValueStore<Bytes, byte[]> store = StateStores.ROCKSDB.keyValue("running-store").get();
        store.init(task, store);

        store.put(key("a"), bytes("1"));
        task.commit();

        assertThat(stateDir.resolve("running-store.position")).exists();
        store.close();
    }

    private static Bytes key(String text) {
        return Bytes.wrap(bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A task's context that runs the commit callback a store registered when the test commits, as a task would. */
    private static final class Committing extends ForwardingStateStoreContext {
        private CommitCallback onCommit;

        Committing(Path stateDir) throws IOException {
            super(taskContext(stateDir));
        }

        private static StateStoreContext taskContext(Path stateDir) throws IOException {
            final Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "deferred-flush-test");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            final File dir = Files.createDirectories(stateDir).toFile();
            final MockProcessorContext<Object, Object> task = new MockProcessorContext<>(props, new TaskId(0, 0), dir);
            // A store's position is the offset of the record that wrote it last; without one there is nothing to write.
            task.setRecordMetadata("sms.events", 0, 41L);
            return task.getStateStoreContext();
        }

        void commit() throws IOException {
            onCommit.onCommit();
        }

        @Override
        public void register(StateStore store, StateRestoreCallback restoreCallback, CommitCallback commitCallback) {
            onCommit = commitCallback;
            context.register(store, restoreCallback, commitCallback);
        }

        @Override
        public void register(StateStore store, StateRestoreCallback restoreCallback) {
            register(store, restoreCallback, () -> { });
        }
    }
}
