package io.synod.sim.twophase;

import io.synod.sim.DiskRecord;
import io.synod.sim.Monitor;
import io.synod.sim.Node;
import io.synod.sim.Op;
import io.synod.sim.Protocol;
import io.synod.sim.SimConfig;
import io.synod.sim.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Two-phase commit for the simulator: node 0 is the transaction manager ("tm"), nodes 1..n-1
 * the resource managers ("rm1", ...). Each client operation is one transaction.
 */
public final class TwoPhaseProtocol implements Protocol<TpcMsg> {
  /** The TM counts prepared messages rather than distinct voters. */
  public static final String COMMIT_WITHOUT_ALL_VOTES = "commit-without-all-votes";
  /** A prepared RM that waits too long aborts on its own. */
  public static final String ABORT_AFTER_PREPARED = "abort-after-prepared";

  @Override
  public String name() {
    return "2pc";
  }

  @Override
  public List<String> bugNames() {
    return List.of(COMMIT_WITHOUT_ALL_VOTES, ABORT_AFTER_PREPARED);
  }

  @Override
  public int minNodes() {
    return 2;
  }

  @Override
  public String nodeName(int i, int n) {
    return nodeName(i);
  }

  static String nodeName(int i) {
    return i == 0 ? "tm" : "rm" + i;
  }

  @Override
  public Node<TpcMsg> create(int id, int n, List<DiskRecord> journal, RandomGenerator random, Set<String> bugs) {
    return id == 0
        ? new TransactionManager(n, journal, bugs)
        : new ResourceManager(id, journal, random, bugs);
  }

  @Override
  public Monitor<TpcMsg> monitor(int n) {
    return new AtomicityMonitor();
  }

  @Override
  public Workload workload(SimConfig cfg) {
    return (id, client, random) -> new Op(id, Op.Kind.TXN, 0, id, 0);
  }

  @Override
  public int pickTarget(int hint, int n, SplittableRandom random) {
    return 0;
  }

  @Override
  public Map<String, Object> encode(TpcMsg msg, String from, String to) {
    Map<String, Object> m = new LinkedHashMap<>();
    String type = msg.getClass().getSimpleName();
    m.put("type", type);
    m.put("txn", msg.txn());
    // TwoPhase's msgs: votes carry the RM, decisions are broadcast and carry none.
    if (msg instanceof TpcMsg.Prepared || msg instanceof TpcMsg.Aborted || msg instanceof TpcMsg.Ack) {
      m.put("rm", from);
    } else {
      m.put("rm", to);
    }
    m.put("src", from);
    m.put("dst", to);
    return m;
  }
}
