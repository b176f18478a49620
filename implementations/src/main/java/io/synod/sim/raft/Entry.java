package io.synod.sim.raft;

import io.synod.sim.Op;

/** A log entry: the term in which a leader received the command, and the command. */
public record Entry(long term, Op op) {
  @Override
  public String toString() {
    return "(term " + term + ": " + op + ")";
  }
}
