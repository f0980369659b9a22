package io.leakwatch.app.cli;

import io.leakwatch.classifier.model.Model;
import io.leakwatch.classifier.train.Corpora;
import io.leakwatch.classifier.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains the message classifier on the train split of the labelled corpora and writes the model.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Directory of the labelled corpora (uci-sms/, zh-sms/, zh-inbox/...).")
    private Path data;

    @Option(names = "--out", required = true, description = "Model file to write (gzip; load it with eval --model).")
    private Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the example order; the same data and seed give the same model (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        requireCorpora(data);
        OutputFiles.requireDirectoryFor("--out", out);
        final long started = System.nanoTime();
        final Model model = Trainer.train(data, seed);
        model.save(out);
        System.out.printf(Locale.ROOT, "trained %s in %.1f s (seed %d, temperature %.3f, %,d non-zero weights, %,d bytes)%n",
                out, (System.nanoTime() - started) / 1e9, seed, model.temperature(), model.nonZero(), Files.size(out));
        return 0;
    }

    /** Refuses a {@code --data} that is no directory or holds none of the labelled corpora. */
    static void requireCorpora(final Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--data: no such directory: " + dir);
        }
        final List<String> corpora = List.of(Corpora.UCI, Corpora.ZH_SMS, Corpora.ZH_SPAM_CLASSES, Corpora.ZH_INBOX,
                Corpora.ZH_PERSONAL);
        if (corpora.stream().noneMatch(corpus -> Files.isDirectory(dir.resolve(corpus)))) {
            throw new IllegalArgumentException("--data: none of the labelled corpora (" + String.join("/, ", corpora)
                    + "/) is in " + dir);
        }
    }
}
