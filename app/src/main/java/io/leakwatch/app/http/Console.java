package io.leakwatch.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The operations centre's page at {@code GET /}: the apps under alert with their latest state and evidence, and the
 * state changes as they come, read from {@code GET /alerts} and {@code GET /alerts/stream}. One static page, no
 * script or style from elsewhere; it shows what the alert feed carries and nothing more (no message text, no
 * recipient).
 */
public final class Console {
    private static final String PAGE = "/io/leakwatch/app/http/console.html";
    static final String HTML = "text/html; charset=utf-8";

    private Console() {
    }

    /** A handler for {@code GET /}: {@code api.route("/", Console.handler())}. */
    public static Handler handler() {
        final byte[] page = read();
        return request -> new Response(200, HTML, page);
    }

    private static byte[] read() {
        try (InputStream in = Console.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + PAGE);
            }
            return in.readAllBytes();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + PAGE, e);
        }
    }
}
