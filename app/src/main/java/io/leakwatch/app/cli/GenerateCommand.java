package io.leakwatch.app.cli;

import io.leakwatch.adversary.GeneratedExport;
import io.leakwatch.adversary.Generator;
import io.leakwatch.adversary.Profile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes adversarial carrier traffic as a raw export (events.jsonl, apps.json) and its truth (truth.json), "
                + "from code written apart from 'simulate' and the detector; the same profile and seed give the same bytes.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--profile", required = true, paramLabel = "NAME|FILE",
            description = "A built-in profile (mixed, normal-texts-only, rotating, no-leak, mixed-40k) or a profile file (JSON).")
    private String profile;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "Every random choice derives from it.")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write events.jsonl, apps.json and truth.json into.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        final long started = System.nanoTime();
        final GeneratedExport export = Generator.run(Profile.load(profile), seed, out);
        System.out.printf("generated %,d events of %d apps into %s in %.1f s%n", export.events(), export.apps(), out,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
