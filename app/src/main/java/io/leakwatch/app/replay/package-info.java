/**
 * Investigators' replay: the real topology run over an archive in event time, deterministically, with the
 * alerts written as JSON Lines. Driven by Kafka Streams' own test driver, which runs the same processors and
 * stores without a broker and without wall-clock effects, so the same input gives the same alerts byte for byte.
 */
package io.leakwatch.app.replay;
