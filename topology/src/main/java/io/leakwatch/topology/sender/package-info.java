/**
 * Per-sender statistics per tumbling window ({@code leakwatch.sender.window}, 1 h): volume by category, distinct
 * recipients and campaigns (HyperLogLog), the share of recipients the sender did not reach in its earlier windows,
 * opt-out use. A window is emitted once when stream time passes its end plus {@code leakwatch.grace}, and once more
 * per correction while records up to {@code leakwatch.sender.lateness} (6 h) late change it; later records are
 * counted as dropped. {@link io.leakwatch.topology.sender.SenderStatsProcessor} says why it is not a DSL window.
 */
package io.leakwatch.topology.sender;
