package io.leakwatch.app.run;

import io.leakwatch.app.http.HttpApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Readiness of one instance from its Kafka Streams client: ready while the client is RUNNING or REBALANCING and its
 * stream threads are not being replaced in a loop. A client in ERROR, PENDING_ERROR, PENDING_SHUTDOWN or NOT_RUNNING
 * (or not yet started) is not ready, so a Service stops routing to it and a rollout stops; a thread that fails on
 * the same record again and again is replaced every time (REPLACE_THREAD), which the state alone never shows: at
 * {@link #LOOP_REPLACEMENTS} replacements within {@link #LOOP_WINDOW} the instance reports not ready until the
 * window holds fewer.
 */
public final class StreamsHealth {

    public static final int LOOP_REPLACEMENTS = 3;
    public static final Duration LOOP_WINDOW = Duration.ofMinutes(5);
    private static final Set<KafkaStreams.State> READY_STATES = Set.of(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

    private final Supplier<KafkaStreams.State> state;
    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    public StreamsHealth(Supplier<KafkaStreams.State> state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** A stream thread died and is being replaced. */
    public void threadReplaced() {
        synchronized (replacements) {
            replacements.addLast(clock.instant());
            forgetOld();
        }
    }

    /** Replacements within the last {@link #LOOP_WINDOW}. */
    public int recentReplacements() {
        synchronized (replacements) {
            forgetOld();
            return replacements.size();
        }
    }

    /** What {@code /health/ready} answers. */
    public HttpApi.Probe probe() {
        final KafkaStreams.State now = state.get();
        final int recent = recentReplacements();
        final boolean looping = recent >= LOOP_REPLACEMENTS;
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("streams", now.name());
        details.put("threadReplacements", recent);
        if (looping) {
            details.put("reason", "stream threads replaced " + recent + " times within " + LOOP_WINDOW.toMinutes() + " min");
        }
        return new HttpApi.Probe(READY_STATES.contains(now) && !looping, details);
    }

    private void forgetOld() {
        final Instant oldest = clock.instant().minus(LOOP_WINDOW);
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(oldest)) {
            replacements.removeFirst();
        }
    }
}
