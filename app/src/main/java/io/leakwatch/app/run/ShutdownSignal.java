package io.leakwatch.app.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C / SIGTERM handling for long-running commands: the JVM's shutdown hook tells the main thread to stop,
 * then waits (bounded) until the main thread has closed Streams, the broker and the servers, so that the
 * process does not exit in the middle of closing them.
 */
public final class ShutdownSignal {

    private static final long CLOSE_TIMEOUT_SECONDS = 60;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    /** Installs the hook; call {@link #closed()} once everything is closed. */
    public static ShutdownSignal install() {
        final ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            signal.requested.countDown();
            try {
                signal.closed.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "leakwatch-shutdown"));
        return signal;
    }

    /** Waits up to the given time for a stop request; true when one came. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return requested.await(timeout, unit);
    }

    public void await() throws InterruptedException {
        requested.await();
    }

    public void closed() {
        closed.countDown();
    }
}
