package io.leakwatch.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    static final String NOC = "noc-token-0123456789abcdef";
    static final String REGULATOR = "regulator-token-0123456789";
    static final String ADMIN = "admin-token-0123456789abcdef";
    private static final int MAX_BODY = 1024;
    private static final int MAX_SSE = 2;

    private HttpApi api;
    private HttpClient client;

    @BeforeEach
    void startServer() {
        api = HttpApi.start(HttpSettings.of("localhost", 0,
                Access.ofTokens(Map.of(NOC, Role.NOC, REGULATOR, Role.REGULATOR, ADMIN, Role.ADMIN))).withLimits(MAX_BODY, MAX_SSE));
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
        api.route("/alerts", Access.ALERT_FEED, request -> Response.json(200,
                Map.of("app", request.queryParam("app").orElse("all"), "open", 2)));

        final HttpResponse<String> response = get("/alerts?app=meiyou");

        assertThat(response.statusCode()).isEqualTo(200);
        final JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("app").asText()).isEqualTo("meiyou");
        assertThat(body.get("open").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRoutePrefixesToTheLongestMatch() throws Exception {
        api.route("/state/*", Access.NOC_READ, request -> Response.text(200, "state " + request.path()));
        api.route("/state/apps/*", Access.NOC_READ, request -> Response.text(200, "apps " + request.path()));

        assertThat(get("/state/senders/106900").body()).isEqualTo("state /state/senders/106900");
        assertThat(get("/state/apps/meiyou").body()).isEqualTo("apps /state/apps/meiyou");
    }

    @Test
    void shouldPassTheBodyOfAPost() throws Exception {
        api.route("POST", "/echo", Access.ADMIN_ONLY, request -> Response.text(201, request.bodyAsString().toUpperCase(Locale.ROOT)));

        final HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/echo")).header("Authorization", "Bearer " + ADMIN)
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
    void shouldAnswer500WithoutTheExceptionWhenAHandlerThrowsAndKeepServing() throws Exception {
        api.route("/broken", Access.NOC_READ, request -> {
            throw new IllegalStateException("state store not ready at /var/lib/leakwatch/state");
        });

        final HttpResponse<String> failed = get("/broken");

        assertThat(failed.statusCode()).isEqualTo(500);
        final JsonNode body = JSON.readTree(failed.body());
        assertThat(body.get("error").asText()).isEqualTo("Internal Server Error");
        assertThat(body.get("message").asText()).as("a reference to the log, nothing of the exception")
                .startsWith("the request failed; reference E").doesNotContain("state store", "/var/lib", "IllegalState");
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswer401WithoutATokenAndWithAnUnknownOne() throws Exception {
        api.route("/alerts", Access.ALERT_FEED, request -> Response.json(200, "[]"));

        final HttpResponse<String> none = client.send(HttpRequest.newBuilder(uri("/alerts")).build(), HttpResponse.BodyHandlers.ofString());
        final HttpResponse<String> unknown = getAs("/alerts", "not-a-known-token-0123456789");
        final HttpResponse<String> notBearer = client.send(HttpRequest.newBuilder(uri("/alerts"))
                .header("Authorization", "Basic " + NOC).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"leakwatch\"");
        assertThat(JSON.readTree(none.body()).get("error").asText()).isEqualTo("Unauthorized");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        assertThat(notBearer.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer403ToARoleTheRouteDoesNotAdmit() throws Exception {
        api.route("/cohorts", Access.NOC_READ, request -> Response.json(200, "[]"));
        api.route("/alerts", Access.ALERT_FEED, request -> Response.json(200, "[]"));
        api.route("POST", "/rules", Access.ADMIN_ONLY, request -> Response.json(200, "{}"));

        assertThat(getAs("/cohorts", REGULATOR).statusCode()).as("the regulator reads the feed only").isEqualTo(403);
        assertThat(getAs("/alerts", REGULATOR).statusCode()).isEqualTo(200);
        assertThat(getAs("/cohorts", NOC).statusCode()).isEqualTo(200);
        assertThat(getAs("/alerts", NOC).statusCode()).isEqualTo(200);
        assertThat(postAs("/rules", NOC, "{}").statusCode()).as("rules are the admin's").isEqualTo(403);
        assertThat(postAs("/rules", REGULATOR, "{}").statusCode()).isEqualTo(403);
        assertThat(postAs("/rules", ADMIN, "{}").statusCode()).isEqualTo(200);
        assertThat(getAs("/cohorts", ADMIN).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(getAs("/cohorts", REGULATOR).body()).get("error").asText()).isEqualTo("Forbidden");
    }

    @Test
    void shouldAcceptTheTokenAsAQueryParameter() throws Exception {
        api.route("/cohorts", Access.NOC_READ, request -> Response.json(200, "[]"));

        assertThat(client.send(HttpRequest.newBuilder(uri("/cohorts?token=" + NOC)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(client.send(HttpRequest.newBuilder(uri("/cohorts?token=" + REGULATOR)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(client.send(HttpRequest.newBuilder(uri("/cohorts?token=")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldServeHealthAndMetricsWithoutAToken() throws Exception {
        try (Metrics metrics = new Metrics()) {
            api.route("/metrics", Access.PUBLIC, metrics.scrapeHandler());

            assertThat(get("/metrics").statusCode()).isEqualTo(200);
            assertThat(get("/health/live").statusCode()).isEqualTo(200);
            assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswer503OnReadinessButNotLivenessWhileTheProbeSaysNotReady() throws Exception {
        final java.util.concurrent.atomic.AtomicBoolean ready = new java.util.concurrent.atomic.AtomicBoolean(false);
        api.readiness(() -> new HttpApi.Probe(ready.get(), Map.of("streams", ready.get() ? "RUNNING" : "ERROR")));

        final HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("DOWN");
        assertThat(JSON.readTree(health.body()).get("streams").asText()).isEqualTo("ERROR");
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        ready.set(true);
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/health/ready").body()).get("streams").asText()).isEqualTo("RUNNING");
    }

    @Test
    void shouldAnswer413ToABodyOverTheLimitAndServeOneWithin() throws Exception {
        api.route("POST", "/echo", Access.ADMIN_ONLY, request -> Response.text(200, Integer.toString(request.body().length)));

        assertThat(postAs("/echo", ADMIN, "x".repeat(MAX_BODY)).body()).isEqualTo(Integer.toString(MAX_BODY));
        final HttpResponse<String> tooLarge = postAs("/echo", ADMIN, "x".repeat(MAX_BODY + 1));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).get("status").asInt()).isEqualTo(413);
        // no Content-Length: the body is streamed (chunked) and cut off at the limit all the same
        final HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(uri("/echo")).header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[10 * MAX_BODY])))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(postAs("/echo", NOC, "x".repeat(10 * MAX_BODY)).statusCode()).as("the token is checked first").isEqualTo(403);
    }

    @Test
    void shouldRefuseAnSseClientOverTheLimitAndAdmitOneWhenAnotherLeaves() throws Exception {
        final EventStream alerts = api.eventStream("/alerts/stream", Access.ALERT_FEED);
        // a client each, so that one can hang up (shutdownNow aborts its connection) while the other stays
        final List<HttpClient> subscribers = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_SSE; i++) {
                subscribers.add(HttpClient.newHttpClient());
                subscribers.get(i).send(HttpRequest.newBuilder(uri("/alerts/stream?token=" + REGULATOR)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> alerts.clientCount() == MAX_SSE);

            final HttpResponse<String> refused = getAs("/alerts/stream", REGULATOR);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(refused.body()).get("status").asInt()).isEqualTo(503);
            assertThat(alerts.clientCount()).isEqualTo(MAX_SSE);

            subscribers.get(0).shutdownNow();
            // the server notices a client gone when a write to it fails
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                alerts.publish("alert", "{}");
                return alerts.clientCount() < MAX_SSE;
            });
            subscribers.add(HttpClient.newHttpClient());
            final HttpResponse<InputStream> admitted = subscribers.get(MAX_SSE).send(
                    HttpRequest.newBuilder(uri("/alerts/stream?token=" + REGULATOR)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(admitted.statusCode()).isEqualTo(200);
        } finally {
            subscribers.forEach(HttpClient::shutdownNow);
        }
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

    /** A GET with the admin's token, which every route admits; the access tests use {@link #getAs}. */
    private HttpResponse<String> get(final String path) throws IOException, InterruptedException {
        return getAs(path, ADMIN);
    }

    private HttpResponse<String> getAs(final String path, final String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postAs(final String path, final String token, final String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(final String path) {
        return URI.create(api.url() + path);
    }
}
