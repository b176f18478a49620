package io.synod.sim.twophase;

import io.synod.sim.DiskRecord;
import io.synod.sim.Input;
import io.synod.sim.Node;
import io.synod.sim.Op;
import io.synod.sim.Ready;
import io.synod.sim.Result;
import io.synod.sim.record.Itf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The coordinator of two-phase commit. It asks every resource manager to prepare, commits
 * only when all voted yes, aborts on a no vote or a timeout, writes its decision to disk
 * before telling anyone, and resends it until every resource manager acknowledged. After a
 * crash it knows only its decisions; any transaction it has no decision for is aborted
 * (presumed abort).
 */
public final class TransactionManager implements Node<TpcMsg> {
  static final int PREPARE_TIMEOUT_TICKS = 30;
  static final int RESEND_TICKS = 5;

  private static final class Txn {
    int client = -1;
    long opId;
    long prepared;
    int preparedCount;
    long acked;
    int elapsed;
    Boolean decision;
  }

  private final int n;
  private final long allRms;
  private final boolean countVotes;
  private final TreeMap<Long, Boolean> decisions = new TreeMap<>();
  private final TreeMap<Long, Txn> active = new TreeMap<>();
  private final List<Long> decidedNow = new ArrayList<>();

  public TransactionManager(int n, List<? extends DiskRecord> journal, Set<String> bugs) {
    this.n = n;
    this.allRms = ((1L << n) - 1) & ~1L;
    this.countVotes = bugs.contains(TwoPhaseProtocol.COMMIT_WITHOUT_ALL_VOTES);
    for (DiskRecord rec : journal) {
      TmDisk d = (TmDisk) rec;
      decisions.put(d.txn(), d.commit());
    }
  }

  @Override
  public void step(Input<TpcMsg> in, Ready<TpcMsg> out) {
    decidedNow.clear();
    if (in instanceof Input.Receive<TpcMsg> r) {
      receive(r.from(), r.msg(), out);
    } else if (in instanceof Input.Tick<TpcMsg>) {
      tick(out);
    } else if (in instanceof Input.Request<TpcMsg> q) {
      begin(q.client(), q.op(), out);
    } else if (in instanceof Input.Restart<TpcMsg> && out.tracing()) {
      out.event("Restart");
    }
    for (long t : decidedNow) {
      out.persist(new TmDisk(t, decisions.get(t)));
    }
  }

  private void begin(int client, Op op, Ready<TpcMsg> out) {
    long t = op.value();
    Boolean d = decisions.get(t);
    if (d != null) {
      out.reply(client, d ? Result.ok(op.id(), null) : Result.fail(op.id()));
      return;
    }
    if (active.containsKey(t)) {
      return; // a duplicated request
    }
    Txn x = new Txn();
    x.client = client;
    x.opId = op.id();
    active.put(t, x);
    if (out.tracing()) {
      out.event("TMBegin").field("txn", t).var("tmState", "init").var("tmPrepared", Itf.set(List.of()));
    }
    for (int rm = 1; rm < n; rm++) {
      out.send(rm, new TpcMsg.Prepare(t));
    }
  }

  private void tick(Ready<TpcMsg> out) {
    for (Map.Entry<Long, Txn> e : new ArrayList<>(active.entrySet())) {
      long t = e.getKey();
      Txn x = e.getValue();
      x.elapsed++;
      if (x.decision == null && x.elapsed >= PREPARE_TIMEOUT_TICKS) {
        decide(t, x, false, out);
      } else if (x.elapsed % RESEND_TICKS == 0) {
        for (int rm = 1; rm < n; rm++) {
          if (x.decision == null && (x.prepared & (1L << rm)) == 0) {
            out.resend(rm, new TpcMsg.Prepare(t));
          } else if (x.decision != null && (x.acked & (1L << rm)) == 0) {
            out.resend(rm, decisionMsg(t, x.decision));
          }
        }
      }
    }
  }

  private void receive(int from, TpcMsg m, Ready<TpcMsg> out) {
    long t = m.txn();
    Txn x = active.get(t);
    Boolean d = decisions.get(t);
    if (m instanceof TpcMsg.Ack) {
      if (x != null) {
        x.acked |= 1L << from;
        if ((x.acked & allRms) == allRms) {
          active.remove(t);
        }
      }
      return;
    }
    if (d != null) {
      if (m instanceof TpcMsg.Prepared || m instanceof TpcMsg.Aborted) {
        out.resend(from, decisionMsg(t, d)); // an RM asking for the outcome
      }
      return;
    }
    if (x == null) {
      // No record: we crashed before deciding, or never heard of it. Presumed abort.
      x = new Txn();
      active.put(t, x);
      decide(t, x, false, out);
      return;
    }
    if (m instanceof TpcMsg.Prepared) {
      x.prepared |= 1L << from;
      x.preparedCount++;
      if (out.tracing()) {
        out.event("TMRcvPrepared").field("txn", t).var("tmPrepared", Itf.nodeSet(x.prepared, i -> TwoPhaseProtocol.nodeName(i)))
            .received(from, m);
      }
      // The bug counts prepared messages instead of distinct voters: resent or duplicated
      // votes make up for a missing one.
      boolean all = countVotes ? x.preparedCount >= n - 1 : (x.prepared & allRms) == allRms;
      if (all) {
        decide(t, x, true, out);
      }
    } else if (m instanceof TpcMsg.Aborted) {
      decide(t, x, false, out);
    }
  }

  private void decide(long t, Txn x, boolean commit, Ready<TpcMsg> out) {
    x.decision = commit;
    x.elapsed = 0;
    decisions.put(t, commit);
    decidedNow.add(t);
    if (out.tracing()) {
      out.event(commit ? "TMCommit" : "TMAbort").field("txn", t).var("tmState", commit ? "committed" : "aborted");
    }
    for (int rm = 1; rm < n; rm++) {
      out.send(rm, decisionMsg(t, commit));
    }
    if (x.client >= 0) {
      out.reply(x.client, commit ? Result.ok(x.opId, null) : Result.fail(x.opId));
    }
  }

  private static TpcMsg decisionMsg(long t, boolean commit) {
    return commit ? new TpcMsg.Commit(t) : new TpcMsg.Abort(t);
  }

  /** Transactions decided by the last step. */
  public List<Long> decidedNow() {
    return Collections.unmodifiableList(decidedNow);
  }

  /** Decisions taken, per transaction (true = commit); read-only. */
  public SortedMap<Long, Boolean> decisions() {
    return Collections.unmodifiableSortedMap(decisions);
  }

  @Override
  public boolean isLeader() {
    return true;
  }
}
