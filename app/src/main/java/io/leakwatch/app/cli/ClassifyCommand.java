package io.leakwatch.app.cli;

import io.leakwatch.classifier.Classification;
import io.leakwatch.classifier.Classifiers;
import io.leakwatch.classifier.SmsClassifier;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Reads one message per line and prints one category per line, in the same order.")
final class ClassifyCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "File with one message per line ('-' for standard input).")
    private String in;

    @Option(names = "--sender", description = "Sender id to assume for every message (106 port, 95xxx, mobile).")
    private String sender;

    @Option(names = "--explain", description = "Also print why: the rule that fired or the model's top features.")
    private boolean explain;

    @Override
    public Integer call() throws Exception {
        final SmsClassifier classifier = Classifiers.loadDefault();
        final PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (BufferedReader reader = "-".equals(in)
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : open(Path.of(in))) {
            String line;
            while ((line = reader.readLine()) != null) {
                final Classification result = classifier.classify(line, sender);
                if (explain) {
                    out.println(result.category() + "\t" + String.format(java.util.Locale.ROOT, "%.3f", result.score()) + "\t"
                            + classifier.explain(line, sender));
                } else {
                    out.println(result.category());
                }
            }
        }
        out.flush();
        return 0;
    }

    private static BufferedReader open(Path file) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--in: no such file: " + file);
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
}
