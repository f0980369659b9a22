package io.leakwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a simulation wrote, read back the way a user of the files would. */
record Output(List<Line> events, JsonNode apps, JsonNode truth) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of events.jsonl. */
    record Line(OffsetDateTime ts, String sender, String recipient, String text) {
    }

    static Output read(final SimulationResult result) throws IOException {
        final List<Line> events = new ArrayList<>();
        for (final String line : Files.readAllLines(result.eventsFile(), StandardCharsets.UTF_8)) {
            final JsonNode node = JSON.readTree(line);
            events.add(new Line(OffsetDateTime.parse(node.get("ts").asText()), node.get("sender").asText(),
                    node.get("recipient").asText(), node.get("text").asText()));
        }
        return new Output(events, JSON.readTree(result.appsFile().toFile()), JSON.readTree(result.truthFile().toFile()));
    }

    static Path scenario(final String name) {
        try {
            return Path.of(Output.class.getResource("/scenarios/" + name).toURI());
        } catch (final URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }

    /** The ports of one app from apps.json. */
    Set<String> portsOf(final String appId) {
        final Set<String> ports = new HashSet<>();
        for (final JsonNode app : apps) {
            if (app.get("id").asText().equals(appId)) {
                app.get("ports").forEach(port -> ports.add(port.asText()));
            }
        }
        return ports;
    }

    /** Recipient to time of the OTP each got from the app's ports (the registration). */
    Map<String, OffsetDateTime> registrationsWith(final String appId) {
        final Set<String> ports = portsOf(appId);
        final Map<String, OffsetDateTime> out = new HashMap<>();
        for (final Line line : events) {
            if (ports.contains(line.sender())) {
                if (out.putIfAbsent(line.recipient(), line.ts()) != null) {
                    throw new UncheckedIOException(new IOException("two OTPs of " + appId + " to " + line.recipient()));
                }
            }
        }
        return out;
    }

    /** The buyer senders of truth leak {@code index}. */
    Set<String> buyersOf(final int index) {
        final Set<String> buyers = new HashSet<>();
        truth.get("leaks").get(index).get("buyerSenders").forEach(b -> buyers.add(b.asText()));
        return buyers;
    }
}
