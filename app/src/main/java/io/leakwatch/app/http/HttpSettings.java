package io.leakwatch.app.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP API listens and what it admits.
 *
 * @param host           the interface to bind: {@code 127.0.0.1} (the default: this host only) or {@code 0.0.0.0}
 *                       (every interface, what a pod behind a Service needs)
 * @param port           the port; 0 picks a free one
 * @param access         the bearer tokens and their roles
 * @param maxBodyBytes   a request body longer than this is answered 413 without being read further
 * @param maxSseClients  connections an event stream holds at once; one more is answered 503
 * @param requestTimeout the most time a client may take to send a whole request (headers and body); the JDK's
 *                       server applies it to every server in the process, from the first one started
 */
public record HttpSettings(String host, int port, Access access, int maxBodyBytes, int maxSseClients, Duration requestTimeout) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_SSE_CLIENTS = 64;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port must be 0..65535, was " + port);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("the HTTP body limit must be >= 0, was " + maxBodyBytes);
        }
        if (maxSseClients < 1) {
            throw new IllegalArgumentException("the SSE client limit must be >= 1, was " + maxSseClients);
        }
        if (requestTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the HTTP request timeout must be at least a second, was " + requestTimeout);
        }
    }

    /** The defaults on the given interface and port. */
    public static HttpSettings of(String host, int port, Access access) {
        return new HttpSettings(host, port, access, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_SSE_CLIENTS, DEFAULT_REQUEST_TIMEOUT);
    }

    public HttpSettings withLimits(int maxBody, int maxSse) {
        return new HttpSettings(host, port, access, maxBody, maxSse, requestTimeout);
    }

    public HttpSettings withRequestTimeout(Duration timeout) {
        return new HttpSettings(host, port, access, maxBodyBytes, maxSseClients, timeout);
    }
}
