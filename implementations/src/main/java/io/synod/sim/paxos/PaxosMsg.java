package io.synod.sim.paxos;

import io.synod.sim.Op;
import java.util.List;

/** Messages of single-decree Paxos, one instance per log slot, plus learning. */
public sealed interface PaxosMsg {
  long slot();

  /** Phase 1a: a proposer asks acceptors to promise ballot {@code ballot}. */
  record Prepare(long slot, long ballot) implements PaxosMsg {}

  /** Phase 1b: a promise, with the acceptor's last vote (maxVBal -1 and null if none). */
  record Promise(long slot, long ballot, long maxVBal, Op maxVal) implements PaxosMsg {}

  /** Phase 2a: a proposer asks acceptors to accept {@code value} at {@code ballot}. */
  record Accept(long slot, long ballot, Op value) implements PaxosMsg {}

  /** Phase 2b: an acceptor voted for {@code value} at {@code ballot}. */
  record Accepted(long slot, long ballot, Op value) implements PaxosMsg {}

  /** The acceptor already promised {@code promised}, higher than {@code ballot}. */
  record Nack(long slot, long ballot, long promised) implements PaxosMsg {}

  /** Values chosen in consecutive slots from {@code slot} on. */
  record Chosen(long slot, List<Op> values) implements PaxosMsg {}
}
