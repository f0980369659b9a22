package io.leakwatch.app.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a {@link Handler} answers: status, content type and the body bytes. */
public record Response(int status, String contentType, byte[] body) {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Response {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599, was " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** A JSON body that is already serialized. */
    public static Response json(final int status, final String json) {
        return new Response(status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Any value Jackson can serialize (records, maps, lists) as JSON. */
    public static Response json(final int status, final Object value) {
        try {
            return new Response(status, JSON, MAPPER.writeValueAsBytes(value));
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getName() + " as JSON", e);
        }
    }

    public static Response text(final int status, final String text) {
        return new Response(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A 400 answer with the JSON error body, for a request whose parameters cannot be used; say which and why. */
    public static Response badRequest(final String message) {
        return error(400, "Bad Request", message);
    }

    /** The JSON error body every failure of the API uses: {@code {"status":404,"error":"...","message":"..."}}. */
    static Response error(final int status, final String error, final String message) {
        return json(status, Map.of("status", status, "error", error, "message", message));
    }
}
