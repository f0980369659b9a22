package io.leakwatch.app.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakwatch.schemas.SmsEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * kafkajs with {@code @kafkajs/confluent-schema-registry} (pinned in tools/interop-js) against LeakWatch's wire
 * format and embedded registry.
 */
class KafkaJsInteropTest extends AvroClientInteropTest {

    @Override
    InteropTools.Tool client() {
        return InteropTools.kafkaJsClient();
    }

    /**
     * The client asks for the subject's own compatibility level before registering; a 404 tells it the subject
     * is new, and it then sets the level it was given. A registry that answers with the global level instead
     * makes it refuse to register whenever the two differ.
     */
    @Test
    void shouldRegisterANewSubjectWithACompatibilityLevelOfItsOwn() throws Exception {
        final String topic = "partner.sms.events";
        broker().createTopic(topic);

        final JsonNode produced = produceWithClient(topic, SmsEvent.getClassSchema(), InteropRecords.smsEvents(),
            "--compatibility", "NONE");

        assertThat(produced.path("produced").asInt()).isEqualTo(InteropRecords.smsEvents().size());
        assertThat(compatibilityLevel("/config/" + topic + "-value")).isEqualTo("NONE");
        assertThat(compatibilityLevel("/config")).isEqualTo("BACKWARD");
    }

    private String compatibilityLevel(final String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            final HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(registry().url() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return InteropRecords.parse(response.body()).path("compatibilityLevel").asText();
        }
    }
}
