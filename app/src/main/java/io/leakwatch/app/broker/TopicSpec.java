package io.leakwatch.app.broker;

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
}
