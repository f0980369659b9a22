package io.leakwatch.classifier.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The built-in cue keywords (classpath {@code io/leakwatch/classifier/lexicons/}), matched in one scan. */
public final class CueLexicon {
    private static final String DIR = "/io/leakwatch/classifier/lexicons/";
    private static final CueLexicon DEFAULT = load();

    private final KeywordMatcher matcher;
    private final Cue[] cueOf;
    private final String[] keywords;

    private CueLexicon(final Map<String, Cue> terms) {
        this.keywords = terms.keySet().toArray(new String[0]);
        this.cueOf = terms.values().toArray(new Cue[0]);
        this.matcher = new KeywordMatcher(List.of(keywords));
    }

    public static CueLexicon defaultLexicon() {
        return DEFAULT;
    }

    /** Adds the number of hits per cue into {@code counts} (indexed by {@link Cue#ordinal()}). */
    public void count(final TextAnalysis text, final int[] counts) {
        matcher.scan(text.folded, text.length, (id, start, end) -> counts[cueOf[id].ordinal()]++);
    }

    /** Every hit as "cue:keyword", for explanations (slow path). */
    public List<String> hits(final TextAnalysis text) {
        final List<String> out = new ArrayList<>();
        matcher.scan(text.folded, text.length, (id, start, end) ->
            out.add(cueOf[id].name().toLowerCase(Locale.ROOT) + ":" + keywords[id]));
        return out;
    }

    private static CueLexicon load() {
        final Map<String, Cue> terms = new LinkedHashMap<>();
        final Set<String> stop = new HashSet<>();
        for (final String line : lines("adult-stoplist.txt")) {
            stop.add(CharFold.fold(line.strip()));
        }
        for (final String file : List.of("porn.txt", "porn-types.txt")) {
            for (final String line : lines(file)) {
                final String t = CharFold.fold(line.strip());
                if (!t.isEmpty() && !stop.contains(t)) {
                    terms.putIfAbsent(t, Cue.ADULT);
                }
            }
        }
        for (final String line : lines("cues.tsv")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            final int tab = line.indexOf('\t');
            final Cue cue = Cue.valueOf(line.substring(0, tab).strip().toUpperCase(Locale.ROOT));
            final String t = CharFold.fold(line.substring(tab + 1).strip());
            if (!t.isEmpty()) {
                terms.putIfAbsent(t, cue);
            }
        }
        return new CueLexicon(terms);
    }

    private static List<String> lines(final String name) {
        try (InputStream in = CueLexicon.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DIR + name);
            }
            final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + DIR + name, e);
        }
    }
}
