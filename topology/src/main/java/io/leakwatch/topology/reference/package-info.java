/**
 * Reference data changeable at run time without a redeploy: the watched apps (by id, with their signatures
 * and ports) and the classification rules, each read from a compacted topic into a global store.
 */
package io.leakwatch.topology.reference;
