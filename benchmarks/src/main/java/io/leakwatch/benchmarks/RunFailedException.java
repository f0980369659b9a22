package io.leakwatch.benchmarks;

/** A measured run stopped or did not finish in time: the harness reports this instead of a number. */
final class RunFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RunFailedException(final String message) {
        super(message);
    }
}
