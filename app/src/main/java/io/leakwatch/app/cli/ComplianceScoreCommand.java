package io.leakwatch.app.cli;

import io.leakwatch.app.compliance.ComplianceScore;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.ingest.Pseudonymizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score-compliance", mixinStandardHelpOptions = true,
        description = "Holds a replay's compliance findings against a simulation's truth: precision and recall of violating senders per rule.")
final class ComplianceScoreCommand implements Callable<Integer> {

    @Option(names = "--truth", required = true, description = "truth.json written by simulate (of a scenario with a compliance block).")
    private Path truth;

    @Option(names = "--findings", required = true, description = "Findings written by replay --findings (JSON Lines).")
    private Path findings;

    @Option(names = "--config", description = "Properties file with the leakwatch.hmac.key the replay ran with (default: the demo key, as replay).")
    private Path config;

    @Option(names = "--min", defaultValue = "0.95", description = "Exit 1 when a rule's precision or recall is below this (default ${DEFAULT-VALUE}).")
    private double min;

    @Override
    public Integer call() throws Exception {
        for (Path file : new Path[] {truth, findings}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException((file == truth ? "--truth" : "--findings") + ": no such file: " + file);
            }
        }
        final LeakWatchConfig settings = ConfigFiles.load(config, true);
        final List<ComplianceScore.Row> rows = ComplianceScore.score(truth, findings, new Pseudonymizer(settings.hmacKey())::pseudonymizeSender);
        System.out.print(ComplianceScore.table(rows));
        return rows.stream().allMatch(r -> r.precision() >= min && r.recall() >= min) ? 0 : 1;
    }
}
