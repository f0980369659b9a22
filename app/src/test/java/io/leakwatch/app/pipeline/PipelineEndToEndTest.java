package io.leakwatch.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakwatch.app.broker.EmbeddedKafka;
import io.leakwatch.app.broker.TopicSpec;
import io.leakwatch.app.cli.DemoCommand;
import io.leakwatch.app.demo.DemoTraffic;
import io.leakwatch.app.http.EventStream;
import io.leakwatch.app.http.Access;
import io.leakwatch.app.http.HttpApi;
import io.leakwatch.app.http.Role;
import io.leakwatch.app.http.Metrics;
import io.leakwatch.app.run.AlertFeed;
import io.leakwatch.app.run.ClientConnection;
import io.leakwatch.app.run.StreamsRunner;
import io.leakwatch.app.run.TrafficView;
import io.leakwatch.schemas.AlertStatus;
import io.leakwatch.schemas.DeadLetter;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.schemas.registry.EmbeddedSchemaRegistry;
import io.leakwatch.schemas.registry.HttpSchemaRegistryClient;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.simulator.Simulator;
import io.leakwatch.topology.Topic;
import io.leakwatch.topology.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real in-process KRaft broker and a real (embedded) schema registry over HTTP: a
 * scaled-down mother-and-baby leak streamed through the topology with a few unreadable records mixed in.
 */
class PipelineEndToEndTest {

    private static final String REGULATOR_TOKEN = Access.newToken();

    @TempDir
    Path work;

    @Test
    void shouldOpenAnAlertForTheLeakingAppOnlyAndDeadLetterBadRecords() throws Exception {
        final Path traffic = work.resolve("traffic");
        final Path scenario = work.resolve("scenario.json");
        try (var in = getClass().getResourceAsStream("/scenarios/mother-baby-small.json")) {
            Files.copy(in, scenario);
        }
        final long events = Simulator.run(scenario, traffic).events();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, work.resolve("kafka"));
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0);
             Metrics metrics = new Metrics();
             HttpApi http = HttpApi.start("localhost", 0, Access.ofTokens(Map.of(REGULATOR_TOKEN, Role.REGULATOR)))) {
            final AvroSerdes serdes = new AvroSerdes(new HttpSchemaRegistryClient(registry.url()));
            final Topics topics = new Topics(serdes);
            kafka.createTopics(TopicSpec.of(topics.all(), 2));
            final List<LeakAlert> alerts = new CopyOnWriteArrayList<>();
            final TrafficView view = new TrafficView(ZoneOffset.ofHours(8));
            view.bindTo(metrics.registry());
            final Consumer<LeakAlert> collect = alerts::add;
            final EventStream alertStream = http.eventStream(AlertFeed.SSE_PATH, Access.ALERT_FEED);
            // a subscriber of the push feed, connected before any traffic, as a regulator's client would be
            final List<String> pushed = new CopyOnWriteArrayList<>();
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(http.url() + AlertFeed.SSE_PATH))
                            .header("Authorization", "Bearer " + REGULATOR_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(pushed::add));
            await().atMost(Duration.ofSeconds(10)).until(() -> alertStream.clientCount() == 1);
            try (AlertFeed feed = new AlertFeed(ClientConnection.of(kafka.bootstrapServers()), topics.leakAlerts, ZoneOffset.ofHours(8),
                    collect.andThen(AlertFeed.serverSentEvents(alertStream, ZoneOffset.ofHours(8))));
                 TrafficView.Following following = TrafficView.follow(ClientConnection.of(kafka.bootstrapServers()), topics, DemoCommand.acceleratedConfig(), view);
                 StreamsRunner runner = new StreamsRunner(kafka.bootstrapServers(), "leakwatch-e2e-" + UUID.randomUUID(),
                         work.resolve("state"), DemoCommand.acceleratedConfig(), serdes, metrics.registry(), new Properties())) {
                runner.start();
                await().atMost(Duration.ofMinutes(1)).until(() -> runner.state() == KafkaStreams.State.RUNNING);
                final List<byte[]> bad = List.of(
                        "{\"ts\":\"not an avro record\"}".getBytes(StandardCharsets.UTF_8),
                        new byte[] {0, 0, 0, 0x7f, 0x7f, 1, 2, 3},
                        new byte[0]);
                produceRaw(kafka.bootstrapServers(), topics.smsEvents.name(), bad);
                // Paced like live traffic (an hour of event time a second), so the partitions advance together as they
                // do in production; an unpaced backlog lets one partition run hours ahead of the other.
                new DemoTraffic(kafka.bootstrapServers(), serdes, topics, traffic, 3600).run();
                produceRaw(kafka.bootstrapServers(), topics.smsEvents.name(), bad);

                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(alerts).anySatisfy(a -> {
                            assertThat(a.getApp()).isEqualTo("meiyou");
                            assertThat(a.getStatus()).isEqualTo(AlertStatus.OPEN);
                        }));
                final List<DeadLetter> letters = new ArrayList<>();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    letters.addAll(readAll(kafka.bootstrapServers(), topics.deadLetters));
                    assertThat(letters).hasSizeGreaterThanOrEqualTo(2 * bad.size());
                });
                // Every good record was classified: nothing lost, the stream went on after the bad ones.
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                        assertThat(metrics.registry().find("leakwatch.messages").counters().stream()
                                .mapToDouble(c -> c.count()).sum()).isEqualTo((double) events));

                assertThat(letters).extracting(DeadLetter::getReason)
                        .contains("bad-magic-byte", "unknown-schema-id", "empty-record");
                assertThat(alerts).filteredOn(a -> a.getStatus() == AlertStatus.OPEN)
                        .extracting(LeakAlert::getApp).containsOnly("meiyou");
                assertThat(alerts).filteredOn(a -> a.getStatus() == AlertStatus.OPEN).hasSize(1);
                final LeakAlert open = alerts.stream().filter(a -> a.getStatus() == AlertStatus.OPEN).findFirst().orElseThrow();
                assertThat(open.getBuyerSenders()).isNotEmpty();
                // the same OPEN, with its evidence, went to the push feed's subscriber as an "alert" event
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pushed)
                        .contains("event: " + AlertFeed.SSE_EVENT)
                        .anySatisfy(line -> assertThat(line).startsWith("data: {")
                                .contains("\"app\":\"meiyou\"", "\"status\":\"OPEN\"", "\"evidence\":{")));
                // every leakwatch_* series that the shipped alert rules and Grafana dashboard query, this run exposes
                final String scrape = metrics.scrape();
                assertThat(seriesQueriedByDeploy()).contains("leakwatch_messages_total", "leakwatch_cohort_excess_exposed")
                        .allSatisfy(series -> assertThat(Pattern.compile("(?m)^" + series + "[{ ]").matcher(scrape).find())
                                .as("%s in /metrics", series).isTrue());
                // the operations centre's traffic views, read from sender.stats and cohort.stats: spam senders in the
                // newest window, and meiyou's recent registrants far more exposed than other apps' in some window
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    final JsonNode top = view.topSenders(5);
                    assertThat(top.path("spamSenders").asInt()).isPositive();
                    assertThat(top.path("senders").get(0).path("spam").asLong()).isPositive();
                    final JsonNode meiyou = StreamSupport.stream(view.cohorts().path("apps").spliterator(), false)
                            .filter(app -> app.path("app").asText().equals("meiyou")).findFirst().orElseThrow();
                    assertThat(meiyou.path("history")).anySatisfy(point -> assertThat(point.path("recentShare").asDouble())
                            .isGreaterThan(3 * point.path("othersRecentShare").asDouble()));
                });
            }
        }
    }

    /** The leakwatch_* series named in deploy/prometheus's rules and deploy/grafana's dashboard. */
    private static Set<String> seriesQueriedByDeploy() throws IOException {
        final Path deploy = Path.of("").toAbsolutePath().resolveSibling("deploy");
        final Set<String> series = new TreeSet<>();
        for (Path file : List.of(deploy.resolve("prometheus/leakwatch-rules.yml"), deploy.resolve("grafana/leakwatch-dashboard.json"))) {
            final Matcher names = Pattern.compile("leakwatch_[a-z_]+").matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (names.find()) {
                series.add(names.group());
            }
        }
        return series;
    }

    private static void produceRaw(String bootstrap, String topic, List<byte[]> values) {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, null, 1_793_500_000_000L, "bad".getBytes(StandardCharsets.UTF_8), value));
            }
        }
    }

    private static <V> List<V> readAll(String bootstrap, Topic<String, V> topic) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            for (int i = 0; i < 5; i++) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

}
