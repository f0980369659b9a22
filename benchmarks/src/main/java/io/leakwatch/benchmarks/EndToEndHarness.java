package io.leakwatch.benchmarks;

import io.leakwatch.app.bench.Machine;
import io.leakwatch.app.bench.RunFailedException;
import io.leakwatch.topology.LeakWatchConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The end-to-end throughput harness: the full LeakWatch pipeline against a pass-through topology on the same
 * in-process broker, over the same simulated input, for each thread count; results as a markdown table and JSON lines.
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar io.leakwatch.benchmarks.EndToEndHarness \
 *     --events 200000 --threads 1,2,1,2,1,2 --partitions 8 --warmup-rounds 2 --out e2e.md
 * </pre>
 *
 * Exit status: 0 with every run complete, 1 when a run failed or timed out (no result is written then), 2 for a bad
 * argument.
 */
@Command(name = "EndToEndHarness", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times the full LeakWatch pipeline against a pass-through topology on one in-process broker.",
                "Writes a markdown table and one JSON line per run to --out, and prints them."})
public final class EndToEndHarness implements Callable<Integer> {

    private static final int FAILED = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", required = true, description = "Input records, simulated once (at least 1).")
    private int events;

    @Option(names = "--threads", required = true, split = ",",
            description = {"Kafka Streams thread counts, comma-separated, in order; each runs pass-through, then",
                    "pipeline. Repeat counts (1,2,1,2,1,2) to get medians per count on a noisy machine."})
    private List<Integer> threads;

    @Option(names = "--partitions", required = true, description = "Partitions of the input and data topics.")
    private int partitions;

    @Option(names = "--warmup-rounds", defaultValue = "1",
            description = {"Untimed rounds of both runs before measuring (default ${DEFAULT-VALUE}); the JIT needs",
                    "a few hundred thousand records of each before the rates settle."})
    private int warmUpRounds;

    @Option(names = "--out", required = true, description = "Report file (markdown with JSON lines).")
    private Path out;

    @Option(names = "--sender-lateness",
            description = {"The pipeline's leakwatch.sender.lateness, e.g. P1D (default: the pipeline's, "
                    + "PT6H): how late a record may reach", "the sender stage; a backlog's partitions are that far apart."})
    private Duration senderLateness;

    @Option(names = "--time-compression", defaultValue = "1",
            description = {"Event time runs this many times faster than the simulated carrier's (default ${DEFAULT-VALUE}):",
                    "the input is as dense in event time as a carrier this many times the demo's size. At 1, one",
                    "fetch of a partition holds about a day of event time, and the sender stage drops most records",
                    "as later than its lateness."})
    private int timeCompression;

    @Option(names = "--timeout-minutes", defaultValue = "10",
            description = "How long one run may take before the harness fails (default ${DEFAULT-VALUE}).")
    private int timeoutMinutes;

    /** Runs the harness and exits with its status. */
    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling, shared by {@link #main} and the tests. */
    static CommandLine commandLine() {
        final CommandLine cli = new CommandLine(new EndToEndHarness());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof RunFailedException) {
                commandLine.getErr().println("EndToEndHarness: FAILED, no result recorded: " + e.getMessage());
                commandLine.getErr().flush();
                return FAILED;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public Integer call() throws IOException {
        final HarnessSettings settings = validated();
        final Machine machine = Machine.current();
        System.out.println("machine: " + machine.describe());
        final EndToEndBench.Results results = EndToEndBench.run(settings, System.out);
        final String report = Report.markdown(settings, machine, results);
        Files.writeString(settings.out(), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(report);
        return 0;
    }

    private HarnessSettings validated() {
        require(events >= 1, "--events must be at least 1, was " + events);
        require(threads.stream().allMatch(count -> count >= 1), "--threads must all be at least 1, were " + threads);
        require(partitions >= 1, "--partitions must be at least 1, was " + partitions);
        require(warmUpRounds >= 0, "--warmup-rounds must be at least 0, was " + warmUpRounds);
        require(timeCompression >= 1, "--time-compression must be at least 1, was " + timeCompression);
        require(timeoutMinutes >= 1, "--timeout-minutes must be at least 1, was " + timeoutMinutes);
        final Path parent = out.toAbsolutePath().getParent();
        require(parent != null && Files.isDirectory(parent), "--out: no such directory: " + parent);
        final HarnessSettings settings = new HarnessSettings(events, threads, partitions, warmUpRounds, out,
                Duration.ofMinutes(timeoutMinutes), senderLateness == null ? LeakWatchConfig.demo().senderLateness() : senderLateness,
                timeCompression);
        try {
            settings.pipelineConfig();
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sender-lateness: " + e.getMessage());
        }
        return settings;
    }

    private void require(final boolean condition, final String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
