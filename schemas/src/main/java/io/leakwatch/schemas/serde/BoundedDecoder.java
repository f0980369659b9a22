package io.leakwatch.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Caps the lengths and item counts a record may declare by the bytes it actually has.
 *
 * <p>Avro 1.12 trusts length prefixes up to JVM-wide limits (system properties read by
 * {@code SystemLimitException}), so ten bytes of garbage declaring a 600-million-item array make it allocate
 * gigabytes before it finds out the data is not there, and the stream thread dies of {@link OutOfMemoryError}.
 * Every string or bytes value needs as many body bytes as it declares, and every collection item at least one,
 * so their running sum can never exceed the body length in a well-formed record. Only collections of items that
 * may encode to zero bytes (arrays of nulls) escape that argument; for those the item check is switched off.
 */
final class BoundedDecoder extends Decoder {

    private final Decoder in;
    private final boolean boundItems;
    private long budget;

    BoundedDecoder(final Decoder in, final int bodyLength, final boolean boundItems) {
        this.in = in;
        this.budget = bodyLength;
        this.boundItems = boundItems;
    }

    /** Whether every collection item in records of this schema takes at least one byte. */
    static boolean itemsTakeBytes(final Schema schema) {
        return itemsTakeBytes(schema, new HashSet<>());
    }

    private static boolean itemsTakeBytes(final Schema schema, final Set<String> seen) {
        return switch (schema.getType()) {
            case RECORD -> !seen.add(schema.getFullName())
                || schema.getFields().stream().allMatch(field -> itemsTakeBytes(field.schema(), seen));
            case ARRAY -> !mayBeEmpty(schema.getElementType(), new HashSet<>())
                && itemsTakeBytes(schema.getElementType(), seen);
            case MAP -> itemsTakeBytes(schema.getValueType(), seen);
            case UNION -> schema.getTypes().stream().allMatch(branch -> itemsTakeBytes(branch, seen));
            default -> true;
        };
    }

    private static boolean mayBeEmpty(final Schema schema, final Set<String> seen) {
        return switch (schema.getType()) {
            case NULL -> true;
            case FIXED -> schema.getFixedSize() == 0;
            case RECORD -> seen.add(schema.getFullName())
                && schema.getFields().stream().allMatch(field -> mayBeEmpty(field.schema(), seen));
            default -> false;
        };
    }

    private int length(final long declared) {
        if (declared < 0 || declared > budget) {
            throw new AvroRuntimeException("declared length " + declared + " exceeds the " + budget + " bytes the record has left");
        }
        budget -= declared;
        return (int) declared;
    }

    private long items(final long count) {
        if (boundItems) {
            if (count < 0 || count > budget) {
                throw new AvroRuntimeException("declared " + count + " collection items, more than the " + budget + " bytes the record has left");
            }
            budget -= count;
        }
        return count;
    }

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public Utf8 readString(final Utf8 old) throws IOException {
        final int length = length(in.readLong());
        final Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        in.readFixed(result.getBytes(), 0, length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        final byte[] bytes = new byte[length(in.readLong())];
        in.readFixed(bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void skipString() throws IOException {
        in.skipFixed(length(in.readLong()));
    }

    @Override
    public ByteBuffer readBytes(final ByteBuffer old) throws IOException {
        final int length = length(in.readLong());
        final ByteBuffer result = old != null && old.hasArray() && old.capacity() >= length
            ? old.clear()
            : ByteBuffer.allocate(length);
        in.readFixed(result.array(), result.arrayOffset(), length);
        return result.limit(length);
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipFixed(length(in.readLong()));
    }

    @Override
    public void readFixed(final byte[] bytes, final int start, final int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(final int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public long readArrayStart() throws IOException {
        return items(in.readArrayStart());
    }

    @Override
    public long arrayNext() throws IOException {
        return items(in.arrayNext());
    }

    @Override
    public long skipArray() throws IOException {
        return items(in.skipArray());
    }

    @Override
    public long readMapStart() throws IOException {
        return items(in.readMapStart());
    }

    @Override
    public long mapNext() throws IOException {
        return items(in.mapNext());
    }

    @Override
    public long skipMap() throws IOException {
        return items(in.skipMap());
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }
}
