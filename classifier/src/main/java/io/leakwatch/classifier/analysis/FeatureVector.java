package io.leakwatch.classifier.analysis;

/**
 * The hashed features of one message: parallel arrays of bucket index, signed value and where the feature's
 * name can be read back (for reason codes and explanations). Mutable scratch space, reused per thread.
 */
public final class FeatureVector {
    static final int MAX_FEATURES = 4096;
    private static final int POOL = MAX_FEATURES * 8;

    public final int[] index = new int[MAX_FEATURES];
    public final float[] value = new float[MAX_FEATURES];
    /** Offset into {@link #pool} of the feature's name, or {@code -1 - k} for static name k. */
    final int[] nameRef = new int[MAX_FEATURES];
    final int[] nameLength = new int[MAX_FEATURES];
    final char[] pool = new char[POOL];
    int poolUsed;
    public int size;

    void clear() {
        size = 0;
        poolUsed = 0;
    }

    boolean full() {
        return size >= MAX_FEATURES;
    }

    void addTerm(final int bucket, final float v, final char[] term, final int length) {
        index[size] = bucket;
        value[size] = v;
        final int len = Math.min(length, POOL - poolUsed);
        System.arraycopy(term, 0, pool, poolUsed, len);
        nameRef[size] = poolUsed;
        nameLength[size] = len;
        poolUsed += len;
        size++;
    }

    void addStatic(final int bucket, final float v, final int nameId) {
        index[size] = bucket;
        value[size] = v;
        nameRef[size] = -1 - nameId;
        nameLength[size] = 0;
        size++;
    }

    /** Whether {@code s}, from {@code from} to its end, spells the name of feature {@code i}. */
    public boolean nameMatches(final int i, final String s, final int from) {
        final int ref = nameRef[i];
        if (ref < 0) {
            return s.startsWith(Features.staticName(-1 - ref), from)
                && s.length() - from == Features.staticName(-1 - ref).length();
        }
        if (s.length() - from != nameLength[i]) {
            return false;
        }
        for (int k = 0; k < nameLength[i]; k++) {
            if (s.charAt(from + k) != pool[ref + k]) {
                return false;
            }
        }
        return true;
    }

    /** Human-readable name of feature {@code i}. */
    public String name(final int i) {
        final int ref = nameRef[i];
        if (ref < 0) {
            return Features.staticName(-1 - ref);
        }
        return new String(pool, ref, nameLength[i]);
    }
}
