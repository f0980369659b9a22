package io.leakwatch.classifier.analysis;

/**
 * One message, prepared for every later step in a single pass over its first {@link #MAX_CHARS} characters.
 *
 * <ul>
 *   <li>{@link #folded}: full-width folded to half-width, lower case (same length as the input prefix);</li>
 *   <li>{@link #norm}: the folded text with entities rewritten as tokens: links become {@code qurl}, every
 *       run of digits <em>or of {@code x} used as a mask</em> becomes one token by length ({@code qn} 1-3,
 *       {@code qc} 4-6, {@code qd} 7-8, {@code qm} 11 (a mobile number), {@code ql} other long numbers).
 *       Treating masks and digits alike is what keeps a model from learning the {@code zh-sms} label leak
 *       (its spam had every digit replaced by {@code x}).</li>
 *   <li>flags: link, one-time code, opt-out marker, currency, counts of scripts.</li>
 * </ul>
 *
 * <p>Instances are mutable scratch space, reused per thread: not thread-safe, allocation-free after warm-up.
 *
 * <p>Over 400 lines: links, entity rewriting, cues and the campaign fingerprint read and write the same scratch
 * arrays in one pass per message, on the classifier's hot path; split, they would share them through another
 * object's fields.
 */
public final class TextAnalysis {
    /** Only this many leading characters are analysed; a 100 KB text costs as much as a 4 KB one. */
    public static final int MAX_CHARS = 4096;

    public static final String URL_TOKEN = "qurl";

    private static final int MAX_RUNS = 128;
    private static final int OTP_WINDOW_BEFORE = 24;
    private static final int OTP_WINDOW_AFTER = 32;
    private static final String[] TLDS = {
        "com", "cn", "net", "org", "cc", "me", "top", "vip", "xyz", "io", "co", "uk", "info", "biz", "tk", "la",
        "tv", "wang", "club", "hk", "ly", "gl", "ink", "site", "shop", "online", "app",
    };

    public final char[] folded = new char[MAX_CHARS];
    public int length;
    public final char[] norm = new char[MAX_CHARS * 4];
    public int normLength;

    public boolean hasUrl;
    public boolean otp;
    public boolean optOut;
    public boolean hasCurrency;
    public boolean hasMobile;
    public boolean hasLongNumber;
    public boolean hasShortCode;
    public int numberRuns;
    public int hanChars;
    public int latinChars;
    public int originalLength;
    /** Words of two or more capital Latin letters ("FREE", "URGENT", "T&C" does not count); shouting. */
    public int capsWords;

    private final boolean[] inUrl = new boolean[MAX_CHARS];
    private final boolean[] inNumber = new boolean[MAX_CHARS];
    private final char[] skeleton = new char[MAX_CHARS];
    private final int[] runStart = new int[MAX_RUNS];
    private final int[] runLength = new int[MAX_RUNS];
    private int runs;
    private boolean otpKeyword;
    private boolean groupInvite;
    private final KeywordMatcher.Hit cueHit = this::onCue;

    /** Prepares {@code text} (null is treated as empty). */
    public TextAnalysis analyse(final String text) {
        reset();
        if (text == null) {
            return this;
        }
        originalLength = text.length();
        length = Math.min(text.length(), MAX_CHARS);
        int capsRun = 0;
        for (int i = 0; i < length; i++) {
            final char raw = text.charAt(i);
            final char c = CharFold.fold(raw);
            folded[i] = c;
            if (raw >= 'A' && raw <= 'Z' || raw >= 'Ａ' && raw <= 'Ｚ') {
                capsRun++;
            } else {
                if (capsRun >= 2 && !CharFold.isAsciiLetter(c)) {
                    capsWords++;
                }
                // a small letter makes the word mixed case: none of its capitals may count until a non-letter
                capsRun = CharFold.isAsciiLetter(c) ? -length : 0;
            }
            if (CharFold.isHan(c)) {
                hanChars++;
            } else if (CharFold.isAsciiLetter(c)) {
                latinChars++;
            } else if (c == '£' || c == '$' || c == '€' || c == '¥' || c == '￥' || c == '元') {
                hasCurrency = true;
            }
        }
        if (capsRun >= 2) {
            capsWords++;
        }
        markUrls();
        rewrite();
        Cues.MATCHER.scan(folded, length, cueHit);
        otp &= !groupInvite;
        return this;
    }

    private void reset() {
        length = 0;
        normLength = 0;
        hasUrl = false;
        otp = false;
        optOut = false;
        hasCurrency = false;
        hasMobile = false;
        hasLongNumber = false;
        hasShortCode = false;
        numberRuns = 0;
        hanChars = 0;
        latinChars = 0;
        originalLength = 0;
        capsWords = 0;
        runs = 0;
        otpKeyword = false;
        groupInvite = false;
    }

    // --- links -------------------------------------------------------------------------------------------

    private void markUrls() {
        java.util.Arrays.fill(inUrl, 0, length, false);
        java.util.Arrays.fill(inNumber, 0, length, false);
        int i = 0;
        while (i < length) {
            final int start = urlStartAt(i);
            if (start < 0) {
                i++;
                continue;
            }
            int end = i;
            while (end < length && isUrlChar(folded[end])) {
                end++;
            }
            for (int j = start; j < end; j++) {
                inUrl[j] = true;
            }
            hasUrl = true;
            i = Math.max(end, i + 1);
        }
    }

    /** Start of a link that position {@code i} proves, or -1. */
    private int urlStartAt(final int i) {
        final char c = folded[i];
        if ((c == 'h' && (startsWith(i, "http://") || startsWith(i, "https://"))) || (c == 'w' && startsWith(i, "www."))) {
            return i;
        }
        if (c == '.' && i > 0 && CharFold.isAsciiAlnum(folded[i - 1]) && tldFollows(i + 1)) {
            int start = i;
            while (start > 0 && (CharFold.isAsciiAlnum(folded[start - 1]) || folded[start - 1] == '-'
                    || folded[start - 1] == '.')) {
                start--;
            }
            return start;
        }
        return -1;
    }

    private boolean tldFollows(final int from) {
        for (final String tld : TLDS) {
            final int end = from + tld.length();
            if (end <= length && startsWith(from, tld) && (end == length || !CharFold.isAsciiLetter(folded[end]))) {
                return true;
            }
        }
        return false;
    }

    private boolean startsWith(final int from, final String s) {
        if (from + s.length() > length) {
            return false;
        }
        for (int j = 0; j < s.length(); j++) {
            if (folded[from + j] != s.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUrlChar(final char c) {
        return CharFold.isAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '/'
            || c == '?' || c == '#' || c == '@' || c == '&' || c == '=' || c == '%' || c == '+';
    }

    // --- entity rewriting ----------------------------------------------------------------------------------

    private void rewrite() {
        int i = 0;
        while (i < length) {
            if (inUrl[i]) {
                while (i < length && inUrl[i]) {
                    i++;
                }
                emitToken(URL_TOKEN);
                continue;
            }
            final char c = folded[i];
            if (isNumberChar(c) && (!letterBefore(i) || maskRun(i))) {
                int end = i;
                boolean digit = false;
                while (end < length && isNumberChar(folded[end]) && !inUrl[end]) {
                    digit |= CharFold.isAsciiDigit(folded[end]);
                    end++;
                }
                if (digit || end - i >= 2 || end >= length || !CharFold.isAsciiLetter(folded[end])) {
                    emitNumber(i, end - i);
                    i = end;
                    continue;
                }
            } else if (CharFold.isAsciiDigit(c)) {
                int end = i;
                while (end < length && CharFold.isAsciiDigit(folded[end])) {
                    end++;
                }
                emitNumber(i, end - i);
                i = end;
                continue;
            }
            put(c);
            i++;
        }
    }

    private static boolean isNumberChar(final char c) {
        return CharFold.isAsciiDigit(c) || c == 'x';
    }

    /**
     * Two or more {@code x} in a row are a mask even inside a word: {@code zh-sms} masked "500ml" as "xxxml" and
     * "win10" as "winxx", and real digits there are numbers ({@code qn ml}), so the masked form must be one too. A
     * single {@code x} beside a letter stays a letter ("box", "wx").
     */
    private boolean maskRun(final int i) {
        return folded[i] == 'x' && i + 1 < length && folded[i + 1] == 'x' && !inUrl[i + 1];
    }

    private boolean letterBefore(final int i) {
        return i > 0 && CharFold.isAsciiLetter(folded[i - 1]) && !inUrl[i - 1];
    }

    private void emitNumber(final int start, final int len) {
        numberRuns++;
        java.util.Arrays.fill(inNumber, start, start + len, true);
        for (int j = start; j < start + len; j++) {
            if (folded[j] == 'x') {
                latinChars--; // a mask is a number, not Latin text: the script mix must not see it either
            }
        }
        if (runs < MAX_RUNS) {
            runStart[runs] = start;
            runLength[runs] = len;
            runs++;
        }
        final String token;
        if (len <= 3) {
            token = "qn";
        } else if (len <= 6) {
            token = "qc";
            hasShortCode = true;
        } else if (len <= 8) {
            token = "qd";
        } else if (len == 11 && (folded[start] == '1' || folded[start] == 'x')) {
            token = "qm";
            hasMobile = true;
        } else {
            token = "ql";
            hasLongNumber = true;
        }
        emitToken(token);
    }

    private void emitToken(final String token) {
        put(' ');
        for (int j = 0; j < token.length(); j++) {
            put(token.charAt(j));
        }
        put(' ');
    }

    private void put(final char c) {
        if (normLength < norm.length) {
            norm[normLength++] = c;
        }
    }

    // --- cues ------------------------------------------------------------------------------------------------

    private void onCue(final int id, final int start, final int end) {
        switch (Cues.KIND[id]) {
            case Cues.OTP -> {
                otpKeyword = true;
                if (!otp) {
                    otp = codeNear(start, end);
                }
            }
            case Cues.OPT_OUT -> optOut = true;
            case Cues.GROUP_INVITE -> groupInvite = true;
            default -> {
            }
        }
    }

    /** A real 4-8 digit code (digits, not a mask) close to a one-time-code keyword. */
    private boolean codeNear(final int start, final int end) {
        for (int r = 0; r < runs; r++) {
            final int s = runStart[r];
            final int len = runLength[r];
            if (len < 4 || len > 8 || !CharFold.isAsciiDigit(folded[s])) {
                continue;
            }
            if (s >= start - OTP_WINDOW_BEFORE && s <= end + OTP_WINDOW_AFTER && allDigits(s, len) && !contactIdAt(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the number at {@code s} is introduced as a contact id (QQ, a group, WeChat): "加群 88886666
     * 验证码必填" asks the reader to join a group and quote a pass phrase; it is not a one-time code.
     */
    private boolean contactIdAt(final int s) {
        int j = s - 1;
        while (j >= 0 && s - j <= 3 && !CharFold.isHan(folded[j]) && !CharFold.isAsciiAlnum(folded[j])) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        final char c = folded[j];
        if (c == '群' || c == '加' || c == '扣' || (c == '号' && j >= 1 && folded[j - 1] == '群')) {
            return true;
        }
        if (j >= 1 && ((folded[j - 1] == 'q' && c == 'q') || (folded[j - 1] == 'w' && c == 'x')
                || (folded[j - 1] == 'v' && c == 'x') || (folded[j - 1] == '微' && c == '信'))) {
            return true;
        }
        return false;
    }

    private boolean allDigits(final int s, final int len) {
        for (int j = s; j < s + len; j++) {
            if (!CharFold.isAsciiDigit(folded[j])) {
                return false;
            }
        }
        return true;
    }

    // --- campaign fingerprint ------------------------------------------------------------------------------

    /**
     * 64-bit hash of the message's skeleton: letters and ideographs only, every number and mask as {@code 0},
     * every link as {@code U}, personal names before 先生/女士/小姐 and after "dear"/"hi" dropped. Messages of one
     * template (differing in codes, amounts, dates, links, names, spacing or punctuation) share it.
     */
    public long fingerprintHash() {
        int n = 0;
        int i = 0;
        while (i < length) {
            final char c = folded[i];
            if (inUrl[i]) {
                while (i < length && inUrl[i]) {
                    i++;
                }
                skeleton[n++] = 'U';
                continue;
            }
            if (inNumber[i]) {
                while (i < length && inNumber[i]) {
                    i++;
                }
                skeleton[n++] = '0';
                continue;
            }
            if (isTitleAt(i)) {
                n -= nameLengthBefore(i, n);
            } else if (CharFold.isAsciiLetter(c) && (i == 0 || !CharFold.isAsciiLetter(folded[i - 1])) && greetingBefore(i)) {
                while (i < length && CharFold.isAsciiLetter(folded[i])) {
                    i++;
                }
                continue;
            }
            if (Character.isLetter(c)) {
                skeleton[n++] = c;
            }
            i++;
        }
        long h = 0xcbf29ce484222325L;
        for (int k = 0; k < n; k++) {
            h ^= skeleton[k];
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private boolean isTitleAt(final int i) {
        if (i + 1 >= length) {
            return false;
        }
        final char a = folded[i];
        final char b = folded[i + 1];
        return (a == '先' && b == '生') || (a == '女' && b == '士') || (a == '小' && b == '姐');
    }

    /** How many ideographs just before position {@code i} (at most 3, stopping at 的/您/敬/爱) form a name. */
    private int nameLengthBefore(final int i, final int written) {
        int k = 0;
        for (int j = i - 1; j >= 0 && k < 3 && k < written; j--) {
            final char c = folded[j];
            if (!CharFold.isHan(c) || c == '的' || c == '您' || c == '敬' || c == '爱') {
                break;
            }
            k++;
        }
        return k;
    }

    private boolean greetingBefore(final int i) {
        int j = i - 1;
        while (j >= 0 && folded[j] == ' ') {
            j--;
        }
        if (j == i - 1) {
            return false;
        }
        return endsWithWord(j, "dear") || endsWithWord(j, "hi") || endsWithWord(j, "hello");
    }

    private boolean endsWithWord(final int last, final String w) {
        final int from = last - w.length() + 1;
        return from >= 0 && startsWith(from, w) && (from == 0 || !CharFold.isAsciiLetter(folded[from - 1]));
    }

    /** The fingerprint as 16 lower-case hex digits. */
    public String fingerprint() {
        final long h = fingerprintHash();
        for (int i = 0; i < 16; i++) {
            hex[i] = HEX[(int) (h >>> (60 - 4 * i)) & 0xF];
        }
        return new String(hex);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final char[] hex = new char[16];

    /** Whether a one-time-code keyword occurs, with or without a code. */
    public boolean otpKeyword() {
        return otpKeyword;
    }

    public String normText() {
        return new String(norm, 0, normLength);
    }

    public String foldedText() {
        return new String(folded, 0, length);
    }
}
