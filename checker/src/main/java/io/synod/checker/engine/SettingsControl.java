package io.synod.checker.engine;

import java.util.function.Supplier;

/**
 * A {@link SearchControl} whose settings ({@code TLCGet("config")}) are fixed when the run
 * starts: the counts come from the run as it goes, and {@code TLCSet("exit", TRUE)} is handed to
 * the run's own stop action. One class for every kind of run (search, simulation, a cluster
 * member, the checks before and after a search), so that their settings are reported alike.
 */
public final class SettingsControl implements SearchControl {
  private final String mode;
  private final int workers;
  private final boolean checkDeadlock;
  private final long seed;
  private final int fingerprint;
  private final Supplier<SearchStats> stats;
  private final Runnable onExit;
  private int depth = -1;
  private int traces = -1;
  private Supplier<Long> tracesSoFar = () -> -1L;
  private Supplier<long[]> lengths = () -> new long[] {0, 0};

  /**
   * @param mode "bfs" for model checking, "simulate" for simulation
   * @param stats the counts so far, read when the spec asks for them
   * @param onExit what {@code TLCSet("exit", TRUE)} does to the run
   */
  public SettingsControl(String mode, int workers, boolean checkDeadlock, long seed, int fingerprint,
      Supplier<SearchStats> stats, Runnable onExit) {
    this.mode = mode;
    this.workers = workers;
    this.checkDeadlock = checkDeadlock;
    this.seed = seed;
    this.fingerprint = fingerprint;
    this.stats = stats;
    this.onExit = onExit;
  }

  @Override
  public SearchStats stats() {
    return stats.get();
  }

  @Override
  public void exit() {
    onExit.run();
  }

  @Override
  public String mode() {
    return mode;
  }

  @Override
  public int workers() {
    return workers;
  }

  @Override
  public boolean checkDeadlock() {
    return checkDeadlock;
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public int fingerprint() {
    return fingerprint;
  }

  /**
   * This control for a simulation of behaviours of up to {@code depth} steps, {@code traces} of
   * them, {@code soFar} started so far.
   */
  public SettingsControl simulating(int depth, long traces, Supplier<Long> soFar) {
    this.depth = depth;
    // TLC narrows the number to an int: Long.MAX_VALUE (no limit) reads -1
    this.traces = (int) traces;
    this.tracesSoFar = soFar;
    return this;
  }

  @Override
  public int depth() {
    return depth;
  }

  @Override
  public int traces() {
    return traces;
  }

  @Override
  public long tracesSoFar() {
    return tracesSoFar.get();
  }

  /** This control reporting {@code lengths} as the behaviours' mean length and its variance. */
  public SettingsControl withLengths(Supplier<long[]> lengths) {
    this.lengths = lengths;
    return this;
  }

  @Override
  public long[] lengthStatistics() {
    return lengths.get();
  }
}
