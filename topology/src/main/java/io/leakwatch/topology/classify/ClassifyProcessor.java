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
import org.apache.kafka.streams.state.KeyValueStore;

/** Classifies an accepted message and drops its text. */
public final class ClassifyProcessor implements FixedKeyProcessor<String, Ingested.Accepted, ClassifiedSms> {

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

    private ClassifiedSms toClassified(Ingested.Accepted message, Classification result, Category category) {
        return ClassifiedSms.newBuilder()
                .setEventId(message.eventId())
                .setTs(message.ts())
                .setSender(message.sender())
                .setRecipientToken(message.recipientToken())
                .setCategory(category)
                .setScore(result.score())
                .setReason(result.reason() == null ? "" : result.reason())
                .setSignature(result.signature())
                .setOtp(result.otp())
                .setFingerprint(result.fingerprint() == null ? "" : result.fingerprint())
                .setApp(apps.appOf(result.signature(), message.sender()))
                .setOptOut(result.optOut())
                .build();
    }
}
