package io.synod.sim;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Everything the simulator needs to know about one protocol: how to build its nodes, what
 * clients ask of it, how its messages look in a trace and which invariants to watch.
 *
 * @param <M> the protocol's message type
 */
public interface Protocol<M> {
  /** Name on the command line: raft, paxos, 2pc. */
  String name();

  /** Bug switches this protocol understands. */
  List<String> bugNames();

  /** Smallest sensible cluster. */
  int minNodes();

  /** Name of node {@code i} in traces and summaries; peers are n1, n2, ... unless a protocol says otherwise. */
  default String nodeName(int i, int n) {
    return peerName(i);
  }

  /** The name of peer {@code i} of a symmetric protocol: n1, n2, ... */
  static String peerName(int i) {
    return "n" + (i + 1);
  }

  /**
   * Builds node {@code id} of {@code n}. {@code journal} holds every record it persisted, in
   * order (empty on first start); {@code random} is a source the simulator owns and seeds,
   * for randomized timeouts.
   */
  Node<M> create(int id, int n, List<DiskRecord> journal, RandomGenerator random, Set<String> bugs);

  /** A fresh invariant monitor for a cluster of {@code n} nodes. */
  Monitor<M> monitor(int n);

  /** The client operations this protocol serves. */
  Workload workload(SimConfig cfg);

  /** Node a client sends its next request to, given the last leader it heard of (-1). */
  int pickTarget(int hint, int n, SplittableRandom random);

  /** The message as an ITF record, with the names of sender and receiver. */
  Map<String, Object> encode(M msg, String from, String to);
}
