package io.leakwatch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.app.bench.Bench;
import io.leakwatch.app.bench.Machine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures the pipeline on an in-process broker: the same simulated events, produced once, through a",
                "pass-through topology and each stage of the pipeline (exactly-once v2) until drained, then latency at half",
                "the full pipeline's rate. Progress on stdout; the last line is one JSON object with the results."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--events", defaultValue = "2000000", description = "Input events, simulated and produced once (default ${DEFAULT-VALUE}).")
    private int events;

    @Option(names = "--threads", defaultValue = "1", description = "Kafka Streams threads of each run (default ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--scale-threads", split = ",",
            description = "Thread counts of extra full-pipeline runs after the others, e.g. 1,2 (default: none).")
    private List<Integer> scaleThreads = new ArrayList<>();

    @Option(names = "--partitions", defaultValue = "8", description = "Partitions of the input and the pipeline's topics (default ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--no-stages", negatable = false,
            description = "Time only the pass-through and the full pipeline, not each stage between them.")
    private boolean noStages;

    @Option(names = "--time-compression", defaultValue = "24",
            description = {"Event time runs this many times faster than simulated (default ${DEFAULT-VALUE}): the demo's",
                    "20,000 subscribers then send as densely as a carrier this many times their size."})
    private int timeCompression;

    @Option(names = "--latency-seconds", defaultValue = "30", description = "How long the paced latency run sends (default ${DEFAULT-VALUE}).")
    private int latencySeconds;

    @Option(names = "--timeout-minutes", defaultValue = "20", description = "How long one run may take (default ${DEFAULT-VALUE}).")
    private int timeoutMinutes;

    @Override
    public Integer call() throws Exception {
        final Bench.Settings settings = validated();
        System.out.println("machine: " + Machine.current().describe());
        final Map<String, Object> results = Bench.run(settings, System.out);
        System.out.println(new ObjectMapper().writeValueAsString(results));
        System.out.flush();
        return 0;
    }

    private Bench.Settings validated() {
        require(events >= 1, "--events must be at least 1, was " + events);
        require(threads >= 1, "--threads must be at least 1, was " + threads);
        require(scaleThreads.stream().allMatch(count -> count >= 1), "--scale-threads must all be at least 1, were " + scaleThreads);
        require(partitions >= 1, "--partitions must be at least 1, was " + partitions);
        require(timeCompression >= 1, "--time-compression must be at least 1, was " + timeCompression);
        require(latencySeconds >= 1, "--latency-seconds must be at least 1, was " + latencySeconds);
        require(timeoutMinutes >= 1, "--timeout-minutes must be at least 1, was " + timeoutMinutes);
        return new Bench.Settings(events, threads, scaleThreads, partitions, !noStages, timeCompression, latencySeconds,
                Duration.ofMinutes(timeoutMinutes));
    }

    private static void require(final boolean condition, final String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
