package io.leakwatch.app.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a handler sees it.
 *
 * @param method  upper-case HTTP method
 * @param path    the decoded path, without the query
 * @param query   query parameters; a repeated name keeps its first value
 * @param headers request headers, names as the client sent them
 * @param body    the request body, empty for GET
 */
public record Request(String method, String path, Map<String, String> query,
                      Map<String, List<String>> headers, byte[] body) {

    public Request {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public Optional<String> queryParam(final String name) {
        return Optional.ofNullable(query.get(name));
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    static Map<String, String> parseQuery(final String rawQuery) {
        final Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (final String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            final int eq = pair.indexOf('=');
            final String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            final String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(final String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
