package io.leakwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./leakwatch bench} on a real in-process broker over a small input (the pass-through and the full pipeline; the
 * stage prefixes are {@code TopologyDescriptionTest}'s), and its handling of bad arguments.
 */
class BenchCommandTest {

    private static final int EVENTS = 3_000;
    private static final List<String> FIELDS = List.of("events", "cores", "passthroughPerSec", "pipelinePerSec", "ratio",
            "latencyP50Ms", "latencyP99Ms", "peakHeapMiB", "stateMiBPerMillionSubscribers", "stages", "scaling");

    @Test
    void shouldEndWithOneJsonObjectOfEveryResult() throws Exception {
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final PrintStream stdout = System.out;
        final int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = Main.commandLine().execute("bench", "--events", Integer.toString(EVENTS), "--partitions", "2",
                    "--latency-seconds", "1", "--no-stages");
        } finally {
            System.setOut(stdout);
        }
        final List<String> lines = captured.toString(StandardCharsets.UTF_8).strip().lines().toList();

        assertThat(exit).isZero();
        final JsonNode json = new ObjectMapper().readTree(lines.getLast());
        assertThat(json.isObject()).as("last line: %s", lines.getLast()).isTrue();
        assertThat(FIELDS).allSatisfy(field -> assertThat(json.has(field)).as("field %s in %s", field, json).isTrue());
        assertThat(json.get("events").asLong()).isEqualTo(EVENTS);
        assertThat(json.get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(json.get("passthroughPerSec").asDouble()).isPositive();
        assertThat(json.get("pipelinePerSec").asDouble()).isPositive();
        assertThat(json.get("ratio").asDouble()).isStrictlyBetween(0.0, 2.0);
        assertThat(json.get("latencyReceived").asLong()).isPositive();
        assertThat(json.get("latencyP50Ms").asLong()).isNotNegative().isLessThanOrEqualTo(json.get("latencyP99Ms").asLong());
        assertThat(json.get("peakHeapMiB").asDouble()).isPositive();
        assertThat(json.get("stateMiBPerMillionSubscribers").asDouble()).isPositive();
        assertThat(json.get("stages").findValuesAsText("stage"))
                .containsExactly("pass-through", "full");
        assertThat(json.get("stages").findValues("perSec")).allSatisfy(rate -> assertThat(rate.asDouble()).isPositive());
        assertThat(json.get("scaling").isArray()).isTrue();
    }

    @Test
    void shouldRejectBadArgumentsWithOneLineNamingThem() {
        assertError(new String[] {"bench", "--events", "0"}, "leakwatch bench: --events must be at least 1, was 0");
        assertError(new String[] {"bench", "--threads", "0"}, "leakwatch bench: --threads must be at least 1, was 0");
        assertError(new String[] {"bench", "--scale-threads", "1,0"}, "leakwatch bench: --scale-threads must all be at least 1, were [1, 0]");
        assertError(new String[] {"bench", "--latency-seconds", "0"}, "leakwatch bench: --latency-seconds must be at least 1, was 0");
    }

    private void assertError(String[] args, String message) {
        final StringWriter err = new StringWriter();
        final CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString()).as(String.join(" ", args)).startsWith(message);
        assertThat(err.toString().strip().lines()).hasSize(1);
    }
}
