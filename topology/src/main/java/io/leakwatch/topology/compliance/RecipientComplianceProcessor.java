package io.leakwatch.topology.compliance;

import io.leakwatch.schemas.ComplianceRule;
import io.leakwatch.schemas.Rule;
import io.leakwatch.schemas.internal.ComplianceInput;
import io.leakwatch.schemas.internal.CompliancePartial;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.reference.ReferenceStores;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
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
 * Keyed by the subscriber's token, on the subscriber's partition: remembers their refusals, counts what each sender
 * and signature sends them per local day, and judges each marketing message against the rules. What it finds is
 * added to a per-task partial per sender, signature and day, flushed keyed by sender every {@link #FLUSH} of stream
 * time; distinct recipients add exactly across tasks, as each recipient lives on one.
 *
 * <p>{@code OVER_TOTAL_CAP} is judged when the day closes: every sender and signature that sent marketing that day to
 * a recipient who got more than the total cap in all is counted, with its messages to that recipient.
 *
 * <p>A day's per-recipient counts are dropped when stream time passes its end plus {@code leakwatch.grace}; records
 * of such a day come too late to be counted and go to the task's {@code dropped-records} sensor. Refusals are kept
 * for good: a withdrawn consent does not expire, and a subscriber refuses few ports.
 */
public final class RecipientComplianceProcessor implements Processor<String, ComplianceInput, String, CompliancePartial> {

    /** {@code token|P|port} and {@code token|S|signature} to the time of the first refusal. */
    public static final String REFUSAL_STORE = "compliance-refusal-store";
    /** {@code token|port} to the signature of the last marketing from the port: what a refusal to the port refuses. */
    public static final String LAST_SIGNATURE_STORE = "compliance-last-signature-store";
    /** {@code day|token|...}: counters and recipients already counted, per local day. */
    public static final String DAILY_STORE = "compliance-recipient-day-store";
    /** {@code day|sender|signature} to what this task found since its last flush. */
    public static final String PARTIAL_STORE = "compliance-partial-store";
    static final Duration FLUSH = Duration.ofMinutes(10);
    private static final String MARKETING = "MARKETING";

    private final long graceMs;
    private final ComplianceRules rules;
    private ProcessorContext<String, CompliancePartial> context;
    private KeyValueStore<String, Long> refusals;
    private KeyValueStore<String, String> lastSignature;
    private KeyValueStore<String, Long> daily;
    private KeyValueStore<String, CompliancePartial> partials;
    private Sensor droppedRecords;
    /** The earliest day whose counts may still be in the daily store; not state: after a restart it starts over. */
    private LocalDate oldestOpenDay;

    public RecipientComplianceProcessor(LeakWatchConfig config, ComplianceRules rules) {
        this.graceMs = config.grace().toMillis();
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, CompliancePartial> context) {
        this.context = context;
        this.refusals = context.getStateStore(REFUSAL_STORE);
        this.lastSignature = context.getStateStore(LAST_SIGNATURE_STORE);
        this.daily = context.getStateStore(DAILY_STORE);
        this.partials = context.getStateStore(PARTIAL_STORE);
        this.droppedRecords = TaskMetrics.droppedRecordsSensor(Thread.currentThread().getName(), context.taskId().toString(),
                (StreamsMetricsImpl) context.metrics());
        context.schedule(FLUSH, PunctuationType.STREAM_TIME, streamTime -> flush());
        // Global stores restored at start-up bypass their update processors, so load the settings here once.
        if (!rules.isLoaded()) {
            final KeyValueStore<String, Rule> ruleStore = context.getStateStore(ReferenceStores.RULES_STORE);
            rules.refreshFrom(ruleStore);
        }
    }

    @Override
    public void process(Record<String, ComplianceInput> record) {
        final ComplianceInput input = record.value();
        if (record.key() == null || input == null) {
            droppedRecords.record();
            return;
        }
        final ComplianceSettings settings = rules.settings();
        final LocalDate day = ComplianceKeys.day(input.getTs(), settings.zone());
        if (ComplianceKeys.dayEnd(day, settings.zone()) + graceMs <= context.currentStreamTimeMs()) {
            droppedRecords.record();
            return;
        }
        if (oldestOpenDay == null) {
            oldestOpenDay = firstDayStored();
        }
        if (oldestOpenDay == null || day.isBefore(oldestOpenDay)) {
            oldestOpenDay = day;
        }
        switch (input.getKind()) {
            case REFUSAL -> rememberRefusal(record.key(), input, settings, day);
            case NOTICE -> countNotice(input, settings, day);
            case MARKETING -> judgeMarketing(record.key(), input, settings, day);
            default -> droppedRecords.record();
        }
    }

    private void countNotice(ComplianceInput notice, ComplianceSettings settings, LocalDate day) {
        final CompliancePartial partial = partial(notice.getSender(), notice.getSignature(), day, settings);
        partial.setNoticeMessages(partial.getNoticeMessages() + 1);
        store(partial);
    }

    private void rememberRefusal(String token, ComplianceInput refusal, ComplianceSettings settings, LocalDate day) {
        final String port = refusal.getSender();
        refuse(ComplianceKeys.join(token, "P", port), refusal.getTs());
        final String last = lastSignature.get(ComplianceKeys.join(token, port));
        final String signature = last == null ? null : ComplianceKeys.signatureOf(last);
        if (signature != null) {
            refuse(ComplianceKeys.join(token, "S", signature), refusal.getTs());
        }
        final CompliancePartial partial = partial(port, signature, day, settings);
        partial.setRefusals(partial.getRefusals() + 1);
        store(partial);
    }

    private void refuse(String key, long ts) {
        final Long earlier = refusals.get(key);
        if (earlier == null || ts < earlier) {
            refusals.put(key, ts);
        }
    }

    private void judgeMarketing(String token, ComplianceInput sms, ComplianceSettings settings, LocalDate day) {
        final String sender = sms.getSender();
        final String signature = sms.getSignature();
        final String dayKey = day.toString();
        final CompliancePartial partial = partial(sender, signature, day, settings);
        partial.setMarketingMessages(partial.getMarketingMessages() + 1);
        if (increment(ComplianceKeys.join(dayKey, token, "R", MARKETING, sender, ComplianceKeys.signature(signature))) == 1) {
            partial.setMarketingRecipients(partial.getMarketingRecipients() + 1);
        }
        final List<ComplianceRule> broken = new ArrayList<>();
        final Long refusedAt = refusedBefore(token, sender, signature, sms.getTs());
        if (refusedAt != null) {
            broken.add(ComplianceRule.AFTER_REFUSAL);
            Partials.delay(partial, sms.getTs() - refusedAt);
        }
        if (!sms.getOptOut()) {
            broken.add(ComplianceRule.NO_REFUSAL_INSTRUCTION);
        }
        if (signature == null) {
            broken.add(ComplianceRule.NO_SIGNATURE);
        }
        if (settings.outsideWindow(sms.getTs())) {
            broken.add(ComplianceRule.OUTSIDE_SENDING_WINDOW);
        }
        final String from = signature == null ? "P" + ComplianceKeys.SEP + sender : "S" + ComplianceKeys.SEP + signature;
        if (increment(ComplianceKeys.join(dayKey, token, "C", from)) > settings.capPerSignature()) {
            broken.add(ComplianceRule.OVER_SIGNATURE_CAP);
        }
        increment(ComplianceKeys.join(dayKey, token, "T"));
        for (ComplianceRule rule : broken) {
            Partials.count(partial, rule, firstTime(dayKey, token, rule.name(), sender, signature));
        }
        if (!broken.isEmpty()) {
            Partials.example(partial, sms.getFingerprint(), settings.examples());
        }
        store(partial);
        lastSignature.put(ComplianceKeys.join(token, sender), ComplianceKeys.signature(signature));
    }

    /** The first refusal of this recipient to the port or the signature before {@code ts}, or null. */
    private Long refusedBefore(String token, String sender, String signature, long ts) {
        Long first = refusals.get(ComplianceKeys.join(token, "P", sender));
        if (signature != null) {
            final Long bySignature = refusals.get(ComplianceKeys.join(token, "S", signature));
            if (bySignature != null && (first == null || bySignature < first)) {
                first = bySignature;
            }
        }
        return first != null && first < ts ? first : null;
    }

    private boolean firstTime(String day, String token, String what, String sender, String signature) {
        final String key = ComplianceKeys.join(day, token, "R", what, sender, ComplianceKeys.signature(signature));
        if (daily.get(key) != null) {
            return false;
        }
        daily.put(key, 1L);
        return true;
    }

    private long increment(String key) {
        final Long before = daily.get(key);
        final long now = before == null ? 1 : before + 1;
        daily.put(key, now);
        return now;
    }

    private CompliancePartial partial(String sender, String signature, LocalDate day, ComplianceSettings settings) {
        final CompliancePartial existing = partials.get(partialKey(sender, signature, day.toString()));
        if (existing != null) {
            return existing;
        }
        return Partials.empty(sender, signature, day.toString(), ComplianceKeys.dayStart(day, settings.zone()),
                ComplianceKeys.dayEnd(day, settings.zone()));
    }

    private void store(CompliancePartial partial) {
        partials.put(partialKey(partial.getSender(), partial.getSignature(), partial.getDay()), partial);
    }

    private static String partialKey(String sender, String signature, String day) {
        return ComplianceKeys.join(day, sender, ComplianceKeys.signature(signature));
    }

    /** Sends every partial keyed by sender, stamped with stream time, and drops the counts of days that closed. */
    private void flush() {
        final long streamTime = context.currentStreamTimeMs();
        final List<KeyValue<String, CompliancePartial>> pending = new ArrayList<>();
        try (KeyValueIterator<String, CompliancePartial> it = partials.all()) {
            while (it.hasNext()) {
                pending.add(it.next());
            }
        }
        for (KeyValue<String, CompliancePartial> entry : pending) {
            partials.delete(entry.key);
            context.forward(new Record<>(entry.value.getSender(), entry.value, streamTime));
        }
        dropClosedDays(streamTime);
    }

    private void dropClosedDays(long streamTime) {
        final ZoneId zone = rules.settings().zone();
        if (oldestOpenDay == null) {
            oldestOpenDay = firstDayStored();
        }
        while (oldestOpenDay != null && ComplianceKeys.dayEnd(oldestOpenDay, zone) + graceMs <= streamTime) {
            final String day = oldestOpenDay.toString();
            final List<KeyValue<String, Long>> entries = new ArrayList<>();
            try (KeyValueIterator<String, Long> it = daily.range(day + ComplianceKeys.SEP, day + ComplianceKeys.SEP + ComplianceKeys.END)) {
                while (it.hasNext()) {
                    entries.add(it.next());
                }
            }
            judgeTotalCap(oldestOpenDay, entries, streamTime);
            entries.forEach(entry -> daily.delete(entry.key));
            oldestOpenDay = oldestOpenDay.plusDays(1);
        }
    }

    /**
     * The day's entries of each recipient are contiguous ({@code day|token|...}) and their total ({@code T}) sorts after
     * the senders that reached them ({@code R|MARKETING|sender|signature}).
     */
    private void judgeTotalCap(LocalDate day, List<KeyValue<String, Long>> entries, long streamTime) {
        final ComplianceSettings settings = rules.settings();
        final java.util.Map<String, CompliancePartial> found = new java.util.TreeMap<>();
        int first = 0;
        while (first < entries.size()) {
            final String token = ComplianceKeys.split(entries.get(first).key)[1];
            int end = first;
            long total = 0;
            while (end < entries.size() && ComplianceKeys.split(entries.get(end).key)[1].equals(token)) {
                final String[] parts = ComplianceKeys.split(entries.get(end).key);
                if (parts.length == 3 && parts[2].equals("T")) {
                    total = entries.get(end).value;
                }
                end++;
            }
            if (total > settings.capTotal()) {
                for (int i = first; i < end; i++) {
                    final String[] parts = ComplianceKeys.split(entries.get(i).key);
                    if (parts.length == 6 && parts[2].equals("R") && parts[3].equals(MARKETING)) {
                        final String sender = parts[4];
                        final String signature = ComplianceKeys.signatureOf(parts[5]);
                        final CompliancePartial partial = found.computeIfAbsent(partialKey(sender, signature, day.toString()),
                                k -> Partials.empty(sender, signature, day.toString(), ComplianceKeys.dayStart(day, settings.zone()),
                                        ComplianceKeys.dayEnd(day, settings.zone())));
                        partial.getRuleMessages().merge(ComplianceRule.OVER_TOTAL_CAP.name(), entries.get(i).value, Long::sum);
                        partial.getRuleRecipients().merge(ComplianceRule.OVER_TOTAL_CAP.name(), 1L, Long::sum);
                    }
                }
            }
            first = end;
        }
        found.values().forEach(partial -> context.forward(new Record<>(partial.getSender(), partial, streamTime)));
    }

    /** The first day the daily store holds counts of (after a restart), or null when it is empty. */
    private LocalDate firstDayStored() {
        try (KeyValueIterator<String, Long> it = daily.all()) {
            return it.hasNext() ? LocalDate.parse(ComplianceKeys.split(it.next().key)[0]) : null;
        }
    }
}
