package io.leakwatch.topology.ingest;

import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.serde.WireFormatException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes and validates one raw record and pseudonymizes its recipient. Never throws on bad input: every
 * record comes out either {@link Ingested.Accepted} or {@link Ingested.Rejected} with the reason.
 */
public final class IngestProcessor implements Processor<byte[], byte[], String, Ingested> {

    /** Event times outside 2000..2200 are corrupt clocks or wrong units, not SMS. */
    private static final long MIN_TS = 946_684_800_000L;
    private static final long MAX_TS = 7_258_118_400_000L;

    private final String sourceTopic;
    private final Deserializer<SmsEvent> deserializer;
    private final byte[] hmacKey;
    private ProcessorContext<String, Ingested> context;
    private Pseudonymizer pseudonymizer;

    public IngestProcessor(String sourceTopic, Deserializer<SmsEvent> deserializer, byte[] hmacKey) {
        this.sourceTopic = sourceTopic;
        this.deserializer = deserializer;
        this.hmacKey = hmacKey.clone();
    }

    @Override
    public void init(ProcessorContext<String, Ingested> context) {
        this.context = context;
        this.pseudonymizer = new Pseudonymizer(hmacKey);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        final SmsEvent event;
        try {
            event = decode(record.value());
        } catch (WireFormatException e) {
            reject(record, e.reason());
            return;
        } catch (RuntimeException e) {
            reject(record, "undecodable: " + e.getClass().getSimpleName());
            return;
        }
        final String problem = validate(event);
        if (problem != null) {
            reject(record, problem);
            return;
        }
        final String token = pseudonymizer.pseudonymize(Pseudonymizer.normalize(event.getRecipient()));
        final Ingested accepted = new Ingested.Accepted(event.getEventId(), event.getTs(), event.getSender().strip(), token,
                event.getText());
        context.forward(record.withKey(token).withValue(accepted).withTimestamp(event.getTs()));
    }

    private SmsEvent decode(byte[] value) {
        if (value == null) {
            throw new WireFormatException(WireFormatException.Reason.EMPTY_RECORD, "record has no value");
        }
        return deserializer.deserialize(sourceTopic, value);
    }

    /** The reason the event is unusable, or null when it is fine. */
    static String validate(SmsEvent event) {
        if (event.getEventId() == null || event.getEventId().isBlank()) {
            return "missing-field: eventId";
        }
        if (event.getTs() < MIN_TS || event.getTs() > MAX_TS) {
            return "bad-timestamp: " + event.getTs();
        }
        if (event.getSender() == null || event.getSender().isBlank()) {
            return "missing-field: sender";
        }
        if (Pseudonymizer.normalize(event.getRecipient()) == null) {
            return "bad-recipient: not a phone number";
        }
        if (event.getText() == null) {
            return "missing-field: text";
        }
        return null;
    }

    private void reject(Record<byte[], byte[]> record, String reason) {
        final RecordMetadata meta = context.recordMetadata().orElse(null);
        final DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(meta == null ? sourceTopic : meta.topic())
                .setPartition(meta == null ? -1 : meta.partition())
                .setOffset(meta == null ? -1L : meta.offset())
                .setTs(record.timestamp())
                .setReason(reason)
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .build();
        context.forward(record.withKey(reason).withValue(new Ingested.Rejected(letter)));
    }
}
