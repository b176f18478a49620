package io.synod.checker.engine;

/**
 * What a running check tells the evaluator and lets it do, for TLC's {@code TLCGet} and
 * {@code TLCSet}: the counts so far ({@code TLCGet("stats")}), the settings of the run
 * ({@code TLCGet("config")}) and the request to end the search ({@code TLCSet("exit", TRUE)}).
 * Implementations are thread-safe.
 */
public interface SearchControl {

  /** The counts of the search so far (exact with one worker). */
  SearchStats stats();

  /** Ends the search as TLC's {@code TLCSet("exit", TRUE)} does; no error is reported. */
  void exit();

  /** {@code TLCGet("config")}: "bfs" for model checking, "generate" for simulation. */
  String mode();

  /** Number of workers. */
  int workers();

  /** Whether deadlock is checked (the config's CHECK_DEADLOCK and {@code -deadlock}). */
  boolean checkDeadlock();

  /** The seed of the run. */
  long seed();

  /** The fingerprint family ({@code -fp}). */
  int fingerprint();

  /** Simulation: the most steps of a behaviour ({@code -depth}); -1 for a model check. */
  default int depth() {
    return -1;
  }

  /**
   * Simulation: the number of behaviours asked for, as TLC's {@code TLCGet("config").traces}
   * reports it (an int, so unbounded reads -1); -1 for a model check.
   */
  default int traces() {
    return -1;
  }

  /** Simulation: the behaviours started so far ({@code TLCGet("stats").traces}); -1 otherwise. */
  default long tracesSoFar() {
    return -1;
  }

  /**
   * Simulation: TLC's running mean and variance of the lengths of the behaviours finished so far
   * ({@code TLCGet("stats").levelmean} and {@code .levelvariance}); zeros otherwise.
   */
  default long[] lengthStatistics() {
    return new long[] {0, 0};
  }
}
