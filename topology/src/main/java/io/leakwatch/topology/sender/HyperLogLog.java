package io.leakwatch.topology.sender;

/**
 * A HyperLogLog distinct counter over already-uniform 64-bit hashes, as a byte array of registers so it can be
 * stored as an Avro {@code bytes} field. Written here because the estimate is twenty lines and the well-kept
 * libraries (DataSketches, stream-lib) bring their own serialisation formats we would have to wrap anyway.
 * Flajolet et al. 2007, with the small-range (linear counting) correction.
 */
public final class HyperLogLog {

    private HyperLogLog() {
    }

    public static byte[] empty(int precision) {
        return new byte[1 << precision];
    }

    /** Adds a hash to the registers (in place) and returns them; an empty array is treated as a fresh counter. */
    public static byte[] add(byte[] registers, int precision, long hash) {
        final byte[] regs = registers.length == 0 ? empty(precision) : registers;
        final int index = (int) (hash >>> (64 - precision));
        final long rest = hash << precision;
        final int rank = Math.min(Long.numberOfLeadingZeros(rest) + 1, 64 - precision + 1);
        if (rank > regs[index]) {
            regs[index] = (byte) rank;
        }
        return regs;
    }

    /** Register-wise maximum: the counter of the union. */
    public static byte[] union(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b.clone();
        }
        if (b.length == 0) {
            return a.clone();
        }
        final byte[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(out[i], b[i]);
        }
        return out;
    }

    public static long estimate(byte[] registers) {
        if (registers.length == 0) {
            return 0;
        }
        final int m = registers.length;
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += Math.scalb(1.0, -r);
            if (r == 0) {
                zeros++;
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
