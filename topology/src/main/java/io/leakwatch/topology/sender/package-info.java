/**
 * Per-sender statistics per tumbling window: volume by category, distinct recipients and campaigns
 * (HyperLogLog), the share of recipients the sender never reached before, opt-out use. Emitted once per window.
 */
package io.leakwatch.topology.sender;
