package io.leakwatch.textgen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Word lists, tables and templates read from a UTF-8 TSV classpath resource. Every line is
 * {@code kind<TAB>name<TAB>value}; blank lines and lines starting with {@code #} are skipped.
 * Kinds with a meaning here: {@code list} (one list, its values separated by {@code |}) and {@code row} (one row of
 * a table, its columns separated by {@code |}, rows in file order). Any other kind ({@code template}, {@code body},
 * ...) is a record its reader interprets, in file order.
 */
public final class Lexicon {
    /** One line of the file. */
    public record Entry(String kind, String name, String value, int line) {
        /** The value split at {@code |}, empty values kept. */
        public String[] values() {
            return split(value);
        }
    }

    private final String resource;
    private final List<Entry> entries;

    private Lexicon(final String resource, final List<Entry> entries) {
        this.resource = resource;
        this.entries = entries;
    }

    /** Reads {@code resource} (an absolute classpath path) with {@code anchor}'s class loader. */
    public static Lexicon load(final Class<?> anchor, final String resource) {
        final List<Entry> entries = new ArrayList<>();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                final String[] f = text.split("\t", -1);
                if (f.length != 3 || f[0].isEmpty() || f[1].isEmpty()) {
                    throw new IllegalStateException(resource + ":" + line + ": expected kind<TAB>name<TAB>value");
                }
                entries.add(new Entry(f[0], f[1], f[2], line));
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new Lexicon(resource, List.copyOf(entries));
    }

    /** The {@code list} line {@code name}; exactly one must exist. */
    public String[] list(final String name) {
        String[] found = null;
        for (final Entry e : entries) {
            if (e.kind().equals("list") && e.name().equals(name)) {
                if (found != null) {
                    throw new IllegalStateException(resource + ":" + e.line() + ": list " + name + " defined twice");
                }
                found = e.values();
            }
        }
        if (found == null) {
            throw new IllegalStateException(resource + ": no list " + name);
        }
        return found;
    }

    /** The {@code row} lines of table {@code name}, in file order; at least one must exist. */
    public String[][] table(final String name) {
        final List<String[]> rows = new ArrayList<>();
        for (final Entry e : entries) {
            if (e.kind().equals("row") && e.name().equals(name)) {
                rows.add(e.values());
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(resource + ": no table " + name);
        }
        return rows.toArray(new String[0][]);
    }

    /** Every line, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Every line of {@code kind}, in file order. */
    public List<Entry> entries(final String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** The resource this was read from, for messages. */
    public String resource() {
        return resource;
    }

    /** {@code value} split at {@code |}, empty values kept. */
    public static String[] split(final String value) {
        return value.split("\\|", -1);
    }
}
