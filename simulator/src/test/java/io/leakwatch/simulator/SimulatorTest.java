package io.leakwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakwatch.simulator.traffic.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {

    private static final Pattern MSISDN = Pattern.compile("1[3578][0-9]{9}");

    @TempDir
    static Path out;

    private static SimulationResult realtime;
    private static Output realtimeOut;
    private static SimulationResult bulk;
    private static Output bulkOut;

    @BeforeAll
    static void simulate() throws IOException {
        realtime = Simulator.run(Output.scenario("small-realtime.json"), out.resolve("realtime"));
        realtimeOut = Output.read(realtime);
        bulk = Simulator.run(Output.scenario("small-bulk.json"), out.resolve("bulk"));
        bulkOut = Output.read(bulk);
    }

    @Test
    void shouldWriteByteIdenticalFilesForTheSameScenario() throws IOException {
        final SimulationResult again = Simulator.run(Output.scenario("small-realtime.json"), out.resolve("again"));

        assertThat(again.events()).isEqualTo(realtime.events());
        assertThat(Files.mismatch(again.eventsFile(), realtime.eventsFile())).isEqualTo(-1L);
        assertThat(Files.mismatch(again.appsFile(), realtime.appsFile())).isEqualTo(-1L);
        assertThat(Files.mismatch(again.truthFile(), realtime.truthFile())).isEqualTo(-1L);
    }

    @Test
    void shouldWriteTimeOrderedEventsInTheRawExportFormat() throws IOException {
        final String first = Files.readAllLines(realtime.eventsFile(), StandardCharsets.UTF_8).get(0);
        assertThat(first).matches("\\{\"ts\":\"2026-11-01T\\d\\d:\\d\\d:\\d\\d\\+08:00\",\"sender\":\"\\d+\","
                + "\"recipient\":\"1\\d{10}\",\"text\":\".+\"}");
        assertThat(realtimeOut.events()).hasSize((int) realtime.events());
        OffsetDateTime previous = OffsetDateTime.MIN;
        for (final Output.Line line : realtimeOut.events()) {
            assertThat(line.ts()).isAfterOrEqualTo(previous);
            assertThat(line.recipient()).matches(MSISDN);
            previous = line.ts();
        }
        // no bulk leak: nothing before the start, nothing at or after the end
        assertThat(realtimeOut.events().get(0).ts()).isAfterOrEqualTo(OffsetDateTime.parse("2026-11-01T00:00:00+08:00"));
        assertThat(previous).isBefore(OffsetDateTime.parse("2026-11-04T00:00:00+08:00"));
        assertThat(realtimeOut.truth().get("events").asLong()).isEqualTo(realtime.events());
    }

    @Test
    void shouldGiveEveryAppOneOrTwoPortsThatSendItsOtps() {
        for (final JsonNode app : realtimeOut.apps()) {
            final Set<String> ports = realtimeOut.portsOf(app.get("id").asText());
            assertThat(ports).hasSizeBetween(1, 2).allMatch(port -> port.startsWith("106"));
            final String signature = "【" + app.get("signature").asText() + "】";
            assertThat(realtimeOut.events()).filteredOn(line -> ports.contains(line.sender()))
                    .isNotEmpty()
                    .allMatch(line -> line.text().contains(signature) && line.text().contains("验证码"));
        }
    }

    @Test
    void shouldDescribeInTheTruthExactlyTheBuyersMessages() {
        final JsonNode leak = realtimeOut.truth().get("leaks").get(0);
        final Set<String> buyers = realtimeOut.buyersOf(0);
        final List<Output.Line> fromBuyers = realtimeOut.events().stream()
                .filter(line -> buyers.contains(line.sender())).toList();

        assertThat(buyers).hasSize(3);
        assertThat(fromBuyers).isNotEmpty();
        assertThat(OffsetDateTime.parse(leak.get("firstSpamAt").asText())).isEqualTo(fromBuyers.get(0).ts());
        assertThat(leak.get("victims").asInt())
                .isEqualTo(fromBuyers.stream().map(Output.Line::recipient).distinct().count());
        assertThat(leak.get("end").isNull()).isTrue();
        assertThat(leak.get("kind").asText()).isEqualTo("realtime");
    }

    @Test
    void shouldNeverUseABuyerForOtherTraffic() throws IOException {
        final Scenario scenario = Scenario.read(Output.scenario("small-realtime.json"));
        final Simulation simulation = Simulation.generate(scenario, null);
        final Set<String> buyers = realtimeOut.buyersOf(0);

        assertThat(simulation.events()).filteredOn(event -> buyers.contains(event.sender()))
                .allMatch(event -> event.source() == Event.Source.LEAK && event.category() == Category.ADULT);
        assertThat(simulation.events()).filteredOn(event -> buyers.contains(event.recipient())).isEmpty();
    }

    @Test
    void shouldSellRealtimeRegistrantsAfterTheLeakStartWithinTheMaximumDelay() {
        final OffsetDateTime leakStart = OffsetDateTime.parse("2026-11-01T12:00:00+08:00");
        final Map<String, OffsetDateTime> registered = realtimeOut.registrationsWith("meiyou");
        final Map<String, OffsetDateTime> firstSpam = firstMessageFrom(realtimeOut, realtimeOut.buyersOf(0));

        assertThat(firstSpam).isNotEmpty();
        firstSpam.forEach((victim, spamAt) -> {
            assertThat(registered).containsKey(victim);
            assertThat(registered.get(victim)).isAfterOrEqualTo(leakStart).isBefore(spamAt);
            assertThat(Duration.between(registered.get(victim), spamAt)).isLessThanOrEqualTo(Duration.ofHours(12));
        });
        // about victimRate of the registrants sold early enough for their first message to fall in the scenario
        final long eligible = registered.values().stream()
                .filter(t -> !t.isBefore(leakStart) && t.isBefore(OffsetDateTime.parse("2026-11-03T12:00:00+08:00")))
                .count();
        final long victims = firstSpam.keySet().stream()
                .filter(v -> registered.get(v).isBefore(OffsetDateTime.parse("2026-11-03T12:00:00+08:00"))).count();
        assertThat((double) victims / eligible).isCloseTo(0.5, within(0.1));
    }

    @Test
    void shouldSellBulkRegistrantsOfTheLookbackWindowAndEmitTheirEarlierOtps() {
        final OffsetDateTime start = OffsetDateTime.parse("2026-11-01T00:00:00+08:00");
        final OffsetDateTime dump = OffsetDateTime.parse("2026-11-02T10:00:00+08:00");
        final Map<String, OffsetDateTime> registered = bulkOut.registrationsWith("hz-maternity");
        final Map<String, OffsetDateTime> firstSpam = firstMessageFrom(bulkOut, bulkOut.buyersOf(0));

        assertThat(bulkOut.events().get(0).ts()).isBefore(start);
        assertThat(bulkOut.events()).filteredOn(line -> line.ts().isBefore(start))
                .allMatch(line -> line.text().contains("验证码"));
        assertThat(registered.values()).anyMatch(t -> t.isBefore(start.minusDays(15)));
        assertThat(firstSpam).hasSizeGreaterThan(100);
        firstSpam.forEach((victim, spamAt) -> {
            assertThat(registered.get(victim)).isBefore(dump).isAfterOrEqualTo(dump.minusDays(20));
            assertThat(spamAt).isAfter(dump).isBeforeOrEqualTo(dump.plusHours(24));
        });
        final long eligible = registered.values().stream()
                .filter(t -> t.isBefore(dump) && !t.isBefore(dump.minusDays(20))).count();
        assertThat((double) firstSpam.size() / eligible).isCloseTo(0.5, within(0.1));
        assertThat(bulkOut.truth().get("leaks").get(0).get("victims").asInt()).isEqualTo(firstSpam.size());
    }

    @Test
    void shouldMultiplyMarketingByTheSeasonalFactorOnlyWithinItsInterval() throws IOException {
        final Scenario scenario = Scenario.read(Output.scenario("small-realtime.json"));
        final Simulation simulation = Simulation.generate(scenario, null);
        final long[] perDay = new long[3];
        final long[] otherSpamPerDay = new long[3];
        final long start = scenario.start().toEpochSecond();
        for (final Event event : simulation.events()) {
            if (event.source() != Event.Source.SPAM) {
                continue;
            }
            final int day = (int) ((event.epochSecond() - start) / 86_400);
            if (event.category() == Category.MARKETING) {
                perDay[day]++;
            } else {
                otherSpamPerDay[day]++;
            }
        }
        final double outside = (perDay[0] + perDay[2]) / 2.0;
        assertThat(perDay[1] / outside).isCloseTo(4.0, within(0.5));
        // 2000 subscribers x 0.5 spam a day x 60 % marketing
        assertThat(outside).isCloseTo(600, within(90.0));
        assertThat(otherSpamPerDay[1] / ((otherSpamPerDay[0] + otherSpamPerDay[2]) / 2.0)).isCloseTo(1.0, within(0.25));
    }

    @Test
    void shouldCoRegisterAboutTheAskedShareOfTheFirstAppsRegistrants() {
        final Map<String, OffsetDateTime> meiyou = realtimeOut.registrationsWith("meiyou");
        final Map<String, OffsetDateTime> babytree = realtimeOut.registrationsWith("babytree");
        final OffsetDateTime lastFull = OffsetDateTime.parse("2026-11-02T00:00:00+08:00");
        long eligible = 0;
        long also = 0;
        for (final Map.Entry<String, OffsetDateTime> registrant : meiyou.entrySet()) {
            if (registrant.getValue().isBefore(lastFull)) {
                eligible++;
                final OffsetDateTime second = babytree.get(registrant.getKey());
                if (second != null && second.isAfter(registrant.getValue())
                        && !second.isAfter(registrant.getValue().plusHours(48))) {
                    also++;
                }
            }
        }
        assertThat(eligible).isGreaterThan(100);
        assertThat((double) also / eligible).isCloseTo(0.3, within(0.08));
        // co-registrants count toward babytree's 80 a day
        assertThat(babytree.size() / 3.0).isCloseTo(80, within(20.0));
    }

    @Test
    void shouldLeaveOtherTrafficUntouchedWhenALeakIsAdded() throws IOException {
        final Scenario withLeak = Scenario.read(Output.scenario("small-realtime.json"));
        final Scenario withoutLeak = new Scenario(withLeak.name(), withLeak.seed(), withLeak.start(), withLeak.days(),
                withLeak.subscribers(), withLeak.texts(), withLeak.apps(), withLeak.coRegistration(),
                withLeak.background(), withLeak.seasonal(), List.of());

        final List<Event> background = Simulation.generate(withoutLeak, null).events();
        final List<Event> withLeakEvents = new ArrayList<>(Simulation.generate(withLeak, null).events());
        withLeakEvents.removeIf(event -> event.source() == Event.Source.LEAK);

        assertThat(withLeakEvents).isEqualTo(background);
    }

    @Test
    void shouldUseTheScenariosOwnTextsWhenGiven(@TempDir final Path dir) throws IOException {
        Files.writeString(dir.resolve("marketing.txt"), "测试专用营销短信DIGIT元起\n\n测试专用营销短信第二条 URL\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("normal.txt"), "测试专用私人短信\n", StandardCharsets.UTF_8);
        final JsonNode node = Output.json().readTree(Output.scenario("small-realtime.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).putObject("texts")
                .put("MARKETING", "marketing.txt").put("NORMAL", "normal.txt");
        final Path file = dir.resolve("override.json");
        Output.json().writeValue(file.toFile(), node);

        final Simulation simulation = Simulation.generate(Scenario.read(file), dir);
        final Output written = Output.read(Simulator.run(file, dir.resolve("out")));

        assertThat(simulation.events()).filteredOn(event -> event.category() == Category.MARKETING)
                .isNotEmpty()
                .allMatch(event -> event.text().startsWith("测试专用营销短信") && !event.text().contains("DIGIT"));
        assertThat(simulation.events()).filteredOn(event -> event.category() == Category.NORMAL)
                .isNotEmpty()
                .allMatch(event -> event.text().equals("测试专用私人短信"));
        assertThat(written.events()).anyMatch(line -> line.text().startsWith("测试专用营销短信第二条 "));
    }

    private static Map<String, OffsetDateTime> firstMessageFrom(final Output output, final Set<String> senders) {
        final Map<String, OffsetDateTime> first = new HashMap<>();
        final Set<String> seen = new HashSet<>();
        for (final Output.Line line : output.events()) {
            if (senders.contains(line.sender()) && seen.add(line.recipient())) {
                first.put(line.recipient(), line.ts());
            }
        }
        return first;
    }
}
