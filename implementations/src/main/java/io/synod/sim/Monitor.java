package io.synod.sim;

import java.util.List;

/**
 * Checks protocol invariants on the nodes' own state after every step. Monitors only read;
 * a violation is remembered as a sentence saying what broke.
 *
 * @param <M> the protocol's message type
 */
public interface Monitor<M> {
  /**
   * Called after node {@code node} stepped (or restarted); {@code nodes[i]} is null while
   * node i is down.
   */
  void afterStep(int node, List<Node<M>> nodes, long time);

  /** Violations found so far, oldest first. */
  List<String> violations();
}
