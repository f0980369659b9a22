package io.leakwatch.classifier.train;

import java.util.Locale;

/**
 * The fixed data split. {@code zh-spam-classes} keeps its own train/val/test files; every other corpus is split
 * by template: the text with every run of digits (ASCII or full-width) and every standalone run of an
 * {@code x}/{@code X} mask replaced by {@code 0}, whitespace removed and lower-cased; its
 * {@code String.hashCode()} modulo 10 gives the bucket: 0-1 test, 2 validation, 3-9 train. One template
 * (or one duplicated text) therefore never sits on both sides.
 */
public enum Split {
    TRAIN, VALIDATION, TEST;

    public static Split ofTemplate(final String text) {
        final int bucket = Math.floorMod(templateKey(text).hashCode(), 10);
        return bucket <= 1 ? TEST : bucket == 2 ? VALIDATION : TRAIN;
    }

    /** The template key described above. */
    public static String templateKey(final String text) {
        final StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        final int n = text.length();
        while (i < n) {
            final char c = text.charAt(i);
            if (isDigit(c)) {
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
                b.append('0');
                continue;
            }
            if ((c == 'x' || c == 'X') && !isAsciiLetter(i > 0 ? text.charAt(i - 1) : ' ')) {
                int j = i;
                while (j < n && (text.charAt(j) == 'x' || text.charAt(j) == 'X')) {
                    j++;
                }
                if (!isAsciiLetter(j < n ? text.charAt(j) : ' ')) {
                    b.append('0');
                    i = j;
                    continue;
                }
                b.append(text, i, j);
                i = j;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                b.append(c);
            }
            i++;
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isDigit(final char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    private static boolean isAsciiLetter(final char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
