package io.leakwatch.topology.sender;

/**
 * A HyperLogLog distinct counter over already-uniform 64-bit hashes, as a byte array of registers so it can be
 * stored as an Avro {@code bytes} field. Written here because the estimate is twenty lines and the well-kept
 * libraries (DataSketches, stream-lib) bring their own serialisation formats we would have to wrap anyway.
 * Flajolet et al. 2007, with the small-range (linear counting) correction.
 *
 * <p>Three encodings, told apart by length: empty (no hash yet); <em>dense</em>, one byte per register
 * ({@code 2^precision} bytes, an even length); and <em>sparse</em>, for counters of few hashes: the precision in the
 * first byte, then one big-endian {@code (index << 6) | rank} pair of bytes per non-zero register in index order (an
 * odd length). Most senders are people who text a handful of numbers an hour: as dense registers each of their
 * windows cost 1 KB of state and changelog, as sparse ones a few bytes. A sparse counter turns dense once it holds
 * more than {@code 2^precision / 8} registers. Both give the same estimate for the same registers. Sparse counters
 * exist for precisions up to {@link #MAX_SPARSE_PRECISION} (a register index must fit in 10 bits).
 */
public final class HyperLogLog {

    static final int MAX_SPARSE_PRECISION = 10;
    private static final int RANK_BITS = 6;
    private static final int RANK_MASK = (1 << RANK_BITS) - 1;

    private HyperLogLog() {
    }

    /** A dense counter of {@code 2^precision} zero registers. */
    public static byte[] empty(int precision) {
        return new byte[1 << precision];
    }

    /**
     * Adds a hash and returns the counter: dense registers are updated in place, a sparse counter is returned anew.
     * An empty array is treated as a fresh counter (sparse where the precision allows).
     */
    public static byte[] add(byte[] registers, int precision, long hash) {
        final int index = (int) (hash >>> (64 - precision));
        final long rest = hash << precision;
        final int rank = Math.min(Long.numberOfLeadingZeros(rest) + 1, 64 - precision + 1);
        if (registers.length == 0) {
            return precision <= MAX_SPARSE_PRECISION ? sparse(precision, new int[] {index}, new int[] {rank}, 1)
                    : setRegister(empty(precision), index, rank);
        }
        if (isSparse(registers)) {
            return addSparse(registers, index, rank);
        }
        return setRegister(registers, index, rank);
    }

    private static byte[] setRegister(byte[] dense, int index, int rank) {
        if (rank > dense[index]) {
            dense[index] = (byte) rank;
        }
        return dense;
    }

    private static boolean isSparse(byte[] registers) {
        return (registers.length & 1) == 1;
    }

    private static int sparseEntries(byte[] sparse) {
        return (sparse.length - 1) / 2;
    }

    private static int entry(byte[] sparse, int i) {
        return ((sparse[1 + 2 * i] & 0xff) << 8) | (sparse[2 + 2 * i] & 0xff);
    }

    private static byte[] addSparse(byte[] sparse, int index, int rank) {
        final int precision = sparse[0];
        final int n = sparseEntries(sparse);
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            final int mid = (lo + hi) >>> 1;
            final int at = entry(sparse, mid) >>> RANK_BITS;
            if (at == index) {
                if (rank <= (entry(sparse, mid) & RANK_MASK)) {
                    return sparse;
                }
                final byte[] out = sparse.clone();
                putEntry(out, mid, index, rank);
                return out;
            }
            if (at < index) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (n + 1 > sparseLimit(precision)) {
            return setRegister(toDense(sparse), index, rank);
        }
        final byte[] out = new byte[sparse.length + 2];
        out[0] = sparse[0];
        System.arraycopy(sparse, 1, out, 1, 2 * lo);
        putEntry(out, lo, index, rank);
        System.arraycopy(sparse, 1 + 2 * lo, out, 3 + 2 * lo, 2 * (n - lo));
        return out;
    }

    private static int sparseLimit(int precision) {
        return (1 << precision) / 8;
    }

    private static byte[] sparse(int precision, int[] index, int[] rank, int n) {
        final byte[] out = new byte[1 + 2 * n];
        out[0] = (byte) precision;
        for (int i = 0; i < n; i++) {
            putEntry(out, i, index[i], rank[i]);
        }
        return out;
    }

    /** Writes register {@code index} with {@code rank} as entry {@code i} of a sparse counter. */
    private static void putEntry(byte[] sparse, int i, int index, int rank) {
        final int value = index << RANK_BITS | rank;
        sparse[1 + 2 * i] = (byte) (value >>> 8);
        sparse[2 + 2 * i] = (byte) value;
    }

    /** The counter as dense registers (a copy; dense input is copied too). */
    static byte[] toDense(byte[] registers) {
        if (!isSparse(registers)) {
            return registers.clone();
        }
        final byte[] dense = empty(registers[0]);
        for (int i = 0; i < sparseEntries(registers); i++) {
            final int e = entry(registers, i);
            dense[e >>> RANK_BITS] = (byte) (e & RANK_MASK);
        }
        return dense;
    }

    /** Register-wise maximum: the counter of the union, sparse while both are and the result stays small. */
    public static byte[] union(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b.clone();
        }
        if (b.length == 0) {
            return a.clone();
        }
        if (isSparse(a) && isSparse(b) && a[0] == b[0]) {
            return unionSparse(a, b);
        }
        final byte[] out = toDense(a);
        final byte[] other = toDense(b);
        if (out.length != other.length) {
            throw new IllegalArgumentException("counters of different precision: " + out.length + " and "
                    + other.length + " registers");
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(out[i], other[i]);
        }
        return out;
    }

    private static byte[] unionSparse(byte[] a, byte[] b) {
        final int na = sparseEntries(a);
        final int nb = sparseEntries(b);
        final int[] index = new int[na + nb];
        final int[] rank = new int[na + nb];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < na || j < nb) {
            final int ea = i < na ? entry(a, i) : Integer.MAX_VALUE;
            final int eb = j < nb ? entry(b, j) : Integer.MAX_VALUE;
            final int ia = ea >>> RANK_BITS;
            final int ib = eb >>> RANK_BITS;
            if (ia == ib) {
                index[n] = ia;
                rank[n++] = Math.max(ea & RANK_MASK, eb & RANK_MASK);
                i++;
                j++;
            } else if (ia < ib) {
                index[n] = ia;
                rank[n++] = ea & RANK_MASK;
                i++;
            } else {
                index[n] = ib;
                rank[n++] = eb & RANK_MASK;
                j++;
            }
        }
        final byte[] out = sparse(a[0], index, rank, n);
        return n > sparseLimit(a[0]) ? toDense(out) : out;
    }

    public static long estimate(byte[] registers) {
        if (registers.length == 0) {
            return 0;
        }
        final int m;
        double sum = 0;
        int zeros;
        if (isSparse(registers)) {
            m = 1 << registers[0];
            final int n = sparseEntries(registers);
            zeros = m - n;
            sum = zeros;
            for (int i = 0; i < n; i++) {
                sum += Math.scalb(1.0, -(entry(registers, i) & RANK_MASK));
            }
        } else {
            m = registers.length;
            zeros = 0;
            for (byte r : registers) {
                sum += Math.scalb(1.0, -r);
                if (r == 0) {
                    zeros++;
                }
            }
        }
        final double alpha = m >= 128 ? 0.7213 / (1 + 1.079 / m) : m == 64 ? 0.709 : m == 32 ? 0.697 : 0.673;
        final double raw = alpha * m * m / sum;
        if (raw <= 2.5 * m && zeros > 0) {
            return Math.round(m * Math.log((double) m / zeros));
        }
        return Math.round(raw);
    }

    /** A 64-bit mix of a string (SplitMix64 finaliser over two 32-bit hashes) for strings that are not hashes already. */
    public static long hash(String value) {
        long h = value.hashCode() * 0x9E3779B97F4A7C15L + value.length();
        for (int i = 0; i < value.length(); i += 8) {
            h = (h ^ value.charAt(i)) * 0xBF58476D1CE4E5B9L;
        }
        h ^= h >>> 30;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    /** The hash of a recipient token: the token is hex of a keyed MAC, so its first 16 digits are uniform already. */
    public static long hashToken(String hexToken) {
        return hexToken.length() >= 16 ? Long.parseUnsignedLong(hexToken, 0, 16, 16) : hash(hexToken);
    }
}
