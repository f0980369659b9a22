package io.leakwatch.app.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.schemas.App;
import io.leakwatch.schemas.SmsEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The raw export formats of {@code simulator/scenarios/README.md}: one SMS per JSON line
 * ({@code ts, sender, recipient, text}) and a JSON array of apps. A line that is not a readable SMS is kept as
 * it is, so that it reaches the dead-letter topic with its reason instead of vanishing.
 */
public final class RawExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawExport() {
    }

    /** One line of an export: an event, or the raw bytes of a line that could not be read and why. */
    public sealed interface Line {
        long lineNumber();

        record Event(long lineNumber, SmsEvent event, ZoneOffset offset) implements Line {
        }

        record Unreadable(long lineNumber, byte[] raw, String reason) implements Line {
        }
    }

    /** Streams the lines of an export; the caller closes it. */
    public static final class Reader implements Iterator<Line>, AutoCloseable {
        private final BufferedReader in;
        private final String source;
        private long lineNumber;
        private String next;

        public Reader(Path file) throws IOException {
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.source = file.getFileName().toString();
            advance();
        }

        private void advance() {
            try {
                do {
                    next = in.readLine();
                    lineNumber++;
                } while (next != null && next.isBlank());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Line next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            final Line line = parse(source, lineNumber, next);
            advance();
            return line;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    static Line parse(String source, long lineNumber, String text) {
        final String[] fields = stringFields(text);
        if (fields == null) {
            return parseTree(source, lineNumber, text);
        }
        return event(source, lineNumber, text, fields[0], fields[1], fields[2], fields[3]);
    }

    /**
     * The four fields of a line that is one JSON object whose values are all strings and whose names do not repeat
     * (what exports hold), read with the streaming parser; null for anything else, which {@link #parseTree} reads as
     * it always has (invalid JSON, another root, numbers, nested values, a name twice). On the lines it accepts the
     * tree model would hold the same strings under the same names, so both give the same line.
     */
    private static String[] stringFields(String text) {
        final String[] fields = new String[4];
        try (JsonParser parser = JSON.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int seen = 0;
            Set<String> others = null;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                final String name = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    return null;
                }
                final int index = switch (name) {
                    case "ts" -> 0;
                    case "sender" -> 1;
                    case "recipient" -> 2;
                    case "text" -> 3;
                    default -> -1;
                };
                if (index >= 0) {
                    if ((seen & 1 << index) != 0) {
                        return null;
                    }
                    seen |= 1 << index;
                    fields[index] = parser.getText();
                } else {
                    others = others == null ? new HashSet<>() : others;
                    if (!others.add(name)) {
                        return null;
                    }
                }
            }
            return token == JsonToken.END_OBJECT ? fields : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Line as the tree model reads it: any JSON, any value types. */
    static Line parseTree(String source, long lineNumber, String text) {
        final JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            return new Line.Unreadable(lineNumber, text.getBytes(StandardCharsets.UTF_8), "not JSON");
        }
        return event(source, lineNumber, text, field(node, "ts"), field(node, "sender"), field(node, "recipient"),
                field(node, "text"));
    }

    private static Line event(String source, long lineNumber, String text, String ts, String sender, String recipient,
                              String body) {
        if (ts == null || sender == null || recipient == null || body == null) {
            return new Line.Unreadable(lineNumber, text.getBytes(StandardCharsets.UTF_8), "missing ts, sender, recipient or text");
        }
        final OffsetDateTime time;
        try {
            time = Timestamps.parse(ts);
        } catch (DateTimeParseException e) {
            return new Line.Unreadable(lineNumber, text.getBytes(StandardCharsets.UTF_8), "bad ts");
        }
        final SmsEvent event = SmsEvent.newBuilder()
                .setEventId(source + ":" + lineNumber)
                .setTs(time.toInstant().toEpochMilli())
                .setSender(sender)
                .setRecipient(recipient)
                .setText(body)
                .build();
        return new Line.Event(lineNumber, event, time.getOffset());
    }

    private static String field(JsonNode node, String name) {
        final JsonNode value = node == null ? null : node.get(name);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    /** Reads an app list: {@code [{"id","name","signature","ports":[...],"sector"}]}. */
    public static List<App> readApps(Path file) throws IOException {
        final JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + ": an app list must be a JSON array of {id, name, signature, ports}");
        }
        final List<App> apps = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            final JsonNode node = root.get(i);
            final String id = field(node, "id");
            final String signature = field(node, "signature");
            if (id == null || signature == null) {
                throw new IllegalArgumentException(file + ": app [" + i + "] needs an id and a signature");
            }
            final List<String> ports = new ArrayList<>();
            if (node.has("ports")) {
                node.get("ports").forEach(p -> ports.add(p.asText()));
            }
            final String name = field(node, "name");
            apps.add(App.newBuilder().setId(id).setName(name == null ? id : name).setSignature(signature)
                    .setPorts(ports).setSector(field(node, "sector")).build());
        }
        return apps;
    }
}
