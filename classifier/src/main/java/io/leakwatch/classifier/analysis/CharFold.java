package io.leakwatch.classifier.analysis;

/**
 * Per-character folding shared by every step that compares text: full-width ASCII to half-width, the
 * ideographic space to a space, and lower case. Locale-independent by construction.
 */
public final class CharFold {
    private CharFold() {
    }

    public static char fold(final char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) {
            final char half = (char) (c - 0xFEE0);
            return half >= 'A' && half <= 'Z' ? (char) (half + 32) : half;
        }
        if (c == 0x3000 || c == 0x00A0) {
            return ' ';
        }
        if (Character.isSurrogate(c)) {
            return c;
        }
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : c;
    }

    /** Folds a whole string (slow path, for building dictionaries and rules). */
    public static String fold(final CharSequence s) {
        final StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(fold(s.charAt(i)));
        }
        return b.toString();
    }

    public static boolean isAsciiDigit(final char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isAsciiLetter(final char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public static boolean isAsciiAlnum(final char c) {
        return isAsciiDigit(c) || isAsciiLetter(c);
    }

    /** CJK unified ideographs (basic block and extension A) and compatibility ideographs. */
    public static boolean isHan(final char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
    }
}
