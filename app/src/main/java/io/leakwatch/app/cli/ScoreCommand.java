package io.leakwatch.app.cli;

import io.leakwatch.app.score.DetectionScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Holds a replay's alerts against a simulation's truth: detection delay per leak and false alerts.")
final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--truth", required = true, description = "truth.json written by simulate.")
    private Path truth;

    @Option(names = "--alerts", required = true, description = "Alerts written by replay (JSON Lines).")
    private Path alerts;

    @Option(names = "--within", defaultValue = "PT6H", description = "Delay counted as detected in time (ISO-8601, default ${DEFAULT-VALUE}).")
    private Duration within;

    @Override
    public Integer call() throws Exception {
        for (Path file : new Path[] {truth, alerts}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException((file == truth ? "--truth" : "--alerts") + ": no such file: " + file);
            }
        }
        final DetectionScore.Result result = DetectionScore.score(truth, alerts);
        System.out.print(DetectionScore.report(result, within));
        final boolean ok = result.falseAlerts().isEmpty() && result.detections().stream().allMatch(d -> d.detectedWithin(within));
        return ok ? 0 : 1;
    }
}
