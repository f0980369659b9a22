package io.leakwatch.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry served over HTTP from memory, speaking enough of Confluent's REST API for the serdes here
 * and for Confluent's own clients (confluent-kafka-python, {@code @kafkajs/confluent-schema-registry}).
 * Written by hand because Confluent's server is not under an open-source licence and brings a Kafka-backed
 * store we do not want in tests or demos. Compatibility is reported but not enforced.
 *
 * <pre>{@code
 * try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0)) {
 *     SchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url());
 * }
 * }</pre>
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String HOST = "localhost";
    private static final int THREADS = 4;

    private final InMemorySchemaRegistryClient store;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> compatibility = new ConcurrentHashMap<>();
    private volatile String globalCompatibility = "BACKWARD";
    /** Fault injection for tests: how many of the next requests fail, and with which HTTP status. */
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private final AtomicLong requests = new AtomicLong();

    private EmbeddedSchemaRegistry(final InMemorySchemaRegistryClient store, final HttpServer server,
                                   final ExecutorService executor) {
        this.store = store;
        this.server = server;
        this.executor = executor;
    }

    /** Starts an empty registry on localhost; port 0 picks a free one. */
    public static EmbeddedSchemaRegistry start(final int port) {
        return start(port, new InMemorySchemaRegistryClient());
    }

    /** Starts a registry on localhost serving the given store, which in-process code may keep using directly. */
    public static EmbeddedSchemaRegistry start(final int port, final InMemorySchemaRegistryClient store) {
        final HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(HOST, port), 0);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot bind the embedded schema registry to " + HOST + ":" + port, e);
        }
        final ExecutorService executor = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().name("schema-registry-http-", 0).daemon(true).factory());
        final EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(store, server, executor);
        server.createContext("/", registry::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Embedded schema registry listening on {}", registry.url());
        return registry;
    }

    /** Base URL for clients, e.g. {@code http://localhost:40123}. */
    public String url() {
        return "http://" + HOST + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The store behind the server. */
    public InMemorySchemaRegistryClient store() {
        return store;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (final InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private record Reply(int status, Object body) {

        static Reply ok(final Object body) {
            return new Reply(200, body);
        }
    }

    /**
     * Makes the next {@code count} requests fail with HTTP {@code status} (and Confluent's {@code status × 100 + 1}
     * error code), as a registry that is restarting, overloaded or behind a failing proxy would; for fault tests.
     */
    public void failNext(final int count, final int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    /** Requests answered since the start, failed ones included. */
    public long requests() {
        return requests.get();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            final Reply reply = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                ? error(failureStatus, failureStatus * 100 + 1, "injected failure")
                : answer(exchange);
            LOG.debug("{} {} -> {}", exchange.getRequestMethod(), exchange.getRequestURI(), reply.status());
            final byte[] bytes = json.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", RestApi.CONTENT_TYPE);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply answer(final HttpExchange exchange) throws IOException {
        try {
            return route(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                segments(exchange.getRequestURI().getRawPath()), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestBody().readAllBytes());
        } catch (final SchemaRegistryException e) {
            return error(e.httpStatus(), e.errorCode(), e.getMessage());
        } catch (final RuntimeException e) {
            LOG.warn("Embedded schema registry failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            return error(500, SchemaRegistryException.INTERNAL_ERROR, "Internal error: " + e);
        }
    }

    private static List<String> segments(final String rawPath) {
        return Arrays.stream(rawPath.split("/"))
            .filter(segment -> !segment.isEmpty())
            .map(RestApi::decodeSegment)
            .toList();
    }

    private Reply route(final String method, final List<String> path, final String rawQuery, final byte[] body) {
        if (path.isEmpty()) {
            return only("GET", method, () -> json.createObjectNode());
        }
        return switch (path.get(0)) {
            case "subjects" -> routeSubjects(method, path, body);
            case "schemas" -> routeSchemas(method, path);
            case "config" -> routeConfig(method, path, rawQuery, body);
            default -> notFound();
        };
    }

    private Reply routeSubjects(final String method, final List<String> path, final byte[] body) {
        return switch (path.size()) {
            case 1 -> only("GET", method, store::subjects);
            case 2 -> only("POST", method, () -> lookup(path.get(1), body));
            case 3 -> path.get(2).equals("versions") ? switch (method) {
                case "GET" -> Reply.ok(store.versions(path.get(1)));
                case "POST" -> Reply.ok(json.createObjectNode().put("id", store.register(path.get(1), schemaOf(body))));
                default -> methodNotAllowed();
            } : notFound();
            case 4 -> path.get(2).equals("versions")
                ? only("GET", method, () -> versionNode(version(path.get(1), path.get(3)))) : notFound();
            case 5 -> path.get(2).equals("versions") && path.get(4).equals("schema")
                ? only("GET", method, () -> rawSchema(version(path.get(1), path.get(3)).schema())) : notFound();
            default -> notFound();
        };
    }

    private Reply routeSchemas(final String method, final List<String> path) {
        if (path.size() == 2 && path.get(1).equals("types")) {
            return only("GET", method, () -> List.of("AVRO"));
        }
        if (path.size() < 3 || path.size() > 4 || !path.get(1).equals("ids")) {
            return notFound();
        }
        final int id = schemaId(path.get(2));
        if (path.size() == 3) {
            return only("GET", method, () -> json.createObjectNode().put("schema", store.getById(id).toString()));
        }
        return switch (path.get(3)) {
            case "versions" -> only("GET", method, () -> usagesNode(id));
            case "schema" -> only("GET", method, () -> rawSchema(store.getById(id)));
            default -> notFound();
        };
    }

    private Reply routeConfig(final String method, final List<String> path, final String rawQuery,
                              final byte[] body) {
        if (path.size() > 2) {
            return notFound();
        }
        final Optional<String> subject = path.size() == 2 ? Optional.of(path.get(1)) : Optional.empty();
        return switch (method) {
            case "GET" -> Reply.ok(json.createObjectNode().put("compatibilityLevel",
                compatibilityOf(subject, queryFlag(rawQuery, "defaultToGlobal"))));
            case "PUT" -> {
                final String level = readJson(body).path("compatibility").asText("").toUpperCase(Locale.ROOT);
                if (level.isEmpty()) {
                    yield error(422, 42203, "Invalid compatibility level: the body needs a \"compatibility\" field");
                }
                subject.ifPresentOrElse(name -> compatibility.put(name, level), () -> globalCompatibility = level);
                yield Reply.ok(json.createObjectNode().put("compatibility", level));
            }
            default -> methodNotAllowed();
        };
    }

    /**
     * Like Confluent, a subject without a level of its own is a 404 unless the caller asks for the global level:
     * clients such as {@code @kafkajs/confluent-schema-registry} take the 404 to mean "new subject" and then set
     * the level they were configured with, and refuse to register when a level comes back that differs from it.
     */
    private String compatibilityOf(final Optional<String> subject, final boolean defaultToGlobal) {
        if (subject.isEmpty()) {
            return globalCompatibility;
        }
        final String level = compatibility.get(subject.get());
        if (level != null) {
            return level;
        }
        if (defaultToGlobal) {
            return globalCompatibility;
        }
        throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
            "Subject '" + subject.get() + "' does not have subject-level compatibility configured");
    }

    /** True when the query has {@code name=true} (JAX-RS, which Confluent's server uses, ignores the case). */
    private static boolean queryFlag(final String rawQuery, final String name) {
        return rawQuery != null
            && Arrays.stream(rawQuery.split("&")).anyMatch(parameter -> parameter.equalsIgnoreCase(name + "=true"));
    }

    private ObjectNode lookup(final String subject, final byte[] body) {
        final Schema schema = schemaOf(body);
        // Confluent tells an unknown subject (40401) apart from a schema the subject does not hold (40403).
        store.versions(subject);
        return versionNode(store.lookup(subject, schema).orElseThrow(() ->
            new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found")));
    }

    private SchemaVersion version(final String subject, final String version) {
        if (version.equals("latest") || version.equals("-1")) {
            return store.latest(subject);
        }
        try {
            return store.version(subject, Integer.parseInt(version));
        } catch (final NumberFormatException e) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
    }

    private static int schemaId(final String text) {
        try {
            return Integer.parseInt(text);
        } catch (final NumberFormatException e) {
            throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    /** Reads the {@code {"schema": "...", "schemaType": "AVRO"}} body of a registration or lookup. */
    private Schema schemaOf(final byte[] body) {
        final JsonNode request = readJson(body);
        final String type = request.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Schema type " + type + " is not supported; only AVRO");
        }
        if (request.path("references").size() > 0) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Schema references are not supported");
        }
        if (!request.path("schema").isTextual()) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "The body needs a \"schema\" string");
        }
        try {
            return new Schema.Parser().parse(request.path("schema").asText());
        } catch (final RuntimeException e) {
            // Avro 1.12 throws NullPointerException, not SchemaParseException, for an unknown type name.
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: " + e.getMessage(), e);
        }
    }

    private JsonNode readJson(final byte[] body) {
        try {
            final JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (final IOException e) {
            throw new SchemaRegistryException(400, "The body is not JSON: " + e.getMessage());
        }
    }

    private ObjectNode versionNode(final SchemaVersion version) {
        return json.createObjectNode()
            .put("subject", version.subject())
            .put("version", version.version())
            .put("id", version.id())
            .put("schema", version.schema().toString());
    }

    private ArrayNode usagesNode(final int id) {
        final ArrayNode usages = json.createArrayNode();
        store.usages(id).forEach(usage -> usages.addObject().put("subject", usage.subject()).put("version", usage.version()));
        return usages;
    }

    private JsonNode rawSchema(final Schema schema) {
        try {
            return json.readTree(schema.toString());
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("Avro wrote a schema that is not JSON", e);
        }
    }

    private static Reply only(final String allowed, final String method, final Supplier<Object> body) {
        return allowed.equals(method) ? Reply.ok(body.get()) : methodNotAllowed();
    }

    private static Reply notFound() {
        return error(404, SchemaRegistryException.NOT_FOUND, "HTTP 404 Not Found");
    }

    private static Reply methodNotAllowed() {
        return error(405, 405, "HTTP 405 Method Not Allowed");
    }

    private static Reply error(final int status, final int code, final String message) {
        return new Reply(status, Map.of("error_code", code, "message", message));
    }
}
