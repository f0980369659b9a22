package io.leakwatch.app.run;

import io.leakwatch.app.http.EventStream;
import io.leakwatch.app.replay.AlertJson;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.topology.Topic;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@code leak.alerts} topic and keeps the latest alert state changes for {@code GET /alerts};
 * each new one also goes to the given listener (console, server-sent events).
 */
public final class AlertFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    private static final int KEPT = 1000;
    /** The event name of an alert state change on an alert stream. */
    public static final String SSE_EVENT = "alert";
    /** Where {@code run} and {@code demo} serve the alert stream. */
    public static final String SSE_PATH = "/alerts/stream";
    private final KafkaConsumer<String, LeakAlert> consumer;
    private final Deque<LeakAlert> recent = new ArrayDeque<>();
    private final Thread thread;
    private final ZoneOffset offset;
    private volatile boolean running = true;

    public AlertFeed(String bootstrapServers, Topic<String, LeakAlert> topic, ZoneOffset offset, Consumer<LeakAlert> onAlert) {
        this.offset = offset;
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "leakwatch-alert-feed-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
        thread = new Thread(() -> follow(onAlert), "alert-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow(Consumer<LeakAlert> onAlert) {
        try {
            while (running) {
                for (ConsumerRecord<String, LeakAlert> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        continue;
                    }
                    synchronized (recent) {
                        recent.addLast(record.value());
                        if (recent.size() > KEPT) {
                            recent.removeFirst();
                        }
                    }
                    onAlert.accept(record.value());
                }
            }
        } catch (WakeupException e) {
            LOG.debug("alert feed stopped");
        } finally {
            consumer.close();
        }
    }

    /**
     * A listener that pushes each alert state change to {@code stream} as a server-sent event named {@code alert},
     * its data the same JSON object as in {@link #json()} (evidence included): the push feed a regulator or a console
     * subscribes to instead of polling {@code GET /alerts}.
     */
    public static Consumer<LeakAlert> serverSentEvents(EventStream stream, ZoneOffset offset) {
        return alert -> stream.publish(SSE_EVENT, AlertJson.line(alert, offset));
    }

    /** The kept alert state changes as a JSON array, oldest first. */
    public String json() {
        final List<LeakAlert> copy;
        synchronized (recent) {
            copy = new ArrayList<>(recent);
        }
        final StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < copy.size(); i++) {
            out.append(i == 0 ? "" : ",").append(AlertJson.line(copy.get(i), offset));
        }
        return out.append(']').toString();
    }

    public int size() {
        synchronized (recent) {
            return recent.size();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
