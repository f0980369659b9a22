package io.leakwatch.topology;

import io.leakwatch.schemas.Category;
import io.leakwatch.schemas.LeakAlert;

/**
 * What the topology tells its host as records pass, for metrics. Called on stream threads: implementations
 * must be thread-safe and cheap (a counter increment). The topology knows nothing of the metrics library.
 */
public interface PipelineListener {

    PipelineListener NONE = new PipelineListener() {
    };

    default void classified(Category category) {
    }

    default void deadLetter(String reason) {
    }

    default void alert(LeakAlert alert) {
    }

    /** A record reached the sender stage later than {@code leakwatch.sender.lateness} and was not counted. */
    default void senderRecordTooLate() {
    }

    /**
     * A record that failed (could not be read, processed or written) and could not be dead-lettered either, so it was
     * skipped; {@code reason} is {@code kind: detail}.
     */
    default void recordDropped(String reason) {
    }

    /**
     * A record of a reference topic ({@code apps}, {@code rules}) could not be used (e.g. a rule with a negative weight
     * or a regex that does not compile) and was left out of its global store; the reason names the problem, not the
     * record's content.
     */
    default void referenceRecordSkipped(String topic, String reason) {
    }
}
