package io.leakwatch.simulator.corpus;

import io.leakwatch.simulator.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Message texts per corpus category: the built-in sample, or files a scenario names instead. */
public final class Corpus {

    private static final String BUILT_IN = "/io/leakwatch/simulator/texts/";

    private final Map<Category, List<String>> texts;

    private Corpus(final Map<Category, List<String>> texts) {
        this.texts = texts;
    }

    /**
     * Loads every corpus category: from {@code overrides} where given, else the built-in sample.
     *
     * @throws IllegalArgumentException when a file holds no message
     */
    public static Corpus load(final Map<Category, Path> overrides) throws IOException {
        final Map<Category, List<String>> texts = new EnumMap<>(Category.class);
        for (final Category category : Category.CORPUS) {
            final Path override = overrides.get(category);
            final List<String> lines;
            if (override != null) {
                lines = nonBlank(Files.readAllLines(override, StandardCharsets.UTF_8));
                if (lines.isEmpty()) {
                    throw new IllegalArgumentException("texts." + category + " file " + override + " holds no message");
                }
            } else {
                lines = builtIn(category);
            }
            texts.put(category, lines);
        }
        return new Corpus(texts);
    }

    /** Texts of one category (unfilled: placeholders still in). */
    public List<String> texts(final Category category) {
        final List<String> list = texts.get(category);
        if (list == null) {
            throw new IllegalArgumentException("no corpus for " + category);
        }
        return list;
    }

    private static List<String> builtIn(final Category category) throws IOException {
        final String resource = BUILT_IN + category.name() + ".txt";
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("built-in corpus " + resource + " is missing from the class path");
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return nonBlank(reader.lines().toList());
        }
    }

    private static List<String> nonBlank(final List<String> lines) {
        final List<String> out = new ArrayList<>(lines.size());
        for (final String line : lines) {
            final String text = line.strip();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
