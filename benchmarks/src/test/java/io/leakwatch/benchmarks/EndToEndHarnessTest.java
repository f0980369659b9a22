package io.leakwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The harness on a real in-process broker over a tiny input, and its handling of bad arguments. */
class EndToEndHarnessTest {

    private static final int EVENTS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldTimeBothRunsOverEveryEventAndRecordThem() throws IOException {
        final Path out = dir.resolve("e2e.md");

        final int exitCode = EndToEndHarness.commandLine().execute("--events", Integer.toString(EVENTS),
                "--threads", "1", "--partitions", "2", "--time-compression", "24", "--out", out.toString());

        assertThat(exitCode).isZero();
        final String report = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(report).contains("| 1 | pass-through | 2,000 |", "| 1 | pipeline: every stage drained | 2,000 |");
        final List<JsonNode> runs = jsonLines(report);
        assertThat(runs).extracting(run -> run.get("run").asText()).containsExactly("pass-through", "pipeline");
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.get("events").asLong()).isEqualTo(EVENTS);
            assertThat(run.get("outputs").asLong()).isEqualTo(EVENTS);
            assertThat(run.get("eventsPerSecond").asDouble()).isPositive();
            assertThat(run.get("machine").get("cores").asInt()).isPositive();
            assertThat(run.get("timeCompression").asInt()).isEqualTo(24);
        });
        final JsonNode pipeline = runs.get(1);
        assertThat(pipeline.get("deadLetters").asLong()).isZero();
        assertThat(pipeline.get("drainedSeconds").asDouble())
                .isGreaterThanOrEqualTo(pipeline.get("completedSeconds").asDouble());
        assertThat(pipeline.get("ratioToPassThrough").asDouble()).isPositive();
    }

    @Test
    void shouldRejectAnUnknownArgumentByNameWithExitCode2() {
        final StringWriter err = new StringWriter();

        final int exitCode = run(err, "--events", "10", "--threads", "1", "--partitions", "1",
                "--out", dir.resolve("x.md").toString(), "--thread", "2");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--thread");
        assertThat(dir.resolve("x.md")).doesNotExist();
    }

    @Test
    void shouldRejectABadValueByNameWithExitCode2() {
        final StringWriter badNumber = new StringWriter();
        final StringWriter zeroThreads = new StringWriter();
        final StringWriter shortLateness = new StringWriter();
        final StringWriter noCompression = new StringWriter();

        assertThat(run(badNumber, "--events", "many", "--threads", "1", "--partitions", "1",
                "--out", dir.resolve("x.md").toString())).isEqualTo(2);
        assertThat(run(zeroThreads, "--events", "10", "--threads", "1,0", "--partitions", "1",
                "--out", dir.resolve("x.md").toString())).isEqualTo(2);

        assertThat(run(shortLateness, "--events", "10", "--threads", "1", "--partitions", "1",
                "--out", dir.resolve("x.md").toString(), "--sender-lateness", "PT1M")).isEqualTo(2);
        assertThat(run(noCompression, "--events", "10", "--threads", "1", "--partitions", "1",
                "--out", dir.resolve("x.md").toString(), "--time-compression", "0")).isEqualTo(2);

        assertThat(badNumber.toString()).contains("--events", "many");
        assertThat(zeroThreads.toString()).contains("--threads must all be at least 1");
        assertThat(shortLateness.toString()).contains("--sender-lateness", "leakwatch.sender.lateness");
        assertThat(noCompression.toString()).contains("--time-compression must be at least 1");
    }

    private static int run(final StringWriter err, final String... args) {
        final CommandLine cli = EndToEndHarness.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static List<JsonNode> jsonLines(final String report) {
        return report.lines().filter(line -> line.startsWith("{")).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (final IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }).toList();
    }
}
