package io.synod.sim.raft;

import io.synod.sim.DiskRecord;
import io.synod.sim.KvStore;
import io.synod.sim.KvWorkload;
import io.synod.sim.Monitor;
import io.synod.sim.Node;
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

/** Raft key-value store for the simulator. */
public final class RaftProtocol implements Protocol<RaftMsg> {
  /** Leader answers reads from local state without confirming leadership. */
  public static final String STALE_READ = "stale-read";
  /** Leader commits entries of earlier terms by counting replicas (Raft paper, Figure 8). */
  public static final String COMMIT_PREVIOUS_TERM = "commit-previous-term";
  /** votedFor is not persisted, so a restarted node can vote twice in one term. */
  public static final String FORGET_VOTE = "forget-vote";

  @Override
  public String name() {
    return "raft";
  }

  @Override
  public List<String> bugNames() {
    return List.of(STALE_READ, COMMIT_PREVIOUS_TERM, FORGET_VOTE);
  }

  @Override
  public int minNodes() {
    return 1;
  }

  @Override
  public Node<RaftMsg> create(int id, int n, List<DiskRecord> journal, RandomGenerator random, Set<String> bugs) {
    return new RaftNode(id, n, journal, random, bugs);
  }

  @Override
  public Monitor<RaftMsg> monitor(int n) {
    return new RaftMonitor();
  }

  @Override
  public Workload workload(SimConfig cfg) {
    return new KvWorkload(cfg.clients(), cfg.keys());
  }

  @Override
  public int pickTarget(int hint, int n, SplittableRandom random) {
    return hint >= 0 ? hint : random.nextInt(n);
  }

  @Override
  public Map<String, Object> encode(RaftMsg msg, String from, String to) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (msg instanceof RaftMsg.VoteRequest v) {
      m.put("mtype", "RequestVoteRequest");
      m.put("mterm", v.term());
      m.put("mlastLogTerm", v.lastLogTerm());
      m.put("mlastLogIndex", v.lastLogIndex());
    } else if (msg instanceof RaftMsg.VoteResponse v) {
      m.put("mtype", "RequestVoteResponse");
      m.put("mterm", v.term());
      m.put("mvoteGranted", v.granted());
    } else if (msg instanceof RaftMsg.AppendRequest a) {
      m.put("mtype", "AppendEntriesRequest");
      m.put("mterm", a.term());
      m.put("mprevLogIndex", a.prevLogIndex());
      m.put("mprevLogTerm", a.prevLogTerm());
      List<Object> entries = new ArrayList<>(a.entries().size());
      for (Entry e : a.entries()) {
        Map<String, Object> em = new LinkedHashMap<>();
        em.put("term", e.term());
        em.put("value", KvStore.itf(e.op()));
        entries.add(em);
      }
      m.put("mentries", Itf.tup(entries));
      m.put("mcommitIndex", a.commitIndex());
    } else if (msg instanceof RaftMsg.AppendResponse a) {
      m.put("mtype", "AppendEntriesResponse");
      m.put("mterm", a.term());
      m.put("msuccess", a.success());
      m.put("mmatchIndex", a.matchIndex());
    }
    m.put("msource", from);
    m.put("mdest", to);
    return m;
  }
}
