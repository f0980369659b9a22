/**
 * Where the topology keeps its state: RocksDB or the heap, with changelog topics for a running pipeline and without
 * them for a replay, which rebuilds its state from the archive it reads.
 */
package io.leakwatch.topology.state;
