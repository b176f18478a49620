package io.synod.sim.twophase;

/** A resource manager's state in one transaction, named as in the TwoPhase spec. */
public enum RmState {
  WORKING("working"),
  PREPARED("prepared"),
  COMMITTED("committed"),
  ABORTED("aborted");

  final String spec;

  RmState(String spec) {
    this.spec = spec;
  }
}
