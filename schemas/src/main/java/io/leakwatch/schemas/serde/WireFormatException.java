package io.leakwatch.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes cannot be read as Confluent wire format. {@link #reason()} is a short, stable code that the
 * topology writes to the dead-letter topic; the message carries the detail.
 */
public final class WireFormatException extends SerializationException {

    /** Why a record was rejected; {@link #code()} is what goes on the dead letter. */
    public enum Reason {
        /** Zero bytes where a record was expected (a tombstone is {@code null}, not empty). */
        EMPTY_RECORD("empty-record"),
        /** Fewer bytes than the five-byte header. */
        TOO_SHORT("too-short"),
        /** First byte is not 0: not Confluent wire format at all (plain JSON, another serializer). */
        BAD_MAGIC_BYTE("bad-magic-byte"),
        /** The registry has no schema with the id in the header. */
        UNKNOWN_SCHEMA_ID("unknown-schema-id"),
        /** The writer's schema cannot be read as the expected record type (wrong topic, breaking change). */
        INCOMPATIBLE_SCHEMA("incompatible-schema"),
        /** The body does not decode with the writer's schema: truncated, corrupt or trailing bytes. */
        AVRO_DECODE_FAILED("avro-decode-failed");

        private final String code;

        Reason(final String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public WireFormatException(final Reason reason, final String detail) {
        this(reason, detail, null);
    }

    public WireFormatException(final Reason reason, final String detail, final Throwable cause) {
        super(reason.code() + ": " + detail, cause);
        this.reason = reason;
    }

    /** Short machine code, e.g. {@code bad-magic-byte}. */
    public String reason() {
        return reason.code();
    }

    public Reason kind() {
        return reason;
    }
}
