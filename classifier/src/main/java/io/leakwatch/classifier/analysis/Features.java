package io.leakwatch.classifier.analysis;

import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a prepared message into hashed features for the linear model.
 *
 * <p>Text features come from Lucene's {@link StandardTokenizer} over the normalised text
 * ({@link TextAnalysis#norm}): UAX#29 word breaks give Latin words, numbers and single ideographs. Chinese
 * gets overlapping character unigrams and bigrams, as Lucene's {@code CJKBigramFilter} with
 * {@code outputUnigrams=true} would produce them (no dictionary segmentation: robust to the already-segmented
 * {@code zh-spam-classes} text, to misspellings and to new words, and an order of magnitude faster than
 * smartcn). The bigrams are formed here rather than by {@code CJKBigramFilter} because that filter captures
 * an attribute {@code State} object per token, which was three quarters of all the memory allocated per
 * message; joining two adjacent single-ideograph tokens needs nothing but their offsets. Latin words of four letters
 * or more also give character trigrams, which catch spelling games ("fr33", "c@ll") and inflections without
 * a stemmer, and adjacent Latin words and number tokens give word pairs ("call qn", "txt stop"), which
 * carry most of what English spam says in few words. Text features are weighted {@code 1/sqrt(n)} so that
 * long and short messages weigh alike, except that {@code n} counts as at least {@link #MIN_NORM}.
 *
 * <p>Structure features (weight 1) describe the SMS around the words: link, signature and its position,
 * opt-out marker, one-time code, mobile/long/short numbers, currency, length bucket, script mix, words in capitals
 * ("FREE", "URGENT": English spam shouts, and the normaliser lower-cases everything else away), and the
 * count of each built-in {@link Cue} (capped at 3). Each is emitted twice: as itself, and conjoined with the
 * message's script bucket ({@code han|signature:none}, {@code latin|len:11-30}). The plain copy is shared by all
 * languages; the conjoined copy lets a structure feature mean something else in English than in Chinese (a
 * missing signature or a short length says little about English spam and much about Chinese chat), which a
 * linear model cannot learn from the plain copy alone ({@code docs/decisions/2026-12-01-sms-features-4.md}).
 *
 * <p>Each feature name is hashed (32-bit FNV-1a, finalised with MurmurHash3's mixer) into {@code 2^bits}
 * buckets; the hash's top bit gives a sign, so colliding features tend to cancel rather than add up.
 */
public final class Features {
    /** Changes whenever the features change in a way that invalidates trained models. */
    public static final String VERSION = "sms-features-7";

    private static final int SEED_TERM = 0x5bd1e995;
    private static final int SEED_GRAM = 0x27d4eb2f;
    private static final int SEED_STATIC = 0x165667b1;
    private static final int MAX_TOKEN = 64;
    /**
     * Text features are weighted {@code 1/sqrt(max(n, MIN_NORM))}: with plain {@code 1/sqrt(n)} the one unigram of a
     * one-character reply counted ten times what it counts in the long messages it was learnt from, and "行" (OK)
     * was FRAUD for the 行 of 银行 in phishing ({@code docs/decisions/2026-12-02-sms-features-6.md}).
     */
    private static final int MIN_NORM = 4;

    private static final List<String> STATIC_NAMES = new ArrayList<>();
    private static final int[] STATIC_HASH;
    private static final int S_URL;
    private static final int S_SIG_START;
    private static final int S_SIG_END;
    private static final int S_NO_SIG;
    private static final int S_OPT_OUT;
    private static final int S_OTP;
    private static final int S_OTP_KEYWORD;
    private static final int S_MOBILE;
    private static final int S_LONG_NUMBER;
    private static final int S_SHORT_CODE;
    private static final int S_CURRENCY;
    private static final int S_LENGTH;
    private static final int S_SCRIPT;
    private static final int S_CUE;
    private static final int S_CAPS;
    private static final int S_BIAS;
    /** Number of structure features before their copies conjoined with the script bucket. */
    private static final int BASE_STATICS;
    private static final String[] LENGTH_BUCKETS = {"len:0-10", "len:11-30", "len:31-70", "len:71-140", "len:141+"};
    private static final String[] CAPS_BUCKETS = {"caps:1", "caps:2-3", "caps:4+"};
    private static final String[] SCRIPT_BUCKETS = {"script:none", "script:latin", "script:han", "script:mixed"};

    static {
        S_URL = declare("has:link");
        S_SIG_START = declare("signature:start");
        S_SIG_END = declare("signature:end");
        S_NO_SIG = declare("signature:none");
        S_OPT_OUT = declare("has:opt-out");
        S_OTP = declare("has:otp-code");
        S_OTP_KEYWORD = declare("has:otp-keyword");
        S_MOBILE = declare("has:mobile-number");
        S_LONG_NUMBER = declare("has:long-number");
        S_SHORT_CODE = declare("has:4-6-digits");
        S_CURRENCY = declare("has:currency");
        S_LENGTH = STATIC_NAMES.size();
        for (final String b : LENGTH_BUCKETS) {
            declare(b);
        }
        S_SCRIPT = STATIC_NAMES.size();
        for (final String b : SCRIPT_BUCKETS) {
            declare(b);
        }
        S_CAPS = STATIC_NAMES.size();
        for (final String b : CAPS_BUCKETS) {
            declare(b);
        }
        S_CUE = STATIC_NAMES.size();
        for (final Cue cue : Cue.VALUES) {
            for (int n = 1; n <= 3; n++) {
                declare("cue:" + cue.name().toLowerCase(Locale.ROOT) + (n == 3 ? "=3+" : "=" + n));
            }
        }
        S_BIAS = declare("bias");
        BASE_STATICS = STATIC_NAMES.size();
        for (final String script : SCRIPT_BUCKETS) {
            for (int id = 0; id < BASE_STATICS; id++) {
                declare(script.substring("script:".length()) + "|" + STATIC_NAMES.get(id));
            }
        }
        STATIC_HASH = new int[STATIC_NAMES.size()];
        for (int i = 0; i < STATIC_HASH.length; i++) {
            final char[] c = STATIC_NAMES.get(i).toCharArray();
            STATIC_HASH[i] = hash(SEED_STATIC, c, 0, c.length);
        }
    }

    private final int bits;
    private final int mask;

    /** Lucene analysis chain, reused for every message of one thread. */
    private final ReusableReader reader = new ReusableReader();
    private final StandardTokenizer tokenizer = new StandardTokenizer();
    private final CharTermAttribute term;
    private final OffsetAttribute offset;
    private final TypeAttribute type;
    private final char[] bigram = new char[4];
    private int prevIdeographLength;
    private int prevIdeographEnd = -1;
    private final int[] cueCounts = new int[Cue.VALUES.length];

    /** One extractor per thread: it holds Lucene's token stream. */
    public Features(final int bits) {
        if (bits < 10 || bits > 26) {
            throw new IllegalArgumentException("hash bits must be in 10..26, was " + bits);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        tokenizer.setMaxTokenLength(MAX_TOKEN);
        term = tokenizer.addAttribute(CharTermAttribute.class);
        offset = tokenizer.addAttribute(OffsetAttribute.class);
        type = tokenizer.addAttribute(TypeAttribute.class);
    }

    public int bits() {
        return bits;
    }

    private static int declare(final String name) {
        STATIC_NAMES.add(name);
        return STATIC_NAMES.size() - 1;
    }

    static String staticName(final int id) {
        return STATIC_NAMES.get(id);
    }

    /**
     * Fills {@code out} with the features of {@code text}.
     *
     * @param signatureAtStart whether the message opens with a signature
     * @param hasSignature     whether it has one at all
     */
    public void extract(final TextAnalysis text, final boolean hasSignature, final boolean signatureAtStart,
                        final CueLexicon cues, final FeatureVector out) {
        out.clear();
        addTextFeatures(text, out);
        addStructure(text, hasSignature, signatureAtStart, cues, out);
    }

    private void addTextFeatures(final TextAnalysis text, final FeatureVector out) {
        reader.reset(text.norm, text.normLength);
        try {
            tokenizer.setReader(reader);
            tokenizer.reset();
            prevIdeographEnd = -1;
            prevWordLength = 0;
            while (tokenizer.incrementToken() && !out.full()) {
                final char[] t = term.buffer();
                final int len = term.length();
                addHashed(out, hash(SEED_TERM, t, 0, len), t, len);
                if (isSingleCharacterScript(type.type())) {
                    addBigram(out, t, len);
                    prevWordLength = 0;
                } else {
                    prevIdeographEnd = -1;
                    if (len >= 4 && CharFold.isAsciiLetter(t[0])) {
                        addTrigrams(out, t, len);
                    }
                    addWordPair(out, t, len);
                }
            }
            tokenizer.end();
        } catch (final IOException e) {
            throw new UncheckedIOException("reading from a char array cannot fail", e);
        } finally {
            closeQuietly();
        }
        final int n = out.size;
        if (n > 0) {
            final float w = (float) (1.0 / Math.sqrt(Math.max(n, MIN_NORM)));
            for (int i = 0; i < n; i++) {
                out.value[i] *= w;
            }
        }
    }

    private void closeQuietly() {
        try {
            tokenizer.close();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final char[] gram = new char[5];

    private static boolean isSingleCharacterScript(final String tokenType) {
        // StandardTokenizer's type strings are interned constants
        return tokenType == IDEOGRAPHIC || tokenType == HIRAGANA || tokenType == KATAKANA;
    }

    private static final String IDEOGRAPHIC = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
    private static final String HIRAGANA = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA];
    private static final String KATAKANA = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA];

    /** The bigram of this ideograph with the previous one when they touch (nothing between them). */
    private void addBigram(final FeatureVector out, final char[] t, final int len) {
        if (len > 2) {
            prevIdeographEnd = -1;
            return;
        }
        if (prevIdeographEnd == offset.startOffset() && !out.full()) {
            System.arraycopy(t, 0, bigram, prevIdeographLength, len);
            addHashed(out, hash(SEED_TERM, bigram, 0, prevIdeographLength + len), bigram, prevIdeographLength + len);
        }
        System.arraycopy(t, 0, bigram, 0, len);
        prevIdeographLength = len;
        prevIdeographEnd = offset.endOffset();
    }

    private final char[] wordPair = new char[2 * MAX_TOKEN + 1];
    private int prevWordLength;

    /** The pair of this word with the previous one (Latin text, numbers): "call now", "txt stop". */
    private void addWordPair(final FeatureVector out, final char[] t, final int len) {
        if (prevWordLength > 0 && !out.full()) {
            wordPair[prevWordLength] = ' ';
            System.arraycopy(t, 0, wordPair, prevWordLength + 1, len);
            final int n = prevWordLength + 1 + len;
            addHashed(out, hash(SEED_GRAM, wordPair, 0, n), wordPair, n);
        }
        System.arraycopy(t, 0, wordPair, 0, len);
        prevWordLength = len;
    }

    /** Character trigrams of a Latin word, with {@code _} marking the word's ends. */
    private void addTrigrams(final FeatureVector out, final char[] t, final int len) {
        for (int i = -1; i + 2 <= len && !out.full(); i++) {
            gram[0] = i < 0 ? '_' : t[i];
            gram[1] = t[i + 1];
            gram[2] = i + 2 < len ? t[i + 2] : '_';
            addHashed(out, hash(SEED_GRAM, gram, 0, 3), gram, 3);
        }
    }

    private void addHashed(final FeatureVector out, final int h, final char[] name, final int len) {
        out.addTerm(h & mask, h < 0 ? -1f : 1f, name, len);
    }

    /** Script bucket of the message being extracted (index into {@link #SCRIPT_BUCKETS}). */
    private int script;

    /** Adds structure feature {@code id} and its copy conjoined with the message's script bucket. */
    private void addStatic(final FeatureVector out, final int id) {
        addStaticOnce(out, id);
        addStaticOnce(out, BASE_STATICS * (1 + script) + id);
    }

    private void addStaticOnce(final FeatureVector out, final int id) {
        if (!out.full()) {
            final int h = STATIC_HASH[id];
            out.addStatic(h & mask, h < 0 ? -1f : 1f, id);
        }
    }

    private void addStructure(final TextAnalysis t, final boolean hasSignature, final boolean signatureAtStart,
                              final CueLexicon cues, final FeatureVector out) {
        script = t.hanChars > 0 ? (t.latinChars > t.hanChars ? 3 : 2) : t.latinChars > 0 ? 1 : 0;
        addStatic(out, S_BIAS);
        if (t.hasUrl) {
            addStatic(out, S_URL);
        }
        addStatic(out, !hasSignature ? S_NO_SIG : signatureAtStart ? S_SIG_START : S_SIG_END);
        if (t.optOut) {
            addStatic(out, S_OPT_OUT);
        }
        if (t.otp) {
            addStatic(out, S_OTP);
        }
        if (t.otpKeyword()) {
            addStatic(out, S_OTP_KEYWORD);
        }
        if (t.hasMobile) {
            addStatic(out, S_MOBILE);
        }
        if (t.hasLongNumber) {
            addStatic(out, S_LONG_NUMBER);
        }
        if (t.hasShortCode) {
            addStatic(out, S_SHORT_CODE);
        }
        if (t.hasCurrency) {
            addStatic(out, S_CURRENCY);
        }
        addStatic(out, S_LENGTH + lengthBucket(t.originalLength));
        addStaticOnce(out, S_SCRIPT + script);
        if (t.capsWords > 0) {
            // English spam shouts; an exclamation-mark count was left out, real notices exclaim too
            // (docs/decisions/2026-12-01-sms-features-4.md)
            addStatic(out, S_CAPS + (t.capsWords == 1 ? 0 : t.capsWords <= 3 ? 1 : 2));
        }
        java.util.Arrays.fill(cueCounts, 0);
        cues.count(t, cueCounts);
        for (int c = 0; c < cueCounts.length; c++) {
            if (cueCounts[c] > 0) {
                addStatic(out, S_CUE + c * 3 + Math.min(cueCounts[c], 3) - 1);
            }
        }
    }

    /** Cue counts of the last {@link #extract} call. */
    public int[] cueCounts() {
        return cueCounts;
    }

    private static int lengthBucket(final int n) {
        if (n <= 10) {
            return 0;
        }
        if (n <= 30) {
            return 1;
        }
        if (n <= 70) {
            return 2;
        }
        return n <= 140 ? 3 : 4;
    }

    static int hash(final int seed, final char[] s, final int from, final int to) {
        int h = 0x811c9dc5 ^ seed;
        for (int i = from; i < to; i++) {
            h ^= s[i];
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** A {@link Reader} over a char array that can be pointed at new content without allocating. */
    private static final class ReusableReader extends Reader {
        private char[] chars = new char[0];
        private int length;
        private int pos;

        void reset(final char[] c, final int len) {
            this.chars = c;
            this.length = len;
            this.pos = 0;
        }

        @Override
        public int read(final char[] cbuf, final int off, final int len) {
            if (pos >= length) {
                return -1;
            }
            final int n = Math.min(len, length - pos);
            System.arraycopy(chars, pos, cbuf, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            pos = length;
        }
    }
}
