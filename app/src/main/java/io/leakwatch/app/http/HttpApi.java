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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small JSON/HTTP server on the JDK's built-in {@link HttpServer}: the caller registers routes,
 * {@code GET /health} is always there. Routes may be added while the server runs.
 *
 * <p>A path is matched exactly, or by prefix when registered as {@code "/prefix/*"} (the longest
 * prefix wins). An unknown path answers 404, a known path with another method 405 with an
 * {@code Allow} header, a handler that throws 500; all three with a JSON body. HEAD is answered
 * for every GET route.
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

    private final HttpServer server;
    private final ExecutorService executor;
    private final String host;
    private final Map<String, Map<String, Endpoint>> exactRoutes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Endpoint>> prefixRoutes = new ConcurrentHashMap<>();
    private final List<EventStream> eventStreams = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpApi(final HttpServer server, final ExecutorService executor, final String host) {
        this.server = server;
        this.executor = executor;
        this.host = host;
    }

    /**
     * Binds and starts the server.
     *
     * @param host the interface to bind, e.g. {@code localhost} or {@code 0.0.0.0}
     * @param port the port; 0 picks a free one (see {@link #port()})
     */
    public static HttpApi start(final String host, final int port) {
        Objects.requireNonNull(host, "host");
        final HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot bind the HTTP API to " + host + ":" + port, e);
        }
        final ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("leakwatch-http-", 0).factory());
        final HttpApi api = new HttpApi(server, executor, host);
        server.setExecutor(executor);
        server.createContext("/", api::dispatch);
        api.route("/health", request -> Response.json(200, "{\"status\":\"UP\"}"));
        server.start();
        LOG.info("HTTP API listening on {}", api.url());
        return api;
    }

    /** Registers a GET route; returns this for chaining. */
    public HttpApi route(final String path, final Handler handler) {
        return route(GET, path, handler);
    }

    /** Registers a route for one method; registering the same method and path again replaces it. */
    public HttpApi route(final String method, final String path, final Handler handler) {
        Objects.requireNonNull(handler, "handler");
        register(method, path, exchange -> respond(exchange, invoke(handler, exchange)));
        return this;
    }

    /**
     * Registers {@code GET path} as a Server-Sent Events stream and returns it; publish to it from
     * any thread. The stream is closed with this server.
     */
    public EventStream eventStream(final String path) {
        final EventStream stream = new EventStream(path);
        register(GET, path, stream::serve);
        eventStreams.add(stream);
        return stream;
    }

    /** The port the server is bound to (the chosen one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, e.g. {@code http://localhost:8080}, without a trailing slash. */
    public String url() {
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

    private void register(final String method, final String path, final Endpoint endpoint) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
        final String upperMethod = method.toUpperCase(Locale.ROOT);
        if (path.endsWith(WILDCARD_SUFFIX)) {
            final String prefix = path.substring(0, path.length() - 1);
            prefixRoutes.computeIfAbsent(prefix, p -> new ConcurrentHashMap<>()).put(upperMethod, endpoint);
        } else {
            exactRoutes.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(upperMethod, endpoint);
        }
    }

    private void dispatch(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String path = exchange.getRequestURI().getPath();
            final Map<String, Endpoint> byMethod = findRoute(path);
            if (byMethod == null) {
                respond(exchange, Response.error(404, "Not Found", "no route for " + path));
                return;
            }
            final String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            Endpoint endpoint = byMethod.get(method);
            if (endpoint == null && HEAD.equals(method)) {
                endpoint = byMethod.get(GET);
            }
            if (endpoint == null) {
                exchange.getResponseHeaders().set("Allow", allowed(byMethod.keySet()));
                respond(exchange, Response.error(405, "Method Not Allowed",
                        method + " is not allowed on " + path + "; use " + allowed(byMethod.keySet())));
                return;
            }
            endpoint.serve(exchange);
        } catch (final IOException e) {
            // the client went away mid-response; nothing to answer to
            LOG.debug("HTTP exchange {} {} aborted: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    private Map<String, Endpoint> findRoute(final String path) {
        final Map<String, Endpoint> exact = exactRoutes.get(path);
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

    private static Response invoke(final Handler handler, final HttpExchange exchange) {
        final String method = exchange.getRequestMethod();
        final String path = exchange.getRequestURI().getPath();
        try {
            final Response response = handler.handle(readRequest(exchange));
            if (response == null) {
                throw new IllegalStateException("handler returned no response");
            }
            return response;
        } catch (final Exception e) {
            LOG.error("HTTP handler for {} {} failed", method, path, e);
            final String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Response.error(500, "Internal Server Error", message);
        }
    }

    private static Request readRequest(final HttpExchange exchange) throws IOException {
        final byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getPath(),
                Request.parseQuery(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders(),
                body);
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
