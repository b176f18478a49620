package io.synod.cluster;

import io.synod.checker.engine.SearchControl;
import io.synod.checker.engine.SearchStats;
import java.util.function.Supplier;

/**
 * The check as {@code TLCGet}/{@code TLCSet} see it on the coordinator and on every member: the
 * same settings everywhere (so that {@code TLCGet("config")} agrees across the cluster), the
 * counts the caller knows of, and {@code TLCSet("exit")} noted.
 */
final class Control implements SearchControl {
  private final Supplier<SearchStats> stats;
  private final int workers;
  private final boolean checkDeadlock;
  private final long seed;
  private final int fpIndex;
  private volatile boolean exit;

  Control(Supplier<SearchStats> stats, int workers, boolean checkDeadlock, long seed, int fpIndex) {
    this.stats = stats;
    this.workers = workers;
    this.checkDeadlock = checkDeadlock;
    this.seed = seed;
    this.fpIndex = fpIndex;
  }

  boolean exited() {
    return exit;
  }

  @Override
  public SearchStats stats() {
    return stats.get();
  }

  @Override
  public void exit() {
    exit = true;
  }

  @Override
  public String mode() {
    return "bfs";
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
    return fpIndex;
  }
}
