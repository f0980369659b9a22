package io.leakwatch.schemas.serde;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Confluent wire format: byte 0 is the magic byte 0, bytes 1 to 4 the schema id as a big-endian int, and the
 * rest the record in Avro binary encoding, with no container header.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /**
     * Reads and checks the header.
     *
     * @return the schema id the record was written with
     * @throws WireFormatException with reason {@code empty-record}, {@code bad-magic-byte} or {@code too-short}
     */
    public static int schemaId(final byte[] data) {
        if (data.length == 0) {
            throw new WireFormatException(WireFormatException.Reason.EMPTY_RECORD, "record has no bytes");
        }
        // The magic byte is checked before the length so that, say, "{}" is reported as not being wire format.
        if (data[0] != MAGIC_BYTE) {
            throw new WireFormatException(WireFormatException.Reason.BAD_MAGIC_BYTE, String.format(Locale.ROOT,
                "first byte is 0x%02x, expected 0x00; not Confluent wire format", data[0] & 0xff));
        }
        if (data.length < HEADER_LENGTH) {
            throw new WireFormatException(WireFormatException.Reason.TOO_SHORT,
                data.length + " bytes, shorter than the " + HEADER_LENGTH + "-byte header");
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    /** Prefixes an Avro binary body with the header for the given schema id. */
    public static byte[] encode(final int schemaId, final byte[] avroBody) {
        return ByteBuffer.allocate(HEADER_LENGTH + avroBody.length)
            .put(MAGIC_BYTE)
            .putInt(schemaId)
            .put(avroBody)
            .array();
    }

    /** The Avro binary body after a header that {@link #schemaId} accepts. */
    public static byte[] body(final byte[] data) {
        schemaId(data);
        return Arrays.copyOfRange(data, HEADER_LENGTH, data.length);
    }
}
