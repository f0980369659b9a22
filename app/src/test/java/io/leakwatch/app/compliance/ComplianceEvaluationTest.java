package io.leakwatch.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.app.replay.Replay;
import io.leakwatch.simulator.Simulator;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.PipelineListener;
import io.leakwatch.topology.ingest.Pseudonymizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed Double-11 compliance scenario, simulated and replayed through the real topology: every rule's
 * violating senders are found with precision and recall of at least 0.95, and no leak is alerted.
 */
class ComplianceEvaluationTest {

    /** {@code simulator/scenarios/double11-compliance.json}, seen from the module directory Maven runs the tests in. */
    private static final Path SCENARIO = Path.of("..", "simulator", "scenarios", "double11-compliance.json");

    private static final Pattern RECIPIENT = Pattern.compile("\"recipient\":\"(1[3-9][0-9]{9})\"");

    @TempDir
    Path work;

    @Test
    void shouldFindEachRulesViolatingSendersAndAlertNothing() throws IOException {
        final Path traffic = work.resolve("traffic");
        Simulator.run(SCENARIO, traffic);
        final Path findings = work.resolve("findings.jsonl");
        final Replay.Summary summary = new Replay(LeakWatchConfig.demo(), PipelineListener.NONE).withFindingsTo(findings)
                .replayDirectory(traffic, work.resolve("alerts.jsonl"));

        final List<ComplianceScore.Row> rows = ComplianceScore.score(traffic.resolve(Simulator.TRUTH_FILE), findings,
                new Pseudonymizer(LeakWatchConfig.demo().hmacKey())::pseudonymizeSender);
        System.out.print(ComplianceScore.table(rows));
        rows.forEach(row -> System.out.println(row.rule() + " missed " + row.missed() + " wrong " + row.wrong()));
        assertThat(summary.alerts()).as("no leak in a marketing flood").isEmpty();
        assertThat(rows).hasSize(7);
        for (ComplianceScore.Row row : rows) {
            assertThat(row.truth()).as("%s has violating senders to find", row.rule()).isPositive();
            assertThat(row.precision()).as("%s precision; wrongly found %s", row.rule(), row.wrong()).isGreaterThanOrEqualTo(0.95);
            assertThat(row.recall()).as("%s recall; missed %s", row.rule(), row.missed()).isGreaterThanOrEqualTo(0.95);
        }
        assertThat(recipientNumbersIn(traffic.resolve(Simulator.EVENTS_FILE), Files.readString(findings, StandardCharsets.UTF_8)))
                .as("findings carry no subscriber's number, mobile senders included").isEmpty();
    }

    /** The subscribers' mobile numbers the export has as recipients that occur anywhere in {@code findings} (ports receive refusals). */
    private static Set<String> recipientNumbersIn(Path events, String findings) throws IOException {
        final Set<String> recipients = new TreeSet<>();
        for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
            final Matcher r = RECIPIENT.matcher(line);
            if (r.find()) {
                recipients.add(r.group(1));
            }
        }
        assertThat(recipients).as("the export has recipients to look for").hasSizeGreaterThan(1000);
        final Set<String> leaked = new TreeSet<>();
        recipients.stream().filter(findings::contains).forEach(leaked::add);
        return leaked;
    }
}
