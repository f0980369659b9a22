package io.leakwatch.classifier.analysis;

/**
 * The kind of originating address, which says a lot about an SMS in China: bulk senders use 106 ports,
 * banks and services 95xxx numbers, operators 100xx, people (and fake base stations) mobile numbers.
 */
public enum SenderType {
    /** No sender given (the corpora have none). */
    UNKNOWN,
    /** 106 bulk-SMS port. */
    PORT_106,
    /** 95xxx / 96xxx service number (banks, insurers, airlines). */
    SERVICE_95,
    /** Operator service number: 10086, 10010, 10000, 1001x... */
    OPERATOR,
    /** Chinese mobile number, 11 digits starting with 1, or its pseudonym ({@link #isMobileToken}). */
    MOBILE,
    /** Other short code (up to 8 digits). */
    SHORT_CODE,
    /** Other long number (landline, international). */
    LONG_NUMBER,
    /** Alphanumeric sender id. */
    ALPHA;

    /**
     * A mobile sender past ingest is this prefix and the 32 lower-case hex digits of the subscriber's token (the
     * recipient token of the same number under the same key), so it still reads as {@link #MOBILE}.
     */
    public static final String MOBILE_TOKEN_PREFIX = "m:";
    private static final int TOKEN_HEX_DIGITS = 32;

    /** Classifies a sender address; {@code +86}/{@code 0086} prefixes, spaces and dashes are ignored. */
    public static SenderType of(final String sender) {
        return sender == null ? UNKNOWN : of(sender, digitsOf(sender));
    }

    /** As {@link #of(String)}, for a caller that already has {@link #digitsOf} the sender. */
    public static SenderType of(final String sender, final String digits) {
        if (sender == null) {
            return UNKNOWN;
        }
        if (digits == null) {
            return sender.isBlank() ? UNKNOWN : isMobileToken(sender) ? MOBILE : ALPHA;
        }
        final int n = digits.length();
        if (n == 0) {
            return UNKNOWN;
        }
        if (digits.startsWith("106")) {
            return PORT_106;
        }
        if ((digits.startsWith("95") || digits.startsWith("96")) && n >= 5 && n <= 8) {
            return SERVICE_95;
        }
        if (digits.startsWith("100") && n == 5) {
            return OPERATOR;
        }
        if (n == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3') {
            return MOBILE;
        }
        return n <= 8 ? SHORT_CODE : LONG_NUMBER;
    }

    /** Whether a sender is a pseudonymised mobile number: {@value #MOBILE_TOKEN_PREFIX} and 32 lower-case hex digits. */
    public static boolean isMobileToken(final String sender) {
        if (sender.length() != MOBILE_TOKEN_PREFIX.length() + TOKEN_HEX_DIGITS || !sender.startsWith(MOBILE_TOKEN_PREFIX)) {
            return false;
        }
        for (int i = MOBILE_TOKEN_PREFIX.length(); i < sender.length(); i++) {
            final char c = sender.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The sender's digits with {@code +86}/{@code 0086} dropped, or null when it holds a letter. */
    public static String digitsOf(final String sender) {
        if (plainDigits(sender)) {
            return sender;
        }
        final StringBuilder b = new StringBuilder(sender.length());
        for (int i = 0; i < sender.length(); i++) {
            final char c = CharFold.fold(sender.charAt(i));
            if (CharFold.isAsciiDigit(c)) {
                b.append(c);
            } else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')') {
                return null;
            }
        }
        String d = b.toString();
        if (sender.strip().startsWith("+86") && d.startsWith("86")) {
            d = d.substring(2);
        } else if (d.startsWith("0086")) {
            d = d.substring(4);
        } else if (d.startsWith("86") && d.length() == 13) {
            d = d.substring(2);
        }
        return d;
    }

    /** Digits only and no country prefix: the common case, returned as is without copying. */
    private static boolean plainDigits(final String s) {
        if (s.startsWith("00") || (s.startsWith("86") && s.length() == 13)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!CharFold.isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
