package io.leakwatch.app.http;

/**
 * Answers one route. Any exception it throws becomes a 500 JSON response and a log line; the
 * server goes on serving.
 */
@FunctionalInterface
public interface Handler {

    Response handle(Request request) throws Exception;
}
