package io.leakwatch.schemas.registry;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What the HTTP client and the embedded server share about Confluent's REST API. */
final class RestApi {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private RestApi() {
    }

    /** Encodes a subject as one path segment: '/' and spaces in subjects must not split or break the path. */
    static String encodeSegment(final String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Decodes one raw path segment; a literal '+' in a path is a plus, not a space as in a form. */
    static String decodeSegment(final String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
