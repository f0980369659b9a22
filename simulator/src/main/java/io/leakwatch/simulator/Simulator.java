package io.leakwatch.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.leakwatch.simulator.traffic.Event;
import io.leakwatch.simulator.traffic.Leaks;
import io.leakwatch.simulator.traffic.Timeline;
import io.leakwatch.simulator.traffic.WatchedApp;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a scenario into {@code events.jsonl}, {@code apps.json} and {@code truth.json}.
 *
 * <p>The same scenario always gives byte-identical files. See {@code simulator/README.md} for what
 * is simulated and how.
 */
public final class Simulator {

    /** File names in the output directory. */
    public static final String EVENTS_FILE = "events.jsonl";
    public static final String APPS_FILE = "apps.json";
    public static final String TRUTH_FILE = "truth.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Simulator() {
    }

    /**
     * Reads, validates and simulates a scenario file.
     *
     * @throws InvalidScenarioException naming the field when the scenario is not valid
     */
    public static SimulationResult run(final Path scenarioFile, final Path outDir) throws IOException {
        final Scenario scenario = Scenario.read(scenarioFile);
        return run(scenario, scenarioFile.toAbsolutePath().getParent(), outDir);
    }

    /**
     * Validates and simulates a parsed scenario.
     *
     * @param baseDir directory relative {@code texts} paths are resolved against
     * @throws InvalidScenarioException naming the field when the scenario is not valid
     */
    public static SimulationResult run(final Scenario scenario, final Path baseDir, final Path outDir)
            throws IOException {
        final Scenario named = scenario.name() != null ? scenario : scenario.withName("scenario");
        named.validate(baseDir);
        final Simulation simulation = Simulation.generate(named, baseDir);
        Files.createDirectories(outDir);
        final SimulationResult result = new SimulationResult(simulation.events().size(),
                outDir.resolve(EVENTS_FILE), outDir.resolve(APPS_FILE), outDir.resolve(TRUTH_FILE));
        writeEvents(simulation, result.eventsFile());
        writeApps(simulation, result.appsFile());
        writeTruth(simulation, result.truthFile());
        return result;
    }

    /** {@code Simulator SCENARIO_FILE OUT_DIR}: simulates and prints what it wrote. */
    public static void main(final String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Simulator SCENARIO_FILE OUT_DIR");
            System.exit(2);
        }
        final long started = System.nanoTime();
        try {
            final SimulationResult result = run(Path.of(args[0]), Path.of(args[1]));
            System.out.printf("%d events in %.1f s -> %s%n", result.events(),
                    (System.nanoTime() - started) / 1e9, result.eventsFile().getParent());
        } catch (final InvalidScenarioException e) {
            System.err.println("invalid scenario: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One JSON object a line: the raw export format investigators replay. */
    private static void writeEvents(final Simulation simulation, final Path file) throws IOException {
        final Timeline timeline = simulation.timeline();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            for (final Event event : simulation.events()) {
                json.writeStartObject();
                json.writeStringField("ts", timeline.format(event.epochSecond()));
                json.writeStringField("sender", event.sender());
                json.writeStringField("recipient", event.recipient());
                json.writeStringField("text", event.text());
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }

    @JsonPropertyOrder({"id", "name", "signature", "ports", "sector"})
    private record AppEntry(String id, String name, String signature, List<String> ports, String sector) {
    }

    private static void writeApps(final Simulation simulation, final Path file) throws IOException {
        final List<AppEntry> entries = new ArrayList<>();
        for (final WatchedApp app : simulation.apps()) {
            entries.add(new AppEntry(app.id(), app.app().name(), app.app().signature(), app.ports(),
                    app.app().sector()));
        }
        JSON.writeValue(file.toFile(), entries);
    }

    /** {@code compliance} is left out of scenarios without a compliance block, so their truth files do not change. */
    @JsonPropertyOrder({"scenario", "seed", "events", "leaks", "compliance"})
    private record Truth(String scenario, long seed, long events, List<LeakTruth> leaks,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ComplianceTruth compliance) {
    }

    @JsonPropertyOrder({"app", "kind", "start", "end", "firstSpamAt", "buyerSenders", "victims"})
    private record LeakTruth(String app, String kind, String start, String end, String firstSpamAt,
                             List<String> buyerSenders, long victims) {
    }

    private static ComplianceTruth complianceTruth(final Simulation simulation) {
        final Scenario.Compliance block = simulation.scenario().compliance();
        if (block == null) {
            return null;
        }
        final List<ComplianceTruth.MarketerTruth> marketers = simulation.marketers().stream()
                .map(m -> new ComplianceTruth.MarketerTruth(m.port(), m.signature(), m.kind().name())).toList();
        return ComplianceTruth.judge(block, simulation.timeline(), simulation.events(), marketers);
    }

    private static void writeTruth(final Simulation simulation, final Path file) throws IOException {
        final Timeline timeline = simulation.timeline();
        final List<Scenario.Leak> leaks = simulation.scenario().leaksOrEmpty();
        final List<LeakTruth> out = new ArrayList<>(leaks.size());
        for (int i = 0; i < leaks.size(); i++) {
            final Scenario.Leak leak = leaks.get(i);
            long first = Long.MAX_VALUE;
            final Set<String> victims = new HashSet<>();
            for (final Event event : simulation.events()) {
                if (event.leak() == i && event.epochSecond() >= timeline.start()) {
                    first = Math.min(first, event.epochSecond());
                    victims.add(event.recipient());
                }
            }
            final List<String> buyers = simulation.buyers().get(i).stream().map(Leaks.Buyer::number).toList();
            out.add(new LeakTruth(leak.app(), leak.kind().json(), timeline.format(Timeline.seconds(leak.start())),
                    leak.end() == null ? null : timeline.format(Timeline.seconds(leak.end())),
                    first == Long.MAX_VALUE ? null : timeline.format(first), buyers, victims.size()));
        }
        JSON.writeValue(file.toFile(), new Truth(simulation.scenario().name(), simulation.scenario().seed(),
                simulation.events().size(), out, complianceTruth(simulation)));
    }
}
