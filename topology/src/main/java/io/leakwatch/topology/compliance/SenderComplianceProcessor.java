package io.leakwatch.topology.compliance;

import io.leakwatch.schemas.ComplianceFinding;
import io.leakwatch.schemas.internal.CompliancePartial;
import io.leakwatch.topology.LeakWatchConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by sender: adds up the recipient tasks' partials per sender, signature and local day, and writes the day's
 * {@link ComplianceFinding}s, one per rule broken, once stream time passes the day's end plus {@code leakwatch.grace}
 * plus {@link #SETTLE} at the pass before (the recipient tasks flush every {@link RecipientComplianceProcessor#FLUSH},
 * and judge the total cap when the day closes). A partial that
 * comes later changes the day and its findings are written again; a day is forgotten {@link #KEEP} after it closed.
 *
 * <p>{@code PORT_ALSO_SENDS_NOTICES} is judged per sender over all its signatures: a port that sent one-time codes or
 * notices on a day it also sent marketing, at least {@code port.mix.min.messages} and {@code port.mix.min.share} of the
 * smaller kind.
 */
public final class SenderComplianceProcessor implements Processor<String, CompliancePartial, String, ComplianceFinding> {

    /** {@code day|sender|signature} to the sum of the partials. */
    public static final String DAY_STORE = "compliance-sender-day-store";
    static final Duration PASS = Duration.ofMinutes(10);
    static final Duration SETTLE = Duration.ofMinutes(20);
    static final Duration KEEP = Duration.ofDays(1);

    private final long graceMs;
    private final ComplianceRules rules;
    private ProcessorContext<String, ComplianceFinding> context;
    private KeyValueStore<String, CompliancePartial> days;
    /**
     * Stream time of the previous pass. A day is written once the previous pass had passed its close: the partials the
     * recipient tasks flushed at that stream time (their last of the day) are in by now. Not state: after a restart
     * the first pass writes nothing.
     */
    private long previousPass = -1;

    public SenderComplianceProcessor(LeakWatchConfig config, ComplianceRules rules) {
        this.graceMs = config.grace().toMillis();
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, ComplianceFinding> context) {
        this.context = context;
        this.days = context.getStateStore(DAY_STORE);
        context.schedule(PASS, PunctuationType.STREAM_TIME, streamTime -> emitClosedDays());
    }

    @Override
    public void process(Record<String, CompliancePartial> record) {
        final CompliancePartial partial = record.value();
        if (partial == null) {
            return;
        }
        final String key = ComplianceKeys.join(partial.getDay(), partial.getSender(), ComplianceKeys.signature(partial.getSignature()));
        final CompliancePartial existing = days.get(key);
        if (existing == null) {
            partial.setEmitted(false);
            days.put(key, partial);
            return;
        }
        Partials.add(existing, partial, rules.settings().examples());
        existing.setEmitted(false);
        days.put(key, existing);
    }

    /** Writes the findings of every closed day not written since it last changed; forgets days closed long ago. */
    private void emitClosedDays() {
        final long streamTime = context.currentStreamTimeMs();
        final long closedBy = previousPass;
        previousPass = streamTime;
        final List<KeyValue<String, CompliancePartial>> all = new ArrayList<>();
        try (KeyValueIterator<String, CompliancePartial> it = days.all()) {
            while (it.hasNext()) {
                all.add(it.next());
            }
        }
        int i = 0;
        while (i < all.size()) {
            final CompliancePartial first = all.get(i).value;
            int j = i;
            long notices = 0;
            long marketing = 0;
            while (j < all.size() && all.get(j).value.getDay().equals(first.getDay()) && all.get(j).value.getSender().equals(first.getSender())) {
                notices += all.get(j).value.getNoticeMessages();
                marketing += all.get(j).value.getMarketingMessages();
                j++;
            }
            final long closesAt = first.getWindowEnd() + graceMs + SETTLE.toMillis();
            if (closesAt <= closedBy) {
                for (int k = i; k < j; k++) {
                    emitIfChanged(all.get(k).key, all.get(k).value, notices, marketing, streamTime);
                }
            }
            if (closesAt + KEEP.toMillis() <= streamTime) {
                for (int k = i; k < j; k++) {
                    days.delete(all.get(k).key);
                }
            }
            i = j;
        }
    }

    private void emitIfChanged(String key, CompliancePartial day, long senderNotices, long senderMarketing, long streamTime) {
        if (day.getEmitted()) {
            return;
        }
        for (ComplianceFinding finding : Findings.of(day, senderNotices, senderMarketing, rules.settings())) {
            context.forward(new Record<>(day.getSender(), finding, streamTime));
        }
        day.setEmitted(true);
        days.put(key, day);
    }
}
