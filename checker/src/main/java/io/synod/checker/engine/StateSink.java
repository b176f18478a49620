package io.synod.checker.engine;

import io.synod.checker.value.Value;

/** Receives initial states as the evaluator enumerates them. */
@FunctionalInterface
public interface StateSink {
  /**
   * One initial state (values by slot). Returns false when the engine wants no more states (an
   * error was found or the run was cancelled); the evaluator may stop enumerating then.
   */
  boolean accept(Value[] state);
}
