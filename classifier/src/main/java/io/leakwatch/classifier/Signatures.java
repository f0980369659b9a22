package io.leakwatch.classifier;

/**
 * Extracts the sender signature that Chinese A2P SMS must carry: {@code 【招商银行】} at the start or the end of
 * the text. Also accepted: {@code [..]}, full-width {@code ［..］} and {@code 〖..〗}, because gateways and
 * users rewrite the brackets.
 */
public final class Signatures {
    private static final int MAX_SIGNATURE = 24;
    private static final String OPEN = "【[［〖";
    private static final String CLOSE = "】]］〗";

    private Signatures() {
    }

    /** The signature without brackets and surrounding spaces, or null when the text has none. */
    public static String extract(final String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        final String atStart = atStart(text);
        return atStart != null ? atStart : atEnd(text);
    }

    /** The signature when it opens the text (after spaces and a part marker such as {@code (1/2)}), else null. */
    public static String atStart(final String text) {
        if (text == null) {
            return null;
        }
        int i = skipLeading(text);
        if (i >= text.length()) {
            return null;
        }
        final int kind = OPEN.indexOf(text.charAt(i));
        if (kind < 0) {
            return null;
        }
        final int limit = Math.min(text.length(), i + 1 + MAX_SIGNATURE + 1);
        for (int j = i + 1; j < limit; j++) {
            final char c = text.charAt(j);
            if (c == CLOSE.charAt(kind)) {
                return clean(text, i + 1, j);
            }
            if (OPEN.indexOf(c) >= 0) {
                return null;
            }
        }
        return null;
    }

    private static String atEnd(final String text) {
        int j = text.length() - 1;
        while (j >= 0 && isTrailingNoise(text.charAt(j))) {
            j--;
        }
        if (j < 0) {
            return null;
        }
        final int kind = CLOSE.indexOf(text.charAt(j));
        if (kind < 0) {
            return null;
        }
        final int limit = Math.max(-1, j - 1 - MAX_SIGNATURE - 1);
        for (int i = j - 1; i > limit; i--) {
            final char c = text.charAt(i);
            if (c == OPEN.charAt(kind)) {
                return clean(text, i + 1, j);
            }
            if (CLOSE.indexOf(c) >= 0) {
                return null;
            }
        }
        return null;
    }

    /** Leading spaces and a part marker such as {@code (1/2)}. */
    private static int skipLeading(final String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '(' || text.charAt(i) == '（')) {
            int j = i + 1;
            while (j < text.length() && j < i + 8 && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '/')) {
                j++;
            }
            if (j < text.length() && j > i + 1 && (text.charAt(j) == ')' || text.charAt(j) == '）')) {
                i = j + 1;
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    private static boolean isTrailingNoise(final char c) {
        return Character.isWhitespace(c) || c == '。' || c == '.' || c == '!' || c == '！' || c == '~';
    }

    private static String clean(final String text, final int from, final int to) {
        final String s = text.substring(from, to).strip();
        if (s.isEmpty()) {
            return null;
        }
        boolean meaningful = false;
        for (int k = 0; k < s.length(); k++) {
            final char c = s.charAt(k);
            meaningful |= Character.isLetter(c);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !validSurrogateAt(s, k)) {
                return null;
            }
        }
        return meaningful ? s : null;
    }

    private static boolean validSurrogateAt(final String s, final int k) {
        final char c = s.charAt(k);
        if (Character.isHighSurrogate(c)) {
            return k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1));
        }
        return k > 0 && Character.isHighSurrogate(s.charAt(k - 1));
    }
}
