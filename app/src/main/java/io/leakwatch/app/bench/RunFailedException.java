package io.leakwatch.app.bench;

/** A measured run stopped or did not finish in time: the harness reports this instead of a number. */
public final class RunFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunFailedException(final String message) {
        super(message);
    }
}
