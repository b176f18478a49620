package io.synod.checker.engine;

import io.synod.checker.value.Value;

/** Receives the successors of one state as the evaluator enumerates them. */
@FunctionalInterface
public interface SuccessorSink {
  /**
   * One successor (values by slot) and the action that produced it. Returns false when the engine
   * wants no more successors of this state; the evaluator may stop enumerating then.
   */
  boolean accept(Value[] successor, ActionLabel action);
}
