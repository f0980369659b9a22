package io.leakwatch.benchmarks;

import io.leakwatch.app.bench.DroppedRecords;

/**
 * One completed, timed run over the whole input.
 *
 * @param run                 {@code pass-through} or {@code pipeline}
 * @param threads             Kafka Streams threads
 * @param events              records in the input topic
 * @param outputs             records the run wrote to its output topics: the sink, or classified plus dead letters
 * @param deadLetters         of those, dead letters (0 for the pass-through)
 * @param droppedRecords      records its tasks dropped, mostly late for a sender window (see {@link DroppedRecords})
 * @param firstOutputSeconds  from start to the first output record (start-up, rebalance, first batch)
 * @param completedSeconds    from start to done: the sink holds every record, or the pipeline has committed its input
 *                            and classified or dead-lettered every record
 * @param drainedSeconds      from start until every stage has committed all of its input (for the pipeline: also the
 *                            membership, cohort, detector and sender stages behind {@code sms.classified})
 * @param peakHeapBytes       the most heap seen in use during the run, broker and input included
 */
record RunResult(String run, int threads, long events, long outputs, long deadLetters, long droppedRecords,
                 double firstOutputSeconds, double completedSeconds, double drainedSeconds, long peakHeapBytes) {

    /** Input records per second from start to completion. */
    double eventsPerSecond() {
        return events / completedSeconds;
    }

    /** Input records per second from the first output to completion: the rate without the start-up. */
    double eventsPerSecondAfterFirstOutput() {
        return events / (completedSeconds - firstOutputSeconds);
    }

    /** Input records per second from start until every stage drained. */
    double drainedEventsPerSecond() {
        return events / drainedSeconds;
    }
}
