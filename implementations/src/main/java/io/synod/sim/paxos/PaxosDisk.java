package io.synod.sim.paxos;

import io.synod.sim.DiskRecord;
import io.synod.sim.Op;

/**
 * Records of a Paxos node's disk journal: each slot's acceptor state, and the highest
 * proposal round used, so that a restarted proposer never reuses a ballot.
 */
public sealed interface PaxosDisk extends DiskRecord {
  /** An acceptor's state in one slot; ballots are -1 and the value null before any vote. */
  record Acceptor(long maxBal, long maxVBal, Op maxVal) {
    static final Acceptor INITIAL = new Acceptor(-1, -1, null);
  }

  /** The acceptor state of {@code slot} is now {@code state}. */
  record SlotRecord(long slot, Acceptor state) implements PaxosDisk {}

  /** The proposer used rounds up to {@code round}. */
  record RoundRecord(long round) implements PaxosDisk {}
}
