package io.leakwatch.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.leakwatch.app.cli.Main;
import io.leakwatch.schemas.AlertStatus;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.simulator.Simulator;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.PipelineListener;
import io.leakwatch.topology.state.StateStores;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Replay of a simulated archive through the real topology in event time. */
class ReplayTest {

    @TempDir
    static Path work;
    static Path traffic;
    /** The alerts of one replay of {@link #traffic} with its state on the heap. */
    static Path heapAlerts;

    @BeforeAll
    static void simulate() throws IOException {
        final Path scenario = work.resolve("scenario.json");
        try (var in = ReplayTest.class.getResourceAsStream("/scenarios/mother-baby-small.json")) {
            Files.copy(in, scenario);
        }
        traffic = work.resolve("traffic");
        Simulator.run(scenario, traffic);
        heapAlerts = work.resolve("heap.jsonl");
        new Replay(LeakWatchConfig.demo(), PipelineListener.NONE).replayDirectory(traffic, heapAlerts);
    }

    @Test
    void shouldOpenOneIncidentForTheLeakingAppAndNoneForOthers() throws IOException {
        final List<long[]> progress = new java.util.ArrayList<>();
        final Replay.Summary summary = new Replay(LeakWatchConfig.demo(), StateStores.REPLAY_MEMORY, PipelineListener.NONE,
                (events, eventTime, offset, alerts) -> progress.add(new long[] {events, eventTime, alerts}), Duration.ZERO)
                .replayDirectory(traffic, work.resolve("alerts-a.jsonl"));

        // Progress at every drain (20,000 lines) when asked for it that often, moving forward in events and event time.
        assertThat(progress).hasSize((int) (summary.events() / 20_000));
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i)[0]).isEqualTo(progress.get(i - 1)[0] + 20_000);
            assertThat(progress.get(i)[1]).isGreaterThan(progress.get(i - 1)[1]);
        }
        assertThat(progress.get(progress.size() - 1)[2]).isBetween(0L, (long) summary.alerts().size());
        final List<LeakAlert> opened = summary.alerts().stream().filter(a -> a.getStatus() == AlertStatus.OPEN).toList();
        assertThat(opened).extracting(LeakAlert::getApp).containsExactly("meiyou");
        assertThat(opened.get(0).getBuyerSenders()).isNotEmpty();
        assertThat(summary.deadLetters()).isZero();
        // One incident: every state change of meiyou carries the same id.
        assertThat(summary.alerts()).filteredOn(a -> a.getApp().equals("meiyou"))
                .extracting(LeakAlert::getAlertId).containsOnly(opened.get(0).getAlertId());
    }

    @Test
    void shouldWriteTheSameAlertsByteForByteOnTheSameInput() throws IOException {
        new Replay(LeakWatchConfig.demo(), PipelineListener.NONE).replayDirectory(traffic, work.resolve("run2.jsonl"));

        final byte[] first = Files.readAllBytes(heapAlerts);
        assertThat(first).isNotEmpty();
        assertThat(Files.readAllBytes(work.resolve("run2.jsonl"))).isEqualTo(first);
        final String text = new String(first, StandardCharsets.UTF_8);
        assertThat(text).contains("\"status\":\"OPEN\"").contains("+08:00");
        // Alerts carry no phone numbers (recipients, or mobile senders named as buyers) and no message text.
        assertThat(text).doesNotContainPattern("\"recipient\"|验证码");
        assertThat(text).doesNotContainPattern("(?<![0-9a-f])(\\+?86)?1[3-9][0-9]{9}(?![0-9a-f])");
    }

    @Test
    void shouldWriteTheSameAlertsThroughTheDriversPublicApi() throws IOException {
        final Path viaPublicApi = work.resolve("public-api.jsonl");
        final Replay.Summary summary = new Replay(LeakWatchConfig.demo(), PipelineListener.NONE).throughPublicDriverApi()
                .replayDirectory(traffic, viaPublicApi);

        assertThat(summary.alerts()).isNotEmpty();
        assertThat(Files.readAllBytes(viaPublicApi)).isEqualTo(Files.readAllBytes(heapAlerts));
    }

    @Test
    void shouldWriteTheSameAlertsWithItsStateInRocksDb() throws Exception {
        final Path under = Files.createDirectories(work.resolve("state-parent"));
        final AtomicLong mostRocksDbFiles = new AtomicLong();
        final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleAtFixedRate(() -> mostRocksDbFiles.accumulateAndGet(uncheckedRocksDbFilesUnder(under), Math::max),
                0, 20, TimeUnit.MILLISECONDS);
        final int exit;
        try {
            exit = Main.commandLine().execute("replay", "--in", traffic.toString(), "--state", "disk",
                    "--state-dir", under.toString(), "--alerts", work.resolve("disk.jsonl").toString());
        } finally {
            watcher.shutdownNow();
            watcher.awaitTermination(10, TimeUnit.SECONDS);
        }

        assertThat(exit).isZero();
        assertThat(mostRocksDbFiles).as("RocksDB files under --state-dir during the replay").hasPositiveValue();
        try (var left = Files.list(under)) {
            assertThat(left).as("and nothing after it").isEmpty();
        }
        assertThatThrownBy(() -> new Replay(LeakWatchConfig.demo(), PipelineListener.NONE).withStateUnder(work.resolve("nowhere")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--state-dir").hasMessageContaining("nowhere");
        final byte[] heap = Files.readAllBytes(heapAlerts);
        assertThat(heap).isNotEmpty();
        assertThat(Files.readAllBytes(work.resolve("disk.jsonl"))).isEqualTo(heap);
        assertThatThrownBy(() -> new Replay(LeakWatchConfig.demo(), StateStores.ROCKSDB, PipelineListener.NONE,
                Replay.Progress.NONE, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no changelogs");
    }

    /**
     * For the watcher: a file RocksDB deletes during the walk makes it throw, and a scheduled task that throws is never
     * run again, so such a look counts nothing and the next one tries again.
     */
    private static long uncheckedRocksDbFilesUnder(Path dir) {
        try {
            return rocksDbFilesUnder(dir);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    @Test
    void shouldRemoveItsStateWhenStoppedHalfway() throws Exception {
        final Path tmp = Files.createDirectories(work.resolve("stopped-tmp"));
        final Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        final Process replay = new ProcessBuilder(javaBin.toString(), "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "replay", "--in", traffic.toString(), "--state", "disk", "--alerts", work.resolve("stopped.jsonl").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("stopped.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> rocksDbFilesUnder(tmp) > 0);
            replay.destroy();
            assertThat(replay.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            replay.destroyForcibly();
        }

        assertThat(work.resolve("stopped.jsonl")).as("stopped before the end").doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.startsWith("leakwatch-replay"));
        }
    }

    private static long rocksDbFilesUnder(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sst") || f.getFileName().toString().endsWith(".log")).count();
        }
    }

    @Test
    void shouldNameABadStateOption() {
        final StringWriter err = new StringWriter();
        final CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        final int exit = cli.execute("replay", "--in", traffic.toString(), "--state", "ssd",
                "--alerts", work.resolve("ssd.jsonl").toString());

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("--state").contains("ssd");
        assertThat(work.resolve("ssd.jsonl")).doesNotExist();
    }

    @Test
    void shouldReplayARawExportAndDeadLetterItsUnreadableLines() throws IOException {
        final Path events = work.resolve("export.jsonl");
        final List<String> lines = List.of(
                "{\"ts\":\"2026-12-01T09:15:02+08:00\",\"sender\":\"1069113007598\",\"recipient\":\"13912345678\",\"text\":\"【美柚】您的验证码是483920，5分钟内有效。\"}",
                "this line is not JSON",
                "{\"ts\":\"yesterday\",\"sender\":\"1\",\"recipient\":\"2\",\"text\":\"x\"}",
                "{\"ts\":\"2026-12-01T09:20:00+08:00\",\"sender\":\"18800000001\",\"recipient\":\"13912345678\",\"text\":\"晚上一起吃饭吗\"}");
        Files.write(events, lines, StandardCharsets.UTF_8);
        final Path apps = work.resolve("apps.json");
        Files.writeString(apps, "[{\"id\":\"meiyou\",\"name\":\"美柚\",\"signature\":\"美柚\",\"ports\":[\"1069113007598\"]}]");
        final Path alerts = work.resolve("export-alerts.jsonl");

        final int exit = Main.commandLine().execute("replay", "--events", events.toString(), "--apps", apps.toString(),
                "--alerts", alerts.toString(), "--report", work.resolve("export-report.html").toString());

        assertThat(exit).isZero();
        assertThat(alerts).exists();
        assertThat(Files.readString(work.resolve("export-report.html"))).contains("No alert", "4 events replayed");
        final Replay.Summary summary = new Replay(LeakWatchConfig.demo(), PipelineListener.NONE).replay(events, apps, alerts);
        assertThat(summary.events()).isEqualTo(4);
        assertThat(summary.deadLetters()).isEqualTo(2);
    }

    @Test
    void shouldReportEachAppsExposureWithItsAlertsTheSameWayTwice() throws IOException {
        final Replay replay = new Replay(LeakWatchConfig.demo(), PipelineListener.NONE);
        final Replay.Summary summary = replay.replayDirectory(traffic, work.resolve("report-1.jsonl"));

        final String html = ReplayReport.html(summary, "mother-baby-small");

        assertThat(summary.cohorts()).isNotEmpty().noneMatch(point -> point.app().startsWith("*"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>LeakWatch replay: mother-baby-small</title>")
                .contains("<td class=\"OPEN\">OPEN</td>");
        final List<String> plotted = Pattern.compile("<svg class=\"plot\" data-app=\"([^\"]+)\"").matcher(html)
                .results().map(match -> match.group(1)).toList();
        assertThat(plotted).as("every watched app once, the alerted one first").doesNotHaveDuplicates()
                .hasSizeGreaterThan(1).first().isEqualTo("meiyou");
        final String meiyou = html.substring(html.indexOf("data-app=\"meiyou\""), html.indexOf("</svg>"));
        assertThat(meiyou).contains("<line class=\"alert OPEN\"", "<polyline class=\"own\"", "<polyline class=\"others\"");
        assertThat(ReplayReport.html(replay.replayDirectory(traffic, work.resolve("report-2.jsonl")), "mother-baby-small"))
                .as("the same archive, the same report").isEqualTo(html);
        // no recipient of the archive and no message text is in the page
        final Matcher recipients = Pattern.compile("\"recipient\":\"(\\d+)\"")
                .matcher(Files.readString(traffic.resolve("events.jsonl")));
        final Set<String> numbers = new HashSet<>();
        while (recipients.find()) {
            numbers.add(recipients.group(1));
        }
        assertThat(numbers).isNotEmpty().noneMatch(html::contains);
        assertThat(html).doesNotContain("验证码");
    }

    @Test
    void shouldNameTheMissingFile() {
        assertThatThrownBy(() -> new Replay(LeakWatchConfig.demo(), PipelineListener.NONE)
                .replay(work.resolve("missing.jsonl"), work.resolve("apps.json"), work.resolve("x.jsonl")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--events").hasMessageContaining("missing.jsonl");
    }
}
