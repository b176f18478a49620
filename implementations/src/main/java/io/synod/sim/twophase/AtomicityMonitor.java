package io.synod.sim.twophase;

import io.synod.sim.Monitor;
import io.synod.sim.Node;
import io.synod.sim.Violations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two-phase commit's safety on the nodes' own state: no transaction is committed by one
 * resource manager and aborted by another, and no resource manager commits what the
 * transaction manager did not decide to commit.
 */
final class AtomicityMonitor implements Monitor<TpcMsg> {
  private final Map<Long, Long> committed = new HashMap<>();
  private final Map<Long, Long> aborted = new HashMap<>();
  private final Map<Long, Boolean> decided = new HashMap<>();
  private final Violations violations = new Violations();

  @Override
  public void afterStep(int i, List<Node<TpcMsg>> nodes, long time) {
    Node<TpcMsg> node = nodes.get(i);
    if (node instanceof TransactionManager tm) {
      for (long t : tm.decidedNow()) {
        decided.put(t, tm.decisions().get(t));
      }
    } else if (node instanceof ResourceManager rm) {
      for (long t : rm.changedNow()) {
        RmState state = rm.states().get(t);
        if (state == RmState.COMMITTED) {
          committed.merge(t, 1L << i, (a, b) -> a | b);
          if (!Boolean.TRUE.equals(decided.get(t))) {
            violations.add(time, TwoPhaseProtocol.nodeName(i) + " committed transaction " + t
                + " that the TM did not decide to commit");
          }
        } else if (state == RmState.ABORTED) {
          aborted.merge(t, 1L << i, (a, b) -> a | b);
        } else {
          continue;
        }
        if (committed.containsKey(t) && aborted.containsKey(t)) {
          violations.add(time, "atomicity: transaction " + t + " committed by " + names(committed.get(t))
              + " but aborted by " + names(aborted.get(t)));
        }
      }
    }
  }

  private static String names(long mask) {
    List<String> l = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      if ((mask & (1L << i)) != 0) {
        l.add(TwoPhaseProtocol.nodeName(i));
      }
    }
    return String.join(", ", l);
  }


  @Override
  public List<String> violations() {
    return violations.list();
  }
}
