package io.leakwatch.classifier.eval;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.Classification;
import io.leakwatch.classifier.SmsClassifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Scores the classifier on a solicitation set: hand-written short spam (escort, dating, gambling, loans, fake
 * invoices, impersonation, stock tips, phishing, promotions) and the notices and personal messages it must not be
 * confused with. A file is TSV with a header row {@code category<TAB>text}; {@code category} is
 * {@code EXPECTED:kind}, the project category the message should get and what kind of message it is. Spam is a
 * message whose expected category {@link Category#isSpam() is spam}; it is caught when the classifier calls it any
 * spam category. Messages are classified with no sender.
 */
public final class Solicitation {
    private static final String HEADER = "category\ttext";

    private Solicitation() {
    }

    /** One message of the set. */
    public record Message(Category expected, String kind, String text) {
        public boolean spam() {
            return expected.isSpam();
        }

        /** {@code EXPECTED:kind}, as in the file. */
        public String label() {
            return expected.name() + ":" + kind;
        }
    }

    /** A message the classifier got wrong at the binary spam level, with what it said. */
    public record Miss(Message message, Classification predicted) {
    }

    /** Binary spam counts, overall and per {@code EXPECTED:kind}, plus exact-category agreement. */
    public static final class Results {
        private final Map<String, long[]> byLabel = new TreeMap<>();
        private long caught;
        private long spam;
        private long falseAlarms;
        private long negatives;
        private long exact;
        private long total;

        void add(final Message m, final Category predicted) {
            final boolean flagged = predicted.isSpam();
            final long[] counts = byLabel.computeIfAbsent(m.label(), k -> new long[2]);
            counts[1]++;
            if (flagged) {
                counts[0]++;
            }
            if (m.spam()) {
                spam++;
                caught += flagged ? 1 : 0;
            } else {
                negatives++;
                falseAlarms += flagged ? 1 : 0;
            }
            total++;
            exact += predicted == m.expected() ? 1 : 0;
        }

        /** Share of spam messages called MARKETING, ADULT or FRAUD. */
        public double spamRecall() {
            return spam == 0 ? Double.NaN : (double) caught / spam;
        }

        /** Share of the messages called spam that are spam. */
        public double spamPrecision() {
            final long flagged = caught + falseAlarms;
            return flagged == 0 ? Double.NaN : (double) caught / flagged;
        }

        /** Share of notices and personal messages called spam. */
        public double falseAlarmRate() {
            return negatives == 0 ? Double.NaN : (double) falseAlarms / negatives;
        }

        /** Share of all messages given exactly their expected category. */
        public double exactAgreement() {
            return total == 0 ? Double.NaN : (double) exact / total;
        }

        /** Share of the messages of one {@code EXPECTED:kind} called spam. */
        public double flaggedShare(final String label) {
            final long[] counts = byLabel.get(label);
            return counts == null ? Double.NaN : (double) counts[0] / counts[1];
        }

        public long spamCount() {
            return spam;
        }

        public long negativeCount() {
            return negatives;
        }
    }

    /** Reads a set; fails on a missing header, a line without a TAB or an unknown category, naming the line. */
    public static List<Message> load(final Path file) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException(file + ": the first line must be the header \"category<TAB>text\"");
        }
        final List<Message> messages = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            final String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            messages.add(parse(file, i + 1, line));
        }
        return messages;
    }

    private static Message parse(final Path file, final int lineNo, final String line) {
        final int tab = line.indexOf('\t');
        final int colon = tab < 0 ? -1 : line.lastIndexOf(':', tab);
        if (tab < 0 || colon < 0) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": expected EXPECTED:kind<TAB>text");
        }
        final Category expected;
        try {
            expected = Category.valueOf(line.substring(0, colon));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": unknown category " + line.substring(0, colon), e);
        }
        return new Message(expected, line.substring(colon + 1, tab), line.substring(tab + 1));
    }

    /** Classifies every message; each one called spam or not wrongly goes to {@code misses}. */
    public static Results score(final SmsClassifier classifier, final List<Message> messages,
                                final Consumer<Miss> misses) {
        final Results r = new Results();
        for (final Message m : messages) {
            final Classification c = classifier.classify(m.text(), null);
            r.add(m, c.category());
            if (c.category().isSpam() != m.spam()) {
                misses.accept(new Miss(m, c));
            }
        }
        return r;
    }

    /** Markdown: spam recall and precision, then the share called spam per kind. */
    public static void print(final String name, final Results r, final PrintStream out) {
        out.printf(Locale.ROOT, "## Solicitation set %s (%d spam, %d notices and personal messages)%n%n",
            name, r.spam, r.negatives);
        out.println("| metric | value |");
        out.println("|---|---:|");
        out.printf(Locale.ROOT, "| spam recall | %.3f (%d/%d) |%n", r.spamRecall(), r.caught, r.spam);
        out.printf(Locale.ROOT, "| spam precision | %.3f (%d/%d) |%n", r.spamPrecision(), r.caught,
            r.caught + r.falseAlarms);
        out.printf(Locale.ROOT, "| negatives called spam | %.3f (%d/%d) |%n", r.falseAlarmRate(), r.falseAlarms,
            r.negatives);
        out.printf(Locale.ROOT, "| exact category | %.3f (%d/%d) |%n%n", r.exactAgreement(), r.exact, r.total);
        out.println("| kind | n | called spam | share |");
        out.println("|---|---:|---:|---:|");
        r.byLabel.forEach((label, counts) -> out.printf(Locale.ROOT, "| %s | %d | %d | %.3f |%n",
            label, counts[1], counts[0], (double) counts[0] / counts[1]));
        out.println();
        out.println("For spam kinds the share is the recall; for the others it is the share wrongly called spam.");
    }
}
