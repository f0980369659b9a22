package io.leakwatch.topology.classify;

import io.leakwatch.classifier.Classification;
import io.leakwatch.schemas.App;
import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.Rule;
import io.leakwatch.topology.PipelineListener;
import io.leakwatch.topology.ingest.Ingested;
import io.leakwatch.topology.reference.AppDirectory;
import io.leakwatch.topology.reference.ReferenceStores;
import io.leakwatch.topology.reference.RuleBook;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import java.util.regex.Pattern;
import org.apache.kafka.streams.state.KeyValueStore;

/** Classifies an accepted message and drops its text. */
public final class ClassifyProcessor implements FixedKeyProcessor<String, Ingested.Accepted, ClassifiedSms> {

    /** Codes that say nothing of the message: a rule's id, or the class of a classifier error. */
    private static final Pattern SAFE_REASON = Pattern.compile("rule:[A-Za-z0-9._-]{1,64}|error:[A-Za-z0-9_$]{1,64}");
    private static final String MODEL_REASON = "model:";

    private final RuleBook rules;
    private final AppDirectory apps;
    private final PipelineListener listener;
    private FixedKeyProcessorContext<String, ClassifiedSms> context;

    public ClassifyProcessor(RuleBook rules, AppDirectory apps, PipelineListener listener) {
        this.rules = rules;
        this.apps = apps;
        this.listener = listener;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ClassifiedSms> context) {
        this.context = context;
        // Global stores restored at start-up bypass their update processors, so load the indexes here once.
        if (!apps.isLoaded()) {
            final KeyValueStore<String, App> appStore = context.getStateStore(ReferenceStores.APPS_STORE);
            apps.refreshFrom(appStore);
        }
        if (!rules.isLoaded()) {
            final KeyValueStore<String, Rule> ruleStore = context.getStateStore(ReferenceStores.RULES_STORE);
            rules.refreshFrom(ruleStore);
        }
    }

    @Override
    public void process(FixedKeyRecord<String, Ingested.Accepted> record) {
        final Ingested.Accepted message = record.value();
        final Classification result = rules.classifier().classify(message.text(), message.sender());
        final Category category = Category.valueOf(result.category().name());
        listener.classified(category);
        context.forward(record.withValue(toClassified(message, result, category)));
    }

    /**
     * The reason as it may travel downstream: a rule's id ({@code rule:<id>}) or a classifier error's class are kept;
     * the model's reason ({@code model:top=<feature>}, the n-gram that weighed most: a fragment of the message) becomes
     * {@code model:<CATEGORY>}, and anything else that does not look like a code does too. {@code classify --explain}
     * still shows the feature, on the operator's own input.
     */
    static String downstreamReason(String reason, Category category) {
        if (reason != null && SAFE_REASON.matcher(reason).matches()) {
            return reason;
        }
        return MODEL_REASON + category.name();
    }

    private ClassifiedSms toClassified(Ingested.Accepted message, Classification result, Category category) {
        return ClassifiedSms.newBuilder()
                .setEventId(message.eventId())
                .setTs(message.ts())
                .setSender(message.sender())
                .setRecipientToken(message.recipientToken())
                .setCategory(category)
                .setScore(result.score())
                .setReason(downstreamReason(result.reason(), category))
                .setSignature(result.signature())
                .setOtp(result.otp())
                .setFingerprint(result.fingerprint() == null ? "" : result.fingerprint())
                .setApp(apps.appOf(result.signature(), message.sender()))
                .setOptOut(result.optOut())
                .build();
    }
}
