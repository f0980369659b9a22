package io.leakwatch.classifier.eval;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.Classification;
import io.leakwatch.classifier.Classifiers;
import io.leakwatch.classifier.Signatures;
import io.leakwatch.classifier.SmsClassifier;
import io.leakwatch.classifier.train.Corpora;
import io.leakwatch.classifier.train.Example;
import io.leakwatch.classifier.train.Split;
import io.leakwatch.classifier.train.Trainer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * K-fold cross-validation over the train and validation sides of the fixed split: what features, rules and
 * training knobs are compared on, so that the test buckets are scored once per committed model and never steer a
 * choice. The TEST examples are dropped before anything else happens. Folds are by template (the same key as
 * {@link Split}, rehashed), so one template never sits in a training fold and its held-out fold at once; each fold's
 * model is trained exactly as the committed one ({@link Trainer#train(List, long, Trainer.Config)}) on the other
 * folds, with no calibration split (temperature 1), and classifies its held-out fold with the built-in rules.
 *
 * <p>{@link Grouping#SIGNATURE} keeps every message of one 【signature】 in one fold as well: each held-out fold
 * then holds brands and services the model has never seen, which is nearer to what another operator's traffic is
 * than new templates of known senders.
 */
public final class CrossValidation {
    /** What a fold keeps together. */
    public enum Grouping {
        /** Messages that are the same after digits are normalised (the split's key). */
        TEMPLATE,
        /** Messages with the same 【signature】; unsigned messages by template. */
        SIGNATURE
    }

    private CrossValidation() {
    }

    /** Held-out fold (0..folds-1) of an example: its template key, rehashed so folds do not follow the split. */
    static int fold(final Example e, final int folds) {
        return fold(e, folds, Grouping.TEMPLATE);
    }

    /** Held-out fold of an example when folds keep {@code grouping} together. */
    static int fold(final Example e, final int folds, final Grouping grouping) {
        final String signature = grouping == Grouping.SIGNATURE ? Signatures.extract(e.text()) : null;
        final String key = signature != null ? "signature:" + signature : Split.templateKey(e.text());
        return Math.floorMod(key.hashCode() * 31 + 7, folds);
    }

    /** Pooled held-out predictions of every fold, folds by template. */
    public static Evaluation.Results run(final List<Example> all, final int folds, final long seed,
                                         final Trainer.Config config) {
        return run(all, folds, seed, config, Grouping.TEMPLATE);
    }

    /** A held-out message its fold's model got wrong: what the error lists of {@code eval --errors} are made of. */
    public record Miss(Example example, Classification predicted) {
    }

    /** Pooled held-out predictions of every fold, per corpus and per {@code zh-spam-classes} class. */
    public static Evaluation.Results run(final List<Example> all, final int folds, final long seed,
                                         final Trainer.Config config, final Grouping grouping) {
        return run(all, folds, seed, config, grouping, miss -> { });
    }

    /**
     * As {@link #run(List, int, long, Trainer.Config, Grouping)}, and hands every held-out message whose predicted
     * category is not its own to {@code misses} (messages of the classes mapped to no category are not misses).
     */
    public static Evaluation.Results run(final List<Example> all, final int folds, final long seed,
                                         final Trainer.Config config, final Grouping grouping,
                                         final Consumer<Miss> misses) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, was " + folds);
        }
        final List<Example> pool = all.stream().filter(e -> e.split() != Split.TEST).toList();
        final Evaluation.Results results = new Evaluation.Results();
        for (int f = 0; f < folds; f++) {
            final List<Example> train = new ArrayList<>();
            final List<Example> held = new ArrayList<>();
            for (final Example e : pool) {
                if (fold(e, folds, grouping) == f) {
                    held.add(e);
                } else {
                    train.add(new Example(e.corpus(), e.sourceLabel(), e.category(), e.text(), Split.TRAIN));
                }
            }
            final SmsClassifier classifier = Classifiers.withModel(Trainer.train(train, seed, config));
            for (final Example e : held) {
                if (e.category() != null) {
                    final Classification c = classifier.classify(e.text(), null);
                    results.count(e, c.category());
                    if (c.category() != e.category()) {
                        misses.accept(new Miss(e, c));
                    }
                }
            }
        }
        return results;
    }

    /** Runs {@link #run} with folds by template and prints it as a markdown section. */
    public static Evaluation.Results print(final List<Example> all, final int folds, final long seed,
                                           final Trainer.Config config, final PrintStream out) {
        return print(all, folds, seed, config, Grouping.TEMPLATE, out);
    }

    /** Runs {@link #run} and prints it as a markdown section. */
    public static Evaluation.Results print(final List<Example> all, final int folds, final long seed,
                                           final Trainer.Config config, final Grouping grouping,
                                           final PrintStream out) {
        return print(all, folds, seed, config, grouping, miss -> { }, out);
    }

    /** Runs {@link #run} with a receiver of the misses and prints it as a markdown section. */
    public static Evaluation.Results print(final List<Example> all, final int folds, final long seed,
                                           final Trainer.Config config, final Grouping grouping,
                                           final Consumer<Miss> misses, final PrintStream out) {
        final Evaluation.Results r = run(all, folds, seed, config, grouping, misses);
        out.printf(Locale.ROOT, "## %d-fold cross-validation over the train and validation buckets (seed %d)%s%n%n",
            folds, seed, grouping == Grouping.SIGNATURE ? ", folds by signature" : "");
        out.println("| corpus | messages | spam precision | spam recall | spam F1 | TRANSACTIONAL precision |");
        out.println("|---|---:|---:|---:|---:|---:|");
        final Confusion pooled = new Confusion();
        for (final Map.Entry<String, Confusion> e : new TreeMap<>(r.byCorpus).entrySet()) {
            final Confusion c = e.getValue();
            out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", e.getKey(), c.total(),
                Confusion.fmt(c.spamPrecision()), Confusion.fmt(c.spamRecall()), Confusion.fmt(c.spamF1()),
                Confusion.fmt(c.precision(Category.TRANSACTIONAL)));
            pooled.addAll(c);
        }
        out.printf(Locale.ROOT, "| all | %d | %s | %s | %s | %s |%n%n", pooled.total(),
            Confusion.fmt(pooled.spamPrecision()), Confusion.fmt(pooled.spamRecall()), Confusion.fmt(pooled.spamF1()),
            Confusion.fmt(pooled.precision(Category.TRANSACTIONAL)));
        final Map<String, Category> expected = new LinkedHashMap<>();
        for (final String cls : new TreeMap<>(r.byClass).keySet()) {
            final Category c = Corpora.spamClassCategory(cls);
            if (c != null) {
                expected.put(cls, c);
            }
        }
        if (!expected.isEmpty()) {
            out.println("| zh-spam-classes class | n | expected | recall of expected |");
            out.println("|---|---:|---|---:|");
            expected.forEach((cls, c) -> out.printf(Locale.ROOT, "| %s | %d | %s | %s |%n", cls,
                r.byClass.get(cls)[Category.values().length], c, Confusion.fmt(r.recall(cls, c))));
            out.println();
        }
        return r;
    }
}
