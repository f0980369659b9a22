package io.leakwatch.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak of used heap since the last {@link #reset()}, sampled every 200 ms on a daemon thread. Used heap includes
 * garbage not yet collected, so the peak is an upper bound on what a run needs, not its live set.
 */
public final class HeapSampler implements AutoCloseable {

    private static final long PERIOD_MS = 200;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    public HeapSampler() {
        timer.scheduleAtFixedRate(this::sample, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts a new peak from the heap used now. */
    public void reset() {
        peak.set(used());
    }

    /** The most heap seen in use since the last reset, in bytes. */
    public long peakBytes() {
        sample();
        return peak.get();
    }

    private void sample() {
        peak.accumulateAndGet(used(), Math::max);
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
