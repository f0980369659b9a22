package io.leakwatch.app.cli;

import io.leakwatch.adversary.Profile;
import io.leakwatch.app.evaluate.Evaluation;
import io.leakwatch.app.evaluate.EvaluationTable;
import io.leakwatch.app.evaluate.RunScore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Detection quality over many archives: for every scenario (simulated with the seed overridden) and "
                + "every generator profile, for seeds 1..N, makes the archive, replays it and scores the alerts against the truth.",
                "Prints per scenario/profile and overall: leaks found/planted, delay from first spam (median, p90), false OPENs "
                + "per 100 app-months, buyer precision and recall. Same arguments, same table."})
final class EvaluateCommand implements Callable<Integer> {

    private static final double QUICK_SCALE = 0.25;

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "N", description = "Seeds 1..N of every scenario and profile (default ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(names = "--scenarios", arity = "1..*", paramLabel = "FILE|DIR",
            description = "Simulator scenario files, or directories whose *.json files are scenarios.")
    private List<Path> scenarios = new ArrayList<>();

    @Option(names = "--profiles", arity = "1..*", paramLabel = "NAME|FILE",
            description = {"Generator profiles, built-in names or files. Default, when no --scenarios are given either:",
                    "mixed, normal-texts-only, rotating, no-leak."})
    private List<String> profiles = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "2", paramLabel = "T", description = "Runs in parallel (default ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--quick", description = "Profiles at a quarter of their size (subscribers, registrations, spam): a fast check, not a result to quote.")
    private boolean quick;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with leakwatch.* keys for the replays.")
    private Path config;

    @Option(names = "--out", paramLabel = "REPORT.md", description = "Also write the table (Markdown) to this file.")
    private Path out;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where each run's archive is written and removed (default: the system's temp directory).")
    private Path workDir;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, was " + seeds);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
        }
        if (out != null) {
            OutputFiles.requireDirectoryFor("--out", out);
        }
        if (workDir != null && !Files.isDirectory(workDir)) {
            throw new IllegalArgumentException("--work-dir: no such directory: " + workDir);
        }
        final List<Evaluation.Source> sources = sources();
        final Path work = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
        final long started = System.nanoTime();
        final int total = sources.size() * seeds;
        final int[] done = {0};
        final List<RunScore> scores = new Evaluation(ConfigFiles.load(config, true), work).run(sources, seeds, threads, score -> {
            synchronized (done) {
                done[0]++;
                System.err.printf(Locale.ROOT, "evaluate: %d/%d %s seed %d: %d/%d found, %d false OPEN (%.0f s)%n", done[0], total,
                        score.source(), score.seed(), score.found(), score.planted(), score.falseOpens(),
                        (System.nanoTime() - started) / 1e9);
            }
        });
        final String table = EvaluationTable.markdown(scores);
        System.out.print(table);
        if (out != null) {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
        System.err.printf(Locale.ROOT, "evaluate: %d runs in %.0f s on %d threads%n", total, (System.nanoTime() - started) / 1e9, threads);
        return 0;
    }

    private List<Evaluation.Source> sources() throws IOException {
        final List<Evaluation.Source> sources = new ArrayList<>();
        for (Path path : scenarios) {
            for (Path file : scenarioFiles(path)) {
                sources.add(Evaluation.ScenarioSource.read(file));
            }
        }
        final List<String> names = profiles.isEmpty() && scenarios.isEmpty() ? Profile.DEFAULT_SET : profiles;
        for (String name : names) {
            final Profile profile = Profile.load(name);
            sources.add(new Evaluation.ProfileSource(quick ? profile.scaled(QUICK_SCALE) : profile));
        }
        return sources;
    }

    private static List<Path> scenarioFiles(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("--scenarios: no such file or directory: " + path);
        }
        try (Stream<Path> files = Files.list(path)) {
            final List<Path> json = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            if (json.isEmpty()) {
                throw new IllegalArgumentException("--scenarios: no *.json scenario in " + path);
            }
            return json;
        }
    }
}
