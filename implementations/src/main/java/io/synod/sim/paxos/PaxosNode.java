package io.synod.sim.paxos;

import io.synod.sim.DiskRecord;
import io.synod.sim.Input;
import io.synod.sim.KvStore;
import io.synod.sim.Node;
import io.synod.sim.Op;
import io.synod.sim.Ready;
import io.synod.sim.Result;
import io.synod.sim.TraceEvent;
import io.synod.sim.paxos.PaxosDisk.Acceptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A replicated key-value store on a log of single-decree Paxos instances. Every node is
 * proposer, acceptor and learner. A node proposes its clients' commands one at a time in
 * the first slot it does not know to be chosen; if phase 1 reveals an accepted value it
 * proposes that one instead (which is how it learns what it missed) and tries again in the
 * next slot. Commands, reads included, take effect when applied in slot order.
 */
public final class PaxosNode implements Node<PaxosMsg> {
  static final int RETRY_TICKS = 10;
  static final int MAX_BACKOFF_TICKS = 6;
  static final int CATCH_UP_BATCH = 64;

  private record Waiting(int client, Op op) {}

  private final int id;
  private final int n;
  private final RandomGenerator random;
  private final boolean acceptLowerBallot;
  private final boolean ignoreAcceptedValue;

  // persistent
  private final TreeMap<Long, Acceptor> acceptors = new TreeMap<>();
  private long round;
  private boolean roundDirty;
  private final List<Long> touched = new ArrayList<>();
  private final List<Long> learnedNow = new ArrayList<>();

  // learner
  private final TreeMap<Long, Op> chosen = new TreeMap<>();
  private long nextApply = 1;
  private final KvStore store = new KvStore();

  // proposer
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private final Map<Long, Integer> replyTo = new HashMap<>();
  private int phase; // 0 idle or backing off, 1, 2
  private long slot;
  private long ballot;
  private long promises;
  private long accepts;
  private long bestVBal;
  private Op bestVal;
  private Op proposing;
  private int elapsed;
  private int backoff;

  public PaxosNode(int id, int n, List<? extends DiskRecord> journal, RandomGenerator random, Set<String> bugs) {
    this.id = id;
    this.n = n;
    this.random = random;
    this.acceptLowerBallot = bugs.contains(PaxosProtocol.ACCEPT_LOWER_BALLOT);
    this.ignoreAcceptedValue = bugs.contains(PaxosProtocol.IGNORE_ACCEPTED_VALUE);
    for (DiskRecord rec : journal) {
      if (rec instanceof PaxosDisk.SlotRecord s) {
        acceptors.put(s.slot(), s.state());
      } else if (rec instanceof PaxosDisk.RoundRecord r) {
        round = r.round();
      }
    }
  }

  @Override
  public void step(Input<PaxosMsg> in, Ready<PaxosMsg> out) {
    touched.clear();
    learnedNow.clear();
    if (in instanceof Input.Receive<PaxosMsg> r) {
      receive(r.from(), r.msg(), out);
    } else if (in instanceof Input.Tick<PaxosMsg>) {
      tick(out);
    } else if (in instanceof Input.Request<PaxosMsg> q) {
      if (out.tracing()) {
        out.event("ClientRequest").field("request", KvStore.itf(q.op()));
      }
      queue.add(new Waiting(q.client(), q.op()));
      replyTo.put(q.op().id(), q.client());
      if (phase == 0 && backoff == 0) {
        proposeNext(out);
      }
    } else if (in instanceof Input.Restart<PaxosMsg> && out.tracing()) {
      out.event("Restart");
    }
    if (roundDirty) {
      out.persist(new PaxosDisk.RoundRecord(round));
      roundDirty = false;
    }
    for (long s : touched) {
      out.persist(new PaxosDisk.SlotRecord(s, acceptors.get(s)));
    }
  }

  private void tick(Ready<PaxosMsg> out) {
    if (backoff > 0) {
      if (--backoff == 0) {
        proposeNext(out);
      }
    } else if (phase != 0 && ++elapsed >= RETRY_TICKS) {
      phase = 0;
      backoff = 1 + random.nextInt(MAX_BACKOFF_TICKS);
    }
  }

  private void receive(int from, PaxosMsg m, Ready<PaxosMsg> out) {
    if (m instanceof PaxosMsg.Prepare p) {
      onPrepare(from, p, out);
    } else if (m instanceof PaxosMsg.Promise p) {
      onPromise(from, p, out);
    } else if (m instanceof PaxosMsg.Accept a) {
      onAccept(from, a, out);
    } else if (m instanceof PaxosMsg.Accepted a) {
      onAccepted(from, a, out);
    } else if (m instanceof PaxosMsg.Nack k) {
      onNack(from, k, out);
    } else if (m instanceof PaxosMsg.Chosen c) {
      for (int k = 0; k < c.values().size(); k++) {
        learn(c.slot() + k, c.values().get(k), out, from, k == 0 ? c : null);
      }
      applyChosen(out);
      if (phase != 0 && chosen.containsKey(slot)) {
        proposeNext(out);
      }
    }
  }

  // ---- proposer -----------------------------------------------------------------------

  /** Starts phase 1 for the head of the queue in the first slot not known to be chosen. */
  private void proposeNext(Ready<PaxosMsg> out) {
    while (!queue.isEmpty() && !replyTo.containsKey(queue.peek().op().id())) {
      queue.poll(); // answered already (a duplicated request)
    }
    if (queue.isEmpty()) {
      phase = 0;
      return;
    }
    proposing = queue.peek().op();
    slot = firstUnchosen();
    round++;
    roundDirty = true;
    ballot = round * n + id;
    phase = 1;
    promises = 0;
    accepts = 0;
    bestVBal = -1;
    bestVal = null;
    elapsed = 0;
    if (out.tracing()) {
      out.event("Phase1a").field("slot", slot).field("ballot", ballot);
    }
    broadcast(new PaxosMsg.Prepare(slot, ballot), out);
  }

  private void onPromise(int from, PaxosMsg.Promise p, Ready<PaxosMsg> out) {
    if (phase != 1 || p.slot() != slot || p.ballot() != ballot) {
      return;
    }
    promises |= 1L << from;
    if (p.maxVBal() > bestVBal) {
      bestVBal = p.maxVBal();
      bestVal = p.maxVal();
    }
    if (!isMajority(promises)) {
      return;
    }
    // Safety of Paxos rests on this choice: a value possibly chosen at a lower ballot must
    // be proposed again. The bug switch proposes our own command regardless.
    Op value = bestVal != null && !ignoreAcceptedValue ? bestVal : proposing;
    phase = 2;
    elapsed = 0;
    if (out.tracing()) {
      out.event("Phase2a").field("slot", slot).field("ballot", ballot);
    }
    broadcast(new PaxosMsg.Accept(slot, ballot, value), out);
  }

  private void onAccepted(int from, PaxosMsg.Accepted a, Ready<PaxosMsg> out) {
    if (phase != 2 || a.slot() != slot || a.ballot() != ballot) {
      return;
    }
    accepts |= 1L << from;
    if (!isMajority(accepts)) {
      return;
    }
    learn(slot, a.value(), out, -1, null);
    List<Op> one = List.of(a.value());
    for (int j = 0; j < n; j++) {
      if (j != id) {
        out.send(j, new PaxosMsg.Chosen(slot, one));
      }
    }
    applyChosen(out);
    proposeNext(out);
  }

  private void onNack(int from, PaxosMsg.Nack k, Ready<PaxosMsg> out) {
    if (phase == 0 || k.slot() != slot || k.ballot() != ballot) {
      return;
    }
    round = Math.max(round, k.promised() / n);
    roundDirty = true;
    phase = 0;
    backoff = 1 + random.nextInt(MAX_BACKOFF_TICKS);
  }

  private void broadcast(PaxosMsg m, Ready<PaxosMsg> out) {
    for (int j = 0; j < n; j++) {
      out.send(j, m);
    }
  }

  // ---- acceptor -----------------------------------------------------------------------

  private void onPrepare(int from, PaxosMsg.Prepare p, Ready<PaxosMsg> out) {
    if (chosen.containsKey(p.slot())) {
      // Already decided: tell the proposer what it missed, a batch of slots at once.
      List<Op> values = new ArrayList<>();
      for (long s = p.slot(); values.size() < CATCH_UP_BATCH && chosen.containsKey(s); s++) {
        values.add(chosen.get(s));
      }
      out.send(from, new PaxosMsg.Chosen(p.slot(), values));
      return;
    }
    Acceptor a = acceptors.getOrDefault(p.slot(), Acceptor.INITIAL);
    if (p.ballot() > a.maxBal()) {
      acceptors.put(p.slot(), new Acceptor(p.ballot(), a.maxVBal(), a.maxVal()));
      touched.add(p.slot());
      if (out.tracing()) {
        out.event("Phase1b").field("slot", p.slot()).var("maxBal", p.ballot()).received(from, p);
      }
      out.send(from, new PaxosMsg.Promise(p.slot(), p.ballot(), a.maxVBal(), a.maxVal()));
    } else {
      if (out.tracing()) {
        out.event("Nack").field("slot", p.slot()).received(from, p);
      }
      out.send(from, new PaxosMsg.Nack(p.slot(), p.ballot(), a.maxBal()));
    }
  }

  private void onAccept(int from, PaxosMsg.Accept m, Ready<PaxosMsg> out) {
    Acceptor a = acceptors.getOrDefault(m.slot(), Acceptor.INITIAL);
    if (m.ballot() >= a.maxBal() || acceptLowerBallot) {
      Acceptor next = new Acceptor(Math.max(a.maxBal(), m.ballot()), m.ballot(), m.value());
      acceptors.put(m.slot(), next);
      touched.add(m.slot());
      if (out.tracing()) {
        out.event("Phase2b").field("slot", m.slot()).var("maxBal", next.maxBal())
            .var("maxVBal", next.maxVBal()).var("maxVal", PaxosProtocol.valueItf(next.maxVal()))
            .received(from, m);
      }
      out.send(from, new PaxosMsg.Accepted(m.slot(), m.ballot(), m.value()));
    } else {
      if (out.tracing()) {
        out.event("Nack").field("slot", m.slot()).received(from, m);
      }
      out.send(from, new PaxosMsg.Nack(m.slot(), m.ballot(), a.maxBal()));
    }
  }

  // ---- learner ------------------------------------------------------------------------

  private void learn(long s, Op value, Ready<PaxosMsg> out, int from, PaxosMsg msg) {
    if (chosen.containsKey(s)) {
      return;
    }
    chosen.put(s, value);
    learnedNow.add(s);
    if (out.tracing()) {
      TraceEvent<PaxosMsg> e = out.event("Learn").field("slot", s).var("chosen", PaxosProtocol.valueItf(value));
      if (msg != null) {
        e.received(from, msg);
      }
    }
  }

  private void applyChosen(Ready<PaxosMsg> out) {
    for (Op op = chosen.get(nextApply); op != null; op = chosen.get(++nextApply)) {
      Result r = store.apply(op);
      Integer client = replyTo.remove(op.id());
      if (r != null && client != null) {
        out.reply(client, r);
      }
    }
  }

  private long firstUnchosen() {
    long s = nextApply;
    while (chosen.containsKey(s)) {
      s++;
    }
    return s;
  }

  private boolean isMajority(long mask) {
    return Long.bitCount(mask) * 2 > n;
  }

  // ---- read-only views for monitors ---------------------------------------------------

  /** Acceptor state per slot; read-only. */
  public SortedMap<Long, Acceptor> acceptors() {
    return Collections.unmodifiableSortedMap(acceptors);
  }

  /** Slots whose acceptor state the last step changed. */
  public List<Long> touchedSlots() {
    return Collections.unmodifiableList(touched);
  }

  /** Slots the last step learned. */
  public List<Long> learnedSlots() {
    return Collections.unmodifiableList(learnedNow);
  }

  /** Values this node learned, per slot; read-only. */
  public SortedMap<Long, Op> chosen() {
    return Collections.unmodifiableSortedMap(chosen);
  }
}
