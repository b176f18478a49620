package io.synod.sim;

/**
 * A protocol node as a pure state machine, in the style of etcd's raft library: each call to
 * {@link #step} handles one input atomically and records in {@code out} what to send, what
 * to persist and what to answer. No threads, clocks, randomness or I/O inside: the caller
 * (the simulator, or a real transport) owns time, delivery, faults and disks.
 *
 * @param <M> the protocol's message type
 */
public interface Node<M> {
  /** Handles one input; effects go to {@code out}, which the caller applies afterwards. */
  void step(Input<M> in, Ready<M> out);

  /** Whether this node currently believes it leads (used by targeted faults and summaries). */
  default boolean isLeader() {
    return false;
  }
}
