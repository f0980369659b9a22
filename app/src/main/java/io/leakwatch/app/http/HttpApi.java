package io.leakwatch.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small JSON/HTTP server on the JDK's built-in {@link HttpServer}: the caller registers routes, each with the
 * roles it admits ({@link Access}); {@code GET /health}, {@code /health/live} and {@code /health/ready} are always
 * there and open to all. Routes may be added while the server runs.
 *
 * <p>A path is matched exactly, or by prefix when registered as {@code "/prefix/*"} (the longest
 * prefix wins). An unknown path answers 404, a known path with another method 405 with an
 * {@code Allow} header, a request without a token 401, with a known token of a role the route does not admit
 * 403, a body over the limit 413, a handler that throws 500 with a reference to the log line and nothing of the
 * exception; all with a JSON body. HEAD is answered for every GET route.
 *
 * <p>Readiness ({@code /health/ready}, and {@code /health}, which keeps that meaning) answers 503 while the probe
 * set by {@link #readiness} says not ready; liveness ({@code /health/live}) answers 200 as long as the server
 * answers at all.
 *
 * <p>Each exchange runs on its own virtual thread, so long-lived {@link EventStream} connections
 * cost no platform thread.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private static final String GET = "GET";
    private static final String HEAD = "HEAD";
    private static final String WILDCARD_SUFFIX = "/*";

    /** Serves one exchange from start to end, including sending the response. */
    @FunctionalInterface
    interface Endpoint {
        void serve(HttpExchange exchange) throws IOException;
    }

    /** An endpoint and the roles it admits. */
    private record Route(Set<Role> admitted, Endpoint endpoint) {
    }

    /** What a readiness probe says: ready or not, and why, as the JSON body of the answer. */
    public record Probe(boolean ready, Map<String, Object> details) {
        public static final Probe READY = new Probe(true, Map.of());
    }

    /** The JDK server's limits are process-wide system properties read when its first server starts. */
    private static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
    private static final String MAX_HEADER_SIZE = "sun.net.httpserver.maxReqHeaderSize";
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final AtomicLong ERROR_IDS = new AtomicLong();

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpSettings settings;
    private final Map<String, Map<String, Route>> exactRoutes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Route>> prefixRoutes = new ConcurrentHashMap<>();
    private final List<EventStream> eventStreams = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Supplier<Probe> readiness = () -> Probe.READY;

    private HttpApi(final HttpServer server, final ExecutorService executor, final HttpSettings settings) {
        this.server = server;
        this.executor = executor;
        this.settings = settings;
    }

    /** Binds and starts the server with the given interface, port, tokens and limits. */
    public static HttpApi start(final HttpSettings settings) {
        Objects.requireNonNull(settings, "settings");
        applyServerLimits(settings);
        final HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot bind the HTTP API to " + settings.host() + ":" + settings.port(), e);
        }
        final ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("leakwatch-http-", 0).factory());
        final HttpApi api = new HttpApi(server, executor, settings);
        server.setExecutor(executor);
        server.createContext("/", api::dispatch);
        api.route("/health", Access.PUBLIC, request -> api.ready());
        api.route("/health/ready", Access.PUBLIC, request -> api.ready());
        api.route("/health/live", Access.PUBLIC, request -> Response.json(200, "{\"status\":\"UP\"}"));
        server.start();
        LOG.info("HTTP API listening on {}", api.url());
        return api;
    }

    /** Binds and starts the server with the default limits. */
    public static HttpApi start(final String host, final int port, final Access access) {
        return start(HttpSettings.of(host, port, access));
    }

    /**
     * Sets the JDK server's request-time and header-size limits, unless the JVM was started with them: they hold for
     * every JDK HTTP server of the process and are read once, when the first one starts.
     */
    private static void applyServerLimits(final HttpSettings settings) {
        if (System.getProperty(MAX_REQUEST_TIME) == null) {
            System.setProperty(MAX_REQUEST_TIME, Long.toString(settings.requestTimeout().toSeconds()));
        }
        if (System.getProperty(MAX_HEADER_SIZE) == null) {
            System.setProperty(MAX_HEADER_SIZE, Integer.toString(MAX_HEADER_BYTES));
        }
    }

    /** Sets what {@code /health/ready} and {@code /health} answer; called on every probe, so keep it cheap. */
    public HttpApi readiness(final Supplier<Probe> probe) {
        this.readiness = Objects.requireNonNull(probe, "probe");
        return this;
    }

    private Response ready() {
        final Probe probe = readiness.get();
        final Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", probe.ready() ? "UP" : "DOWN");
        body.putAll(probe.details());
        return Response.json(probe.ready() ? 200 : 503, body);
    }

    /** Registers a GET route admitting the given roles ({@link Access#PUBLIC}: everyone); returns this for chaining. */
    public HttpApi route(final String path, final Set<Role> admitted, final Handler handler) {
        return route(GET, path, admitted, handler);
    }

    /** Registers a route for one method; registering the same method and path again replaces it. */
    public HttpApi route(final String method, final String path, final Set<Role> admitted, final Handler handler) {
        Objects.requireNonNull(handler, "handler");
        register(method, path, admitted, exchange -> respond(exchange, invoke(handler, exchange, settings.maxBodyBytes())));
        return this;
    }

    /**
     * Registers {@code GET path} as a Server-Sent Events stream admitting the given roles and returns it; publish to
     * it from any thread. The stream is closed with this server.
     */
    public EventStream eventStream(final String path, final Set<Role> admitted) {
        final EventStream stream = new EventStream(path, settings.maxSseClients());
        register(GET, path, admitted, stream::serve);
        eventStreams.add(stream);
        return stream;
    }

    /** The port the server is bound to (the chosen one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The interface the server is bound to, as configured. */
    public String host() {
        return settings.host();
    }

    /** The base URL, e.g. {@code http://localhost:8080}, without a trailing slash. */
    public String url() {
        final String host = settings.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Ends the event streams and stops the server. Closing twice is harmless. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        eventStreams.forEach(EventStream::close);
        // up to a second for running exchanges (event streams just told to end) to finish cleanly
        server.stop(1);
        executor.shutdownNow();
        LOG.info("HTTP API on {} stopped", url());
    }

    private void register(final String method, final String path, final Set<Role> admitted, final Endpoint endpoint) {
        Objects.requireNonNull(admitted, "admitted roles");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
        final String upperMethod = method.toUpperCase(Locale.ROOT);
        if (path.endsWith(WILDCARD_SUFFIX)) {
            final String prefix = path.substring(0, path.length() - 1);
            prefixRoutes.computeIfAbsent(prefix, p -> new ConcurrentHashMap<>()).put(upperMethod, new Route(Set.copyOf(admitted), endpoint));
        } else {
            exactRoutes.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(upperMethod, new Route(Set.copyOf(admitted), endpoint));
        }
    }

    private void dispatch(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String path = exchange.getRequestURI().getPath();
            final Map<String, Route> byMethod = findRoute(path);
            if (byMethod == null) {
                respond(exchange, Response.error(404, "Not Found", "no route for " + path));
                return;
            }
            final String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            Route route = byMethod.get(method);
            if (route == null && HEAD.equals(method)) {
                route = byMethod.get(GET);
            }
            if (route == null) {
                exchange.getResponseHeaders().set("Allow", allowed(byMethod.keySet()));
                respond(exchange, Response.error(405, "Method Not Allowed",
                        method + " is not allowed on " + path + "; use " + allowed(byMethod.keySet())));
                return;
            }
            if (!admit(exchange, route.admitted())) {
                return;
            }
            route.endpoint().serve(exchange);
        } catch (final IOException e) {
            // the client went away mid-response; nothing to answer to
            LOG.debug("HTTP exchange {} {} aborted: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    /** Checks the token before the body is read; answers 401 or 403 itself and returns false when refused. */
    private boolean admit(final HttpExchange exchange, final Set<Role> admitted) throws IOException {
        final Request head = new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestURI().getPath(),
                Request.parseQuery(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), new byte[0]);
        switch (settings.access().check(head, admitted)) {
            case ALLOWED -> {
                return true;
            }
            case NO_TOKEN -> {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"leakwatch\"");
                respond(exchange, Response.error(401, "Unauthorized",
                        "a bearer token is required: Authorization: Bearer <token>, or ?token=<token>"));
            }
            case UNKNOWN_TOKEN -> {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"leakwatch\", error=\"invalid_token\"");
                respond(exchange, Response.error(401, "Unauthorized", "the token is not known"));
            }
            case WRONG_ROLE -> respond(exchange, Response.error(403, "Forbidden", "the token's role may not use this endpoint"));
        }
        return false;
    }

    private Map<String, Route> findRoute(final String path) {
        final Map<String, Route> exact = exactRoutes.get(path);
        if (exact != null) {
            return exact;
        }
        String longest = null;
        for (final String prefix : prefixRoutes.keySet()) {
            if (path.startsWith(prefix) && (longest == null || prefix.length() > longest.length())) {
                longest = prefix;
            }
        }
        return longest == null ? null : prefixRoutes.get(longest);
    }

    private static Response invoke(final Handler handler, final HttpExchange exchange, final int maxBodyBytes) {
        final String method = exchange.getRequestMethod();
        final String path = exchange.getRequestURI().getPath();
        final Request request;
        try {
            request = readRequest(exchange, maxBodyBytes);
        } catch (final BodyTooLarge e) {
            return Response.error(413, "Content Too Large", "the request body is limited to " + maxBodyBytes + " bytes");
        } catch (final IOException e) {
            return Response.badRequest("the request body could not be read");
        }
        try {
            final Response response = handler.handle(request);
            if (response == null) {
                throw new IllegalStateException("handler returned no response");
            }
            return response;
        } catch (final Exception e) {
            // the log has the exception; the client gets a reference to it and nothing of the internals
            final String reference = "E" + ERROR_IDS.incrementAndGet();
            LOG.error("HTTP handler for {} {} failed (reference {})", method, path, reference, e);
            return Response.error(500, "Internal Server Error", "the request failed; reference " + reference + " in the server log");
        }
    }

    /** A body longer than the limit: refused before it is buffered. */
    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body over the limit");
        }
    }

    private static Request readRequest(final HttpExchange exchange, final int maxBodyBytes) throws IOException {
        final String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > maxBodyBytes) {
                    throw new BodyTooLarge();
                }
            } catch (final NumberFormatException e) {
                throw new IOException("bad Content-Length", e);
            }
        }
        final byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(maxBodyBytes);
            if (in.read() != -1) {
                throw new BodyTooLarge();
            }
        }
        return new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getPath(),
                Request.parseQuery(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders(),
                body);
    }

    static void respondError(final HttpExchange exchange, final int status, final String error, final String message)
            throws IOException {
        respond(exchange, Response.error(status, error, message));
    }

    private static void respond(final HttpExchange exchange, final Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (HEAD.equalsIgnoreCase(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        final byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String allowed(final Set<String> methods) {
        final Set<String> sorted = new TreeSet<>(methods);
        if (sorted.contains(GET)) {
            sorted.add(HEAD);
        }
        return String.join(", ", new ArrayList<>(sorted));
    }
}
