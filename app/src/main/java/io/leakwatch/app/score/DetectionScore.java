package io.leakwatch.app.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Holds alerts against truth: for each leaked app, the first OPEN alert at or after the leak's first spam and
 * the delay; OPEN alerts for apps that did not leak are false alerts. Written from the formats of
 * {@code simulator/scenarios/README.md} only, so it scores any detector's output.
 */
public final class DetectionScore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One leaked app: when its leak's spam started and when (if) it was alerted. */
    public record Detection(String app, OffsetDateTime firstSpamAt, OffsetDateTime alertAt, Duration delay) {
        public boolean detectedWithin(Duration limit) {
            return delay != null && !delay.isNegative() && delay.compareTo(limit) <= 0;
        }
    }

    public record Result(String scenario, List<Detection> detections, List<String> falseAlerts) {
    }

    private DetectionScore() {
    }

    /**
     * @throws IllegalArgumentException naming the file (and line) when either is not in its format
     */
    public static Result score(Path truthFile, Path alertsFile) throws IOException {
        final JsonNode truth = readTruth(truthFile);
        final Map<String, OffsetDateTime> firstSpamByApp = firstSpamByApp(truthFile, truth);
        final Map<String, List<OffsetDateTime>> opens = opensByApp(alertsFile);
        final List<Detection> detections = new ArrayList<>();
        firstSpamByApp.forEach((app, first) -> {
            final OffsetDateTime alertAt = opens.getOrDefault(app, List.of()).stream()
                    .filter(at -> !at.isBefore(first)).findFirst().orElse(null);
            detections.add(new Detection(app, first, alertAt, alertAt == null ? null : Duration.between(first, alertAt)));
        });
        final Set<String> falseAlerts = new LinkedHashSet<>();
        opens.forEach((app, times) -> {
            final OffsetDateTime first = firstSpamByApp.get(app);
            for (OffsetDateTime at : times) {
                if (first == null || at.isBefore(first)) {
                    falseAlerts.add(app + "@" + at);
                }
            }
        });
        return new Result(truth.get("scenario").asText(), detections, new ArrayList<>(falseAlerts));
    }

    private static JsonNode readTruth(Path truthFile) throws IOException {
        final JsonNode truth;
        try {
            truth = JSON.readTree(truthFile.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(truthFile + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (truth == null || !truth.path("scenario").isTextual() || !truth.path("leaks").isArray()) {
            throw new IllegalArgumentException(truthFile + ": not a truth file (an object with scenario and leaks, as simulate writes)");
        }
        return truth;
    }

    private static Map<String, OffsetDateTime> firstSpamByApp(Path truthFile, JsonNode truth) {
        final Map<String, OffsetDateTime> firstSpamByApp = new LinkedHashMap<>();
        for (JsonNode leak : truth.get("leaks")) {
            if (leak.hasNonNull("firstSpamAt")) {
                final OffsetDateTime first = time(leak.get("firstSpamAt"), truthFile + ": leaks[].firstSpamAt");
                firstSpamByApp.merge(text(leak, "app", truthFile + ": leaks[]"), first, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return firstSpamByApp;
    }

    private static Map<String, List<OffsetDateTime>> opensByApp(Path alertsFile) throws IOException {
        final Map<String, List<OffsetDateTime>> opens = new LinkedHashMap<>();
        int number = 0;
        for (String line : Files.readAllLines(alertsFile, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            final String where = alertsFile + " line " + number;
            final JsonNode alert;
            try {
                alert = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
            if ("OPEN".equals(text(alert, "status", where))) {
                opens.computeIfAbsent(text(alert, "app", where), a -> new ArrayList<>()).add(time(alert.get("at"), where + ": at"));
            }
        }
        return opens;
    }

    private static String text(JsonNode node, String field, String where) {
        final JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(where + ": needs a text field " + field);
        }
        return value.asText();
    }

    private static OffsetDateTime time(JsonNode value, String where) {
        try {
            return OffsetDateTime.parse(value == null ? "" : value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": not an ISO-8601 time with offset: " + (value == null ? "missing" : value.asText()), e);
        }
    }

    /** A markdown table row per leaked app, and the false alerts. */
    public static String report(Result result, Duration limit) {
        final StringBuilder out = new StringBuilder();
        out.append("scenario ").append(result.scenario()).append('\n');
        out.append("| app | first spam | first OPEN | delay | within ").append(limit.toHours()).append(" h |\n|---|---|---|---|---|\n");
        for (Detection d : result.detections()) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", d.app(), d.firstSpamAt(),
                    d.alertAt() == null ? "none" : d.alertAt(),
                    d.delay() == null ? "-" : String.format(Locale.ROOT, "%.1f h", d.delay().toMinutes() / 60.0),
                    d.detectedWithin(limit) ? "yes" : "NO"));
        }
        out.append("false OPEN alerts: ").append(result.falseAlerts().isEmpty() ? "none" : String.join(", ", result.falseAlerts())).append('\n');
        return out.toString();
    }
}
