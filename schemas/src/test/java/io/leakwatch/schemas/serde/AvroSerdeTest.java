package io.leakwatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakwatch.schemas.App;
import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.registry.InMemorySchemaRegistryClient;
import io.leakwatch.schemas.registry.SchemaRegistryClient;
import io.leakwatch.schemas.registry.SchemaVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {

    private static final String TOPIC = "sms.events";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroSerdes serdes = new AvroSerdes(registry);

    static List<SpecificRecord> records() {
        return SampleRecords.all();
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldRoundTripEveryRecordType(final SpecificRecord record) {
        final Serde<SpecificRecord> serde = serdeFor(record);

        final byte[] bytes = serde.serializer().serialize("topic", record);

        assertThat(serde.deserializer().deserialize("topic", bytes)).isEqualTo(record);
    }

    @Test
    void shouldStartWithMagicByteAndTheIdRegisteredForTheTopicSubject() {
        registry.register("other-value", App.getClassSchema());

        final byte[] bytes = serdes.value(SmsEvent.class).serializer().serialize(TOPIC, SampleRecords.smsEvent());

        final SchemaVersion registered = registry.latest(TOPIC + "-value");
        assertThat(registered.id()).isEqualTo(2);
        assertThat(registered.schema()).isEqualTo(SmsEvent.getClassSchema());
        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 0, 0, 0, 2);
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(2);
    }

    @Test
    void shouldRegisterKeysUnderTheTopicKeySubject() {
        serdes.key(App.class).serializer().serialize("apps", SampleRecords.app());

        assertThat(registry.subjects()).containsExactly("apps-key");
    }

    @Test
    void shouldAskTheRegistryOncePerTopicAndOncePerSchemaId() {
        final CountingRegistry counting = new CountingRegistry(registry);
        final Serde<SmsEvent> serde = new AvroSerdes(counting).value(SmsEvent.class);

        for (int i = 0; i < 50; i++) {
            final byte[] bytes = serde.serializer().serialize(TOPIC, SampleRecords.smsEvent());
            serde.deserializer().deserialize(TOPIC, bytes);
        }
        serde.serializer().serialize("sms.replay", SampleRecords.smsEvent());

        assertThat(counting.registrations).hasValue(2);
        assertThat(counting.fetches).hasValue(1);
    }

    @Test
    void shouldPassTombstonesThroughAsNull() {
        final Serde<SmsEvent> serde = serdes.value(SmsEvent.class);

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldFillDefaultsForFieldsTheWriterSchemaDidNotHave() throws IOException {
        final Schema older = SchemaBuilder.record("ClassifiedSms").namespace("io.leakwatch.schemas").fields()
            .requiredString("eventId")
            .requiredLong("ts")
            .requiredString("sender")
            .requiredString("recipientToken")
            .name("category").type(Category.getClassSchema()).noDefault()
            .requiredDouble("score")
            .endRecord();
        final GenericRecord old = new GenericData.Record(older);
        old.put("eventId", "evt-9");
        old.put("ts", 1_700_000_000_000L);
        old.put("sender", "10690001");
        old.put("recipientToken", "ff00");
        old.put("category", new GenericData.EnumSymbol(Category.getClassSchema(), "FRAUD"));
        old.put("score", 0.75);
        final int id = registry.register("sms.classified-value", older);

        final ClassifiedSms read = serdes.value(ClassifiedSms.class).deserializer()
            .deserialize("sms.classified", WireFormat.encode(id, avroBinary(older, old)));

        assertThat(read.getEventId()).isEqualTo("evt-9");
        assertThat(read.getCategory()).isEqualTo(Category.FRAUD);
        assertThat(read.getScore()).isEqualTo(0.75);
        assertThat(read.getReason()).isEmpty();
        assertThat(read.getSignature()).isNull();
        assertThat(read.getOtp()).isFalse();
        assertThat(read.getFingerprint()).isEmpty();
        assertThat(read.getApp()).isNull();
        assertThat(read.getOptOut()).isFalse();
    }

    @Test
    void shouldRejectEmptyOneByteAndWrongMagicRecords() {
        assertThat(failureOf(new byte[0]).reason()).isEqualTo("empty-record");
        assertThat(failureOf(new byte[] {0}).reason()).isEqualTo("too-short");
        final WireFormatException badMagic = failureOf(new byte[] {1, 0, 0, 0, 1, 2});
        assertThat(badMagic.reason()).isEqualTo("bad-magic-byte");
        assertThat(badMagic).hasMessageContaining("0x01");
    }

    @Test
    void shouldRejectUnknownSchemaId() {
        final WireFormatException failure = failureOf(WireFormat.encode(12_345, new byte[] {2, 'a'}));

        assertThat(failure.reason()).isEqualTo("unknown-schema-id");
        assertThat(failure).hasMessageContaining("12345");
    }

    @Test
    void shouldRejectRecordsWrittenWithAnUnrelatedSchema() {
        final byte[] app = serdes.value(App.class).serializer().serialize(TOPIC, SampleRecords.app());

        assertThat(failureOf(app).reason()).isEqualTo("incompatible-schema");
    }

    @Test
    void shouldRejectTruncatedBody() {
        final byte[] valid = serdes.value(SmsEvent.class).serializer().serialize(TOPIC, SampleRecords.smsEvent());

        for (int length = WireFormat.HEADER_LENGTH; length < valid.length; length++) {
            assertThat(failureOf(Arrays.copyOf(valid, length)).reason()).as("cut at %d", length).isEqualTo("avro-decode-failed");
        }
    }

    @Test
    void shouldRejectBytesLeftOverAfterTheRecord() {
        final byte[] valid = serdes.value(SmsEvent.class).serializer().serialize(TOPIC, SampleRecords.smsEvent());

        final WireFormatException failure = failureOf(Arrays.copyOf(valid, valid.length + 3));

        assertThat(failure.reason()).isEqualTo("avro-decode-failed");
        assertThat(failure).hasMessageContaining("left over");
    }

    @Test
    void shouldRejectDeclaredLengthsBeyondTheRecordInsteadOfAllocatingThem() throws IOException {
        final int appId = registry.register("apps-value", App.getClassSchema());
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        encoder.writeString("");
        encoder.writeString("");
        encoder.writeString("");
        encoder.writeLong(1_500_000_000L);
        encoder.writeString("x");
        final byte[] hugeArray = WireFormat.encode(appId, out.toByteArray());
        final byte[] hugeString = WireFormat.encode(appId, new byte[] {(byte) 0x80, (byte) 0xb0, (byte) 0xcb, (byte) 0xa6, 0x0c});

        final Serde<App> serde = serdes.value(App.class);
        for (final byte[] poison : List.of(hugeArray, hugeString)) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("apps", poison))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.reason()).isEqualTo("avro-decode-failed"))
                .hasMessageContaining("left");
        }
    }

    @Test
    void shouldThrowOnlyWireFormatExceptionForRandomBytes() {
        final byte[] valid = serdes.value(SmsEvent.class).serializer().serialize(TOPIC, SampleRecords.smsEvent());
        final Random random = new Random(20_240_601L);
        final Set<String> reasons = new TreeSet<>();
        final List<String> escapes = new ArrayList<>();

        for (int i = 0; i < 600; i++) {
            final byte[] garbage = switch (i % 3) {
                case 0 -> randomBytes(random, random.nextInt(40), random.nextBoolean());
                case 1 -> WireFormat.encode(1, randomBytes(random, random.nextInt(60), false));
                default -> mutate(random, valid);
            };
            try {
                serdes.value(SmsEvent.class).deserializer().deserialize(TOPIC, garbage);
            } catch (final WireFormatException e) {
                reasons.add(e.reason());
            } catch (final Throwable e) {
                escapes.add(Arrays.toString(garbage) + " -> " + e);
            }
        }

        assertThat(escapes).isEmpty();
        assertThat(reasons).contains("bad-magic-byte", "too-short", "unknown-schema-id", "avro-decode-failed");
    }

    @Test
    void shouldRoundTripFromManyThreadsSharingOneSerde() throws Exception {
        final Serde<DeadLetter> serde = serdes.value(DeadLetter.class);
        final DeadLetter letter = (DeadLetter) SampleRecords.all().get(4);
        final Callable<Boolean> task = () -> IntStream.range(0, 500).allMatch(i ->
            letter.equals(serde.deserializer().deserialize("sms.dlq", serde.serializer().serialize("sms.dlq", letter))));
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            final List<Future<Boolean>> results = pool.invokeAll(List.of(task, task, task, task, task, task, task, task));
            for (final Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private WireFormatException failureOf(final byte[] data) {
        final Serde<SmsEvent> serde = serdes.value(SmsEvent.class);
        registry.register(TOPIC + "-value", SmsEvent.getClassSchema());
        try {
            final SmsEvent unexpected = serde.deserializer().deserialize(TOPIC, data);
            throw new AssertionError("expected a WireFormatException but read " + unexpected);
        } catch (final WireFormatException e) {
            return e;
        }
    }

    @SuppressWarnings("unchecked")
    private Serde<SpecificRecord> serdeFor(final SpecificRecord record) {
        return (Serde<SpecificRecord>) (Serde<?>) serdes.value(record.getClass());
    }

    private static byte[] avroBinary(final Schema schema, final GenericRecord record) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] randomBytes(final Random random, final int length, final boolean magicFirst) {
        final byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if (magicFirst && length > 0) {
            bytes[0] = WireFormat.MAGIC_BYTE;
        }
        return bytes;
    }

    /** Truncates, flips a byte of, or appends to a valid record, never touching the header. */
    private static byte[] mutate(final Random random, final byte[] valid) {
        final int position = WireFormat.HEADER_LENGTH + random.nextInt(valid.length - WireFormat.HEADER_LENGTH);
        return switch (random.nextInt(3)) {
            case 0 -> Arrays.copyOf(valid, position);
            case 1 -> {
                final byte[] flipped = valid.clone();
                flipped[position] = (byte) random.nextInt(256);
                yield flipped;
            }
            default -> {
                final byte[] longer = Arrays.copyOf(valid, valid.length + 1 + random.nextInt(8));
                longer[valid.length] = (byte) random.nextInt(256);
                yield longer;
            }
        };
    }

    /** Counts the calls that would be network round trips with an HTTP registry. */
    private static final class CountingRegistry implements SchemaRegistryClient {

        private final SchemaRegistryClient delegate;
        private final AtomicInteger registrations = new AtomicInteger();
        private final AtomicInteger fetches = new AtomicInteger();

        CountingRegistry(final SchemaRegistryClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public int register(final String subject, final Schema schema) {
            registrations.incrementAndGet();
            return delegate.register(subject, schema);
        }

        @Override
        public Schema getById(final int id) {
            fetches.incrementAndGet();
            return delegate.getById(id);
        }

        @Override
        public List<String> subjects() {
            return delegate.subjects();
        }

        @Override
        public List<Integer> versions(final String subject) {
            return delegate.versions(subject);
        }

        @Override
        public SchemaVersion version(final String subject, final int version) {
            return delegate.version(subject, version);
        }

        @Override
        public SchemaVersion latest(final String subject) {
            return delegate.latest(subject);
        }

        @Override
        public Optional<SchemaVersion> lookup(final String subject, final Schema schema) {
            return delegate.lookup(subject, schema);
        }
    }
}
