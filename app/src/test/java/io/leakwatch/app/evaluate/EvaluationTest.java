package io.leakwatch.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.adversary.Profile;
import io.leakwatch.topology.LeakWatchConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    @TempDir
    Path work;

    @Test
    void shouldScoreEverySeedInOrderAndGiveTheSameTableOnOneThreadOrTwo() throws Exception {
        final Profile tiny = Profile.load("mixed").scaled(0.05);
        final List<Evaluation.Source> sources = List.of(new Evaluation.ProfileSource(tiny));
        final Evaluation evaluation = new Evaluation(config(), work);

        final List<RunScore> two = evaluation.run(sources, 2, 2, score -> { });
        final List<RunScore> one = evaluation.run(sources, 2, 1, score -> { });

        assertThat(two).extracting(RunScore::source, RunScore::seed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mixed", 1L), org.assertj.core.groups.Tuple.tuple("mixed", 2L));
        // the leaks the generator planted, and app-months from the profile: 10 apps x 6 days / 30
        assertThat(two).allSatisfy(run -> {
            assertThat(run.planted()).isBetween(1, 4);
            assertThat(run.appMonths()).isEqualTo(2.0);
        });
        assertThat(EvaluationTable.markdown(one)).isEqualTo(EvaluationTable.markdown(two));
        try (var left = Files.list(work)) {
            assertThat(left).as("archives removed after scoring").isEmpty();
        }
    }

    private static LeakWatchConfig config() {
        final Properties props = new Properties();
        props.setProperty("leakwatch.hmac.key", LeakWatchConfig.DEMO_HMAC_KEY_HEX);
        return LeakWatchConfig.from(props);
    }
}
