package io.leakwatch.app.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.registry.EmbeddedSchemaRegistry;
import io.leakwatch.schemas.registry.HttpSchemaRegistryClient;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.schemas.serde.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every independent Confluent client must be able to do with LeakWatch, both ways, on a real in-process
 * broker and the embedded schema registry over HTTP: produce records that LeakWatch's deserializer reads, with
 * the registry's id in their bytes and the schema under the topic's {@code -value} subject, and read the records
 * LeakWatch's serializer writes. A subclass names the client: a script taking {@code produce} and
 * {@code consume} commands (see {@code tools/interop-py} and {@code tools/interop-js}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AvroClientInteropTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);

    private Path work;
    private InteropTools.Tool tool;
    private List<String> client;
    private InteropBroker broker;
    private EmbeddedSchemaRegistry registry;
    private AvroSerdes serdes;

    /** The client script, found or not: each test is skipped (on CI, failed) when it is missing. */
    abstract InteropTools.Tool client();

    @BeforeAll
    void startBroker(@TempDir final Path classDir) {
        tool = client().announceIfMissing(getClass().getSimpleName());
        work = classDir;
        if (tool.isAvailable()) {
            broker = InteropBroker.start(work.resolve("kafka"));
        }
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void startRegistry() {
        client = tool.require();
        registry = EmbeddedSchemaRegistry.start(0);
        serdes = new AvroSerdes(new HttpSchemaRegistryClient(registry.url()));
    }

    @AfterEach
    void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldReadWhatTheClientProducedWithTheRegistryIdUnderTheTopicSubject() throws IOException {
        final String topic = "sms.events";
        final List<SmsEvent> sent = InteropRecords.smsEvents();
        broker.createTopic(topic);

        final JsonNode produced = produceWithClient(topic, SmsEvent.getClassSchema(), sent);

        final List<byte[]> values = broker.readValues(topic, sent.size());
        final int registered = registry.store().latest(topic + "-value").id();
        assertThat(produced.path("produced").asInt()).isEqualTo(sent.size());
        assertThat(registry.store().subjects()).containsExactly(topic + "-value");
        assertThat(values).extracting(WireFormat::schemaId).containsOnly(registered);
        assertThat(Stream.of("id", "lookupId", "latestId").map(field -> produced.path(field).asInt()))
            .as("ids the client got from registering, looking up and asking for the latest version")
            .containsOnly(registered);
        final Deserializer<SmsEvent> deserializer = serdes.value(SmsEvent.class).deserializer();
        assertThat(values).map(value -> deserializer.deserialize(topic, value)).containsExactlyElementsOf(sent);
        assertThat(serdes.registry().register(topic + "-value", SmsEvent.getClassSchema()))
            .as("LeakWatch registering the same schema finds the client's version instead of adding one")
            .isEqualTo(registered);
        assertThat(registry.store().versions(topic + "-value")).containsExactly(1);
    }

    @Test
    void shouldLetTheClientReadWhatLeakWatchProduced() throws Exception {
        final String topic = "leak.alerts";
        final List<LeakAlert> sent = InteropRecords.leakAlerts();
        broker.createTopic(topic);
        // without keys: Confluent's legacy Python AvroConsumer decodes keys as Avro too (see PythonInteropTest)
        broker.produce(topic, serdes.value(LeakAlert.class).serializer(), sent, alert -> null);

        final JsonNode consumed = runClient("consume", topic, "--count", Integer.toString(sent.size()));

        assertThat(registry.store().subjects()).containsExactly(topic + "-value");
        assertThat(InteropRecords.numbersByValue(consumed.path("values")))
            .isEqualTo(InteropRecords.numbersByValue(InteropRecords.plainJson(sent)));
    }

    EmbeddedSchemaRegistry registry() {
        return registry;
    }

    AvroSerdes serdes() {
        return serdes;
    }

    InteropBroker broker() {
        return broker;
    }

    /** Has the client register the schema and produce the records, given as plain JSON, to the topic. */
    JsonNode produceWithClient(final String topic, final Schema schema, final List<? extends SpecificRecord> records,
                               final String... options) throws IOException {
        final Path schemaFile = Files.writeString(work.resolve(topic + ".avsc"), schema.toString(),
            StandardCharsets.UTF_8);
        final Path recordsFile = Files.writeString(work.resolve(topic + ".json"),
            InteropRecords.plainJson(records).toString(), StandardCharsets.UTF_8);
        final List<String> arguments = new ArrayList<>(List.of(
            "--schema", schemaFile.toString(), "--records", recordsFile.toString()));
        arguments.addAll(List.of(options));
        return runClient("produce", topic, arguments.toArray(String[]::new));
    }

    /** Runs one command of the client script against this test's broker and registry; returns its JSON. */
    JsonNode runClient(final String command, final String topic, final String... options) {
        final List<String> line = new ArrayList<>(client);
        line.addAll(List.of(command,
            "--bootstrap", broker.bootstrapServers(), "--registry", registry.url(), "--topic", topic));
        line.addAll(List.of(options));
        return InteropRecords.parse(ChildProcess.runSuccessfully(line, CLIENT_TIMEOUT));
    }
}
