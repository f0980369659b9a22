package io.leakwatch.app.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;

/**
 * A Server-Sent Events endpoint (the {@code text/event-stream} format of the HTML standard): every
 * connected client receives every event published after it connected. Made with
 * {@link HttpApi#eventStream(String)}.
 *
 * <p>At most a set number of clients are connected at once; one more is answered 503 with {@code Retry-After}.
 * Each client has a bounded queue; a client too slow to drain it is disconnected rather than
 * allowed to hold the publisher back or grow the heap. A comment line is sent when nothing
 * happened for a while, so proxies keep the connection and dead clients are noticed.
 */
public final class EventStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private static final int CLIENT_QUEUE_CAPACITY = 1024;
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);
    private static final byte[] KEEPALIVE_FRAME = ": keepalive\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = new byte[0];

    private static final int RETRY_AFTER_SECONDS = 30;

    private final String path;
    private final int maxClients;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<BlockingQueue<byte[]>> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    EventStream(final String path, final int maxClients) {
        this.path = path;
        this.maxClients = maxClients;
    }

    /**
     * Sends one event to every connected client.
     *
     * @param event the event name (the client's {@code addEventListener} type), or null for "message"
     * @param data  the payload, typically one JSON document; line breaks are allowed
     */
    public void publish(final String event, final String data) {
        Objects.requireNonNull(data, "data");
        if (closed.get()) {
            return;
        }
        final byte[] frame = frame(nextId.getAndIncrement(), event, data);
        for (final BlockingQueue<byte[]> client : clients) {
            if (!client.offer(frame)) {
                LOG.warn("SSE client of {} is {} events behind; disconnecting it", path, CLIENT_QUEUE_CAPACITY);
                clients.remove(client);
                client.clear();
                client.offer(CLOSE);
            }
        }
    }

    /** How many clients are connected now. */
    public int clientCount() {
        return clients.size();
    }

    /** Ends every client's stream; later publishes are dropped. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            for (final BlockingQueue<byte[]> client : clients) {
                client.clear();
                client.offer(CLOSE);
            }
        }
    }

    void serve(final HttpExchange exchange) throws IOException {
        if (connections.incrementAndGet() > maxClients) {
            connections.decrementAndGet();
            LOG.warn("SSE stream {} refused a client: {} are connected, the limit", path, maxClients);
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            HttpApi.respondError(exchange, 503, "Service Unavailable", "this stream serves at most " + maxClients + " clients at once");
            return;
        }
        try {
            stream(exchange);
        } finally {
            connections.decrementAndGet();
        }
    }

    private void stream(final HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(CLIENT_QUEUE_CAPACITY);
        clients.add(queue);
        try (OutputStream out = exchange.getResponseBody()) {
            // an initial comment flushes the headers, so the client knows it is subscribed
            out.write(KEEPALIVE_FRAME);
            out.flush();
            while (!closed.get()) {
                final byte[] frame = queue.poll(KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (frame == CLOSE) {
                    break;
                }
                out.write(frame == null ? KEEPALIVE_FRAME : frame);
                out.flush();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(queue);
        }
    }

    private static byte[] frame(final long id, final String event, final String data) {
        final StringBuilder frame = new StringBuilder(data.length() + 64);
        frame.append("id: ").append(id).append('\n');
        if (event != null) {
            if (event.contains("\n") || event.contains("\r")) {
                throw new IllegalArgumentException("SSE event name must be a single line: " + event);
            }
            frame.append("event: ").append(event).append('\n');
        }
        for (final String line : data.split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
