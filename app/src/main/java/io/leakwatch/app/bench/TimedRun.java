package io.leakwatch.app.bench;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Starts a Kafka Streams application and polls its progress until it has drained its input, noting when its first
 * output appeared, when it completed and when it drained. A run that stops, or that has not drained within the
 * timeout, throws {@link RunFailedException} with how far it got: a partial number is never a result.
 */
public final class TimedRun {

    // a poll is two or three admin requests; every 100 ms they cost the broker next to nothing
    private static final long POLL_MS = 100;
    private static final Set<KafkaStreams.State> STOPPED = EnumSet.of(KafkaStreams.State.PENDING_ERROR,
            KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);

    private TimedRun() {
    }

    /** How far a run has got, as the broker sees it. */
    public interface Probe {
        Progress poll();
    }

    /**
     * One poll of a run.
     *
     * @param outputs   records the run has written to its output topics
     * @param complete  whether the run has done what it is timed for
     * @param drained   whether, besides, every stage of it has consumed and committed all of its input
     */
    public record Progress(long outputs, boolean complete, boolean drained) {
    }

    /** Seconds from start to the first output, to completion and to drained, and the outputs at the end. */
    public record Timing(double firstOutputSeconds, double completedSeconds, double drainedSeconds, long outputs) {
    }

    /**
     * Calls {@code start}, then polls {@code probe} until it reports drained.
     *
     * @param label   names the run in a failure
     * @param state   the application's state, checked at every poll
     * @param timeout how long the run may take from start to drained
     */
    public static Timing time(final String label, final Runnable start, final Supplier<KafkaStreams.State> state,
                       final Probe probe, final Duration timeout) {
        final long startedAt = System.nanoTime();
        start.run();
        long firstOutputAt = -1;
        long completedAt = -1;
        while (true) {
            final Progress progress = probe.poll();
            final long now = System.nanoTime();
            firstOutputAt = firstOutputAt < 0 && progress.outputs() > 0 ? now : firstOutputAt;
            completedAt = completedAt < 0 && progress.complete() ? now : completedAt;
            if (progress.drained()) {
                return new Timing(seconds(startedAt, firstOutputAt), seconds(startedAt, completedAt),
                        seconds(startedAt, now), progress.outputs());
            }
            failIfStopped(label, state.get(), startedAt, progress);
            failIfLate(label, timeout, startedAt, progress);
            pause();
        }
    }

    private static void failIfStopped(final String label, final KafkaStreams.State state, final long startedAt,
                                      final Progress progress) {
        if (STOPPED.contains(state)) {
            throw new RunFailedException(String.format(Locale.ROOT, "%s stopped in state %s after %.1f s, %s",
                    label, state, seconds(startedAt, System.nanoTime()), describe(progress)));
        }
    }

    private static void failIfLate(final String label, final Duration timeout, final long startedAt,
                                   final Progress progress) {
        if (System.nanoTime() - startedAt > timeout.toNanos()) {
            throw new RunFailedException(String.format(Locale.ROOT, "%s did not finish within %s: %s",
                    label, timeout, describe(progress)));
        }
    }

    private static String describe(final Progress progress) {
        return String.format(Locale.ROOT, "%,d records written, %s, %s", progress.outputs(),
                progress.complete() ? "complete" : "not complete", progress.drained() ? "drained" : "not drained");
    }

    private static double seconds(final long from, final long to) {
        return (to - from) / 1e9;
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("interrupted while waiting for a run");
        }
    }
}
