package io.synod.sim.twophase;

import io.synod.sim.DiskRecord;
import io.synod.sim.Input;
import io.synod.sim.Node;
import io.synod.sim.Ready;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A participant of two-phase commit. Asked to prepare, it votes yes (after making its
 * prepared state durable) or, now and then, chooses to abort. Once prepared it must wait
 * for the coordinator's decision, asking again now and then; it never decides alone.
 */
public final class ResourceManager implements Node<TpcMsg> {
  static final int ABORT_PERCENT = 10;
  static final int ASK_TICKS = 5;
  static final int IMPATIENT_TICKS = 30;

  private final int id;
  private final RandomGenerator random;
  private final boolean abortAfterPrepared;
  private final TreeMap<Long, RmState> states = new TreeMap<>();
  private final TreeMap<Long, Integer> waiting = new TreeMap<>();
  private final List<Long> changed = new ArrayList<>();

  public ResourceManager(int id, List<? extends DiskRecord> journal, RandomGenerator random, Set<String> bugs) {
    this.id = id;
    this.random = random;
    this.abortAfterPrepared = bugs.contains(TwoPhaseProtocol.ABORT_AFTER_PREPARED);
    for (DiskRecord rec : journal) {
      RmDisk r = (RmDisk) rec;
      states.put(r.txn(), r.state());
    }
    for (Map.Entry<Long, RmState> e : states.entrySet()) {
      if (e.getValue() == RmState.PREPARED) {
        waiting.put(e.getKey(), 0);
      }
    }
  }

  @Override
  public void step(Input<TpcMsg> in, Ready<TpcMsg> out) {
    changed.clear();
    if (in instanceof Input.Receive<TpcMsg> r) {
      receive(r.msg(), out);
    } else if (in instanceof Input.Tick<TpcMsg>) {
      tick(out);
    } else if (in instanceof Input.Restart<TpcMsg> && out.tracing()) {
      out.event("Restart");
    }
    for (long t : changed) {
      out.persist(new RmDisk(t, states.get(t)));
    }
  }

  private void receive(TpcMsg m, Ready<TpcMsg> out) {
    long t = m.txn();
    RmState s = states.getOrDefault(t, RmState.WORKING);
    if (m instanceof TpcMsg.Prepare) {
      switch (s) {
        case WORKING -> {
          if (random.nextInt(100) < ABORT_PERCENT) {
            set(t, RmState.ABORTED, "RMChooseToAbort", m, out);
            out.send(0, new TpcMsg.Aborted(t));
          } else {
            set(t, RmState.PREPARED, "RMPrepare", m, out);
            waiting.put(t, 0);
            out.send(0, new TpcMsg.Prepared(t));
          }
        }
        case PREPARED -> out.resend(0, new TpcMsg.Prepared(t));
        case ABORTED -> out.resend(0, new TpcMsg.Aborted(t));
        case COMMITTED -> {}
      }
    } else if (m instanceof TpcMsg.Commit) {
      if (s != RmState.COMMITTED && s != RmState.ABORTED) {
        set(t, RmState.COMMITTED, "RMRcvCommitMsg", m, out);
      }
      waiting.remove(t);
      out.send(0, new TpcMsg.Ack(t));
    } else if (m instanceof TpcMsg.Abort) {
      if (s != RmState.COMMITTED && s != RmState.ABORTED) {
        set(t, RmState.ABORTED, "RMRcvAbortMsg", m, out);
      }
      waiting.remove(t);
      out.send(0, new TpcMsg.Ack(t));
    }
  }

  private void tick(Ready<TpcMsg> out) {
    for (Map.Entry<Long, Integer> e : new TreeMap<>(waiting).entrySet()) {
      long t = e.getKey();
      int elapsed = e.getValue() + 1;
      if (abortAfterPrepared && elapsed >= IMPATIENT_TICKS) {
        // The bug: a prepared RM gives up waiting and aborts on its own, though the
        // coordinator may already have decided commit.
        set(t, RmState.ABORTED, "RMChooseToAbort", null, out);
        waiting.remove(t);
        out.send(0, new TpcMsg.Aborted(t));
        continue;
      }
      waiting.put(t, elapsed);
      if (elapsed % ASK_TICKS == 0) {
        out.resend(0, new TpcMsg.Prepared(t)); // still prepared: what was decided?
      }
    }
  }

  private void set(long t, RmState s, String action, TpcMsg m, Ready<TpcMsg> out) {
    states.put(t, s);
    changed.add(t);
    if (out.tracing()) {
      var e = out.event(action).field("txn", t).var("rmState", s.spec);
      if (m != null) {
        e.received(0, m);
      }
    }
  }

  /** Transactions whose state the last step changed. */
  public List<Long> changedNow() {
    return Collections.unmodifiableList(changed);
  }

  /** This RM's state per transaction (WORKING ones are not listed); read-only. */
  public SortedMap<Long, RmState> states() {
    return Collections.unmodifiableSortedMap(states);
  }

  int id() {
    return id;
  }
}
