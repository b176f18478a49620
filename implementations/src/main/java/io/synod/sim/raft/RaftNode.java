package io.synod.sim.raft;

import io.synod.sim.DiskRecord;
import io.synod.sim.Input;
import io.synod.sim.Node;
import io.synod.sim.Op;
import io.synod.sim.Ready;
import io.synod.sim.Result;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A Raft node serving a key-value store: leader election with randomized timeouts, log
 * replication, commitment by a majority in the leader's term, client commands (reads
 * included) through the log. The store and the waiting clients are {@link RaftKv}; the trace
 * events, named after the actions of the usual TLA+ formulation of Raft, are {@link RaftTrace}.
 */
public final class RaftNode implements Node<RaftMsg> {
  /** Server states, named as in the TLA+ spec. */
  public enum Role {
    FOLLOWER("Follower"),
    CANDIDATE("Candidate"),
    LEADER("Leader");

    final String spec;

    Role(String spec) {
      this.spec = spec;
    }
  }

  static final int ELECTION_MIN_TICKS = 15;
  static final int ELECTION_SPREAD_TICKS = 15;
  static final int HEARTBEAT_TICKS = 5;
  static final int MAX_BATCH = 32;

  private final int id;
  private final int n;
  private final RandomGenerator random;
  private final boolean staleRead;
  private final boolean commitPreviousTerm;
  private final boolean forgetVote;

  // persistent
  private long currentTerm;
  private int votedFor;
  private final ArrayList<Entry> log = new ArrayList<>();
  private boolean dirty;
  private long logDirtyFrom = Long.MAX_VALUE;
  private long logVersion;

  // volatile
  private Role role = Role.FOLLOWER;
  private long commitIndex;
  private long lastApplied;
  private long votesGranted;
  private long votesResponded;
  private final long[] nextIndex;
  private final long[] matchIndex;
  private int electionElapsed;
  private int electionTimeout;
  private int heartbeatElapsed;
  private int leaderHint = -1;
  private final RaftKv kv = new RaftKv();
  private final RaftTrace trace = new RaftTrace();

  public RaftNode(int id, int n, List<? extends DiskRecord> journal, RandomGenerator random, Set<String> bugs) {
    this.id = id;
    this.n = n;
    this.random = random;
    this.staleRead = bugs.contains(RaftProtocol.STALE_READ);
    this.commitPreviousTerm = bugs.contains(RaftProtocol.COMMIT_PREVIOUS_TERM);
    this.forgetVote = bugs.contains(RaftProtocol.FORGET_VOTE);
    this.nextIndex = new long[n];
    // volatile leader state starts as Raft's (and the trace format's) reset: nextIndex 1, matchIndex 0
    java.util.Arrays.fill(nextIndex, 1);
    this.matchIndex = new long[n];
    this.votedFor = -1;
    for (DiskRecord rec : journal) {
      if (rec instanceof RaftDisk.TermVote tv) {
        currentTerm = tv.term();
        votedFor = tv.votedFor();
      } else if (rec instanceof RaftDisk.LogSuffix ls) {
        log.subList((int) ls.fromIndex() - 1, log.size()).clear();
        log.addAll(ls.entries());
      }
    }
    resetElectionTimer();
  }

  @Override
  public void step(Input<RaftMsg> in, Ready<RaftMsg> out) {
    if (in instanceof Input.Receive<RaftMsg> r) {
      receive(r.from(), r.msg(), out);
    } else if (in instanceof Input.Tick<RaftMsg>) {
      tick(out);
    } else if (in instanceof Input.Request<RaftMsg> q) {
      clientRequest(q.client(), q.op(), out);
    } else if (in instanceof Input.Restart<RaftMsg>) {
      trace.event(out, "Restart").currentTerm(currentTerm).state(role).votedFor(votedFor)
          .log(log).commitIndex(commitIndex).votesGranted(votesGranted)
          .nextIndex(nextIndex).matchIndex(matchIndex);
    }
    // The simulator writes these before anything of this step is sent.
    if (dirty) {
      // The forget-vote bug: votedFor is kept in memory only.
      out.persist(new RaftDisk.TermVote(currentTerm, forgetVote ? -1 : votedFor));
      dirty = false;
    }
    if (logDirtyFrom != Long.MAX_VALUE) {
      out.persist(new RaftDisk.LogSuffix(logDirtyFrom,
          List.copyOf(log.subList((int) Math.min(logDirtyFrom - 1, log.size()), log.size()))));
      logDirtyFrom = Long.MAX_VALUE;
      logVersion++;
    }
  }

  // ---- time ---------------------------------------------------------------------------

  private void tick(Ready<RaftMsg> out) {
    if (role == Role.LEADER) {
      if (++heartbeatElapsed >= HEARTBEAT_TICKS) {
        heartbeatElapsed = 0;
        broadcastAppend(out);
      }
    } else if (++electionElapsed >= electionTimeout) {
      startElection(out);
    } else if (role == Role.CANDIDATE && electionElapsed % HEARTBEAT_TICKS == 0) {
      // RPCs are retried when no answer comes in time (Raft paper, section 5.1).
      requestVotes(out, ~votesResponded);
    }
  }

  private void resetElectionTimer() {
    electionElapsed = 0;
    electionTimeout = ELECTION_MIN_TICKS + random.nextInt(ELECTION_SPREAD_TICKS);
  }

  private void startElection(Ready<RaftMsg> out) {
    currentTerm++;
    role = Role.CANDIDATE;
    votedFor = id;
    votesGranted = 1L << id;
    leaderHint = -1;
    dirty = true;
    resetElectionTimer();
    trace.event(out, "Timeout").currentTerm(currentTerm).state(role).votedFor(votedFor)
        .votesGranted(votesGranted);
    if (isMajority(votesGranted)) {
      becomeLeader(out);
      return;
    }
    votesResponded = 1L << id;
    requestVotes(out, ~votesResponded);
  }

  private void requestVotes(Ready<RaftMsg> out, long to) {
    RaftMsg req = new RaftMsg.VoteRequest(currentTerm, lastIndex(), lastTerm());
    for (int j = 0; j < n; j++) {
      if (j != id && (to & (1L << j)) != 0) {
        trace.event(out, "RequestVote");
        out.send(j, req);
      }
    }
  }

  // ---- messages -----------------------------------------------------------------------

  private void receive(int from, RaftMsg m, Ready<RaftMsg> out) {
    if (m.term() > currentTerm) {
      currentTerm = m.term();
      if (role == Role.LEADER) {
        kv.forgetClients();
      }
      role = Role.FOLLOWER;
      votedFor = -1;
      leaderHint = -1;
      dirty = true;
      trace.event(out, "UpdateTerm").currentTerm(currentTerm).state(role).votedFor(votedFor)
          .received(from, m);
    }
    if (m instanceof RaftMsg.VoteRequest v) {
      handleVoteRequest(from, v, out);
    } else if (m instanceof RaftMsg.VoteResponse v) {
      handleVoteResponse(from, v, out);
    } else if (m instanceof RaftMsg.AppendRequest a) {
      handleAppendRequest(from, a, out);
    } else if (m instanceof RaftMsg.AppendResponse a) {
      handleAppendResponse(from, a, out);
    }
  }

  private void handleVoteRequest(int from, RaftMsg.VoteRequest v, Ready<RaftMsg> out) {
    boolean logOk =
        v.lastLogTerm() > lastTerm() || (v.lastLogTerm() == lastTerm() && v.lastLogIndex() >= lastIndex());
    boolean grant =
        v.term() == currentTerm && logOk && (votedFor == -1 || votedFor == from);
    RaftTrace.Event e = trace.event(out, "HandleRequestVoteRequest").received(from, v);
    if (grant) {
      if (votedFor != from) {
        votedFor = from;
        dirty = true;
        e.votedFor(votedFor);
      }
      resetElectionTimer();
    }
    out.send(from, new RaftMsg.VoteResponse(currentTerm, grant));
  }

  private void handleVoteResponse(int from, RaftMsg.VoteResponse v, Ready<RaftMsg> out) {
    if (v.term() != currentTerm || role != Role.CANDIDATE) {
      trace.event(out, "DropStaleResponse").received(from, v);
      return;
    }
    votesResponded |= 1L << from;
    if (v.granted()) {
      votesGranted |= 1L << from;
    }
    trace.event(out, "HandleRequestVoteResponse").votesGranted(votesGranted).received(from, v);
    if (isMajority(votesGranted)) {
      becomeLeader(out);
    }
  }

  private void becomeLeader(Ready<RaftMsg> out) {
    role = Role.LEADER;
    leaderHint = id;
    heartbeatElapsed = 0;
    for (int j = 0; j < n; j++) {
      nextIndex[j] = lastIndex() + 1;
      matchIndex[j] = 0;
    }
    trace.event(out, "BecomeLeader").state(role).nextIndex(nextIndex).matchIndex(matchIndex);
    broadcastAppend(out);
  }

  private void handleAppendRequest(int from, RaftMsg.AppendRequest a, Ready<RaftMsg> out) {
    RaftTrace.Event e = trace.event(out, "HandleAppendEntriesRequest").received(from, a);
    if (a.term() < currentTerm) {
      out.send(from, new RaftMsg.AppendResponse(currentTerm, false, 0));
      return;
    }
    if (role != Role.FOLLOWER) {
      role = Role.FOLLOWER;
      e.state(role);
    }
    leaderHint = from;
    resetElectionTimer();
    long prev = a.prevLogIndex();
    if (prev > lastIndex() || termAt(prev) != a.prevLogTerm()) {
      out.send(from, new RaftMsg.AppendResponse(currentTerm, false, lastIndex()));
      return;
    }
    boolean changed = false;
    List<Entry> entries = a.entries();
    for (int k = 0; k < entries.size(); k++) {
      long idx = prev + 1 + k;
      Entry en = entries.get(k);
      if (idx <= lastIndex()) {
        if (termAt(idx) == en.term()) {
          continue; // already have it; never truncate on a stale or duplicated request
        }
        log.subList((int) idx - 1, log.size()).clear();
      }
      log.add(en);
      logDirtyFrom = Math.min(logDirtyFrom, idx);
      changed = true;
    }
    if (changed) {
      e.log(log);
    }
    long match = prev + entries.size();
    long newCommit = Math.min(a.commitIndex(), match);
    if (newCommit > commitIndex) {
      commitIndex = newCommit;
      e.commitIndex(commitIndex);
      applyCommitted(out);
    }
    out.send(from, new RaftMsg.AppendResponse(currentTerm, true, match));
  }

  private void handleAppendResponse(int from, RaftMsg.AppendResponse a, Ready<RaftMsg> out) {
    if (a.term() != currentTerm || role != Role.LEADER) {
      trace.event(out, "DropStaleResponse").received(from, a);
      return;
    }
    RaftTrace.Event e = trace.event(out, "HandleAppendEntriesResponse").received(from, a);
    if (a.success()) {
      matchIndex[from] = Math.max(matchIndex[from], a.matchIndex());
      nextIndex[from] = Math.max(nextIndex[from], matchIndex[from] + 1);
    } else {
      nextIndex[from] = Math.max(matchIndex[from] + 1, Math.min(nextIndex[from] - 1, a.matchIndex() + 1));
    }
    e.nextIndex(nextIndex).matchIndex(matchIndex);
    if (a.success()) {
      advanceCommitIndex(out);
    }
    if (!a.success() || nextIndex[from] <= lastIndex()) {
      sendAppend(from, out);
    }
  }

  // ---- replication --------------------------------------------------------------------

  private void broadcastAppend(Ready<RaftMsg> out) {
    for (int j = 0; j < n; j++) {
      if (j != id) {
        sendAppend(j, out);
      }
    }
  }

  private void sendAppend(int j, Ready<RaftMsg> out) {
    long prev = nextIndex[j] - 1;
    int end = (int) Math.min(lastIndex(), prev + MAX_BATCH);
    List<Entry> entries = prev >= end ? List.of() : List.copyOf(log.subList((int) prev, end));
    trace.event(out, "AppendEntries");
    out.send(j, new RaftMsg.AppendRequest(currentTerm, prev, termAt(prev), entries, Math.min(commitIndex, end)));
  }

  private void advanceCommitIndex(Ready<RaftMsg> out) {
    for (long idx = lastIndex(); idx > commitIndex; idx--) {
      // Figure 8 of the Raft paper: only entries of the current term are committed by
      // counting replicas; earlier ones follow. The bug switch drops that condition.
      if (!commitPreviousTerm && termAt(idx) != currentTerm) {
        return;
      }
      long acks = 1L << id;
      for (int j = 0; j < n; j++) {
        if (matchIndex[j] >= idx) {
          acks |= 1L << j;
        }
      }
      if (isMajority(acks)) {
        commitIndex = idx;
        trace.event(out, "AdvanceCommitIndex").commitIndex(commitIndex);
        applyCommitted(out);
        return;
      }
    }
  }

  private void applyCommitted(Ready<RaftMsg> out) {
    while (lastApplied < commitIndex) {
      lastApplied++;
      kv.apply(lastApplied, log.get((int) lastApplied - 1), role == Role.LEADER, out);
    }
  }

  // ---- clients ------------------------------------------------------------------------

  private void clientRequest(int client, Op op, Ready<RaftMsg> out) {
    if (role != Role.LEADER) {
      out.reply(client, Result.redirect(op.id(), leaderHint));
      return;
    }
    if (staleRead && op.f() == Op.Kind.READ) {
      // The bug: answer from local state without checking that we are still the leader.
      out.reply(client, Result.ok(op.id(), kv.localRead(op.key())));
      return;
    }
    log.add(new Entry(currentTerm, op));
    logDirtyFrom = Math.min(logDirtyFrom, lastIndex());
    kv.await(lastIndex(), client);
    trace.event(out, "ClientRequest").log(log);
    if (n == 1) {
      advanceCommitIndex(out);
      return;
    }
    for (int j = 0; j < n; j++) {
      if (j != id && nextIndex[j] == lastIndex()) {
        sendAppend(j, out);
      }
    }
  }

  // ---- helpers ------------------------------------------------------------------------

  private boolean isMajority(long mask) {
    return Long.bitCount(mask) * 2 > n;
  }

  long lastIndex() {
    return log.size();
  }

  private long lastTerm() {
    return termAt(lastIndex());
  }

  private long termAt(long idx) {
    return idx == 0 ? 0 : log.get((int) idx - 1).term();
  }

  // ---- read-only views for monitors ---------------------------------------------------

  @Override
  public boolean isLeader() {
    return role == Role.LEADER;
  }

  public Role role() {
    return role;
  }

  public long currentTerm() {
    return currentTerm;
  }

  public long commitIndex() {
    return commitIndex;
  }

  /** Changes whenever the log does; lets monitors skip unchanged logs. */
  public long logVersion() {
    return logVersion;
  }

  /** The log, index i at position i-1; read-only. */
  public List<Entry> log() {
    return Collections.unmodifiableList(log);
  }
}
