package io.leakwatch.schemas.serde;

/** Confluent's TopicNameStrategy: a topic's keys and values each have their own subject. */
enum SubjectNaming {
    KEY("-key"),
    VALUE("-value");

    private final String suffix;

    SubjectNaming(final String suffix) {
        this.suffix = suffix;
    }

    String subject(final String topic) {
        return topic + suffix;
    }
}
