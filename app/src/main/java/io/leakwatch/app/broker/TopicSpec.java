package io.leakwatch.app.broker;

import io.leakwatch.topology.Topic;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What the embedded broker needs to know to create one topic: its name, how many partitions and
 * whether it is log-compacted (reference data and tables) or deleted by retention (event streams).
 */
public record TopicSpec(String name, int partitions, boolean compacted) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
        }
    }

    /** The pipeline's topics: event streams with {@code partitions} partitions, compacted tables with one. */
    public static List<TopicSpec> of(final Collection<? extends Topic<?, ?>> topics, final int partitions) {
        return topics.stream()
            .map(topic -> new TopicSpec(topic.name(), topic.compacted() ? 1 : partitions, topic.compacted()))
            .toList();
    }
}
