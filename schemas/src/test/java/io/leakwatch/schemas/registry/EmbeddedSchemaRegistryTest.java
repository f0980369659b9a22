package io.leakwatch.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.schemas.App;
import io.leakwatch.schemas.Rule;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.serde.AvroSerdes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedSchemaRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedSchemaRegistry server = EmbeddedSchemaRegistry.start(0);
    /** No retries: these tests are about what one request gets back (retries: {@link RegistryRetryTest}). */
    private final HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(server.url(), RegistryRetry.NONE);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldListenOnAnEphemeralLocalhostPort() {
        assertThat(server.port()).isPositive();
        assertThat(server.url()).isEqualTo("http://localhost:" + server.port());
    }

    @Test
    void shouldRegisterAndServeSchemasOverHttp() {
        final int app = client.register("apps-value", App.getClassSchema());
        final int rule = client.register("rules-value", Rule.getClassSchema());

        assertThat(app).isEqualTo(1);
        assertThat(rule).isEqualTo(2);
        assertThat(new HttpSchemaRegistryClient(server.url()).getById(2)).isEqualTo(Rule.getClassSchema());
        assertThat(new HttpSchemaRegistryClient(server.url()).register("apps-value", App.getClassSchema())).isEqualTo(app);
        assertThat(client.subjects()).containsExactly("apps-value", "rules-value");
    }

    @Test
    void shouldServeVersionsLatestAndLookup() {
        client.register("apps-value", App.getClassSchema());
        client.register("apps-value", SmsEvent.getClassSchema());

        assertThat(client.versions("apps-value")).containsExactly(1, 2);
        assertThat(client.version("apps-value", 1)).isEqualTo(new SchemaVersion("apps-value", 1, 1, App.getClassSchema()));
        assertThat(client.latest("apps-value")).isEqualTo(new SchemaVersion("apps-value", 2, 2, SmsEvent.getClassSchema()));
        assertThat(client.lookup("apps-value", SmsEvent.getClassSchema())).map(SchemaVersion::version).contains(2);
        assertThat(client.lookup("apps-value", Rule.getClassSchema())).isEmpty();
    }

    @Test
    void shouldKeepSubjectsWithSlashesAndSpacesIntactInPaths() {
        final String subject = "odd/subject name+1";

        client.register(subject, App.getClassSchema());

        assertThat(client.subjects()).containsExactly(subject);
        assertThat(client.latest(subject).subject()).isEqualTo(subject);
    }

    @Test
    void shouldAnswerUnknownSubjectIdAndPathWithConfluentErrorJson() throws Exception {
        client.register("apps-value", App.getClassSchema());

        assertError(get("/subjects/nope/versions"), 404, 40401);
        assertError(get("/subjects/apps-value/versions/9"), 404, 40402);
        assertError(get("/subjects/apps-value/versions/first"), 422, 42202);
        assertError(get("/schemas/ids/99"), 404, 40403);
        assertError(get("/no/such/path"), 404, 404);
        assertError(send("POST", "/subjects/apps-value", Map.of("schema", Rule.getClassSchema().toString())), 404, 40403);
        assertError(send("POST", "/subjects/apps-value/versions", Map.of("schema", "{\"type\":\"nonsense\"}")), 422, 42201);
        assertError(send("DELETE", "/subjects", null), 405, 405);
    }

    @Test
    void shouldSpeakTheRestApiAsConfluentClientsExpect() throws Exception {
        final HttpResponse<String> registered = send("POST", "/subjects/apps-value/versions",
            Map.of("schema", App.getClassSchema().toString(), "schemaType", "AVRO"));
        final HttpResponse<String> byId = get("/schemas/ids/1?fetchMaxId=false&subject=apps-value");
        final HttpResponse<String> latest = get("/subjects/apps-value/versions/latest");
        final HttpResponse<String> usages = get("/schemas/ids/1/versions");

        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.headers().firstValue("Content-Type")).contains("application/vnd.schemaregistry.v1+json");
        assertThat(JSON.readTree(registered.body())).isEqualTo(JSON.readTree("{\"id\":1}"));
        assertThat(new Schema.Parser().parse(JSON.readTree(byId.body()).path("schema").asText())).isEqualTo(App.getClassSchema());
        final JsonNode version = JSON.readTree(latest.body());
        assertThat(version.path("subject").asText()).isEqualTo("apps-value");
        assertThat(version.path("version").asInt()).isEqualTo(1);
        assertThat(version.path("id").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(usages.body())).isEqualTo(JSON.readTree("[{\"subject\":\"apps-value\",\"version\":1}]"));
        assertThat(JSON.readTree(get("/subjects").body())).isEqualTo(JSON.readTree("[\"apps-value\"]"));
    }

    @Test
    void shouldReportAndAcceptCompatibilityConfig() throws Exception {
        assertThat(JSON.readTree(get("/config").body()).path("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        final HttpResponse<String> put = send("PUT", "/config", Map.of("compatibility", "FULL"));

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/config").body()).path("compatibilityLevel").asText()).isEqualTo("FULL");
        assertThat(JSON.readTree(get("/config/apps-value?defaultToGlobal=true").body()).path("compatibilityLevel")
            .asText()).isEqualTo("FULL");
    }

    @Test
    void shouldAnswerNotFoundForASubjectWithoutACompatibilityLevelOfItsOwnAsConfluentDoes() throws Exception {
        client.register("apps-value", App.getClassSchema());

        assertError(get("/config/apps-value"), 404, SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED);
        assertError(get("/config/never-registered-value"), 404,
            SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED);

        final HttpResponse<String> put = send("PUT", "/config/apps-value", Map.of("compatibility", "NONE"));

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree("{\"compatibility\":\"NONE\"}"));
        assertThat(JSON.readTree(get("/config/apps-value").body()).path("compatibilityLevel").asText())
            .isEqualTo("NONE");
        assertThat(JSON.readTree(get("/config").body()).path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void shouldNameUrlStatusAndErrorCodeWhenTheServerRefuses() {
        assertThatThrownBy(() -> client.getById(42))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403))
            .hasMessageContaining(server.url() + "/schemas/ids/42")
            .hasMessageContaining("HTTP 404")
            .hasMessageContaining("40403");
    }

    @Test
    void shouldRoundTripThroughTheSerdeOverHttpAndKeepWorkingFromCacheWhenTheRegistryGoesAway() {
        final Serde<SmsEvent> serde = new AvroSerdes(client).value(SmsEvent.class);
        final SmsEvent event = new SmsEvent("e-1", 1L, "10690001", "+8613800138000", "您好", Map.of());

        final byte[] bytes = serde.serializer().serialize("sms.events", event);
        assertThat(serde.deserializer().deserialize("sms.events", bytes)).isEqualTo(event);
        assertThat(server.store().latest("sms.events-value").schema()).isEqualTo(SmsEvent.getClassSchema());

        server.close();

        assertThat(serde.deserializer().deserialize("sms.events", serde.serializer().serialize("sms.events", event)))
            .isEqualTo(event);
        assertThatThrownBy(() -> client.subjects())
            .isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.NO_RESPONSE));
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private HttpResponse<String> send(final String method, final String path, final Map<String, String> body)
        throws IOException, InterruptedException {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertError(final HttpResponse<String> response, final int status, final int errorCode)
        throws IOException {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        final JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("error_code").asInt()).as(response.uri().toString()).isEqualTo(errorCode);
        assertThat(error.path("message").asText()).isNotBlank();
    }
}
