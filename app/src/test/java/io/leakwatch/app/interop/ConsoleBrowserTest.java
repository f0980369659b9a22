package io.leakwatch.app.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakwatch.app.http.Access;
import io.leakwatch.app.http.Console;
import io.leakwatch.app.http.EventStream;
import io.leakwatch.app.http.HttpApi;
import io.leakwatch.app.http.Response;
import io.leakwatch.app.http.Role;
import io.leakwatch.app.replay.AlertJson;
import io.leakwatch.app.run.AlertFeed;
import io.leakwatch.app.run.ComplianceView;
import io.leakwatch.app.run.TrafficView;
import io.leakwatch.schemas.ComplianceFinding;
import io.leakwatch.schemas.ComplianceRule;
import io.leakwatch.schemas.LeakAlert;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The operations centre's console ({@code GET /}) in Debian's Chromium, headless, driven by playwright-core
 * (tools/browser-js): it shows the alerts {@code /alerts} holds when the page opens, then a state change that
 * {@code /alerts/stream} pushes afterwards, without a reload; it fills the cohort and top-sender tables from a real
 * {@link TrafficView}; and it raises no script error.
 */
class ConsoleBrowserTest {

    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    @Test
    void shouldShowTheAlertsItFindsAndThenThoseThatArePushed() throws Exception {
        final List<String> script = InteropTools.browser("console-check.js").announceIfMissing(getClass().getSimpleName()).require();
        final LeakAlert open = InteropRecords.leakAlerts().get(0);
        final LeakAlert resolved = InteropRecords.leakAlerts().get(1);
        final AtomicInteger alertReads = new AtomicInteger();
        final String token = Access.newToken();
        try (HttpApi api = HttpApi.start("127.0.0.1", 0, Access.ofTokens(Map.of(token, Role.NOC)))) {
            final EventStream stream = api.eventStream(AlertFeed.SSE_PATH, Access.ALERT_FEED);
            api.route("/", Access.NOC_READ, Console.handler());
            final TrafficView traffic = InteropRecords.trafficOfTwoWindows(OFFSET);
            api.route(TrafficView.COHORTS_PATH, Access.NOC_READ, traffic.cohortsHandler());
            api.route(TrafficView.SENDERS_PATH, Access.NOC_READ, traffic.topSendersHandler());
            final ComplianceView compliance = new ComplianceView();
            compliance.add(finding("2026-11-10", ComplianceRule.AFTER_REFUSAL, 7, 5, 120));
            compliance.add(finding("2026-11-11", ComplianceRule.NO_SIGNATURE, 3, 3, 80));
            api.route(ComplianceView.PATH, Access.ALERT_FEED, compliance.handler());
            api.route("/alerts", Access.ALERT_FEED, request -> {
                alertReads.incrementAndGet();
                return Response.json(200, "[" + AlertJson.line(open, OFFSET) + "]");
            });
            final List<String> command = new ArrayList<>(script);
            // opened as demo prints it: the page passes the token on to every call it makes
            command.addAll(List.of(api.url() + "/?token=" + token, open.getApp(), "RESOLVED"));
            final CompletableFuture<String> browser = CompletableFuture.supplyAsync(
                () -> ChildProcess.runSuccessfully(command, Duration.ofSeconds(90)));

            // the page holds the stream open and has asked for what is there already: now the incident resolves
            await().atMost(Duration.ofSeconds(60)).until(() -> browser.isDone()
                || stream.clientCount() == 1 && alertReads.get() >= 1);
            AlertFeed.serverSentEvents(stream, OFFSET).accept(resolved);

            final String output = browser.get(100, TimeUnit.SECONDS);
            final JsonNode page = InteropRecords.parse(output.strip().lines().reduce((first, last) -> last).orElse(""));
            assertThat(page.path("errors")).as("script errors in the page").isEmpty();
            assertThat(page.path("title").asText()).isEqualTo("LeakWatch console");
            assertThat(page.path("feed").asText()).isEqualTo("live");
            assertThat(page.path("emptyHidden").asBoolean()).isTrue();
            assertThat(page.path("rows").asInt()).as("one row per app").isEqualTo(1);
            assertThat(texts(page.path("cells"))).startsWith("meiyou", "RESOLVED", AlertJson.time(resolved.getAt(), OFFSET));
            assertThat(texts(page.path("log"))).as("both state changes, newest first").containsExactly(
                AlertJson.time(resolved.getAt(), OFFSET) + "  RESOLVED  meiyou  buyers: ",
                AlertJson.time(open.getAt(), OFFSET) + "  OPEN  meiyou  buyers: 10690000123, +8617100000000");

            assertThat(page.path("cohortWindow").asText()).isEqualTo(AlertJson.time(InteropRecords.TRAFFIC_WINDOW, OFFSET));
            assertThat(texts(page.path("cohortApps"))).as("most exposed beyond expectation first").containsExactly("meiyou", "taobao");
            assertThat(texts(page.path("cohortCells"))).startsWith("meiyou", "30 / 100", "30.0 %", "5.0 %", "5.0", "6.00",
                "30 / 400 (7.5 %)", "12", "10690000123 (30, FRAUD)");
            assertThat(page.path("cohortAlert").asText()).as("the cohort row knows the app's alert").isEqualTo("RESOLVED");
            assertThat(page.path("sparkLines").findValuesAsText("className")).containsExactly("others", "own");
            assertThat(page.path("sparkLines").findValues("points")).as("one point per window kept")
                .allSatisfy(points -> assertThat(points.asInt()).isEqualTo(2));
            assertThat(page.path("senderWindow").asText()).isEqualTo(AlertJson.time(InteropRecords.TRAFFIC_WINDOW, OFFSET));
            assertThat(page.path("senderSummary").asText()).isEqualTo("2 senders sent 45 spam messages so far.");
            assertThat(page.path("senderRows").get(0)).extracting(JsonNode::asText).containsExactly(
                "10690000123", "40", "41", "FRAUD 40, NORMAL 1", "38", "90.0 %", "0.0 %", "2");
            assertThat(page.path("senderRows")).hasSize(2);
            assertThat(page.path("complianceSummary").asText()).isEqualTo("2 findings on 2026-11-10, 2026-11-11.");
            assertThat(page.path("complianceRows").get(0)).extracting(JsonNode::asText).containsExactly(
                "10690000777", "10", "8", "AFTER_REFUSAL, NO_SIGNATURE", "优衣库", "2026-11-10: 120, 2026-11-11: 80", "");
            assertThat(page.path("complianceBars").asInt()).as("one bar per day").isEqualTo(2);
        }
    }

    private static ComplianceFinding finding(String day, ComplianceRule rule, long messages, long recipients, long marketing) {
        final long start = java.time.LocalDate.parse(day).atStartOfDay(OFFSET).toInstant().toEpochMilli();
        return ComplianceFinding.newBuilder().setSender("10690000777").setSignature("优衣库").setRule(rule).setDay(day).setWindowStart(start)
            .setWindowEnd(start + 86_400_000L).setMessages(messages).setRecipients(recipients).setMarketingMessages(marketing)
            .setMarketingRecipients(marketing).setExampleFingerprints(List.of()).build();
    }

    private static List<String> texts(final JsonNode array) {
        final List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
