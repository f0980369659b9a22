package io.leakwatch.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class HttpApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpApi api;
    private HttpClient client;

    @BeforeEach
    void startServer() {
        api = HttpApi.start("localhost", 0);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stopServer() {
        api.close();
        client.close();
    }

    @Test
    void shouldReportHealthUp() throws Exception {
        final HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Response.JSON);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void shouldAnswerARegisteredRouteWithItsQueryParameters() throws Exception {
        api.route("/alerts", request -> Response.json(200,
                Map.of("app", request.queryParam("app").orElse("all"), "open", 2)));

        final HttpResponse<String> response = get("/alerts?app=meiyou");

        assertThat(response.statusCode()).isEqualTo(200);
        final JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("app").asText()).isEqualTo("meiyou");
        assertThat(body.get("open").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRoutePrefixesToTheLongestMatch() throws Exception {
        api.route("/state/*", request -> Response.text(200, "state " + request.path()));
        api.route("/state/apps/*", request -> Response.text(200, "apps " + request.path()));

        assertThat(get("/state/senders/106900").body()).isEqualTo("state /state/senders/106900");
        assertThat(get("/state/apps/meiyou").body()).isEqualTo("apps /state/apps/meiyou");
    }

    @Test
    void shouldPassTheBodyOfAPost() throws Exception {
        api.route("POST", "/echo", request -> Response.text(201, request.bodyAsString().toUpperCase(Locale.ROOT)));

        final HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("leak")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("LEAK");
    }

    @Test
    void shouldAnswer404WithJsonForAnUnknownPath() throws Exception {
        final HttpResponse<String> response = get("/nowhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Response.JSON);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("Not Found");
    }

    @Test
    void shouldAnswer405WithTheAllowedMethodsForAWrongMethod() throws Exception {
        final HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/health"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(405);
    }

    @Test
    void shouldAnswer500WithTheMessageWhenAHandlerThrowsAndKeepServing() throws Exception {
        api.route("/broken", request -> {
            throw new IllegalStateException("state store not ready");
        });

        final HttpResponse<String> failed = get("/broken");

        assertThat(failed.statusCode()).isEqualTo(500);
        final JsonNode body = JSON.readTree(failed.body());
        assertThat(body.get("error").asText()).isEqualTo("Internal Server Error");
        assertThat(body.get("message").asText()).isEqualTo("state store not ready");
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServePrometheusTextWithJvmAndCustomMeters() throws Exception {
        try (Metrics metrics = new Metrics()) {
            metrics.registry().counter("leakwatch.test.events", "category", "FRAUD").increment(3);
            api.route("/metrics", metrics.scrapeHandler());

            final HttpResponse<String> response = get("/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(Metrics.CONTENT_TYPE);
            assertThat(response.body())
                    .contains("jvm_memory_used_bytes{")
                    .contains("process_cpu_usage")
                    .contains("leakwatch_test_events_total{category=\"FRAUD\"} 3.0");
        }
    }

    @Test
    void shouldPushPublishedEventsToAnSseClient() throws Exception {
        final EventStream alerts = api.eventStream("/alerts/stream");
        final HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri("/alerts/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");

        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> alerts.clientCount() == 1);
            alerts.publish("alert", "{\"app\":\"meiyou\",\n\"state\":\"OPEN\"}");

            assertThat(readEvent(reader)).containsExactly(
                    "id: 1", "event: alert", "data: {\"app\":\"meiyou\",", "data: \"state\":\"OPEN\"}");
        }
    }

    @Test
    void shouldEndEventStreamsAndTolerateASecondClose() throws Exception {
        final EventStream alerts = api.eventStream("/alerts/stream");
        final HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri("/alerts/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.clientCount() == 1);

        api.close();

        try (InputStream body = response.body()) {
            final String rest = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(rest).isEqualTo(": keepalive\n\n");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.clientCount() == 0);
        assertThatCode(api::close).doesNotThrowAnyException();
    }

    private static List<String> readEvent(final BufferedReader reader) throws IOException {
        final List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith(":")) {
                continue;
            }
            if (line.isEmpty()) {
                if (lines.isEmpty()) {
                    continue;
                }
                return lines;
            }
            lines.add(line);
        }
        return lines;
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(final String path) {
        return URI.create(api.url() + path);
    }
}
