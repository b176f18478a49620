package io.synod.sim.paxos;

import io.synod.sim.Protocol;
import io.synod.sim.Monitor;
import io.synod.sim.Node;
import io.synod.sim.Violations;
import io.synod.sim.Op;
import io.synod.sim.paxos.PaxosDisk.Acceptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paxos safety on the nodes' own state: a value is chosen in a slot when a majority of
 * acceptors voted for it at one ballot; at most one value may be chosen per slot, and
 * learners may only learn the value chosen.
 */
final class PaxosMonitor implements Monitor<PaxosMsg> {
  private record Vote(long slot, long ballot, long opId) {}

  private record Choice(Op value, long ballot) {}

  private final int n;
  /** Per acceptor, per slot, the last vote seen (maxVBal). */
  private final List<Map<Long, Long>> lastVote = new ArrayList<>();
  private final Map<Vote, Long> voters = new HashMap<>();
  private final Map<Long, Choice> chosen = new HashMap<>();
  private final Map<Long, Op> learned = new HashMap<>();
  private final Violations violations = new Violations();

  PaxosMonitor(int n) {
    this.n = n;
    for (int i = 0; i < n; i++) {
      lastVote.add(new HashMap<>());
    }
  }

  @Override
  public void afterStep(int i, List<Node<PaxosMsg>> nodes, long time) {
    PaxosNode node = (PaxosNode) nodes.get(i);
    if (node == null) {
      return;
    }
    Map<Long, Long> seen = lastVote.get(i);
    for (long slot : node.touchedSlots()) {
      Acceptor a = node.acceptors().get(slot);
      if (a.maxVBal() < 0 || seen.getOrDefault(slot, -1L) == a.maxVBal()) {
        continue;
      }
      seen.put(slot, a.maxVBal());
      vote(i, slot, a.maxVBal(), a.maxVal(), time);
    }
    for (long slot : node.learnedSlots()) {
      Map.Entry<Long, Op> e = Map.entry(slot, node.chosen().get(slot));
      Op before = learned.putIfAbsent(e.getKey(), e.getValue());
      if (before != null && !before.equals(e.getValue())) {
        violations.add(time, "learners disagree on slot " + e.getKey() + ": " + before + " and " + e.getValue()
            + " (learned by " + Protocol.peerName(i) + ")");
      }
      Choice c = chosen.get(e.getKey());
      if (c == null || !c.value().equals(e.getValue())) {
        if (before == null) {
          violations.add(time, Protocol.peerName(i) + " learned " + e.getValue() + " in slot " + e.getKey()
              + " but it was not chosen");
        }
      }
    }
  }

  private void vote(int acceptor, long slot, long ballot, Op value, long time) {
    Vote v = new Vote(slot, ballot, value.id());
    long mask = voters.merge(v, 1L << acceptor, (x, y) -> x | y);
    if (Long.bitCount(mask) * 2 <= n) {
      return;
    }
    Choice prev = chosen.putIfAbsent(slot, new Choice(value, ballot));
    if (prev != null && !prev.value().equals(value)) {
      violations.add(time, "two values chosen in slot " + slot + ": " + prev.value() + " at ballot " + prev.ballot()
          + " and " + value + " at ballot " + ballot);
    }
  }


  @Override
  public List<String> violations() {
    return violations.list();
  }
}
