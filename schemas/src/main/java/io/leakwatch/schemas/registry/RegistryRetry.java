package io.leakwatch.schemas.registry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How {@link HttpSchemaRegistryClient} retries a request the registry did not answer (connection refused, timeout)
 * or answered with a transient error (HTTP 5xx, 429): at most {@code maxAttempts} tries in all; before retry
 * {@code n} (from 1) it waits {@code initialBackoff × 2^(n-1)}, capped at {@code maxBackoff}, drawn uniformly from
 * the upper half of that (jitter, so that many clients do not retry in step). A {@code Retry-After} header of a
 * 429 or 503 raises the wait to what it asks, still capped. Permanent errors (4xx other than 429) are never retried.
 */
public record RegistryRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Six tries over about 6 to 12 seconds in all. */
    public static final RegistryRetry DEFAULT = new RegistryRetry(6, Duration.ofMillis(400), Duration.ofSeconds(5));
    /** One try: the error surfaces at once. */
    public static final RegistryRetry NONE = new RegistryRetry(1, Duration.ZERO, Duration.ZERO);

    public RegistryRetry {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("registry retry: attempts must be at least 1, not " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("registry retry: backoff must be >= 0 and max backoff >= the initial one ("
                + initialBackoff + ", " + maxBackoff + ")");
        }
    }

    /**
     * The wait before retry {@code retry} (1 for the first retry), in milliseconds.
     *
     * @param askedMs what the server asked for in {@code Retry-After}, or 0
     */
    public long backoffMs(final int retry, final long askedMs, final RandomGenerator random) {
        final long cap = maxBackoff.toMillis();
        final long base = Math.min(cap, initialBackoff.toMillis() << Math.min(retry - 1, 30));
        final long jittered = base <= 1 ? base : base / 2 + random.nextLong(base - base / 2 + 1);
        return Math.min(cap, Math.max(jittered, askedMs));
    }
}
