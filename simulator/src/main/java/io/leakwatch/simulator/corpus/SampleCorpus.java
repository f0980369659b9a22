package io.leakwatch.simulator.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Regenerates the built-in corpus ({@code src/main/resources/io/leakwatch/simulator/texts}) from
 * the labelled data in {@code shared/data}, deterministically, so the selection can be checked.
 *
 * <p>Only held-out rows are sampled, so that texts the classifier trains on never appear in
 * simulated traffic: {@code test.tsv} and {@code val.tsv} of {@code zh-spam-classes} (minus any
 * template that also occurs in {@code train.tsv}), and the {@link TemplateBucket} test bucket of
 * {@code zh-personal} and {@code zh-sms}. Within a pool, one text per template is kept and texts
 * are ranked by a fixed hash, so the same data always gives the same files.
 *
 * <p>Usage: {@code SampleCorpus DATA_DIR OUT_DIR}.
 */
public final class SampleCorpus {

    static final int NORMAL_COUNT = 1500;
    static final int MARKETING_CLASSES_COUNT = 1200;
    static final int MARKETING_ZH_SMS_COUNT = 300;
    static final int FRAUD_COUNT = 1000;

    /** zh-sms cuts long spam at exactly this many characters, mid-sentence. */
    private static final int ZH_SMS_TRUNCATED_LENGTH = 67;

    /** The only phone number left in zh-personal (its redaction); made a placeholder so it varies. */
    private static final String REDACTED_MOBILE = "13800138000";

    /** The NUS corpus writes some numbers as this token; a placeholder makes them real digits again. */
    private static final String NUS_NUMBER = "<#>";

    private final Path dataDir;

    private SampleCorpus(final Path dataDir) {
        this.dataDir = dataDir;
    }

    public static void main(final String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SampleCorpus DATA_DIR OUT_DIR");
            System.exit(2);
        }
        final Map<String, Integer> counts = new SampleCorpus(Path.of(args[0])).writeAll(Path.of(args[1]));
        counts.forEach((file, count) -> System.out.println(file + ": " + count));
    }

    private Map<String, Integer> writeAll(final Path outDir) throws IOException {
        Files.createDirectories(outDir);
        final Set<String> trainTemplates = new HashSet<>();
        for (final String[] row : spamClasses("train.tsv")) {
            trainTemplates.add(TemplateBucket.norm(row[2]));
        }
        final List<String[]> heldOutClasses = new ArrayList<>(spamClasses("test.tsv"));
        heldOutClasses.addAll(spamClasses("val.tsv"));
        heldOutClasses.removeIf(row -> trainTemplates.contains(TemplateBucket.norm(row[2])));

        final Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("NORMAL.txt", sampleNormal());
        final List<String> marketing = new ArrayList<>(take(classTexts(heldOutClasses, c -> c.startsWith("AD_")),
                MARKETING_CLASSES_COUNT));
        marketing.addAll(take(zhSmsSpam(), MARKETING_ZH_SMS_COUNT));
        files.put("MARKETING.txt", marketing);
        files.put("ADULT.txt", classTexts(heldOutClasses, "IL_Escort_service"::equals));
        files.put("FRAUD.txt", take(classTexts(heldOutClasses, c -> c.startsWith("FR_")
                || c.equals("IL_Gambling") || c.equals("IL_Fake_ID_and_invoice")), FRAUD_COUNT));

        final Map<String, Integer> counts = new LinkedHashMap<>();
        for (final Map.Entry<String, List<String>> file : files.entrySet()) {
            Files.write(outDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            counts.put(file.getKey(), file.getValue().size());
        }
        return counts;
    }

    private List<String> sampleNormal() throws IOException {
        final List<String> texts = column(dataDir.resolve("zh-personal/messages.tsv"), 1).stream()
                .filter(TemplateBucket::isHeldOut)
                .filter(text -> text.codePointCount(0, text.length()) >= 2)
                .map(text -> text.replace(REDACTED_MOBILE, "CELLPHONE").replace(NUS_NUMBER, "DIGIT"))
                .toList();
        return take(ranked(texts), NORMAL_COUNT);
    }

    private List<String> zhSmsSpam() throws IOException {
        final List<String> texts = new ArrayList<>();
        for (final String[] row : rows(dataDir.resolve("zh-sms/messages.tsv"))) {
            final String text = row[1];
            if (row[0].equals("1") && TemplateBucket.isHeldOut(text)
                    && text.length() != ZH_SMS_TRUNCATED_LENGTH && cjkCount(text) >= 6) {
                texts.add(text);
            }
        }
        return ranked(texts);
    }

    private List<String[]> spamClasses(final String split) throws IOException {
        return rows(dataDir.resolve("zh-spam-classes").resolve(split));
    }

    /** Column 3 ({@code text_joined}) of the held-out rows whose class matches, one per template. */
    private static List<String> classTexts(final List<String[]> rows, final Predicate<String> classMatches) {
        return ranked(rows.stream()
                .filter(row -> classMatches.test(row[0]))
                .map(row -> row[2])
                .filter(text -> cjkCount(text) >= 4)
                .toList());
    }

    /** One text per template, ordered by a fixed hash of the template: a reproducible shuffle. */
    private static List<String> ranked(final List<String> texts) {
        final Map<String, String> byTemplate = new LinkedHashMap<>();
        for (final String text : texts) {
            byTemplate.putIfAbsent(TemplateBucket.norm(text), text.strip());
        }
        return byTemplate.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, String> e) -> stableHash(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static List<String> take(final List<String> texts, final int count) {
        return texts.subList(0, Math.min(count, texts.size()));
    }

    /** FNV-1a over UTF-8 with a murmur finalizer: the same on every JVM, unlike String.hashCode spread. */
    static long stableHash(final String text) {
        long hash = 0xcbf29ce484222325L;
        for (final byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }

    private static int cjkCount(final String text) {
        return (int) text.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .count();
    }

    private static List<String> column(final Path file, final int index) throws IOException {
        return rows(file).stream().map(row -> row[index]).toList();
    }

    private static List<String[]> rows(final Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).map(line -> line.split("\t", -1)).toList();
        } catch (final UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
