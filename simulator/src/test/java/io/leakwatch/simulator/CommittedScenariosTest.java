package io.leakwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scenarios the README, {@code docs/detection.md} and the benchmarks name are in the repository and valid. */
class CommittedScenariosTest {

    /** {@code simulator/scenarios}, seen from the module directory Maven runs the tests in. */
    private static final Path SCENARIOS = Path.of("scenarios");

    static Stream<Path> committedScenarios() throws IOException {
        try (Stream<Path> files = Files.walk(SCENARIOS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void shouldHoldTheFourSeedScenariosTheReadmeUses() throws IOException {
        try (Stream<Path> seed = Files.list(SCENARIOS.resolve("seed"))) {
            assertThat(seed.map(f -> f.getFileName().toString()).sorted().toList()).isEqualTo(List.of(
                    "double11-no-leak.json", "food-delivery-t0.json", "hospital-newborn-bulk.json",
                    "mother-baby-same-afternoon.json"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("committedScenarios")
    void shouldReadEveryCommittedScenarioAsValid(final Path file) throws IOException {
        final Scenario scenario = Scenario.read(file);

        assertThat(scenario.apps()).isNotEmpty();
    }
}
