package io.synod.sim.paxos;

import io.synod.sim.Op;
import java.util.SortedMap;

/**
 * What a Paxos node keeps across crashes: each slot's acceptor state and the highest
 * proposal round it used, so that it never reuses a ballot.
 */
public record PaxosDisk(SortedMap<Long, Acceptor> acceptors, long round) {
  /** An acceptor's state in one slot; ballots are -1 and the value null before any vote. */
  public record Acceptor(long maxBal, long maxVBal, Op maxVal) {
    static final Acceptor INITIAL = new Acceptor(-1, -1, null);
  }
}
