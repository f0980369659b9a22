package io.leakwatch.app.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.app.http.Metrics;
import io.leakwatch.app.run.MicrometerListener;
import io.leakwatch.app.run.StreamsRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules operators load (deploy/prometheus/leakwatch-rules.yml) are valid for Prometheus' own checker, and
 * every LeakWatch series they name is one the runner exports.
 */
class PrometheusRulesTest {

    private static final Path RULES = InteropTools.toolsDir().resolveSibling("deploy").resolve("prometheus")
            .resolve("leakwatch-rules.yml");
    private static final Pattern LEAKWATCH_SERIES = Pattern.compile("\\bleakwatch_[a-z_]+");

    @Test
    void shouldPassPromtoolsRuleCheck() {
        final List<String> command = new ArrayList<>(
                InteropTools.promtool().announceIfMissing(getClass().getSimpleName()).require());
        command.addAll(List.of("check", "rules", RULES.toString()));
        final String out = ChildProcess.runSuccessfully(command, Duration.ofSeconds(30));
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void shouldNameOnlySeriesTheRunnerExports() throws IOException {
        final TreeSet<String> named = new TreeSet<>();
        final Matcher m = LEAKWATCH_SERIES.matcher(Files.readString(RULES, StandardCharsets.UTF_8));
        while (m.find()) {
            named.add(m.group());
        }
        assertThat(named).as("series named in " + RULES).isNotEmpty();
        try (Metrics metrics = new Metrics()) {
            final MicrometerListener listener = new MicrometerListener(metrics.registry());
            listener.deadLetter("bad-magic-byte"); // a series that appears with its first event
            final String exported = metrics.scrape()
                    // registered by StreamsRunner on a live KafkaStreams client, which this test does not start
                    + "\n" + StreamsRunner.STATE_GAUGE.replace('.', '_')
                    + "\n" + StreamsRunner.REPLACEMENTS_COUNTER.replace('.', '_') + "_total";
            assertThat(named).allSatisfy(series -> assertThat(exported).as(series).contains(series));
        }
    }
}
