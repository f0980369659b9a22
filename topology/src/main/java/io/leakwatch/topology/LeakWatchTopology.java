package io.leakwatch.topology;

import io.leakwatch.classifier.Classifiers;
import io.leakwatch.classifier.RuleAwareClassifier;
import io.leakwatch.schemas.App;
import io.leakwatch.schemas.ClassifiedSms;
import io.leakwatch.schemas.CohortStats;
import io.leakwatch.schemas.Rule;
import io.leakwatch.schemas.SmsEvent;
import io.leakwatch.schemas.internal.CohortEvent;
import io.leakwatch.schemas.internal.ComplianceInput;
import io.leakwatch.schemas.internal.ComplianceInputKind;
import io.leakwatch.schemas.internal.CompliancePartial;
import io.leakwatch.schemas.internal.CohortHistory;
import io.leakwatch.schemas.internal.CohortState;
import io.leakwatch.schemas.internal.Incident;
import io.leakwatch.schemas.internal.MembershipList;
import io.leakwatch.schemas.internal.RegistrationBucket;
import io.leakwatch.schemas.internal.RegistrationHistory;
import io.leakwatch.schemas.internal.SenderAccumulator;
import io.leakwatch.schemas.internal.SenderHistory;
import io.leakwatch.schemas.internal.SenderWindow;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.alert.DetectorProcessor;
import io.leakwatch.topology.classify.ClassifyProcessor;
import io.leakwatch.topology.cohort.CohortProcessor;
import io.leakwatch.topology.compliance.ComplianceRules;
import io.leakwatch.topology.compliance.RecipientComplianceProcessor;
import io.leakwatch.topology.compliance.SenderComplianceProcessor;
import io.leakwatch.topology.ingest.IngestProcessor;
import io.leakwatch.topology.ingest.Ingested;
import io.leakwatch.topology.membership.MembershipProcessor;
import io.leakwatch.topology.reference.AppDirectory;
import io.leakwatch.topology.reference.ReferenceStores;
import io.leakwatch.topology.reference.RuleBook;
import io.leakwatch.topology.sender.SenderStatsProcessor;
import io.leakwatch.topology.state.StateStores;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the LeakWatch topology. Every processor, store and repartition topic is named: once deployed, those
 * names are a contract (changelog and repartition topics carry them).
 *
 * <pre>
 * sms.events ─ ingest ─┬─ rejected ──────────────────────────────► sms.dlq
 *                      ├─ accepted ─ classify ───────────────────► sms.classified (keyed by recipient token)
 *                      │                 └─ marketing, notices ─┐
 *                      └─ refusal replies ──────────────────────┴─► compliance-by-recipient ─ recipient-compliance
 *                           ─► compliance-partials-by-sender ─ sender-compliance (per local day) ─► compliance.findings
 * sms.classified ─┬─ membership ─► cohort-events-by-app ─ cohort ─► cohort.stats ─► detector ─► leak.alerts
 *                 └─ sender-key ─► classified-by-sender ─ sender-stats (hourly windows, corrected when late) ─► sender.stats
 * apps, rules (compacted) ─► global stores (read by classify; compliance.* rules by ingest and compliance)
 * </pre>
 */
public final class LeakWatchTopology {

    private static final String DETECTOR_KEY = "all";

    /**
     * How much of the topology to build: the whole pipeline, or a prefix of it so that {@code ./leakwatch bench} can
     * show what each stage adds. Each stage includes the ones before it; where a prefix stops, the records it would
     * pass on end in a processor that drops them.
     */
    public enum Stage {
        /** {@code sms.events} decoded, validated and pseudonymized; rejects go to {@code sms.dlq}, the rest stop. */
        DECODE,
        /** Plus classification, written to {@code sms.classified}. */
        CLASSIFY,
        /** Plus {@code sms.classified} read back, membership, and its events through {@code cohort-events-by-app}. */
        MEMBERSHIP,
        /** Plus the sender stage: {@code classified-by-sender}, hourly windows, {@code sender.stats}. */
        SENDER,
        /** Plus the cohort stage and the detector: the whole pipeline. */
        FULL;

        /** Whether a topology built up to this stage contains {@code stage}. */
        public boolean includes(Stage stage) {
            return compareTo(stage) >= 0;
        }
    }

    private LeakWatchTopology() {
    }

    public static Topology build(LeakWatchConfig config, AvroSerdes serdes) {
        return build(config, serdes, PipelineListener.NONE);
    }

    public static Topology build(LeakWatchConfig config, AvroSerdes serdes, PipelineListener listener) {
        return build(config, serdes, Classifiers.loadDefault(), listener);
    }

    /** The topology up to {@code until}, with the bundled classifier. */
    public static Topology build(LeakWatchConfig config, AvroSerdes serdes, PipelineListener listener, Stage until) {
        return build(config, serdes, Classifiers.loadDefault(), listener, until);
    }

    public static Topology build(LeakWatchConfig config, AvroSerdes serdes, RuleAwareClassifier classifier, PipelineListener listener) {
        return build(config, serdes, classifier, listener, Stage.FULL);
    }

    private static Topology build(LeakWatchConfig config, AvroSerdes serdes, RuleAwareClassifier classifier, PipelineListener listener,
                                  Stage until) {
        final StreamsBuilder builder = new StreamsBuilder();
        final Topics topics = new Topics(serdes);
        final AppDirectory apps = new AppDirectory();
        final RuleBook rules = new RuleBook(classifier);
        final ComplianceRules compliance = new ComplianceRules();

        final StateStores stores = config.stateStores();
        addReferenceStores(builder, topics, serdes, apps, rules, compliance, stores, listener);
        final KStream<String, ComplianceInput> complianceInputs = ingestAndClassify(builder, topics, serdes, config, apps, rules, compliance,
                listener, until);
        if (until.includes(Stage.MEMBERSHIP)) {
            final KStream<String, ClassifiedSms> classified = builder.stream(topics.classified.name(), topics.classified.consumed());
            detectLeaks(builder, classified, topics, serdes, config, listener, stores, until);
            if (until.includes(Stage.SENDER)) {
                summariseSenders(builder, classified, topics, serdes, config, listener, stores);
            }
            if (until.includes(Stage.FULL)) {
                judgeCompliance(builder, complianceInputs, topics, serdes, config, compliance, stores);
            }
        }
        return builder.build();
    }

    private static void addReferenceStores(StreamsBuilder builder, Topics topics, AvroSerdes serdes, AppDirectory apps, RuleBook rules,
                                           ComplianceRules compliance, StateStores stores, PipelineListener listener) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(stores.keyValue(ReferenceStores.APPS_STORE), Serdes.String(),
                        serdes.value(App.class)).withLoggingDisabled(),
                topics.apps.name(), topics.apps.consumed(), () -> new ReferenceStores.Updater<App>(ReferenceStores.APPS_STORE, topics.apps.name(), apps::refreshFrom,
                        AppDirectory::problemOf, listener));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(stores.keyValue(ReferenceStores.RULES_STORE), Serdes.String(),
                        serdes.value(Rule.class)).withLoggingDisabled(),
                topics.rules.name(), topics.rules.consumed(), () -> new ReferenceStores.Updater<Rule>(ReferenceStores.RULES_STORE, topics.rules.name(),
                        store -> {
                            rules.refreshFrom(store);
                            compliance.refreshFrom(store);
                        },
                        rule -> ComplianceRules.isSetting(rule.getId()) ? compliance.problemOf(rule) : rules.problemOf(rule), listener));
    }

    /** Returns what the compliance stage reads (marketing and notices as classified, and refusal replies); null before CLASSIFY. */
    private static KStream<String, ComplianceInput> ingestAndClassify(StreamsBuilder builder, Topics topics, AvroSerdes serdes, LeakWatchConfig config,
                                          AppDirectory apps, RuleBook rules, ComplianceRules compliance, PipelineListener listener,
                                          Stage until) {
        final String source = topics.smsEvents.name();
        final Serde<SmsEvent> eventSerde = serdes.value(SmsEvent.class);
        final Map<String, KStream<String, Ingested>> branches = builder.stream(source, topics.smsEvents.consumed())
                .process(() -> new IngestProcessor(source, eventSerde.deserializer(), config, reply -> compliance.settings().isRefusal(reply)),
                        Named.as("ingest-decode-validate-pseudonymize"))
                .split(Named.as("ingest-"))
                .branch((token, result) -> result instanceof Ingested.Rejected, Branched.as("rejected"))
                .branch((token, result) -> result instanceof Ingested.Refusal, Branched.as("refusal"))
                .defaultBranch(Branched.as("accepted"));

        branches.get("ingest-rejected")
                .mapValues(result -> ((Ingested.Rejected) result).letter(), Named.as("dead-letter"))
                .peek((reason, letter) -> listener.deadLetter(reason), Named.as("count-dead-letter"))
                .to(topics.deadLetters.name(), topics.deadLetters.produced());

        if (!until.includes(Stage.CLASSIFY)) {
            branches.get("ingest-accepted").foreach((token, result) -> { }, Named.as("stage-end-decode"));
            branches.get("ingest-refusal").foreach((token, result) -> { }, Named.as("stage-end-refusal"));
            return null;
        }
        final KStream<String, ClassifiedSms> classified = branches.get("ingest-accepted")
                .mapValues(result -> (Ingested.Accepted) result, Named.as("accepted"))
                .processValues(() -> new ClassifyProcessor(rules, apps, listener), Named.as("classify"));
        classified.to(topics.classified.name(), topics.classified.produced());

        final KStream<String, ComplianceInput> refusals = branches.get("ingest-refusal")
                .mapValues(result -> refusalInput((Ingested.Refusal) result), Named.as("compliance-refusal"));
        return classified
                .filter((token, sms) -> complianceKind(sms) != null, Named.as("compliance-relevant"))
                .mapValues(sms -> messageInput(sms, complianceKind(sms)), Named.as("compliance-message"))
                .merge(refusals, Named.as("compliance-inputs"));
    }

    /** Marketing, and one-time codes and notices (the port-mixing rule); null for what the rules do not look at. */
    private static ComplianceInputKind complianceKind(ClassifiedSms sms) {
        return switch (sms.getCategory()) {
            case MARKETING -> ComplianceInputKind.MARKETING;
            case TRANSACTIONAL -> ComplianceInputKind.NOTICE;
            default -> null;
        };
    }

    private static ComplianceInput messageInput(ClassifiedSms sms, ComplianceInputKind kind) {
        return ComplianceInput.newBuilder().setKind(kind).setTs(sms.getTs()).setSender(sms.getSender()).setSignature(sms.getSignature())
                .setFingerprint(sms.getFingerprint()).setOptOut(sms.getOptOut()).build();
    }

    private static ComplianceInput refusalInput(Ingested.Refusal refusal) {
        return ComplianceInput.newBuilder().setKind(ComplianceInputKind.REFUSAL).setTs(refusal.ts()).setSender(refusal.port()).build();
    }

    /**
     * Per-recipient judgement on the recipient's partition (the inputs are keyed by token but not yet partitioned by it),
     * then per-sender sums of the per-task partials.
     */
    private static void judgeCompliance(StreamsBuilder builder, KStream<String, ComplianceInput> inputs, Topics topics, AvroSerdes serdes,
                                        LeakWatchConfig config, ComplianceRules compliance, StateStores stores) {
        builder.addStateStore(stores.store(RecipientComplianceProcessor.REFUSAL_STORE, Serdes.Long()));
        builder.addStateStore(stores.store(RecipientComplianceProcessor.LAST_SIGNATURE_STORE, Serdes.String()));
        builder.addStateStore(stores.store(RecipientComplianceProcessor.DAILY_STORE, Serdes.Long()));
        builder.addStateStore(stores.store(RecipientComplianceProcessor.PARTIAL_STORE, serdes.value(CompliancePartial.class)));
        builder.addStateStore(stores.store(SenderComplianceProcessor.DAY_STORE, serdes.value(CompliancePartial.class)));
        inputs
                .repartition(Repartitioned.<String, ComplianceInput>as("compliance-by-recipient")
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.value(ComplianceInput.class)))
                .process(() -> new RecipientComplianceProcessor(config, compliance), Named.as("recipient-compliance"),
                        RecipientComplianceProcessor.REFUSAL_STORE, RecipientComplianceProcessor.LAST_SIGNATURE_STORE,
                        RecipientComplianceProcessor.DAILY_STORE, RecipientComplianceProcessor.PARTIAL_STORE)
                .repartition(Repartitioned.<String, CompliancePartial>as("compliance-partials-by-sender")
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.value(CompliancePartial.class)))
                .process(() -> new SenderComplianceProcessor(config, compliance), Named.as("sender-compliance"), SenderComplianceProcessor.DAY_STORE)
                .to(topics.complianceFindings.name(), topics.complianceFindings.produced());
    }

    private static void detectLeaks(StreamsBuilder builder, KStream<String, ClassifiedSms> classified, Topics topics,
                                    AvroSerdes serdes, LeakWatchConfig config, PipelineListener listener, StateStores stores, Stage until) {
        builder.addStateStore(stores.store(MembershipProcessor.STORE, serdes.value(MembershipList.class)));
        final KStream<String, CohortEvent> byApp = classified
                .process(() -> new MembershipProcessor(config), Named.as("membership"), MembershipProcessor.STORE)
                .repartition(Repartitioned.<String, CohortEvent>as("cohort-events-by-app")
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.value(CohortEvent.class)));
        if (!until.includes(Stage.FULL)) {
            byApp.foreach((app, event) -> { }, Named.as("stage-end-membership"));
            return;
        }
        builder.addStateStore(stores.store(CohortProcessor.OPEN_STORE, serdes.value(CohortState.class)));
        builder.addStateStore(stores.store(CohortProcessor.REGISTRATIONS_STORE, serdes.value(RegistrationHistory.class)));
        builder.addStateStore(stores.store(CohortProcessor.BUCKETS_STORE, serdes.value(RegistrationBucket.class)));
        builder.addStateStore(stores.store(CohortProcessor.SENDERS_STORE, serdes.value(SenderAccumulator.class)));
        builder.addStateStore(stores.store(DetectorProcessor.HISTORY_STORE, serdes.value(CohortHistory.class)));
        builder.addStateStore(stores.store(DetectorProcessor.INCIDENT_STORE, serdes.value(Incident.class)));
        builder.addStateStore(stores.store(DetectorProcessor.SENDER_FIRST_SEEN_STORE, Serdes.Long()));

        final KStream<String, CohortStats> cohortStats = byApp
                .process(() -> new CohortProcessor(config), Named.as("cohort-stats"),
                        CohortProcessor.OPEN_STORE, CohortProcessor.REGISTRATIONS_STORE, CohortProcessor.BUCKETS_STORE,
                        CohortProcessor.SENDERS_STORE);
        // Sender-totals shards feed the detector only; the public topic carries apps.
        cohortStats
                .filterNot((key, stats) -> key.startsWith(MembershipProcessor.TOTALS_PREFIX), Named.as("cohort-stats-public"))
                .to(topics.cohortStats.name(), topics.cohortStats.produced());

        // The detector compares every cohort with all the others, so it sees them all: one partition, a few
        // records per app and bucket.
        cohortStats
                .selectKey((app, stats) -> DETECTOR_KEY, Named.as("detector-key"))
                .repartition(Repartitioned.<String, CohortStats>as("cohort-stats-to-detector").withNumberOfPartitions(1)
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.value(CohortStats.class)))
                .process(() -> new DetectorProcessor(config, listener), Named.as("detector"),
                        DetectorProcessor.HISTORY_STORE, DetectorProcessor.INCIDENT_STORE, DetectorProcessor.SENDER_FIRST_SEEN_STORE)
                .to(topics.leakAlerts.name(), topics.leakAlerts.produced());
    }

    private static void summariseSenders(StreamsBuilder builder, KStream<String, ClassifiedSms> classified, Topics topics,
                                         AvroSerdes serdes, LeakWatchConfig config, PipelineListener listener, StateStores stores) {
        builder.addStateStore(stores.store(SenderStatsProcessor.BUCKET_STORE, serdes.value(SenderWindow.class)));
        builder.addStateStore(stores.store(SenderStatsProcessor.DUE_STORE, Serdes.String()));
        builder.addStateStore(stores.store(SenderStatsProcessor.HISTORY_STORE, serdes.value(SenderHistory.class)));
        classified
                .selectKey((token, sms) -> sms.getSender(), Named.as("sender-key"))
                .repartition(Repartitioned.<String, ClassifiedSms>as("classified-by-sender")
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.value(ClassifiedSms.class)))
                .process(() -> new SenderStatsProcessor(config, listener), Named.as("sender-stats"),
                        SenderStatsProcessor.BUCKET_STORE, SenderStatsProcessor.DUE_STORE, SenderStatsProcessor.HISTORY_STORE)
                .to(topics.senderStats.name(), topics.senderStats.produced());
    }
}
