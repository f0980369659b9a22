package io.leakwatch.app.bench;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** The baseline of every benchmark: a Kafka Streams application copying one topic to another byte for byte. */
public final class PassThrough {

    private PassThrough() {
    }

    /** Copies {@code source} to {@code sink}, keys and values as bytes. */
    public static Topology topology(final String source, final String sink) {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream(source, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("source-" + source))
                .to(sink, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("sink-passthrough"));
        return builder.build();
    }
}
