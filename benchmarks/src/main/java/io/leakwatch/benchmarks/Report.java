package io.leakwatch.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.app.bench.Machine;
import io.leakwatch.app.run.StreamsRunner;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The harness's results as markdown, for {@code benchmarks/README.md}: what ran and on what machine, one table row per
 * run (the pipeline's twice: completed, and every stage drained), medians when a thread count ran more than once,
 * then one JSON object a line per run (in a fenced block; {@code grep '^\{'} finds them).
 */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIB = 1024.0 * 1024.0;
    private static final String HEADER = "| threads | run | records out | first output s | done s | events/s "
            + "| events/s after first output | pipeline / pass-through | peak heap used MiB |";
    private static final String ALIGN = "|---:|---|---:|---:|---:|---:|---:|---:|---:|";
    private static final String MEDIAN_HEADER = "| threads | rounds | pass-through events/s | pipeline events/s "
            + "| pipeline / pass-through | pipeline drained events/s | drained / pass-through |";
    private static final String MEDIAN_ALIGN = "|---:|---:|---:|---:|---:|---:|---:|";

    private Report() {
    }

    /** The whole report. */
    static String markdown(final HarnessSettings settings, final Machine machine, final EndToEndBench.Results results) {
        final List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "End to end, broker in-process, %s", LocalDate.now(ZoneOffset.UTC)));
        lines.add("");
        lines.add("Machine: " + machine.describe());
        lines.add(String.format(Locale.ROOT, "Input: %,d simulated SMS (demo scenario), %.0f bytes of key and value "
                + "on average, in %d partitions; at-least-once, commit interval %d ms; %d warm-up round(s); "
                + "timeout per run %s; sender lateness %s; event time compressed %dx.", settings.events(),
                results.inputBytesPerRecord(), settings.partitions(), StreamsRunner.COMMIT_INTERVAL_MS,
                settings.warmUpRounds(), settings.timeout(), settings.senderLateness(), settings.timeCompression()));
        lines.add("");
        lines.add(HEADER);
        lines.add(ALIGN);
        for (final Comparison comparison : results.comparisons()) {
            lines.addAll(rows(comparison));
        }
        lines.addAll(medians(results.comparisons()));
        lines.add("");
        lines.add("```json lines");
        for (final Comparison comparison : results.comparisons()) {
            lines.add(json(passThroughLine(settings, results, machine, comparison)));
            lines.add(json(pipelineLine(settings, results, machine, comparison)));
        }
        lines.add("```");
        return String.join("\n", lines) + "\n";
    }

    /**
     * When a thread count was run more than once: per thread count, the median of each rate and of the ratios, each
     * ratio taken within its round, so that a slow moment of a shared machine does not pair with a fast one.
     */
    private static List<String> medians(final List<Comparison> comparisons) {
        final Map<Integer, List<Comparison>> byThreads = new TreeMap<>();
        comparisons.forEach(comparison ->
                byThreads.computeIfAbsent(comparison.threads(), threads -> new ArrayList<>()).add(comparison));
        if (byThreads.values().stream().allMatch(rounds -> rounds.size() == 1)) {
            return List.of();
        }
        final List<String> lines = new ArrayList<>(List.of("", MEDIAN_HEADER, MEDIAN_ALIGN));
        byThreads.forEach((threads, rounds) -> lines.add(String.format(Locale.ROOT,
                "| %d | %d | %,.0f | %,.0f | %.3f | %,.0f | %.3f |", threads, rounds.size(),
                median(rounds, comparison -> comparison.passThrough().eventsPerSecond()),
                median(rounds, comparison -> comparison.pipeline().eventsPerSecond()),
                median(rounds, Comparison::ratio),
                median(rounds, comparison -> comparison.pipeline().drainedEventsPerSecond()),
                median(rounds, Comparison::drainedRatio))));
        return lines;
    }

    private static double median(final List<Comparison> rounds, final ToDoubleFunction<Comparison> value) {
        final double[] sorted = rounds.stream().mapToDouble(value).sorted().toArray();
        final int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static List<String> rows(final Comparison comparison) {
        final RunResult a = comparison.passThrough();
        final RunResult b = comparison.pipeline();
        return List.of(
                row(a, "pass-through", a.completedSeconds(), "1.00"),
                row(b, "pipeline: input committed, all classified", b.completedSeconds(),
                        String.format(Locale.ROOT, "%.3f", comparison.ratio())),
                row(b, "pipeline: every stage drained", b.drainedSeconds(),
                        String.format(Locale.ROOT, "%.3f", comparison.drainedRatio())));
    }

    private static String row(final RunResult result, final String run, final double doneSeconds,
                              final String ratio) {
        return String.format(Locale.ROOT, "| %d | %s | %,d | %.2f | %.2f | %,.0f | %,.0f | %s | %,.0f |",
                result.threads(), run, result.outputs(), result.firstOutputSeconds(), doneSeconds,
                result.events() / doneSeconds, result.events() / (doneSeconds - result.firstOutputSeconds()), ratio,
                result.peakHeapBytes() / MIB);
    }

    private static Map<String, Object> passThroughLine(final HarnessSettings settings,
                                                       final EndToEndBench.Results results, final Machine machine,
                                                       final Comparison comparison) {
        final Map<String, Object> line = common(settings, results, comparison.passThrough());
        line.put("machine", machine);
        return line;
    }

    private static Map<String, Object> pipelineLine(final HarnessSettings settings,
                                                    final EndToEndBench.Results results, final Machine machine,
                                                    final Comparison comparison) {
        final RunResult pipeline = comparison.pipeline();
        final Map<String, Object> line = common(settings, results, pipeline);
        line.put("deadLetters", pipeline.deadLetters());
        line.put("droppedRecords", pipeline.droppedRecords());
        line.put("drainedSeconds", round(pipeline.drainedSeconds()));
        line.put("drainedEventsPerSecond", round(pipeline.drainedEventsPerSecond()));
        line.put("ratioToPassThrough", round(comparison.ratio()));
        line.put("drainedRatioToPassThrough", round(comparison.drainedRatio()));
        line.put("machine", machine);
        return line;
    }

    private static Map<String, Object> common(final HarnessSettings settings, final EndToEndBench.Results results,
                                              final RunResult result) {
        final Map<String, Object> line = new LinkedHashMap<>();
        line.put("run", result.run());
        line.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        line.put("threads", result.threads());
        line.put("partitions", settings.partitions());
        line.put("events", result.events());
        line.put("inputBytesPerRecord", round(results.inputBytesPerRecord()));
        line.put("outputs", result.outputs());
        line.put("firstOutputSeconds", round(result.firstOutputSeconds()));
        line.put("completedSeconds", round(result.completedSeconds()));
        line.put("eventsPerSecond", round(result.eventsPerSecond()));
        line.put("eventsPerSecondAfterFirstOutput", round(result.eventsPerSecondAfterFirstOutput()));
        line.put("peakHeapBytes", result.peakHeapBytes());
        line.put("guarantee", "at_least_once");
        line.put("commitIntervalMs", StreamsRunner.COMMIT_INTERVAL_MS);
        line.put("warmUpRounds", settings.warmUpRounds());
        line.put("senderLateness", settings.senderLateness().toString());
        line.put("timeCompression", settings.timeCompression());
        return line;
    }

    private static double round(final double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String json(final Map<String, Object> line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a result as JSON", e);
        }
    }
}
