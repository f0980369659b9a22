package io.leakwatch.app.cli;

import io.leakwatch.app.replay.AlertJson;
import io.leakwatch.app.replay.Replay;
import io.leakwatch.app.replay.ReplayReport;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.PipelineListener;
import io.leakwatch.topology.state.StateStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Runs the real topology over an archive in event time and writes the alerts as JSON Lines.",
                "The same input gives the same alerts, byte for byte."})
final class ReplayCommand implements Callable<Integer> {

    static final class Input {
        @Option(names = "--in", required = true, description = "A simulator output directory (events.jsonl, apps.json).")
        Path dir;

        @ArgGroup(exclusive = false)
        Export export;
    }

    static final class Export {
        @Option(names = "--events", required = true, description = "Raw SMS export, one JSON object per line: ts, sender, recipient, text.")
        Path events;

        @Option(names = "--apps", required = true, description = "Apps to watch: JSON array of {id, name, signature, ports}.")
        Path apps;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Input input;

    @Option(names = "--alerts", required = true, description = "Where to write the alerts (JSON Lines).")
    private Path alerts;

    @Option(names = "--findings", description = "Also write the compliance findings (JSON Lines).")
    private Path findings;

    @Option(names = "--config", description = "Properties file with leakwatch.* keys (thresholds, windows, HMAC key).")
    private Path config;

    @Option(names = "--report", description = {"Also write an HTML report: the alerts with their evidence, and per app "
            + "the share of its recent registrants", "who received spam against every other app's, with the alerts marked."})
    private Path report;

    @Option(names = "--state", paramLabel = "memory|disk",
            description = {"Where the replay keeps the topology's state (default: memory, the faster).",
                    "disk: RocksDB in a temporary directory, for archives whose state outgrows the heap."})
    private String state = "memory";

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the replay makes its state directory, removed at the end (default: the system's temp directory).")
    private Path stateDir;

    @Override
    public Integer call() throws Exception {
        final StateStores stores = stateStores();
        if (report != null) {
            OutputFiles.requireDirectoryFor("--report", report);
        }
        if (findings != null) {
            OutputFiles.requireDirectoryFor("--findings", findings);
        }
        final LeakWatchConfig settings = ConfigFiles.load(config, true);
        final long started = System.nanoTime();
        // A carrier's archive takes minutes: say where it has got to, on standard error so the output stays the alerts.
        final Replay replay = new Replay(settings, stores, PipelineListener.NONE, (events, eventTime, offset, alerts) ->
                System.err.printf("replay: %,d events read, event time %s, %d alert state changes so far, %,.0f events/s%n",
                        events, AlertJson.time(eventTime, offset), alerts, events / ((System.nanoTime() - started) / 1e9)),
                Duration.ofSeconds(30));
        if (stateDir != null) {
            replay.withStateUnder(stateDir);
        }
        if (findings != null) {
            replay.withFindingsTo(findings);
        }
        final Replay.Summary summary;
        try {
            summary = input.dir != null
                    ? replay.replayDirectory(input.dir, alerts)
                    : replay.replay(input.export.events, input.export.apps, alerts);
        } catch (Replay.Stopped stopped) {
            System.err.println("replay: " + stopped.getMessage());
            return 130;
        }
        for (LeakAlert alert : summary.alerts()) {
            System.out.printf("%s  %-8s %-14s buyers=%s%n", AlertJson.time(alert.getAt(), summary.offset()), alert.getStatus(),
                    alert.getApp(), alert.getBuyerSenders());
        }
        System.out.printf("replayed %,d events (%,d dead letters) in %.1f s: %d alert state changes written to %s%n",
                summary.events(), summary.deadLetters(), (System.nanoTime() - started) / 1e9, summary.alerts().size(), alerts);
        if (report != null) {
            final Path source = input.dir != null ? input.dir : input.export.events;
            Files.writeString(report, ReplayReport.html(summary, String.valueOf(source.toAbsolutePath().normalize()
                    .getFileName())), StandardCharsets.UTF_8);
            System.out.println("report written to " + report);
        }
        return 0;
    }

    private StateStores stateStores() {
        return switch (state) {
            case "memory" -> StateStores.REPLAY_MEMORY;
            case "disk" -> StateStores.REPLAY_DISK;
            default -> throw new IllegalArgumentException("--state: memory or disk, was " + state);
        };
    }
}
