package io.leakwatch.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One archive's alerts held against its truth.
 *
 * <ul>
 *   <li>A leak is <em>planted</em> when its truth has a {@code firstSpamAt} (a leak that reached nobody cannot be
 *       seen); it is <em>found</em> by the first OPEN of its app at or after that time, the delay being the time
 *       between them.</li>
 *   <li>An OPEN is <em>false</em> when its app has no leak in the truth, or when it comes before the start of the
 *       app's first leak.</li>
 *   <li>Buyers are (app, sender) pairs: those named in any alert of the app against the {@code buyerSenders} of the
 *       app's planted leaks, each put in the form the pipeline gives senders (a mobile number becomes its pseudonym).</li>
 *   <li>App-months: watched apps × days / 30, the exposure that false OPENs are counted against.</li>
 * </ul>
 *
 * @param delaysHours delays of the found leaks, in truth order
 * @param notes       one line per missed leak and per false OPEN, for the report's details
 */
public record RunScore(String source, long seed, int planted, int found, List<Double> delaysHours, int falseOpens,
                       double appMonths, int buyersNamed, int buyersTrue, int buyersRight, List<String> notes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunScore {
        delaysHours = List.copyOf(delaysHours);
        notes = List.copyOf(notes);
    }

    /** One leak of a truth file. */
    record Leak(String app, String kind, OffsetDateTime start, OffsetDateTime firstSpamAt, Set<String> buyers) {
    }

    /** One line of an alerts file. */
    record Alert(String alertId, String app, String status, OffsetDateTime at, List<String> buyers) {
    }

    /**
     * @param apps how many apps were watched
     * @param days how many days the archive covers
     */
    public static RunScore score(String source, long seed, Path truthFile, Path alertsFile, int apps, double days)
            throws IOException {
        return score(source, seed, truthFile, alertsFile, apps, days, UnaryOperator.identity());
    }

    /** @param senderForm a truth sender as the pipeline writes it (pseudonymised when a mobile number) */
    public static RunScore score(String source, long seed, Path truthFile, Path alertsFile, int apps, double days,
                                 UnaryOperator<String> senderForm) throws IOException {
        return score(source, seed, readLeaks(truthFile, senderForm), readAlerts(alertsFile), apps, days);
    }

    static RunScore score(String source, long seed, List<Leak> leaks, List<Alert> alerts, int apps, double days) {
        final Map<String, OffsetDateTime> firstStart = new HashMap<>();
        final Set<String> truePairs = new LinkedHashSet<>();
        for (Leak leak : leaks) {
            firstStart.merge(leak.app(), leak.start(), (a, b) -> a.isBefore(b) ? a : b);
            if (leak.firstSpamAt() != null) {
                leak.buyers().forEach(b -> truePairs.add(leak.app() + " " + b));
            }
        }
        final List<String> notes = new ArrayList<>();
        final List<Double> delays = new ArrayList<>();
        int planted = 0;
        for (Leak leak : leaks) {
            if (leak.firstSpamAt() == null) {
                continue;
            }
            planted++;
            final OffsetDateTime open = alerts.stream()
                    .filter(a -> a.app().equals(leak.app()) && "OPEN".equals(a.status()) && !a.at().isBefore(leak.firstSpamAt()))
                    .map(Alert::at).min(OffsetDateTime::compareTo).orElse(null);
            if (openAt(alerts, leak.app(), firstStart.get(leak.app()), leak.firstSpamAt())) {
                delays.add(0.0);
            } else if (open == null) {
                notes.add("seed " + seed + ": " + leak.kind() + " leak of " + leak.app() + " (first spam "
                        + leak.firstSpamAt() + ") not found");
            } else {
                delays.add(Duration.between(leak.firstSpamAt(), open).toSeconds() / 3600.0);
            }
        }
        int falseOpens = 0;
        final Set<String> namedPairs = new LinkedHashSet<>();
        for (Alert alert : alerts) {
            alert.buyers().forEach(b -> namedPairs.add(alert.app() + " " + b));
            if ("OPEN".equals(alert.status())) {
                final OffsetDateTime start = firstStart.get(alert.app());
                if (start == null || alert.at().isBefore(start)) {
                    falseOpens++;
                    notes.add("seed " + seed + ": false OPEN of " + alert.app() + " at " + alert.at()
                            + (start == null ? " (no leak)" : " (before its leak's start " + start + ")"));
                }
            }
        }
        final Set<String> right = new LinkedHashSet<>(namedPairs);
        right.retainAll(truePairs);
        return new RunScore(source, seed, planted, delays.size(), delays, falseOpens, apps * days / 30.0,
                namedPairs.size(), truePairs.size(), right.size(), notes);
    }

    /** Whether an incident of {@code app}, opened at or after {@code since}, is still open at {@code at}. */
    private static boolean openAt(List<Alert> alerts, String app, OffsetDateTime since, OffsetDateTime at) {
        for (Alert open : alerts) {
            if (open.app().equals(app) && "OPEN".equals(open.status()) && !open.at().isBefore(since) && open.at().isBefore(at)) {
                final boolean resolved = alerts.stream().anyMatch(r -> r.alertId().equals(open.alertId())
                        && "RESOLVED".equals(r.status()) && !r.at().isAfter(at));
                if (!resolved) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<Leak> readLeaks(Path truthFile, UnaryOperator<String> senderForm) throws IOException {
        final JsonNode truth = JSON.readTree(truthFile.toFile());
        final List<Leak> leaks = new ArrayList<>();
        for (JsonNode leak : truth.get("leaks")) {
            final Set<String> buyers = new LinkedHashSet<>();
            leak.path("buyerSenders").forEach(b -> buyers.add(senderForm.apply(b.asText())));
            leaks.add(new Leak(leak.get("app").asText(), leak.path("kind").asText("leak"),
                    OffsetDateTime.parse(leak.get("start").asText()),
                    leak.hasNonNull("firstSpamAt") ? OffsetDateTime.parse(leak.get("firstSpamAt").asText()) : null,
                    buyers));
        }
        return leaks;
    }

    static List<Alert> readAlerts(Path alertsFile) throws IOException {
        final List<Alert> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(alertsFile, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            final JsonNode alert = JSON.readTree(line);
            final List<String> buyers = new ArrayList<>();
            alert.path("buyerSenders").forEach(b -> buyers.add(b.asText()));
            alerts.add(new Alert(alert.path("alertId").asText(""), alert.get("app").asText(), alert.get("status").asText(),
                    OffsetDateTime.parse(alert.get("at").asText()), buyers));
        }
        return alerts;
    }
}
