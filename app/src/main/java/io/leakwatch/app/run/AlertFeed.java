package io.leakwatch.app.run;

import io.leakwatch.app.http.EventStream;
import io.leakwatch.app.replay.AlertJson;
import io.leakwatch.schemas.LeakAlert;
import io.leakwatch.topology.Topic;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Follows the {@code leak.alerts} topic and keeps the latest alert state changes for {@code GET /alerts};
 * each new one also goes to the given listener (console, server-sent events).
 */
public final class AlertFeed implements AutoCloseable {

    private static final int KEPT = 1000;
    /** The event name of an alert state change on an alert stream. */
    public static final String SSE_EVENT = "alert";
    /** Where {@code run} and {@code demo} serve the alert stream. */
    public static final String SSE_PATH = "/alerts/stream";
    private final Deque<LeakAlert> recent = new ArrayDeque<>();
    private final ZoneOffset offset;
    private final TopicFollower<LeakAlert> follower;

    /** Follows {@code topic}; {@code connection} as {@link ClientConnection} makes it. */
    public AlertFeed(Properties connection, Topic<String, LeakAlert> topic, ZoneOffset offset, Consumer<LeakAlert> onAlert) {
        this.offset = offset;
        this.follower = new TopicFollower<>(connection, topic, "alert-feed", alert -> {
            keep(alert);
            onAlert.accept(alert);
        });
    }

    private void keep(LeakAlert alert) {
        synchronized (recent) {
            recent.addLast(alert);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
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
        follower.close();
    }
}
