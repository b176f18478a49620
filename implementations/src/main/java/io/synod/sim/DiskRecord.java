package io.synod.sim;

/**
 * A record of a node's disk journal: an immutable value the node writes with
 * {@link Ready#persist} and gets back, in order, when it restarts after a crash. Each protocol
 * declares its own kinds (a sealed family per protocol, such as the Raft node's term and vote
 * and its log suffixes).
 */
public interface DiskRecord {}
