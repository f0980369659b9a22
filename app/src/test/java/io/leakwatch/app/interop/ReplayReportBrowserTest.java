package io.leakwatch.app.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakwatch.app.replay.Replay;
import io.leakwatch.app.replay.ReplayReport;
import io.leakwatch.schemas.LeakAlert;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay report, opened from disk in Debian's headless Chromium (tools/browser-js): the alert table and one
 * drawn plot per app, the alerted app first with its two state changes marked, and no error.
 */
class ReplayReportBrowserTest {

    private static final long HOUR = 3_600_000L;

    @TempDir
    Path work;

    @Test
    void shouldDrawAPlotPerAppWithTheAlertsMarked() throws Exception {
        final List<String> script = InteropTools.browser("page-check.js").announceIfMissing(getClass().getSimpleName())
            .require();
        final List<LeakAlert> alerts = InteropRecords.leakAlerts(); // meiyou OPEN, then RESOLVED
        final long start = alerts.get(0).getOnsetEstimate() - 24 * HOUR;
        final List<Replay.CohortPoint> cohorts = new ArrayList<>();
        for (int hour = 0; hour < 72; hour++) {
            final long window = start + hour * HOUR;
            final boolean leaking = hour >= 24 && hour < 48;
            cohorts.add(new Replay.CohortPoint("meiyou", window, 400, leaking ? 60 : 4, 9_000, leaking ? 200 : 90));
            cohorts.add(new Replay.CohortPoint("babytree", window, 300, 3, 7_000, 70));
        }
        final Replay.Summary summary = new Replay.Summary(1_000_000, 3, alerts, ZoneOffset.ofHours(8), cohorts);
        final Path report = work.resolve("report.html");
        Files.writeString(report, ReplayReport.html(summary, "test <archive>"), StandardCharsets.UTF_8);

        final List<String> command = new ArrayList<>(script);
        command.add(report.toUri().toString());
        final String output = ChildProcess.runSuccessfully(command, Duration.ofSeconds(90));
        final JsonNode page = InteropRecords.parse(output.strip().lines().reduce((first, last) -> last).orElse(""));

        assertThat(page.path("errors")).as("errors in the page").isEmpty();
        assertThat(page.path("title").asText()).isEqualTo("LeakWatch replay: test <archive>");
        assertThat(page.path("alertRows").asInt()).as("a header row and two state changes").isEqualTo(3);
        final JsonNode plots = page.path("plots");
        assertThat(plots).hasSize(2);
        assertThat(plots.get(0).path("app").asText()).isEqualTo("meiyou");
        assertThat(plots.get(0).path("alerts").asInt()).isEqualTo(2);
        assertThat(plots.get(1).path("app").asText()).isEqualTo("babytree");
        assertThat(plots.get(1).path("alerts").asInt()).isZero();
        for (final JsonNode plot : plots) {
            assertThat(plot.path("width").asDouble()).as("drawn").isPositive();
            assertThat(plot.path("points")).as("its own line and the other apps', a point per hour").hasSize(2)
                .allSatisfy(points -> assertThat(points.asInt()).isEqualTo(72));
        }
    }
}
