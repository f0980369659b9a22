package io.leakwatch.app.evaluate;

import io.leakwatch.adversary.GeneratedExport;
import io.leakwatch.adversary.Generator;
import io.leakwatch.adversary.Profile;
import io.leakwatch.app.replay.Replay;
import io.leakwatch.app.run.TempDirectories;
import io.leakwatch.simulator.Scenario;
import io.leakwatch.simulator.Simulator;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.PipelineListener;
import io.leakwatch.topology.ingest.Pseudonymizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Makes an archive per source and seed (the seed overrides the scenario's or profile's), replays it with the
 * topology {@code replay} runs, and scores the alerts against the truth. Runs are independent and run on a pool of
 * threads; results come back in source and seed order whatever the threads did, so the table is deterministic.
 */
public final class Evaluation {

    /** What an archive covers: the denominator of false OPENs. */
    public record Archive(int apps, double days) {
    }

    /** Something that writes {@code events.jsonl}, {@code apps.json} and {@code truth.json} for a seed. */
    public sealed interface Source permits ScenarioSource, ProfileSource {
        String name();

        Archive make(long seed, Path dir) throws IOException;
    }

    /** A simulator scenario file, its seed replaced. */
    public record ScenarioSource(Path file, Scenario scenario) implements Source {

        public static ScenarioSource read(Path file) throws IOException {
            return new ScenarioSource(file, Scenario.read(file));
        }

        @Override
        public String name() {
            return scenario.name();
        }

        @Override
        public Archive make(long seed, Path dir) throws IOException {
            final Scenario s = scenario;
            final Scenario seeded = new Scenario(s.name(), seed, s.start(), s.days(), s.subscribers(), s.texts(), s.apps(),
                    s.coRegistration(), s.background(), s.seasonal(), s.leaks());
            Simulator.run(seeded, file.toAbsolutePath().getParent(), dir);
            return new Archive(s.apps().size(), s.days());
        }
    }

    /** An adversarial generator profile. */
    public record ProfileSource(Profile profile) implements Source {
        @Override
        public String name() {
            return profile.name();
        }

        @Override
        public Archive make(long seed, Path dir) throws IOException {
            final GeneratedExport export = Generator.run(profile, seed, dir);
            return new Archive(export.apps(), profile.days());
        }
    }

    private final LeakWatchConfig config;
    private final Path workDir;

    /** @param workDir where each run's archive is written, and removed once scored */
    public Evaluation(LeakWatchConfig config, Path workDir) {
        this.config = config;
        this.workDir = workDir;
    }

    /**
     * @param done called as each run is scored (from the pool's threads, in completion order)
     * @return one score per source and seed 1..seeds, in that order
     */
    public List<RunScore> run(List<Source> sources, int seeds, int threads, Consumer<RunScore> done)
            throws IOException, InterruptedException {
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            final List<Future<RunScore>> futures = new ArrayList<>();
            for (Source source : sources) {
                for (long seed = 1; seed <= seeds; seed++) {
                    final long s = seed;
                    futures.add(pool.submit(() -> {
                        final RunScore score = runOne(source, s);
                        done.accept(score);
                        return score;
                    }));
                }
            }
            final List<RunScore> scores = new ArrayList<>();
            for (Future<RunScore> future : futures) {
                scores.add(future.get());
            }
            return scores;
        } catch (ExecutionException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    RunScore runOne(Source source, long seed) throws IOException {
        final Path dir = Files.createTempDirectory(workDir, safe(source.name()) + "-" + seed + "-");
        try {
            final Archive archive = source.make(seed, dir);
            final Path alerts = dir.resolve("alerts.jsonl");
            new Replay(config, PipelineListener.NONE).replayDirectory(dir, alerts);
            return RunScore.score(source.name(), seed, dir.resolve("truth.json"), alerts, archive.apps(), archive.days(),
                    new Pseudonymizer(config.hmacKey())::pseudonymizeSender);
        } finally {
            TempDirectories.deleteRecursively(dir);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
