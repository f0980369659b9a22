package io.leakwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioValidationTest {

    @TempDir
    Path dir;

    static Stream<Arguments> badScenarios() {
        return Stream.of(
                bad("victim rate above one", n -> leak(n).put("victimRate", 1.5),
                        "leaks[0].victimRate must be within [0,1], was 1.5"),
                bad("leak of an unknown app", n -> leak(n).put("app", "nope"),
                        "leaks[0].app 'nope' is not the id of any app"),
                bad("co-registration with an unknown app",
                        n -> ((ObjectNode) n.get("coRegistration").get(0)).putArray("apps").add("meiyou").add("nope"),
                        "coRegistration[0].apps[1] 'nope' is not the id of any app"),
                bad("unknown field", n -> leak(n).put("colour", "red"),
                        "leaks[0].colour is not a known field"),
                bad("unknown category", n -> leak(n).put("category", "PORN"),
                        "leaks[0].category has an invalid value 'PORN'"),
                bad("normal leak category", n -> leak(n).put("category", "NORMAL"),
                        "leaks[0].category must be one of [MARKETING, ADULT, FRAUD], was NORMAL"),
                bad("unknown text category", n -> n.putObject("texts").put("SPORTS", "sports.txt"),
                        "texts.SPORTS is not a text category"),
                bad("missing text file", n -> n.putObject("texts").put("ADULT", "missing.txt"),
                        "texts.ADULT must name a readable file"),
                bad("unknown leak kind", n -> leak(n).put("kind", "drip"),
                        "leaks[0].kind"),
                bad("bulk leak without lookback", n -> leak(n).put("kind", "bulk"),
                        "leaks[0].lookbackDays is required"),
                bad("leak before the scenario", n -> leak(n).put("start", "2026-10-01T00:00:00+08:00"),
                        "leaks[0].start must be within the scenario"),
                bad("time without offset", n -> n.put("start", "2026-11-01T00:00:00"),
                        "start has an invalid value '2026-11-01T00:00:00'"),
                bad("max delay below median", n -> ((ObjectNode) leak(n).get("delayHours")).put("max", 1),
                        "leaks[0].delayHours.max must be within [3,"),
                bad("missing background", n -> n.remove("background"), "background is required"),
                bad("no subscribers", n -> n.put("subscribers", 0), "subscribers must be within [2,"),
                bad("duplicate app id", n -> ((ObjectNode) n.get("apps").get(1)).put("id", "meiyou"),
                        "apps[1].id 'meiyou' is used by an earlier app"),
                bad("seasonal flood of person-to-person texts", n -> ((ObjectNode) n.get("seasonal").get(0))
                        .put("category", "NORMAL"), "seasonal[0].category must be one of"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenarios")
    void shouldRejectABadScenarioNamingTheField(final String what, final Consumer<ObjectNode> breakIt,
                                               final String message) throws IOException {
        final ObjectNode node = (ObjectNode) Output.json().readTree(Output.scenario("small-realtime.json").toFile());
        breakIt.accept(node);
        final Path file = dir.resolve("bad.json");
        Output.json().writeValue(file.toFile(), node);

        assertThatThrownBy(() -> Simulator.run(file, dir.resolve("out")))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining(message);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void shouldReadTheSharedScenarioFormatWithNullEnd() throws IOException {
        final Scenario scenario = Scenario.read(Output.scenario("small-realtime.json"));

        assertThat(scenario.leaks().get(0).end()).isNull();
        assertThat(scenario.leaks().get(0).kind()).isEqualTo(Scenario.LeakKind.REALTIME);
        assertThat(scenario.end()).isEqualTo(scenario.start().plusDays(3));
    }

    private static ObjectNode leak(final JsonNode scenario) {
        return (ObjectNode) scenario.get("leaks").get(0);
    }

    private static Arguments bad(final String what, final Consumer<ObjectNode> breakIt, final String message) {
        return Arguments.of(what, breakIt, message);
    }
}
