package io.synod.sim.raft;

import io.synod.sim.Protocol;
import io.synod.sim.Monitor;
import io.synod.sim.Node;
import io.synod.sim.Violations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Raft's safety properties (Raft paper, Figure 3) checked on the nodes' own state after every
 * step: election safety, log matching, leader completeness and state machine safety.
 */
final class RaftMonitor implements Monitor<RaftMsg> {
  private record Committed(Entry entry, long term, String by) {}

  private final Map<Long, Integer> leaderOfTerm = new HashMap<>();
  private final Map<Long, Committed> committed = new HashMap<>();
  private final Map<Integer, Long> checkedLeaderTerm = new HashMap<>();
  private final Map<Integer, Long> checkedCommit = new HashMap<>();
  private final Map<RaftNode, Long> checkedLog = new java.util.IdentityHashMap<>();
  private final Violations violations = new Violations();

  @Override
  public void afterStep(int i, List<Node<RaftMsg>> nodes, long time) {
    RaftNode node = (RaftNode) nodes.get(i);
    if (node == null) {
      return;
    }
    electionSafety(i, node, time);
    stateMachineSafety(i, node, time);
    leaderCompleteness(i, node, time);
    logMatching(i, node, nodes, time);
  }

  private void electionSafety(int i, RaftNode node, long time) {
    if (!node.isLeader()) {
      return;
    }
    Integer prev = leaderOfTerm.putIfAbsent(node.currentTerm(), i);
    if (prev != null && prev != i) {
      violations.add(time, "election safety: " + Protocol.peerName(prev) + " and "
          + Protocol.peerName(i) + " are both leaders of term " + node.currentTerm());
    }
  }

  private void stateMachineSafety(int i, RaftNode node, long time) {
    long from = checkedCommit.getOrDefault(i, 0L);
    if (node.commitIndex() < from) {
      from = 0; // restarted: commitIndex starts over
    }
    List<Entry> log = node.log();
    for (long idx = from + 1; idx <= node.commitIndex(); idx++) {
      Entry e = log.get((int) idx - 1);
      Committed c = committed.get(idx);
      if (c == null) {
        committed.put(idx, new Committed(e, node.currentTerm(), Protocol.peerName(i)));
      } else if (!c.entry().equals(e)) {
        violations.add(time, "state machine safety: index " + idx + " committed as " + c.entry() + " by "
            + c.by() + " but as " + e + " by " + Protocol.peerName(i));
      }
    }
    checkedCommit.put(i, node.commitIndex());
  }

  private void leaderCompleteness(int i, RaftNode node, long time) {
    if (!node.isLeader() || checkedLeaderTerm.getOrDefault(i, -1L) == node.currentTerm()) {
      return;
    }
    checkedLeaderTerm.put(i, node.currentTerm());
    List<Entry> log = node.log();
    for (Map.Entry<Long, Committed> c : committed.entrySet()) {
      if (c.getValue().term() >= node.currentTerm()) {
        continue;
      }
      long idx = c.getKey();
      if (idx > log.size() || !log.get((int) idx - 1).equals(c.getValue().entry())) {
        violations.add(time, "leader completeness: " + Protocol.peerName(i) + " leads term "
            + node.currentTerm() + " without entry " + idx + " " + c.getValue().entry()
            + " committed in term " + c.getValue().term());
      }
    }
  }

  private void logMatching(int i, RaftNode node, List<Node<RaftMsg>> nodes, long time) {
    Long seen = checkedLog.put(node, node.logVersion());
    if (seen != null && seen == node.logVersion()) {
      return; // the log did not change, nor did any other (they are checked when they change)
    }
    List<Entry> a = node.log();
    for (int j = 0; j < nodes.size(); j++) {
      if (j == i || nodes.get(j) == null) {
        continue;
      }
      List<Entry> b = ((RaftNode) nodes.get(j)).log();
      int k = Math.min(a.size(), b.size());
      while (k > 0 && a.get(k - 1).term() != b.get(k - 1).term()) {
        k--;
      }
      for (int m = k; m > 0; m--) {
        if (!a.get(m - 1).equals(b.get(m - 1))) {
          violations.add(time, "log matching: " + Protocol.peerName(i) + " and " + Protocol.peerName(j)
              + " agree on the term of entry " + k + " but differ at entry " + m);
          return;
        }
      }
    }
  }


  @Override
  public List<String> violations() {
    return violations.list();
  }
}
