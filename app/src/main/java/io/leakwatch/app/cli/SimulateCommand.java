package io.leakwatch.app.cli;

import io.leakwatch.simulator.SimulationResult;
import io.leakwatch.simulator.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Turns a scenario into carrier SMS traffic (events.jsonl, apps.json) and its truth (truth.json).")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--scenario", required = true, description = "Scenario file (JSON, format in the README).")
    private Path scenario;

    @Option(names = "--out", required = true, description = "Directory to write events.jsonl, apps.json and truth.json into.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out: not a directory: " + out);
        }
        final long started = System.nanoTime();
        final SimulationResult result = Simulator.run(scenario, out);
        System.out.printf("simulated %,d events into %s in %.1f s%n", result.events(), out, (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
