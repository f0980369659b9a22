package io.leakwatch.app.run;

import io.leakwatch.schemas.AlertStatus;
import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.topology.PipelineListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topology's events as Prometheus metrics: {@code leakwatch_messages_total{category}},
 * {@code leakwatch_dead_letters_total{reason}}, {@code leakwatch_alert_changes_total{status}},
 * {@code leakwatch_sender_late_records_total}, {@code leakwatch_dropped_records_total{reason}},
 * {@code leakwatch_reference_records_skipped_total{topic}} and the gauge {@code leakwatch_alerts_open}. These names are what
 * deploy/prometheus and the Grafana dashboard use.
 */
public final class MicrometerListener implements PipelineListener {

    private final MeterRegistry registry;
    private final Map<Category, Counter> messages = new EnumMap<>(Category.class);
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, Counter> skippedReferences = new ConcurrentHashMap<>();
    private final Set<String> openApps = ConcurrentHashMap.newKeySet();
    private final Counter senderRecordsTooLate;

    public MicrometerListener(MeterRegistry registry) {
        this.registry = registry;
        for (Category category : Category.values()) {
            messages.put(category, Counter.builder("leakwatch.messages").description("Messages classified, by category")
                    .tag("category", category.name()).register(registry));
        }
        registry.gauge("leakwatch.alerts.open", openApps, Set::size);
        // the series alert rules query exist from the start, at 0, rather than with their first event
        for (String stage : new String[] {"deserialization-error", "processing-error", "production-error", "serialization-error"}) {
            recordDroppedCounter(stage);
        }
        for (String topic : new String[] {"apps", "rules"}) {
            referenceSkippedCounter(topic);
        }
        senderRecordsTooLate = Counter.builder("leakwatch.sender.late.records")
                .description("Records sender.stats does not count: later than leakwatch.sender.lateness").register(registry);
    }

    @Override
    public void classified(Category category) {
        messages.get(category).increment();
    }

    @Override
    public void recordDropped(String reason) {
        recordDroppedCounter(kindOf(reason)).increment();
    }

    @Override
    public void referenceRecordSkipped(String topic, String reason) {
        referenceSkippedCounter(topic).increment();
    }

    private Counter recordDroppedCounter(String kind) {
        return dropped.computeIfAbsent(kind, k -> Counter.builder("leakwatch.dropped.records")
                .description("Records that failed and could not be dead-lettered either, so were skipped, by reason")
                .tag("reason", k).register(registry));
    }

    private Counter referenceSkippedCounter(String topic) {
        return skippedReferences.computeIfAbsent(topic, t -> Counter.builder("leakwatch.reference.records.skipped")
                .description("Records of apps and rules left out of their global store because they cannot be used")
                .tag("topic", t).register(registry));
    }

    /** Reasons such as "bad-timestamp: 123" carry a value; the metric tag keeps only the kind. */
    private static String kindOf(String reason) {
        return reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
    }

    @Override
    public void deadLetter(String reason) {
        final String kind = kindOf(reason);
        deadLetters.computeIfAbsent(kind, k -> Counter.builder("leakwatch.dead.letters")
                .description("Records sent to the dead-letter topic, by reason").tag("reason", k).register(registry)).increment();
    }

    @Override
    public void alert(LeakAlert alert) {
        if (alert.getStatus() == AlertStatus.RESOLVED) {
            openApps.remove(alert.getApp());
        } else {
            openApps.add(alert.getApp());
        }
        registry.counter("leakwatch.alert.changes", "status", alert.getStatus().name()).increment();
    }

    @Override
    public void senderRecordTooLate() {
        senderRecordsTooLate.increment();
    }
}
