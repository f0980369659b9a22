package io.leakwatch.simulator;

/** A scenario that cannot be simulated; the message names the field and says why. */
public final class InvalidScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidScenarioException(final String message) {
        super(message);
    }

    public InvalidScenarioException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
