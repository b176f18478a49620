package io.synod.sim.paxos;

import io.synod.sim.DiskRecord;
import io.synod.sim.KvStore;
import io.synod.sim.KvWorkload;
import io.synod.sim.Monitor;
import io.synod.sim.Node;
import io.synod.sim.Op;
import io.synod.sim.Protocol;
import io.synod.sim.SimConfig;
import io.synod.sim.Workload;
import io.synod.sim.record.Itf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Multi-instance Paxos key-value store for the simulator. */
public final class PaxosProtocol implements Protocol<PaxosMsg> {
  /** Acceptors accept phase 2a messages whose ballot is below the one they promised. */
  public static final String ACCEPT_LOWER_BALLOT = "accept-lower-ballot";
  /** Proposers ignore values reported in phase 1b and propose their own. */
  public static final String IGNORE_ACCEPTED_VALUE = "ignore-accepted-value";

  @Override
  public String name() {
    return "paxos";
  }

  @Override
  public List<String> bugNames() {
    return List.of(ACCEPT_LOWER_BALLOT, IGNORE_ACCEPTED_VALUE);
  }

  @Override
  public int minNodes() {
    return 1;
  }

  @Override
  public Node<PaxosMsg> create(int id, int n, List<DiskRecord> journal, RandomGenerator random, Set<String> bugs) {
    return new PaxosNode(id, n, journal, random, bugs);
  }

  @Override
  public Monitor<PaxosMsg> monitor(int n) {
    return new PaxosMonitor(n);
  }

  @Override
  public Workload workload(SimConfig cfg) {
    return new KvWorkload(cfg.clients(), cfg.keys());
  }

  @Override
  public int pickTarget(int hint, int n, SplittableRandom random) {
    // Any node can serve any request: a client stays with the node that last answered and
    // picks a random one after a timeout, so several proposers compete.
    return hint >= 0 ? hint : random.nextInt(n);
  }

  /** A proposed value in a trace: the command record, or "None" for no value. */
  static Object valueItf(Op op) {
    return op == null ? "None" : KvStore.itf(op);
  }

  @Override
  public Map<String, Object> encode(PaxosMsg msg, String from, String to) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (msg instanceof PaxosMsg.Prepare p) {
      m.put("type", "1a");
      m.put("bal", p.ballot());
    } else if (msg instanceof PaxosMsg.Promise p) {
      m.put("type", "1b");
      m.put("bal", p.ballot());
      m.put("mbal", p.maxVBal());
      m.put("mval", valueItf(p.maxVal()));
    } else if (msg instanceof PaxosMsg.Accept a) {
      m.put("type", "2a");
      m.put("bal", a.ballot());
      m.put("val", valueItf(a.value()));
    } else if (msg instanceof PaxosMsg.Accepted a) {
      m.put("type", "2b");
      m.put("bal", a.ballot());
      m.put("val", valueItf(a.value()));
    } else if (msg instanceof PaxosMsg.Nack k) {
      m.put("type", "nack");
      m.put("bal", k.ballot());
      m.put("promised", k.promised());
    } else if (msg instanceof PaxosMsg.Chosen c) {
      m.put("type", "chosen");
      List<Object> vals = new ArrayList<>();
      for (Op op : c.values()) {
        vals.add(valueItf(op));
      }
      m.put("vals", Itf.tup(vals));
    }
    m.put("slot", msg.slot());
    m.put("src", from);
    m.put("dst", to);
    return m;
  }
}
