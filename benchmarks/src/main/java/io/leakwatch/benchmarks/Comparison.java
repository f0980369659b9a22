package io.leakwatch.benchmarks;

/** The pass-through and the full pipeline with the same number of threads over the same input. */
record Comparison(int threads, RunResult passThrough, RunResult pipeline) {

    /** Pipeline events/s over pass-through events/s, both from start to completion. */
    double ratio() {
        return pipeline.eventsPerSecond() / passThrough.eventsPerSecond();
    }

    /** Pipeline events/s until every stage drained, over pass-through events/s. */
    double drainedRatio() {
        return pipeline.drainedEventsPerSecond() / passThrough.eventsPerSecond();
    }
}
