package io.leakwatch.simulator.corpus;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The held-out rule for corpora without a given split ({@code zh-personal}, {@code zh-sms}).
 *
 * <p>Messages that differ only in their numbers are one template, so the bucket is taken on a
 * normalized text: every run of ASCII or full-width digits and every standalone run of
 * {@code x}/{@code X} mask characters (not touching an ASCII letter on either side) becomes
 * {@code "0"} in one left-to-right pass, then every character for which
 * {@link Character#isWhitespace(int)} holds is removed, then the text is lower-cased with
 * {@link Locale#ROOT}. A text is held out (bucket "test") when
 * {@code Math.floorMod(norm.hashCode(), 10) < 2}. The classifier uses the same rule to decide what
 * it may train on, so the simulator only ever samples texts the classifier has not seen.
 */
public final class TemplateBucket {

    private static final Pattern MASKS = Pattern.compile("[0-9０-９]+|(?<![A-Za-z])[xX]+(?![A-Za-z])");

    private TemplateBucket() {
    }

    /** The normalized template of a text. */
    public static String norm(final String text) {
        final String masked = MASKS.matcher(text).replaceAll("0");
        final StringBuilder out = new StringBuilder(masked.length());
        masked.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** 0..9; buckets 0 and 1 are held out for testing. */
    public static int bucket(final String text) {
        return Math.floorMod(norm(text).hashCode(), 10);
    }

    /** Whether a text belongs to the held-out (test) part of a corpus without a given split. */
    public static boolean isHeldOut(final String text) {
        return bucket(text) < 2;
    }
}
