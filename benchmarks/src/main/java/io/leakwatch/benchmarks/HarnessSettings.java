package io.leakwatch.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one invocation of the harness measures, validated by {@link EndToEndHarness}.
 *
 * @param events        input records, generated once and read by every run
 * @param threads       the Kafka Streams thread counts to run, in order
 * @param partitions    partitions of the input and of the pipeline's data topics
 * @param warmUpRounds  untimed rounds of both runs before the measured ones
 * @param out           the report file
 * @param timeout       how long one run may take before the harness gives up
 */
record HarnessSettings(int events, List<Integer> threads, int partitions, int warmUpRounds, Path out,
                       Duration timeout) {

    HarnessSettings {
        threads = List.copyOf(threads);
    }
}
