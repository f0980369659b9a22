package io.leakwatch.app.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakwatch.schemas.LeakAlert;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Confluent's Python client as Debian ships it (python3-confluent-kafka 1.7.0 on librdkafka, with its legacy
 * {@code AvroProducer}, {@code AvroConsumer} and {@code CachedSchemaRegistryClient} on python3-avro) against
 * LeakWatch's wire format and embedded registry.
 */
class PythonInteropTest extends AvroClientInteropTest {

    @Override
    InteropTools.Tool client() {
        return InteropTools.pythonClient();
    }

    /**
     * {@code leak.alerts} is keyed by the app id as plain text. The legacy AvroConsumer decodes keys as Avro too and
     * stops at the first record ("message does not start with magic byte"), so a regulator's Python consumer reads
     * the topic with a plain Consumer and the client's MessageSerializer for the values.
     */
    @Test
    void shouldReadLeakAlertsKeyedByAppAsOnTheRealTopic() throws Exception {
        final String topic = "leak.alerts.keyed";
        final List<LeakAlert> sent = InteropRecords.leakAlerts();
        broker().createTopic(topic);
        broker().produce(topic, serdes().value(LeakAlert.class).serializer(), sent, LeakAlert::getApp);

        final JsonNode consumed =
            runClient("consume", topic, "--count", Integer.toString(sent.size()), "--string-keys");

        assertThat(consumed.path("keys")).map(JsonNode::asText).containsExactly("meiyou", "meiyou");
        assertThat(InteropRecords.numbersByValue(consumed.path("values")))
            .isEqualTo(InteropRecords.numbersByValue(InteropRecords.plainJson(sent)));
    }
}
