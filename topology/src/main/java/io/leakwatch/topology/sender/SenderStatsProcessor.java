package io.leakwatch.topology.sender;

import io.leakwatch.schemas.SenderStats;
import io.leakwatch.schemas.internal.SenderHistory;
import io.leakwatch.schemas.internal.SenderWindow;
import java.nio.ByteBuffer;
import java.util.TreeMap;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns a closed sender window into {@link SenderStats}, estimating how many of its recipients are new to the
 * sender by comparing with the union of all its earlier windows.
 */
public final class SenderStatsProcessor implements Processor<Windowed<String>, SenderWindow, String, SenderStats> {

    public static final String HISTORY_STORE = "sender-history-store";
    private ProcessorContext<String, SenderStats> context;
    private KeyValueStore<String, SenderHistory> history;

    @Override
    public void init(ProcessorContext<String, SenderStats> context) {
        this.context = context;
        this.history = context.getStateStore(HISTORY_STORE);
    }

    @Override
    public void process(Record<Windowed<String>, SenderWindow> record) {
        final String sender = record.key().key();
        final SenderWindow window = record.value();
        final byte[] recipients = bytes(window.getRecipients());
        final SenderHistory past = history.get(sender);
        final byte[] before = past == null ? new byte[0] : bytes(past.getRecipients());
        final byte[] after = HyperLogLog.union(before, recipients);
        final long distinct = HyperLogLog.estimate(recipients);
        final long grown = Math.max(0, HyperLogLog.estimate(after) - HyperLogLog.estimate(before));
        history.put(sender, SenderHistory.newBuilder().setRecipients(ByteBuffer.wrap(after)).build());
        final SenderStats stats = SenderStats.newBuilder()
                .setSender(sender)
                .setWindowStart(record.key().window().start())
                .setWindowEnd(record.key().window().end())
                .setMessages(window.getMessages())
                .setByCategory(new TreeMap<>(window.getByCategory()))
                .setDistinctRecipients(distinct)
                .setNewRecipientRatio(distinct == 0 ? 0.0 : Math.min(1.0, (double) grown / distinct))
                .setOptOutMessages(window.getOptOut())
                .setDistinctCampaigns(HyperLogLog.estimate(bytes(window.getCampaigns())))
                .build();
        context.forward(new Record<>(sender, stats, record.key().window().end() - 1));
    }

    static byte[] bytes(ByteBuffer buffer) {
        final ByteBuffer copy = buffer.duplicate();
        final byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
