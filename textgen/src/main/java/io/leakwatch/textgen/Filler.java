package io.leakwatch.textgen;

import java.util.function.UnaryOperator;

/**
 * Fills the slots of a template: a slot is a name in braces, {@code {name}}, the one placeholder syntax of every
 * template LeakWatch writes. {@code slots} gives each slot's value; a value that holds slots is filled in turn, up
 * to {@link #MAX_DEPTH} levels. Text outside braces is copied as is.
 */
public final class Filler {
    /** How deep values may nest slots before the template is taken as circular. */
    public static final int MAX_DEPTH = 8;

    private Filler() {
    }

    /** {@code template} with every slot replaced by its value. */
    public static String fill(final String template, final UnaryOperator<String> slots) {
        return fill(template, slots, false, 0);
    }

    /**
     * As {@link #fill(String, UnaryOperator)}; with {@code spaceAfterDigit}, a value that starts with an ASCII
     * letter or digit right after an ASCII digit gets a space before it, so that two numbers do not run into one.
     */
    public static String fill(final String template, final UnaryOperator<String> slots, final boolean spaceAfterDigit) {
        return fill(template, slots, spaceAfterDigit, 0);
    }

    private static String fill(final String template, final UnaryOperator<String> slots, final boolean spaceAfterDigit,
                               final int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("slots nest deeper than " + MAX_DEPTH + " levels in " + template);
        }
        final StringBuilder b = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            final char ch = template.charAt(i);
            if (ch != '{') {
                b.append(ch);
                i++;
                continue;
            }
            final int end = template.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed slot in " + template);
            }
            final String raw = slots.apply(template.substring(i + 1, end));
            final String value = raw.indexOf('{') >= 0 ? fill(raw, slots, spaceAfterDigit, depth + 1) : raw;
            if (spaceAfterDigit && !value.isEmpty() && !b.isEmpty() && isAsciiDigit(b.charAt(b.length() - 1))
                && (isAsciiDigit(value.charAt(0)) || isAsciiLetter(value.charAt(0)))) {
                b.append(' ');
            }
            b.append(value);
            i = end + 1;
        }
        return b.toString();
    }

    private static boolean isAsciiDigit(final char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean isAsciiLetter(final char ch) {
        return ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z';
    }
}
