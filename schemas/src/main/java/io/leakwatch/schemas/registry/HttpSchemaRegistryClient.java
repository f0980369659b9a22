package io.leakwatch.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for the subset of the Confluent Schema Registry REST API that the serdes use. Thread-safe.
 *
 * <p>Registrations and schemas by id are cached for the life of the client (ids are immutable in the
 * registry), so serializing and deserializing only go over the network the first time a schema is seen.
 * Listing calls ({@link #subjects()}, {@link #versions}, {@link #latest}) always ask the server.
 *
 * <p>A request the registry does not answer, or answers with HTTP 5xx or 429, is retried as {@link RegistryRetry}
 * says; when the tries run out the {@link SchemaRegistryException} is {@link SchemaRegistryException#isTransient()
 * transient}, and callers must not blame the record for it. Other errors (404 of an unknown subject or schema id, 422)
 * are thrown at once.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final String baseUrl;
    private final HttpClient http;
    private final RegistryRetry retry;
    private final Sleeper sleeper;
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Map<String, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /** Waits between tries; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** @param baseUrl e.g. {@code http://localhost:8081}; a trailing slash is ignored. Retries as {@link RegistryRetry#DEFAULT}. */
    public HttpSchemaRegistryClient(final String baseUrl) {
        this(baseUrl, RegistryRetry.DEFAULT);
    }

    public HttpSchemaRegistryClient(final String baseUrl, final RegistryRetry retry) {
        this(baseUrl, retry, Thread::sleep);
    }

    public HttpSchemaRegistryClient(final String baseUrl, final RegistryRetry retry, final Sleeper sleeper) {
        final String trimmed = baseUrl.strip();
        this.baseUrl = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        URI.create(this.baseUrl); // fail at construction, not on the first record, when the URL is malformed
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.retry = retry;
        this.sleeper = sleeper;
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public int register(final String subject, final Schema schema) {
        final Map<String, Integer> ids = idsBySubject.computeIfAbsent(subject, key -> new ConcurrentHashMap<>());
        final String canonical = InMemorySchemaRegistryClient.canonical(schema);
        final Integer cached = ids.get(canonical);
        if (cached != null) {
            return cached;
        }
        final JsonNode response = send("POST", "/subjects/" + RestApi.encodeSegment(subject) + "/versions",
            schemaBody(canonical));
        final int id = response.path("id").asInt(-1);
        if (id < 0) {
            throw new SchemaRegistryException(SchemaRegistryException.INTERNAL_ERROR,
                "Schema registry at " + baseUrl + " answered a registration under '" + subject + "' without an id: " + response);
        }
        ids.put(canonical, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema getById(final int id) {
        final Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        final JsonNode response = send("GET", "/schemas/ids/" + id, null);
        final Schema schema = parse(response.path("schema").asText(), "/schemas/ids/" + id);
        final Schema previous = schemasById.putIfAbsent(id, schema);
        return previous == null ? schema : previous;
    }

    @Override
    public List<String> subjects() {
        final List<String> subjects = new ArrayList<>();
        send("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
        return List.copyOf(subjects);
    }

    @Override
    public List<Integer> versions(final String subject) {
        final List<Integer> versions = new ArrayList<>();
        send("GET", "/subjects/" + RestApi.encodeSegment(subject) + "/versions", null)
            .forEach(node -> versions.add(node.asInt()));
        return List.copyOf(versions);
    }

    @Override
    public SchemaVersion version(final String subject, final int version) {
        return fetchVersion(subject, Integer.toString(version));
    }

    @Override
    public SchemaVersion latest(final String subject) {
        return fetchVersion(subject, "latest");
    }

    @Override
    public Optional<SchemaVersion> lookup(final String subject, final Schema schema) {
        final String path = "/subjects/" + RestApi.encodeSegment(subject);
        try {
            return Optional.of(toVersion(send("POST", path, schemaBody(InMemorySchemaRegistryClient.canonical(schema))), path));
        } catch (final SchemaRegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private SchemaVersion fetchVersion(final String subject, final String version) {
        final String path = "/subjects/" + RestApi.encodeSegment(subject) + "/versions/" + version;
        return toVersion(send("GET", path, null), path);
    }

    private SchemaVersion toVersion(final JsonNode node, final String path) {
        final int id = node.path("id").asInt();
        final Schema schema = schemasById.computeIfAbsent(id, key -> parse(node.path("schema").asText(), path));
        return new SchemaVersion(node.path("subject").asText(), node.path("version").asInt(), id, schema);
    }

    private String schemaBody(final String canonical) {
        final ObjectNode body = json.createObjectNode();
        body.put("schema", canonical);
        try {
            return json.writeValueAsString(body);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON string node", e);
        }
    }

    private Schema parse(final String text, final String path) {
        try {
            return new Schema.Parser().parse(text);
        } catch (final RuntimeException e) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
                "Schema registry " + baseUrl + path + " returned a schema Avro cannot parse: " + e.getMessage(), e);
        }
    }

    private JsonNode send(final String method, final String path, final String body) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(method, path, body);
            } catch (final SchemaRegistryException e) {
                if (!e.isTransient() || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                final long waitMs = retry.backoffMs(attempt, retryAfterMs(e), random);
                LOG.warn("Schema registry {} {} failed (try {} of {}, error {}): retrying in {} ms", method, baseUrl + path, attempt,
                    retry.maxAttempts(), e.errorCode(), waitMs);
                pause(waitMs, method, baseUrl + path, e);
            }
        }
    }

    private void pause(final long waitMs, final String method, final String url, final SchemaRegistryException cause) {
        try {
            sleeper.sleep(waitMs);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
                "Interrupted while waiting to retry schema registry " + method + " " + url, cause);
        }
    }

    private static long retryAfterMs(final SchemaRegistryException e) {
        return e instanceof Throttled throttled ? throttled.retryAfterMs : 0;
    }

    private JsonNode sendOnce(final String method, final String path, final String body) {
        final String url = baseUrl + path;
        final HttpRequest request = HttpRequest.newBuilder(URI.create(url))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", RestApi.CONTENT_TYPE)
            .header("Content-Type", RestApi.CONTENT_TYPE)
            .method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
        final HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
                "Schema registry " + method + " " + url + " failed: " + e, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.INTERRUPTED,
                "Interrupted during schema registry " + method + " " + url, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw failure(method, url, response);
        }
        try {
            return json.readTree(response.body());
        } catch (final JsonProcessingException e) {
            throw new SchemaRegistryException(SchemaRegistryException.INTERNAL_ERROR,
                "Schema registry " + method + " " + url + " returned HTTP " + response.statusCode()
                    + " with a body that is not JSON: " + abbreviate(response.body()), e);
        }
    }

    /** A 429 or 503 with a {@code Retry-After} in seconds. */
    private static final class Throttled extends SchemaRegistryException {
        private final long retryAfterMs;

        Throttled(final int errorCode, final String message, final long retryAfterMs) {
            super(errorCode, message);
            this.retryAfterMs = retryAfterMs;
        }
    }

    /** Turns Confluent's {@code {"error_code":40401,"message":"..."}} into an exception naming the request. */
    private SchemaRegistryException failure(final String method, final String url, final HttpResponse<String> response) {
        int code = response.statusCode();
        String message = abbreviate(response.body());
        try {
            final JsonNode error = json.readTree(response.body());
            if (error != null && error.has("error_code")) {
                code = error.path("error_code").asInt(code);
                message = error.path("message").asText(message);
            }
        } catch (final JsonProcessingException e) {
            // Not Confluent's error JSON (a proxy's HTML page, say): the raw body is the best message there is.
        }
        final String text = "Schema registry " + method + " " + url + " failed: HTTP " + response.statusCode()
            + ", error_code " + code + ": " + message;
        final long retryAfterSeconds = response.headers().firstValue("Retry-After").map(HttpSchemaRegistryClient::seconds).orElse(0L);
        if (code / 100 != response.statusCode() && code != response.statusCode()) {
            code = response.statusCode(); // an error_code that does not go with the status: the status decides retrying
        }
        return retryAfterSeconds > 0 ? new Throttled(code, text, retryAfterSeconds * 1000) : new SchemaRegistryException(code, text);
    }

    private static long seconds(final String retryAfter) {
        try {
            return Math.max(0, Long.parseLong(retryAfter.strip()));
        } catch (final NumberFormatException e) {
            return 0; // an HTTP date: the backoff alone decides
        }
    }

    private static String abbreviate(final String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
