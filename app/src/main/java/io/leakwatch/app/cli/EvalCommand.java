package io.leakwatch.app.cli;

import io.leakwatch.classifier.eval.CrossValidation;
import io.leakwatch.classifier.Classifiers;
import io.leakwatch.classifier.SmsClassifier;
import io.leakwatch.classifier.eval.Evaluation;
import io.leakwatch.classifier.eval.Solicitation;
import io.leakwatch.classifier.model.Model;
import io.leakwatch.classifier.train.Corpora;
import io.leakwatch.classifier.train.Trainer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Scores the message classifier on the held-out test splits of the labelled corpora and prints a markdown report.")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Directory of the labelled corpora (uci-sms/, zh-sms/, zh-inbox/...); "
            + "required unless --solicitation is given.")
    private Path data;

    @Option(names = "--solicitation", paramLabel = "FILE",
            description = "Instead of the corpus report: score a solicitation set (TSV, header category<TAB>text, "
                    + "category EXPECTED:kind) and print spam recall, precision against the notices and personal "
                    + "messages, and the share called spam per kind. Repeat for several files.")
    private List<Path> solicitation;

    @Option(names = "--model", description = "Model file written by train (default: the model built into LeakWatch).")
    private Path model;

    @Option(names = "--out", description = "Write the report to this file instead of standard output.")
    private Path out;

    @Option(names = "--cross-validate", paramLabel = "K",
            description = "Instead of the test report: K-fold cross-validation over the train and validation buckets "
                    + "only (a model trained per fold as train does), the numbers features and knobs are compared on.")
    private Integer folds;

    @Option(names = "--group-by", paramLabel = "template|signature",
            description = "What a --cross-validate fold keeps together (default: template). signature: every message "
                    + "of a 【signature】 in one fold, so held-out folds hold brands the model has never seen.")
    private String groupBy;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "With --cross-validate: also write every held-out message its fold's model got wrong to FILE, "
                    + "one per line: corpus, source label, expected, predicted, reason, text (tab-separated). "
                    + "The errors to read when choosing a change; the test buckets never appear in it. "
                    + "With --solicitation: every message called spam or not wrongly: file, EXPECTED:kind, "
                    + "predicted, reason, text.")
    private Path errors;

    @Option(names = "--seed", description = "Training seed for --cross-validate (default: ${DEFAULT-VALUE}).")
    private long seed = Trainer.SEED;

    @Override
    public Integer call() throws Exception {
        if (solicitation != null) {
            return scoreSolicitation();
        }
        if (data == null) {
            throw new IllegalArgumentException("--data: required unless --solicitation is given");
        }
        if (model != null && !Files.isRegularFile(model)) {
            throw new IllegalArgumentException("--model: no such file: " + model);
        }
        if (folds != null && folds < 2) {
            throw new IllegalArgumentException("--cross-validate: needs at least 2 folds, was " + folds);
        }
        if (groupBy != null && folds == null) {
            throw new IllegalArgumentException("--group-by applies to --cross-validate only");
        }
        grouping();
        if (errors != null && folds == null) {
            throw new IllegalArgumentException("--errors applies to --cross-validate only");
        }
        if (errors != null) {
            OutputFiles.requireDirectoryFor("--errors", errors);
        }
        if (folds != null && model != null) {
            throw new IllegalArgumentException("--cross-validate trains its own models; leave out --model");
        }
        TrainCommand.requireCorpora(data);
        if (out == null) {
            final PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            report(stdout);
            stdout.flush();
            return 0;
        }
        OutputFiles.requireDirectoryFor("--out", out);
        try (OutputStream file = Files.newOutputStream(out);
             PrintStream report = new PrintStream(file, false, StandardCharsets.UTF_8)) {
            if (folds == null) {
                printHeader(report);
            }
            report(report);
        }
        System.out.println("wrote " + out);
        return 0;
    }

    private void report(final PrintStream to) throws IOException {
        if (folds != null) {
            try (PrintStream list = errors == null ? null
                    : new PrintStream(Files.newOutputStream(errors), false, StandardCharsets.UTF_8)) {
                CrossValidation.print(Corpora.load(data), folds, seed, Trainer.Config.DEFAULT, grouping(),
                        list == null ? miss -> { } : miss -> list.println(errorLine(miss)), to);
            }
        } else {
            Evaluation.run(data, model, to);
        }
    }

    private int scoreSolicitation() throws IOException {
        if (data != null || folds != null || groupBy != null || out != null) {
            throw new IllegalArgumentException("--solicitation takes only --model and --errors");
        }
        for (final Path file : solicitation) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--solicitation: no such file: " + file);
            }
        }
        if (model != null && !Files.isRegularFile(model)) {
            throw new IllegalArgumentException("--model: no such file: " + model);
        }
        if (errors != null) {
            OutputFiles.requireDirectoryFor("--errors", errors);
        }
        final SmsClassifier classifier = model == null ? Classifiers.loadDefault() : Classifiers.withModel(Model.load(model));
        final PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (PrintStream list = errors == null ? null
                : new PrintStream(Files.newOutputStream(errors), false, StandardCharsets.UTF_8)) {
            for (final Path file : solicitation) {
                final Solicitation.Results r = Solicitation.score(classifier, Solicitation.load(file),
                        list == null ? miss -> { } : miss -> list.println(file.getFileName() + "\t" + errorLine(miss)));
                Solicitation.print("`" + file + "`", r, stdout);
                stdout.println();
            }
        }
        stdout.flush();
        return 0;
    }

    static String errorLine(final Solicitation.Miss miss) {
        return String.join("\t", miss.message().label(), miss.predicted().category().name(),
                miss.predicted().reason(), miss.message().text());
    }

    static String errorLine(final CrossValidation.Miss miss) {
        final var e = miss.example();
        return String.join("\t", e.corpus(), e.sourceLabel(), e.category().name(), miss.predicted().category().name(),
                miss.predicted().reason(), e.text().replace('\t', ' '));
    }

    private CrossValidation.Grouping grouping() {
        if (groupBy == null) {
            return CrossValidation.Grouping.TEMPLATE;
        }
        return switch (groupBy) {
            case "template" -> CrossValidation.Grouping.TEMPLATE;
            case "signature" -> CrossValidation.Grouping.SIGNATURE;
            default -> throw new IllegalArgumentException("--group-by: template or signature, was " + groupBy);
        };
    }

    /** A report file says how it was made, so that it can be made again. */
    private void printHeader(final PrintStream report) {
        report.println("# Classifier evaluation");
        report.println();
        report.println("Produced by (from the repository root; the launcher rebuilds the jar when sources changed):");
        report.println();
        report.println("```");
        report.println("./leakwatch eval --data " + data + (model == null ? "" : " --model " + model) + " --out " + out);
        report.println("```");
        report.println();
        report.println("Model: " + (model == null
                ? "the committed `classifier/src/main/resources/io/leakwatch/classifier/model/sms-model.bin.gz`, "
                        + "trained with `./leakwatch train --data " + data + " --out <that file> --seed 42`"
                : "`" + model + "`") + ". Test splits: `zh-spam-classes/test.tsv`, and template buckets 0-1 of every "
                + "other corpus (digit runs and `x` masks as `0`, whitespace removed, lower-cased, "
                + "`String.hashCode() mod 10`; 2 is validation, 3-9 train); nothing here was trained or tuned on. "
                + "Messages are classified without a sender. Design, data mapping and limits: `classifier/README.md`; "
                + "throughput: `benchmarks/README.md`.");
        report.println();
    }
}
