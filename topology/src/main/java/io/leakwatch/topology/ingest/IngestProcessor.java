package io.leakwatch.topology.ingest;

import io.leakwatch.classifier.analysis.SenderType;
import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.registry.SchemaRegistryException;
import io.leakwatch.schemas.serde.WireFormatException;
import io.leakwatch.topology.LeakWatchConfig;
import java.nio.ByteBuffer;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes and validates one raw record and pseudonymizes its recipient and, when it is a mobile number, its sender
 * ({@link Pseudonymizer#pseudonymizeSender}); a raw sender already in that form is rejected as {@code bad-sender}.
 * Never throws on bad input: every record comes out either {@link Ingested.Accepted} or {@link Ingested.Rejected} with the reason. A registry that
 * cannot be reached after the client's retries is not bad input: that {@link SchemaRegistryException} is thrown, and
 * the record is processed again when the task restarts (never dead-lettered).
 *
 * <p>An event's time is checked against its record's timestamp (the broker's clock, or the producer's), not against
 * the wall clock: within {@code leakwatch.event.time.max.ahead} ahead and {@code leakwatch.event.time.max.behind}
 * behind, or it is rejected as {@code bad-timestamp}. The output is stamped with the event time, so one event from a
 * clock years ahead would otherwise move stream time there, close every window up to it and make every later record
 * late. A replay stamps each record with its own event time, so the check passes there and the output is the same.
 *
 * <p>A refusal reply (see {@link Refusals}) comes out as {@link Ingested.Refusal} instead of {@link Ingested.Accepted}.
 */
public final class IngestProcessor implements Processor<byte[], byte[], String, Ingested> {

    /** Event times outside 2000..2200 are corrupt clocks or wrong units, not SMS. */
    private static final long MIN_TS = 946_684_800_000L;
    private static final long MAX_TS = 7_258_118_400_000L;
    /**
     * Field sizes beyond which an event is rejected as {@code oversized-field}: senders are ports, short codes and
     * numbers (a 106 port has up to 20 digits) or alphanumeric names; a concatenated SMS has at most 255 parts of 153
     * characters. Caps keep one record from swelling keys, stores and repartition records.
     */
    static final int MAX_SENDER_CHARS = 64;
    static final int MAX_EVENT_ID_CHARS = 128;
    static final int MAX_RECIPIENT_CHARS = 64;
    static final int MAX_TEXT_CHARS = 40_000;

    private final String sourceTopic;
    private final Deserializer<SmsEvent> deserializer;
    private final byte[] hmacKey;
    private final long maxAheadMs;
    private final long maxBehindMs;
    private final Predicate<String> refusalWord;
    private ProcessorContext<String, Ingested> context;
    private Pseudonymizer pseudonymizer;

    public IngestProcessor(String sourceTopic, Deserializer<SmsEvent> deserializer, LeakWatchConfig config) {
        this(sourceTopic, deserializer, config, reply -> false);
    }

    /** @param refusalWord whether a reply's whole text is a refusal word (read per record: it changes at run time) */
    public IngestProcessor(String sourceTopic, Deserializer<SmsEvent> deserializer, LeakWatchConfig config, Predicate<String> refusalWord) {
        this.refusalWord = refusalWord;
        this.sourceTopic = sourceTopic;
        this.deserializer = deserializer;
        this.hmacKey = config.hmacKey();
        this.maxAheadMs = config.maxEventAhead().toMillis();
        this.maxBehindMs = config.maxEventBehind().toMillis();
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
        } catch (SchemaRegistryException e) {
            if (e.isTransient()) {
                throw e;   // the registry's fault, not the record's: fail the task so the record is read again
            }
            reject(record, "undecodable: " + e.getClass().getSimpleName());
            return;
        } catch (RuntimeException e) {
            reject(record, "undecodable: " + e.getClass().getSimpleName());
            return;
        }
        String problem = validate(event);
        if (problem == null) {
            problem = checkAgainstRecordTime(event.getTs(), record.timestamp());
        }
        if (problem != null) {
            reject(record, problem);
            return;
        }
        if (Refusals.isRefusal(event, refusalWord)) {
            forwardRefusal(record, event);
            return;
        }
        final String token = pseudonymizer.pseudonymize(Pseudonymizer.normalize(event.getRecipient()));
        final Ingested accepted = new Ingested.Accepted(event.getEventId(), event.getTs(),
                pseudonymizer.pseudonymizeSender(event.getSender()), token, event.getText());
        context.forward(record.withKey(token).withValue(accepted).withTimestamp(event.getTs()));
    }

    private void forwardRefusal(Record<byte[], byte[]> record, SmsEvent event) {
        final String subscriber = pseudonymizer.pseudonymize(Pseudonymizer.normalize(event.getSender()));
        final Ingested refusal = new Ingested.Refusal(event.getEventId(), event.getTs(), Refusals.port(event), subscriber);
        context.forward(record.withKey(subscriber).withValue(refusal).withTimestamp(event.getTs()));
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
        final String oversized = oversized(event);
        if (oversized != null) {
            return oversized;
        }
        if (event.getTs() < MIN_TS || event.getTs() > MAX_TS) {
            return "bad-timestamp: " + event.getTs();
        }
        if (event.getSender() == null || event.getSender().isBlank()) {
            return "missing-field: sender";
        }
        if (SenderType.isMobileToken(event.getSender().strip())) {
            return "bad-sender: reserved pseudonym form";
        }
        if (Pseudonymizer.normalize(event.getRecipient()) == null) {
            return "bad-recipient: not a phone number";
        }
        if (event.getText() == null) {
            return "missing-field: text";
        }
        return null;
    }

    private static String oversized(SmsEvent event) {
        if (event.getEventId().length() > MAX_EVENT_ID_CHARS) {
            return "oversized-field: eventId, " + event.getEventId().length() + " > " + MAX_EVENT_ID_CHARS + " chars";
        }
        if (event.getSender() != null && event.getSender().length() > MAX_SENDER_CHARS) {
            return "oversized-field: sender, " + event.getSender().length() + " > " + MAX_SENDER_CHARS + " chars";
        }
        if (event.getRecipient() != null && event.getRecipient().length() > MAX_RECIPIENT_CHARS) {
            return "oversized-field: recipient, " + event.getRecipient().length() + " > " + MAX_RECIPIENT_CHARS + " chars";
        }
        if (event.getText() != null && event.getText().length() > MAX_TEXT_CHARS) {
            return "oversized-field: text, " + event.getText().length() + " > " + MAX_TEXT_CHARS + " chars";
        }
        return null;
    }

    /** Null when the event time is within the bounds around the record's timestamp, else why not. */
    String checkAgainstRecordTime(long eventTs, long recordTs) {
        if (recordTs < 0) {
            return null;   // a record without a timestamp (very old producers): only the absolute range applies
        }
        if (eventTs - recordTs > maxAheadMs) {
            return "bad-timestamp: " + (eventTs - recordTs) + " ms ahead of the record time (limit " + maxAheadMs + ")";
        }
        if (recordTs - eventTs > maxBehindMs) {
            return "bad-timestamp: " + (recordTs - eventTs) + " ms behind the record time (limit " + maxBehindMs + ")";
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
