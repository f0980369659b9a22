package io.leakwatch.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table's numbers against a case computed by hand (in the comments). */
class EvaluationTableTest {

    @TempDir
    Path dir;

    private static final String TRUTH = """
            {"scenario": "hand", "seed": 1, "events": 10, "leaks": [
              {"app": "a", "kind": "realtime", "start": "2026-12-01T10:00:00+08:00", "end": null,
               "firstSpamAt": "2026-12-01T12:00:00+08:00", "buyerSenders": ["b1", "b2"], "victims": 40},
              {"app": "b", "kind": "bulk", "start": "2026-12-02T04:00:00+08:00", "end": null,
               "firstSpamAt": "2026-12-02T04:30:00+08:00", "buyerSenders": ["b3"], "victims": 90},
              {"app": "d", "kind": "realtime", "start": "2026-12-03T04:00:00+08:00", "end": null,
               "firstSpamAt": null, "buyerSenders": [], "victims": 0}]}
            """;

    @Test
    void shouldPoolSeedsIntoFoundDelayFalseOpenAndBuyerNumbersAsComputedByHand() throws IOException {
        // seed 1: a found 3 h after its first spam (an OPEN of a before the spam does not count as its detection,
        // and is not false either: it comes after a's leak started); b missed; c has no leak: one false OPEN.
        // Named (app, buyer) pairs: (a,b1) (a,x9) (a,b2) (c,b3); true pairs: (a,b1) (a,b2) (b,b3); right: 2.
        final RunScore seed1 = score(1, """
                {"alertId": "1", "app": "a", "status": "OPEN", "at": "2026-12-01T11:00:00+08:00", "buyerSenders": []}
                {"alertId": "1", "app": "a", "status": "RESOLVED", "at": "2026-12-01T11:30:00+08:00", "buyerSenders": []}
                {"alertId": "2", "app": "a", "status": "OPEN", "at": "2026-12-01T15:00:00+08:00", "buyerSenders": ["b1", "x9"]}
                {"alertId": "2", "app": "a", "status": "UPDATED", "at": "2026-12-01T16:00:00+08:00", "buyerSenders": ["b1", "b2"]}
                {"alertId": "3", "app": "c", "status": "OPEN", "at": "2026-12-01T20:00:00+08:00", "buyerSenders": ["b3"]}
                """);
        // seed 2: a found after 1 h, b after 10 h; an OPEN of b before its leak's start is false. Named: (a,b1)
        // (a,b2) (b,b3), all right.
        final RunScore seed2 = score(2, """
                {"alertId": "4", "app": "b", "status": "OPEN", "at": "2026-12-01T23:00:00+08:00", "buyerSenders": []}
                {"alertId": "5", "app": "a", "status": "OPEN", "at": "2026-12-01T13:00:00+08:00", "buyerSenders": ["b1", "b2"]}
                {"alertId": "6", "app": "b", "status": "OPEN", "at": "2026-12-02T14:30:00+08:00", "buyerSenders": ["b3"]}
                """);

        assertThat(seed1.planted()).isEqualTo(2);
        assertThat(seed1.found()).isEqualTo(1);
        assertThat(seed1.delaysHours()).containsExactly(3.0);
        assertThat(seed1.falseOpens()).isEqualTo(1);
        assertThat(seed1.buyersNamed()).isEqualTo(4);
        assertThat(seed1.buyersTrue()).isEqualTo(3);
        assertThat(seed1.buyersRight()).isEqualTo(2);
        assertThat(seed1.notes()).containsExactly(
                "seed 1: bulk leak of b (first spam 2026-12-02T04:30+08:00) not found",
                "seed 1: false OPEN of c at 2026-12-01T20:00+08:00 (no leak)");
        assertThat(seed2.delaysHours()).containsExactly(1.0, 10.0);
        assertThat(seed2.falseOpens()).isEqualTo(1);

        // pooled: 3 of 4 found; delays 1, 3, 10 h: median (nearest rank 2 of 3) 3.0, p90 (rank 3 of 3) 10.0;
        // within 6 h: 2. App-months: 4 apps x 15 days / 30 = 2 per seed, 4 in all; 2 false OPENs: 50 per 100.
        // Buyers: right 2 + 3 = 5 of 4 + 3 = 7 named (0.71), of 3 + 3 = 6 true (0.83).
        final String table = EvaluationTable.markdown(List.of(seed1, seed2));
        assertThat(table).contains("| hand | 2 | 3 / 4 | 2 | 3.0 | 10.0 | 2 | 4.0 | 50.00 | 0.71 | 0.83 |\n");
        assertThat(table).contains("| **overall** | 2 | 3 / 4 | 2 | 3.0 | 10.0 | 2 | 4.0 | 50.00 | 0.71 | 0.83 |\n");
        assertThat(table).contains("- hand, seed 2: false OPEN of b at 2026-12-01T23:00+08:00 (before its leak's start 2026-12-02T04:00+08:00)");
    }

    @Test
    void shouldCountASecondLeakOfAnAppAsFoundAtOnceWhileItsIncidentIsOpen() {
        final RunScore.Leak first = new RunScore.Leak("a", "realtime", at("2026-12-01T10:00"), at("2026-12-01T11:00"), java.util.Set.of("b1"));
        final RunScore.Leak second = new RunScore.Leak("a", "realtime", at("2026-12-02T10:00"), at("2026-12-02T12:00"), java.util.Set.of("b2"));
        final RunScore.Leak third = new RunScore.Leak("a", "realtime", at("2026-12-05T10:00"), at("2026-12-05T12:00"), java.util.Set.of("b3"));
        final List<RunScore.Alert> alerts = List.of(
                new RunScore.Alert("i1", "a", "OPEN", at("2026-12-01T13:00"), List.of("b1")),
                new RunScore.Alert("i1", "a", "RESOLVED", at("2026-12-04T13:00"), List.of()));
        // the second leak's first spam falls in the open incident: found, delay 0; the third's after it was resolved
        final RunScore score = RunScore.score("two", 1, List.of(first, second, third), alerts, 1, 30);
        assertThat(score.delaysHours()).containsExactly(2.0, 0.0);
        assertThat(score.found()).isEqualTo(2);
        assertThat(score.notes()).singleElement().asString().contains("leak of a (first spam 2026-12-05T12:00+08:00) not found");
    }

    private static java.time.OffsetDateTime at(String local) {
        return java.time.OffsetDateTime.parse(local + ":00+08:00");
    }

    @Test
    void shouldTakeTheNearestRankForMedianAndP90() {
        assertThat(EvaluationTable.percentile(List.of(4.0, 1.0, 3.0, 2.0), 0.5)).isEqualTo(2.0);
        assertThat(EvaluationTable.percentile(List.of(4.0, 1.0, 3.0, 2.0), 0.9)).isEqualTo(4.0);
        assertThat(EvaluationTable.percentile(List.of(5.0), 0.9)).isEqualTo(5.0);
        assertThat(EvaluationTable.percentile(List.of(), 0.5)).isNull();
    }

    @Test
    void shouldShowADashForBuyerPrecisionWhenNoAlertNamedAnyone() {
        final RunScore quiet = new RunScore("none", 1, 0, 0, List.of(), 0, 2.0, 0, 0, 0, List.of());
        assertThat(EvaluationTable.markdown(List.of(quiet)))
                .contains("| none | 1 | 0 / 0 | 0 | - | - | 0 | 2.0 | 0.00 | - | - |\n")
                .contains("No missed leak, no false OPEN.");
    }

    private RunScore score(long seed, String alerts) throws IOException {
        final Path truth = dir.resolve("truth-" + seed + ".json");
        final Path alertsFile = dir.resolve("alerts-" + seed + ".jsonl");
        Files.writeString(truth, TRUTH, StandardCharsets.UTF_8);
        Files.writeString(alertsFile, alerts, StandardCharsets.UTF_8);
        return RunScore.score("hand", seed, truth, alertsFile, 4, 15);
    }
}
