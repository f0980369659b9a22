package io.leakwatch.schemas.registry;

/**
 * A registry refused or failed a request. {@link #errorCode()} uses Confluent's codes so the in-memory store,
 * the HTTP client and the embedded server agree on what went wrong.
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int NOT_FOUND = 404;
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** {@code GET /config/{subject}} of a subject that has no compatibility level of its own. */
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INTERNAL_ERROR = 50001;
    /** No answer came back: connection refused, timeout. */
    public static final int NO_RESPONSE = -1;
    /** The calling thread was interrupted while it waited for the registry (shutting down): not retried. */
    public static final int INTERRUPTED = -2;

    private final int errorCode;

    public SchemaRegistryException(final int errorCode, final String message) {
        this(errorCode, message, null);
    }

    public SchemaRegistryException(final int errorCode, final String message, final Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** Confluent error code, e.g. 40403; {@link #NO_RESPONSE} when the registry could not be reached. */
    public int errorCode() {
        return errorCode;
    }

    /** HTTP status that goes with the error code: Confluent's five-digit codes start with the status. */
    public int httpStatus() {
        if (errorCode >= 10_000) {
            return errorCode / 100;
        }
        return errorCode >= 100 ? errorCode : 500;
    }

    /**
     * True when the registry could not answer (no response, HTTP 5xx, 429): asking again later may work, and the record
     * that needed the schema is not at fault.
     */
    public boolean isTransient() {
        return errorCode == NO_RESPONSE || errorCode >= 100 && (httpStatus() / 100 == 5 || httpStatus() == 429);
    }

    /** True when the subject, version or schema asked for does not exist. */
    public boolean isNotFound() {
        return httpStatus() == 404;
    }
}
