package io.leakwatch.topology;

/**
 * Store keys of one window per owner and time bucket: the owner (an app, or a sender-totals shard), NUL, and the
 * bucket index with its sign bit flipped as 16 hex digits, so that a prefix scan over {@link #prefix} returns the
 * owner's buckets in order. Owners never contain NUL (AppDirectory admits no app id with a control character).
 */
public final class BucketKeys {

    private static final char SEPARATOR = '\u0000';

    private BucketKeys() {
    }

    public static String of(String owner, long bucket) {
        final String hex = Long.toHexString(bucket ^ Long.MIN_VALUE);
        return prefix(owner) + "0".repeat(16 - hex.length()) + hex;
    }

    /** What every key of the owner's buckets begins with. */
    public static String prefix(String owner) {
        return owner + SEPARATOR;
    }

    /** Whether a key is one of these, not a plain owner key. */
    public static boolean isBucketKey(String key) {
        return key.indexOf(SEPARATOR) >= 0;
    }
}
