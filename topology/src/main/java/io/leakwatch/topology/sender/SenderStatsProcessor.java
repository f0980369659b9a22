package io.leakwatch.topology.sender;

import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.SenderStats;
import io.leakwatch.schemas.internal.SenderHistory;
import io.leakwatch.schemas.internal.SenderWindow;
import io.leakwatch.schemas.internal.SenderWindowEmission;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.PipelineListener;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.metrics.StreamsMetricsImpl;
import org.apache.kafka.streams.processor.internals.metrics.TaskMetrics;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by sender. Counts each message into its sender's tumbling window and writes the window's {@link SenderStats}
 * once when stream time passes the window's end plus the grace, and once more per pass in which late records changed
 * it, as long as records up to {@code leakwatch.sender.lateness} late keep arriving. Later records are counted as
 * dropped, on the task's {@code dropped-records} sensor (where the DSL's windows count theirs) and the listener.
 *
 * <p>The new-recipient ratio of a window compares it with the sender's earlier windows only: the final ones, folded
 * into the history store once no record can change them, and the earlier ones still open. When an earlier window
 * changes after a later one was emitted, the later one is emitted again if its ratio moved.
 *
 * <p>Why not the DSL: a windowed aggregate drops every record later than its grace, and in a backlog the
 * {@code classified-by-sender} repartition interleaves upstream partitions that are hours apart in event time, so
 * almost all of them were (97 % in the end-to-end benchmark); and a grace of hours would hold every window back
 * for hours. Here the grace sets when a window is first emitted and the lateness how long it can still be corrected.
 */
public final class SenderStatsProcessor implements Processor<String, ClassifiedSms, String, SenderStats> {

    /** Not the DSL's {@code sender-window-store}: a key-value store of another format, with a changelog of its own. */
    public static final String BUCKET_STORE = "sender-bucket-store";
    public static final String DUE_STORE = "sender-due-store";
    public static final String HISTORY_STORE = "sender-history-store";
    /** Stream time between passes that emit closed windows and fold final ones. */
    static final Duration STREAM_TIME_PASS = Duration.ofMinutes(1);
    /**
     * Wall-clock time between passes that emit corrections: at most one per window and pass however many late
     * records it took, and sent even when stream time stands still (at the end of a backlog).
     */
    static final Duration WALL_CLOCK_PASS = Duration.ofSeconds(10);
    /** A later window is emitted again when an earlier one moved its ratio this much: less is within the HLL's ~3 % error. */
    static final double RATIO_RESOLUTION = 0.01;
    private static final Serializer<String> PREFIX_SERIALIZER = new StringSerializer();

    private final long windowMs;
    private final long graceMs;
    private final long latenessMs;
    private final PipelineListener listener;
    private ProcessorContext<String, SenderStats> context;
    private KeyValueStore<String, SenderWindow> windows;
    private KeyValueStore<String, String> due;
    private KeyValueStore<String, SenderHistory> history;
    private Sensor droppedRecords;
    /**
     * No timed work is due before this: earlier passes took all of it, and a new window's is due later. A pass scans
     * from here, not from the first key: a RocksDB range seek steps over every deleted key before its first live one,
     * and the due store deletes all it scans (a replay on RocksDB spent 94 % of its time there). Not state: after a
     * restart the first pass scans from 0.
     */
    private long dueFloor;

    public SenderStatsProcessor(LeakWatchConfig config, PipelineListener listener) {
        this.windowMs = config.senderWindow().toMillis();
        this.graceMs = config.grace().toMillis();
        this.latenessMs = config.senderLateness().toMillis();
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, SenderStats> context) {
        this.context = context;
        this.windows = context.getStateStore(BUCKET_STORE);
        this.due = context.getStateStore(DUE_STORE);
        this.history = context.getStateStore(HISTORY_STORE);
        // Streams' own sensor (internal API): its dropped-records-total is where operators and the end-to-end
        // harness already look for records the sender windows could not count.
        this.droppedRecords = TaskMetrics.droppedRecordsSensor(Thread.currentThread().getName(), context.taskId().toString(),
                (StreamsMetricsImpl) context.metrics());
        context.schedule(STREAM_TIME_PASS, PunctuationType.STREAM_TIME, streamTime -> emitClosedWindows());
        context.schedule(WALL_CLOCK_PASS, PunctuationType.WALL_CLOCK_TIME, wallClock -> emitCorrections());
    }

    @Override
    public void process(Record<String, ClassifiedSms> record) {
        if (record.key() == null || record.value() == null) {
            droppedRecords.record();
            return;
        }
        final long start = windowStart(record.timestamp());
        if (finalAt(start) <= context.currentStreamTimeMs()) {
            droppedRecords.record();
            listener.senderRecordTooLate();
            return;
        }
        count(record.key(), start, record.value());
    }

    private void count(String sender, long start, ClassifiedSms sms) {
        final String key = SenderKeys.window(sender, start);
        final SenderWindow existing = windows.get(key);
        final SenderWindow window = existing == null ? openWindow(sender, start) : existing;
        if (window.getEmission() == SenderWindowEmission.EMITTED) {
            window.setEmission(SenderWindowEmission.CHANGED);
            due.put(SenderKeys.correction(start, sender), sender);
        }
        windows.put(key, SenderWindows.add(sms, window));
    }

    /** A new window, with its first emission and its folding scheduled. */
    private SenderWindow openWindow(String sender, long start) {
        dueFloor = Math.min(dueFloor, closeAt(start));
        due.put(SenderKeys.timed(closeAt(start), start, sender), sender);
        due.put(SenderKeys.timed(finalAt(start), start, sender), sender);
        return SenderWindows.empty();
    }

    /** Emits every window whose close stream time has passed, and folds the final ones into the history. */
    private void emitClosedWindows() {
        final long streamTime = context.currentStreamTimeMs();
        if (streamTime < 0) {
            return;
        }
        for (String key : keys(due.range(SenderKeys.timedFrom(dueFloor), SenderKeys.timedThrough(streamTime)))) {
            final long start = SenderKeys.start(key);
            final String sender = SenderKeys.sender(key);
            emitIfChanged(sender, start);
            if (SenderKeys.due(key) >= finalAt(start)) {
                foldIntoHistory(sender, start);
            }
            due.delete(key);
        }
        dueFloor = Math.max(dueFloor, streamTime + 1);
    }

    /**
     * Emits the windows late records changed since the last pass, then anything stream time has closed. A correction
     * whose window was folded meanwhile (the final pass emitted it) finds nothing to do.
     */
    private void emitCorrections() {
        for (String key : keys(due.prefixScan(SenderKeys.correctionPrefix(), PREFIX_SERIALIZER))) {
            emitIfChanged(SenderKeys.sender(key), SenderKeys.start(key));
            due.delete(key);
        }
        emitClosedWindows();
    }

    /**
     * Emits a window not emitted since it last changed. One scan over the sender's windows, oldest first, builds
     * the history as of each; later windows already emitted go out again if this one moved their ratio.
     */
    private void emitIfChanged(String sender, long start) {
        final SenderWindow target = windows.get(SenderKeys.window(sender, start));
        if (target == null || target.getEmission() == SenderWindowEmission.EMITTED) {
            return;
        }
        byte[] earlier = pastRecipients(sender);
        for (KeyValue<Long, SenderWindow> entry : windowsOf(sender)) {
            final long windowStart = entry.key;
            final SenderWindow window = entry.value;
            final byte[] recipients = bytes(window.getRecipients());
            final byte[] through = HyperLogLog.union(earlier, recipients);
            if (windowStart == start || windowStart > start && window.getEmission() == SenderWindowEmission.EMITTED) {
                final double ratio = newRecipientRatio(recipients, earlier, through);
                if (windowStart == start || Math.abs(ratio - window.getEmittedRatio()) >= RATIO_RESOLUTION) {
                    emit(sender, windowStart, window, ratio);
                }
            }
            earlier = through;
        }
    }

    private void emit(String sender, long start, SenderWindow window, double ratio) {
        final SenderStats stats = SenderStats.newBuilder()
                .setSender(sender)
                .setWindowStart(start)
                .setWindowEnd(start + windowMs)
                .setMessages(window.getMessages())
                .setByCategory(new TreeMap<>(window.getByCategory()))
                .setDistinctRecipients(HyperLogLog.estimate(bytes(window.getRecipients())))
                .setNewRecipientRatio(ratio)
                .setOptOutMessages(window.getOptOut())
                .setDistinctCampaigns(HyperLogLog.estimate(bytes(window.getCampaigns())))
                .build();
        context.forward(new Record<>(sender, stats, start + windowMs - 1));
        window.setEmission(SenderWindowEmission.EMITTED);
        window.setEmittedRatio(ratio);
        windows.put(SenderKeys.window(sender, start), window);
    }

    /** A final window joins the history of every later one and leaves the window store. */
    private void foldIntoHistory(String sender, long start) {
        final String key = SenderKeys.window(sender, start);
        final SenderWindow window = windows.get(key);
        if (window == null) {
            return;
        }
        history.put(sender, SenderHistory.newBuilder()
                .setRecipients(ByteBuffer.wrap(HyperLogLog.union(pastRecipients(sender), bytes(window.getRecipients()))))
                .build());
        windows.delete(key);
    }

    /** The counter of every recipient in the sender's final windows, empty before the first. */
    private byte[] pastRecipients(String sender) {
        final SenderHistory past = history.get(sender);
        return past == null ? new byte[0] : bytes(past.getRecipients());
    }

    /**
     * The share of a window's distinct recipients that are not among {@code earlier}; {@code through} is the union
     * of the two, which the caller needs anyway.
     */
    private static double newRecipientRatio(byte[] recipients, byte[] earlier, byte[] through) {
        final long distinct = HyperLogLog.estimate(recipients);
        if (distinct == 0) {
            return 0.0;
        }
        final long grown = Math.max(0, HyperLogLog.estimate(through) - HyperLogLog.estimate(earlier));
        return Math.min(1.0, (double) grown / distinct);
    }

    /** The sender's windows in the store, oldest first. */
    private List<KeyValue<Long, SenderWindow>> windowsOf(String sender) {
        final String prefix = SenderKeys.windowPrefix(sender);
        final List<KeyValue<Long, SenderWindow>> out = new ArrayList<>();
        try (KeyValueIterator<String, SenderWindow> it = windows.prefixScan(prefix, PREFIX_SERIALIZER)) {
            while (it.hasNext()) {
                final KeyValue<String, SenderWindow> entry = it.next();
                final long start = SenderKeys.windowStart(entry.key, prefix);
                if (start >= 0) {
                    out.add(KeyValue.pair(start, entry.value));
                }
            }
        }
        return out;
    }

    /** The keys of an iterator, read before the pass changes the store under it. */
    private static List<String> keys(KeyValueIterator<String, String> iterator) {
        final List<String> out = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(entry -> out.add(entry.key));
        }
        return out;
    }

    private long windowStart(long timestamp) {
        return Math.floorDiv(timestamp, windowMs) * windowMs;
    }

    private long closeAt(long start) {
        return start + windowMs + graceMs;
    }

    private long finalAt(long start) {
        return start + windowMs + latenessMs;
    }

    static byte[] bytes(ByteBuffer buffer) {
        final ByteBuffer copy = buffer.duplicate();
        final byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
