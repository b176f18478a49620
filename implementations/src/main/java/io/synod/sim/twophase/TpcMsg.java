package io.synod.sim.twophase;

/** Two-phase commit messages between the transaction manager (TM) and resource managers. */
public sealed interface TpcMsg {
  long txn();

  /** TM to RM: please prepare. */
  record Prepare(long txn) implements TpcMsg {}

  /** RM to TM: prepared (a yes vote); resent while waiting, it also asks for the outcome. */
  record Prepared(long txn) implements TpcMsg {}

  /** RM to TM: aborted (a no vote). */
  record Aborted(long txn) implements TpcMsg {}

  /** TM to RM: the decision is commit. */
  record Commit(long txn) implements TpcMsg {}

  /** TM to RM: the decision is abort. */
  record Abort(long txn) implements TpcMsg {}

  /** RM to TM: decision received and durable. */
  record Ack(long txn) implements TpcMsg {}
}
