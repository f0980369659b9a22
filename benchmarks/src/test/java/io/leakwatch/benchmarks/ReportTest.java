package io.leakwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.app.bench.Machine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's rows, medians and JSON lines, from made-up results. */
class ReportTest {

    private static final Machine MACHINE = new Machine(2, "Test CPU", "Linux amd64", 4096, 1024, "Test JDK 21");

    @Test
    void shouldReportEveryRunAndTheMedianRoundPerThreadCount() {
        final HarnessSettings settings = new HarnessSettings(1_000, List.of(1, 1, 1), 4, 1, Path.of("out.md"),
                Duration.ofMinutes(1), Duration.ofHours(6), 24);
        // pass-through 1,000 events in 0.1, 0.2 and 0.4 s; pipeline in 1, 4 and 2 s
        final List<Comparison> rounds = List.of(round(1, 0.1, 1.0), round(1, 0.2, 4.0), round(1, 0.4, 2.0));

        final String report = Report.markdown(settings, MACHINE, new EndToEndBench.Results(140.0, rounds));

        assertThat(report).contains("Machine: 2 cores (Test CPU), Linux amd64, 4,096 MiB RAM; JDK Test JDK 21");
        assertThat(report.lines().filter(line -> line.startsWith("| 1 | pass-through |"))).hasSize(3);
        // medians: pass-through 5,000/s, pipeline 500/s, ratios 0.1, 0.05 and 0.2 -> 0.1
        assertThat(report).contains("| 1 | 3 | 5,000 | 500 | 0.100 |");
        assertThat(report.lines().filter(line -> line.startsWith("{\"run\":\"pipeline\""))).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("\"events\":1000", "\"inputBytesPerRecord\":140.0",
                        "\"senderLateness\":\"PT6H\"", "\"timeCompression\":24"));
        assertThat(report).contains("sender lateness PT6H; event time compressed 24x.");
    }

    @Test
    void shouldLeaveMediansOutWhenEveryThreadCountRanOnce() {
        final HarnessSettings settings = new HarnessSettings(1_000, List.of(1, 2), 4, 1, Path.of("out.md"),
                Duration.ofMinutes(1), Duration.ofHours(6), 1);

        final String report = Report.markdown(settings, MACHINE,
                new EndToEndBench.Results(140.0, List.of(round(1, 0.1, 1.0), round(2, 0.2, 2.0))));

        assertThat(report).contains("| 2 | pass-through |").doesNotContain("| threads | rounds |");
        // completed at 1 s, drained at 2 s, first output at 0.5 s: each row's rates are its own
        assertThat(report).contains(
                "| 1 | pipeline: input committed, all classified | 1,000 | 0.50 | 1.00 | 1,000 | 2,000 |",
                "| 1 | pipeline: every stage drained | 1,000 | 0.50 | 2.00 | 500 | 667 |");
    }

    private static Comparison round(final int threads, final double passThroughSeconds,
                                    final double pipelineSeconds) {
        return new Comparison(threads,
                new RunResult("pass-through", threads, 1_000, 1_000, 0, 0, 0.05, passThroughSeconds,
                        passThroughSeconds, 1L << 20),
                new RunResult("pipeline", threads, 1_000, 1_000, 0, 900, 0.5, pipelineSeconds, pipelineSeconds * 2,
                        1L << 20));
    }
}
