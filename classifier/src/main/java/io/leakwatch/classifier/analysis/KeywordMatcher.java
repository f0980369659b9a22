package io.leakwatch.classifier.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every occurrence of a fixed set of keywords in folded text, without allocating per call.
 *
 * <p>Written by hand because Lucene has no multi-pattern substring matcher that works on a {@code char[]}
 * outside an index, and the dictionaries here are small (hundreds of keywords): an index on the first
 * character followed by a direct comparison is as fast as Aho-Corasick at this size and much simpler.
 * Keywords made only of ASCII letters and digits match whole words only, so that {@code sm} does not
 * fire inside {@code small}.
 */
public final class KeywordMatcher {
    /** Receives each match. */
    @FunctionalInterface
    public interface Hit {
        void hit(int keywordId, int start, int end);
    }

    private final char[][] keywords;
    private final boolean[] wholeWord;
    private final char[] tableKeys;
    private final int[][] tableIds;
    private final int mask;

    /** @param keywords keywords in any case and width; the id of a keyword is its index in the list */
    public KeywordMatcher(final List<String> keywords) {
        final int n = keywords.size();
        this.keywords = new char[n][];
        this.wholeWord = new boolean[n];
        int size = 16;
        while (size < n * 2) {
            size <<= 1;
        }
        this.mask = size - 1;
        this.tableKeys = new char[size];
        final List<List<Integer>> slots = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            slots.add(null);
        }
        for (int id = 0; id < n; id++) {
            final String folded = CharFold.fold(keywords.get(id).strip());
            this.keywords[id] = folded.toCharArray();
            if (folded.isEmpty()) {
                continue;
            }
            boolean ascii = true;
            for (int j = 0; j < folded.length(); j++) {
                ascii &= CharFold.isAsciiAlnum(folded.charAt(j));
            }
            this.wholeWord[id] = ascii;
            final char first = folded.charAt(0);
            int slot = first & mask;
            while (slots.get(slot) != null && tableKeys[slot] != first) {
                slot = (slot + 1) & mask;
            }
            if (slots.get(slot) == null) {
                slots.set(slot, new ArrayList<>());
                tableKeys[slot] = first;
            }
            slots.get(slot).add(id);
        }
        this.tableIds = new int[size][];
        for (int i = 0; i < size; i++) {
            final List<Integer> ids = slots.get(i);
            tableIds[i] = ids == null ? null : ids.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public int size() {
        return keywords.length;
    }

    /** Reports every match of every keyword in {@code text[0..len)}, which must already be folded. */
    public void scan(final char[] text, final int len, final Hit hit) {
        scan(text, len, hit, false);
    }

    /** Whether any keyword occurs in {@code text[0..len)} (folded); stops at the first match. */
    public boolean any(final char[] text, final int len) {
        return scan(text, len, null, true);
    }

    private boolean scan(final char[] text, final int len, final Hit hit, final boolean firstOnly) {
        for (int i = 0; i < len; i++) {
            final int[] ids = candidates(text[i]);
            if (ids == null) {
                continue;
            }
            for (final int id : ids) {
                final char[] k = keywords[id];
                final int end = i + k.length;
                if (end > len || !regionMatches(text, i, k)) {
                    continue;
                }
                if (wholeWord[id] && !atWordBoundary(text, len, i, end)) {
                    continue;
                }
                if (firstOnly) {
                    return true;
                }
                hit.hit(id, i, end);
            }
        }
        return false;
    }

    private int[] candidates(final char c) {
        int slot = c & mask;
        while (tableIds[slot] != null) {
            if (tableKeys[slot] == c) {
                return tableIds[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    private static boolean regionMatches(final char[] text, final int from, final char[] k) {
        for (int j = 1; j < k.length; j++) {
            if (text[from + j] != k[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean atWordBoundary(final char[] text, final int len, final int start, final int end) {
        final boolean before = start == 0 || !CharFold.isAsciiAlnum(text[start - 1]);
        final boolean after = end >= len || !CharFold.isAsciiAlnum(text[end]);
        return before && after;
    }
}
