package io.leakwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.classifier.Classifiers;
import io.leakwatch.schemas.registry.InMemorySchemaRegistryClient;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.state.StateStores;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class TopologyDescriptionTest {

    private final TopologyDescription description = LeakWatchTopology.build(LeakWatchConfig.demo().withStateStores(StateStores.REPLAY_MEMORY),
            new AvroSerdes(new InMemorySchemaRegistryClient()), Classifiers.loadDefault(), PipelineListener.NONE).describe();

    @Test
    void shouldNameEveryProcessorAndStore() {
        final String text = description.toString();
        assertThat(text).doesNotContain("KSTREAM-").doesNotContain("KTABLE-").doesNotContain("STATE-STORE-");
        assertThat(stores()).containsExactlyInAnyOrder(
                "apps-global-store", "rules-global-store", "membership-store", "cohort-open-store",
                "cohort-registration-buckets-store", "cohort-registrations-store", "cohort-senders-store", "detector-history-store",
                "incident-store", "sender-bucket-store", "sender-due-store", "sender-history-store", "sender-first-seen-store",
                "compliance-refusal-store", "compliance-last-signature-store", "compliance-recipient-day-store", "compliance-partial-store",
                "compliance-sender-day-store");
    }

    @Test
    void shouldReadAndWriteOnlyTheNamedTopics() {
        final Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            sub.nodes().forEach(node -> collect(node, topics));
        }
        for (TopologyDescription.GlobalStore global : description.globalStores()) {
            topics.addAll(global.source().topicSet());
        }
        assertThat(topics).containsExactlyInAnyOrder(
                "sms.events", "sms.dlq", "sms.classified", "cohort.stats", "leak.alerts", "sender.stats", "apps", "rules",
                "cohort-events-by-app-repartition", "cohort-stats-to-detector-repartition", "classified-by-sender-repartition",
                "compliance.findings", "compliance-by-recipient-repartition", "compliance-partials-by-sender-repartition");
    }

    @Test
    void shouldBuildEachStagePrefixWithTheTopicsOfItsStagesOnly() {
        final Set<String> decode = Set.of("sms.events", "sms.dlq", "apps", "rules");
        assertThat(topicsOf(LeakWatchTopology.Stage.DECODE)).containsExactlyInAnyOrderElementsOf(decode);
        assertThat(topicsOf(LeakWatchTopology.Stage.CLASSIFY)).containsExactlyInAnyOrderElementsOf(plus(decode, "sms.classified"));
        assertThat(topicsOf(LeakWatchTopology.Stage.MEMBERSHIP))
                .containsExactlyInAnyOrderElementsOf(plus(decode, "sms.classified", "cohort-events-by-app-repartition"));
        assertThat(topicsOf(LeakWatchTopology.Stage.SENDER)).containsExactlyInAnyOrderElementsOf(plus(decode, "sms.classified",
                "cohort-events-by-app-repartition", "classified-by-sender-repartition", "sender.stats"));
        assertThat(topicsOf(LeakWatchTopology.Stage.FULL)).containsExactlyInAnyOrderElementsOf(topics(description));
    }

    @Test
    void shouldOrderStagesSoThatEachIncludesTheOnesBefore() {
        assertThat(LeakWatchTopology.Stage.SENDER.includes(LeakWatchTopology.Stage.MEMBERSHIP)).isTrue();
        assertThat(LeakWatchTopology.Stage.SENDER.includes(LeakWatchTopology.Stage.SENDER)).isTrue();
        assertThat(LeakWatchTopology.Stage.SENDER.includes(LeakWatchTopology.Stage.FULL)).isFalse();
        assertThat(LeakWatchTopology.Stage.DECODE.includes(LeakWatchTopology.Stage.CLASSIFY)).isFalse();
    }

    private static Set<String> topicsOf(LeakWatchTopology.Stage stage) {
        return topics(LeakWatchTopology.build(LeakWatchConfig.demo().withStateStores(StateStores.REPLAY_MEMORY),
                new AvroSerdes(new InMemorySchemaRegistryClient()), PipelineListener.NONE, stage).describe());
    }

    private static Set<String> plus(Set<String> base, String... more) {
        final Set<String> all = new TreeSet<>(base);
        all.addAll(Set.of(more));
        return all;
    }

    private static Set<String> topics(TopologyDescription description) {
        final Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            sub.nodes().forEach(node -> collect(node, topics));
        }
        for (TopologyDescription.GlobalStore global : description.globalStores()) {
            topics.addAll(global.source().topicSet());
        }
        return topics;
    }

    private static void collect(TopologyDescription.Node node, Set<String> topics) {
        if (node instanceof TopologyDescription.Source source) {
            topics.addAll(source.topicSet());
        } else if (node instanceof TopologyDescription.Sink sink) {
            topics.add(sink.topic());
        }
    }

    private Set<String> stores() {
        final Set<String> stores = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
        }
        for (TopologyDescription.GlobalStore global : description.globalStores()) {
            stores.addAll(global.processor().stores());
        }
        return stores;
    }
}
