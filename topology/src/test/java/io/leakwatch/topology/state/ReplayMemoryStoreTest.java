package io.leakwatch.topology.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** A replay's heap store answers every call as Kafka's in-memory store does. */
class ReplayMemoryStoreTest {

    @Test
    void shouldAnswerAsKafkasInMemoryStoreDoesOverRandomWork() {
        final KeyValueStore<Bytes, byte[]> kafka = Stores.inMemoryKeyValueStore("kafka").get();
        final KeyValueStore<Bytes, byte[]> replay = StateStores.REPLAY_MEMORY.keyValue("replay").get();
        assertThat(replay).isInstanceOf(ReplayMemoryStore.class);
        final var context = new MockProcessorContext<>().getStateStoreContext();
        kafka.init(context, kafka);
        replay.init(context, replay);
        final Random random = new Random(20261207);
        for (int step = 0; step < 5_000; step++) {
            final Bytes key = key(random);
            final byte[] value = random.nextInt(10) == 0 ? null : new byte[] {(byte) random.nextInt(256)};
            switch (random.nextInt(9)) {
                case 0, 1, 2 -> {
                    kafka.put(key, value);
                    replay.put(key, value);
                }
                case 3 -> assertThat(replay.putIfAbsent(key, value)).isEqualTo(kafka.putIfAbsent(key, value));
                case 4 -> assertThat(replay.delete(key)).isEqualTo(kafka.delete(key));
                case 5 -> assertThat(replay.get(key)).isEqualTo(kafka.get(key));
                case 6 -> {
                    final Bytes other = random.nextInt(8) == 0 ? null : key(random);
                    final Bytes from = random.nextBoolean() ? key : null;
                    assertSame(replay.range(from, other), kafka.range(from, other), replay, kafka, random);
                    assertSame(replay.reverseRange(from, other), kafka.reverseRange(from, other), replay, kafka, random);
                }
                case 7 -> {
                    final String prefix = new String(key.get(), 0, 1 + random.nextInt(key.get().length),
                            java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertSame(replay.prefixScan(prefix, Serdes.String().serializer()),
                            kafka.prefixScan(prefix, Serdes.String().serializer()), replay, kafka, random);
                }
                default -> {
                    assertSame(replay.all(), kafka.all(), replay, kafka, random);
                    assertSame(replay.reverseAll(), kafka.reverseAll(), replay, kafka, random);
                }
            }
            assertThat(replay.approximateNumEntries()).isEqualTo(kafka.approximateNumEntries());
        }
    }

    /** Keys with long common prefixes and a few bytes above 0x7f, as the stores' keys are. */
    private static Bytes key(Random random) {
        final String[] prefixes = {"w|1380000", "d|00000017", "t|", "x", "w|13800001|0000"};
        final StringBuilder key = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
        for (int i = random.nextInt(3); i >= 0; i--) {
            key.append((char) (random.nextBoolean() ? '0' + random.nextInt(4) : 0xfe + random.nextInt(2)));
        }
        return Bytes.wrap(key.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /**
     * Walks two iterators side by side, changing both stores between steps (deleting and adding keys) to check that
     * they see the same changes.
     */
    private static void assertSame(KeyValueIterator<Bytes, byte[]> mine, KeyValueIterator<Bytes, byte[]> theirs,
                                   KeyValueStore<Bytes, byte[]> replay, KeyValueStore<Bytes, byte[]> kafka, Random random) {
        final List<KeyValue<Bytes, byte[]>> a = new ArrayList<>();
        final List<KeyValue<Bytes, byte[]>> b = new ArrayList<>();
        try (mine; theirs) {
            while (true) {
                final boolean more = theirs.hasNext();
                assertThat(mine.hasNext()).isEqualTo(more);
                if (!more) {
                    break;
                }
                assertThat(mine.peekNextKey()).isEqualTo(theirs.peekNextKey());
                a.add(mine.next());
                b.add(theirs.next());
                if (random.nextInt(4) == 0) {
                    final Bytes changed = key(random);
                    final byte[] value = random.nextBoolean() ? null : new byte[] {1};
                    replay.put(changed, value);
                    kafka.put(changed, value);
                }
            }
        }
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).key).isEqualTo(b.get(i).key);
            assertThat(a.get(i).value).isEqualTo(b.get(i).value);
        }
    }
}
