package io.leakwatch.topology.sender;

/**
 * String keys of the sender stage's stores, laid out so that the stores' byte order is the order the stage reads
 * them in: a sender's windows by start ({@code sender|start}, read with a prefix scan), and due work by due time
 * ({@code t|due|start|sender}) or, for corrections, by window start ({@code c|start|sender}). Times are epoch
 * milliseconds, zero-padded to the 19 digits of any non-negative long so that text order is numeric order.
 */
final class SenderKeys {

    private static final int DIGITS = 19;
    private static final String SEPARATOR = "|";
    private static final String TIMED = "t|";
    private static final String CORRECTION = "c|";

    private SenderKeys() {
    }

    /** The key of a sender's window in the bucket store. */
    static String window(String sender, long start) {
        return windowPrefix(sender) + pad(start);
    }

    /** The prefix of all of a sender's windows, and possibly of other senders whose address continues with it. */
    static String windowPrefix(String sender) {
        return sender + SEPARATOR;
    }

    /**
     * The start of the window a bucket-store key names, or -1 when the key, though it begins with {@code prefix},
     * belongs to another sender (one whose address is {@code sender|...}).
     */
    static long windowStart(String key, String prefix) {
        final String rest = key.substring(prefix.length());
        return rest.length() == DIGITS ? Long.parseLong(rest) : -1;
    }

    /** Work due when stream time reaches {@code due}: a window's first emission at its close, its folding when final. */
    static String timed(long due, long start, String sender) {
        return TIMED + pad(due) + SEPARATOR + pad(start) + SEPARATOR + sender;
    }

    /** The upper bound (inclusive) of a range over the timed work due at or before {@code streamTime}. */
    static String timedThrough(long streamTime) {
        return TIMED + pad(streamTime + 1);
    }

    /** The lower bound (inclusive) of a range over the timed work due at or after {@code due}. */
    static String timedFrom(long due) {
        return TIMED + pad(due);
    }

    /** A correction waiting for the next wall-clock pass. */
    static String correction(long start, String sender) {
        return CORRECTION + pad(start) + SEPARATOR + sender;
    }

    static String correctionPrefix() {
        return CORRECTION;
    }

    /** The due time of a timed key. */
    static long due(String timedKey) {
        return Long.parseLong(timedKey, TIMED.length(), TIMED.length() + DIGITS, 10);
    }

    /** The window start of a timed or correction key. */
    static long start(String dueKey) {
        final int from = dueKey.startsWith(TIMED) ? TIMED.length() + DIGITS + 1 : CORRECTION.length();
        return Long.parseLong(dueKey, from, from + DIGITS, 10);
    }

    /** The sender of a timed or correction key. */
    static String sender(String dueKey) {
        final int from = dueKey.startsWith(TIMED) ? TIMED.length() + 2 * (DIGITS + 1) : CORRECTION.length() + DIGITS + 1;
        return dueKey.substring(from);
    }

    /** Zero-padded to {@link #DIGITS} digits (times are validated at ingest: never negative). */
    private static String pad(long millis) {
        final String digits = Long.toString(millis);
        return digits.length() >= DIGITS ? digits : "0".repeat(DIGITS - digits.length()) + digits;
    }
}
