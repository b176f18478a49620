package io.synod.sim.paxos;

import io.synod.sim.Op;

/**
 * Records of a Paxos node's disk journal: each slot's acceptor state, and the highest
 * proposal round used, so that a restarted proposer never reuses a ballot.
 */
public final class PaxosDisk {
  private PaxosDisk() {}

  /** An acceptor's state in one slot; ballots are -1 and the value null before any vote. */
  public record Acceptor(long maxBal, long maxVBal, Op maxVal) {
    static final Acceptor INITIAL = new Acceptor(-1, -1, null);
  }

  /** The acceptor state of {@code slot} is now {@code state}. */
  public record SlotRecord(long slot, Acceptor state) {}

  /** The proposer used rounds up to {@code round}. */
  public record RoundRecord(long round) {}
}
