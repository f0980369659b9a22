package io.leakwatch.app.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakwatch.app.http.Access;
import io.leakwatch.app.http.HttpApi;
import io.leakwatch.app.http.Role;
import io.leakwatch.app.http.Metrics;
import io.leakwatch.app.run.MicrometerListener;
import io.leakwatch.schemas.Category;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server (Debian's package) scrapes LeakWatch's {@code /metrics} and answers queries for the
 * {@code leakwatch_*} series that deploy/prometheus's alert rules and the Grafana dashboard are written against.
 */
class PrometheusScrapeTest {

    private static final String HOST = "127.0.0.1";
    private static final String JOB = "leakwatch";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Metrics metrics = new Metrics();
    private String binary;
    private HttpApi api;
    private Process prometheus;
    private Path log;

    @BeforeEach
    void serveMetrics() {
        binary = InteropTools.prometheus().announceIfMissing(getClass().getSimpleName()).require().get(0);
        api = HttpApi.start(HOST, 0, Access.ofTokens(Map.of(Access.newToken(), Role.ADMIN)))
                .route("/metrics", Access.PUBLIC, metrics.scrapeHandler());
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (prometheus != null) {
            // SIGTERM: Prometheus closes its TSDB before @TempDir deletes it
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor();
            }
        }
        if (api != null) {
            api.close();
        }
        metrics.close();
        http.close();
    }

    @Test
    void shouldLetPrometheusScrapeAndQueryTheLeakwatchCounters() throws Exception {
        final MicrometerListener listener = new MicrometerListener(metrics.registry());
        for (int i = 0; i < 3; i++) {
            listener.classified(Category.FRAUD);
        }
        listener.classified(Category.TRANSACTIONAL);
        InteropRecords.trafficOfTwoWindows(ZoneOffset.ofHours(8)).bindTo(metrics.registry());
        final String prometheusUrl = startPrometheus();

        whilePrometheusRuns(() -> assertThat(value(prometheusUrl, "up{job=\"" + JOB + "\"}")).contains("1"));

        assertThat(value(prometheusUrl, "leakwatch_messages_total{category=\"FRAUD\",job=\"" + JOB + "\"}"))
            .contains("3");
        assertThat(value(prometheusUrl, "leakwatch_messages_total{category=\"TRANSACTIONAL\"}")).contains("1");
        assertThat(value(prometheusUrl, "sum(leakwatch_messages_total)")).contains("4");
        // the dashboard's cohort panel: meiyou's 30 of 100 recent registrants exposed where taobao's 5 % predicts 5
        assertThat(value(prometheusUrl, "topk(1, max by (app) (leakwatch_cohort_excess_exposed))")).contains("25");
        assertThat(value(prometheusUrl, "leakwatch_cohort_recent_exposed_share{app=\"taobao\"}")).contains("0.05");
        assertThat(value(prometheusUrl, "leakwatch_cohort_others_recent_exposed_share{app=\"taobao\"}")).contains("0.3");
    }

    /** Starts Prometheus on a free port, scraping this test's /metrics every second; returns its base URL. */
    private String startPrometheus() throws IOException {
        final Path config = Files.writeString(work.resolve("prometheus.yml"), """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: %s
                metrics_path: /metrics
                static_configs:
                  - targets: ['%s:%d']
            """.formatted(JOB, HOST, api.port()), StandardCharsets.UTF_8);
        final String address = HOST + ":" + freePort();
        log = work.resolve("prometheus.log");
        prometheus = new ProcessBuilder(List.of(binary,
            "--config.file=" + config,
            "--storage.tsdb.path=" + work.resolve("tsdb"),
            "--web.listen-address=" + address))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        whilePrometheusRuns(() -> assertThat(get("http://" + address + "/-/ready").statusCode()).isEqualTo(200));
        return "http://" + address;
    }

    /** Waits until the assertion holds, failing with Prometheus' log as soon as it exits or when time is up. */
    private void whilePrometheusRuns(final ThrowingRunnable assertion) {
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(250))
                .failFast(() -> assertThat(prometheus.isAlive())
                    .withFailMessage(() -> "prometheus exited with " + prometheus.exitValue() + "; log:\n" + logTail())
                    .isTrue())
                .ignoreExceptions()
                .untilAsserted(assertion);
        } catch (final ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\nprometheus log:\n" + logTail(), e);
        }
    }

    /** The value of a query's single sample, or empty when the query has no sample yet. */
    private Optional<String> value(final String prometheusUrl, final String query) throws Exception {
        final HttpResponse<String> response =
            get(prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        final JsonNode body = InteropRecords.parse(response.body());
        assertThat(body.path("status").asText()).as("%s answered %s", query, response.body()).isEqualTo("success");
        final JsonNode samples = body.path("data").path("result");
        assertThat(samples.size()).as("samples of %s: %s", query, samples).isLessThanOrEqualTo(1);
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(0).path("value").get(1).asText());
    }

    private HttpResponse<String> get(final String url) throws IOException, InterruptedException {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String logTail() {
        try {
            return ChildProcess.tail(Files.readString(log, StandardCharsets.UTF_8));
        } catch (final IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
