package io.leakwatch.benchmarks;

import io.leakwatch.topology.LeakWatchConfig;
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
 * @param senderLateness the pipeline's {@code leakwatch.sender.lateness}: how late a record may reach the sender stage
 * @param timeCompression how many times faster than the scenario's clock the input's event time runs (1: as simulated)
 */
record HarnessSettings(int events, List<Integer> threads, int partitions, int warmUpRounds, Path out,
                       Duration timeout, Duration senderLateness, int timeCompression) {

    HarnessSettings {
        threads = List.copyOf(threads);
    }

    /** The demo settings with this lateness; throws, naming the key, when the pipeline would refuse it. */
    LeakWatchConfig pipelineConfig() {
        return LeakWatchConfig.demoWith("leakwatch.sender.lateness", senderLateness.toString());
    }
}
