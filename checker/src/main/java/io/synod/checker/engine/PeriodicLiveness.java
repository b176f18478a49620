package io.synod.checker.engine;

import io.synod.checker.engine.spill.SpillContext;
import io.synod.checker.liveness.BehaviorGraph;
import io.synod.checker.liveness.LivenessChecker;
import io.synod.checker.liveness.LivenessException;
import io.synod.checker.liveness.LivenessPlan;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The checks of the graph explored so far during one search ({@link LivenessSchedule.Mode#DEFAULT}),
 * as TLC's periodic work does them: when one is due, the search's workers stop, the temporal
 * properties are checked on the states expanded so far ({@link BehaviorGraph#expandedSoFar}),
 * and a counterexample ends the search. The decisions are taken on the timer's thread
 * ({@link #due}) and from the workers' counts ({@link #expanded}); the check itself runs on the
 * search's thread while no worker runs ({@link #check}).
 */
final class PeriodicLiveness {
  private final LivenessPlan plan;
  private final LivenessSchedule schedule;
  private final CheckOptions options;
  private final SearchListener listener;
  private volatile long startNanos = System.nanoTime();
  /** A check was asked for and has not run yet: no second request meanwhile. */
  private final AtomicBoolean pending = new AtomicBoolean();
  /** States expanded since the last check forced by {@link LivenessSchedule#everyStates}. */
  private final AtomicLong sinceForced = new AtomicLong();
  private volatile boolean forced;
  /** Written by the search's thread, read by the timer's. */
  private volatile long expandedAtLast;
  private volatile long checkingNanos;
  private volatile boolean abandoned;
  private LivenessChecker.Lasso lasso;
  private BehaviorGraph graph;
  private long peakBytes;

  PeriodicLiveness(LivenessPlan plan, LivenessSchedule schedule, CheckOptions options,
      SearchListener listener) {
    this.plan = plan;
    this.schedule = schedule;
    this.options = options;
    this.listener = listener;
  }

  /**
   * On the timer: whether to ask the search for a check now, from its counts ({@code distinct}
   * minus {@code queue}: the states expanded, what TLC's graph holds as done).
   */
  boolean due(SearchStats now) {
    if (abandoned || pending.get()) {
      return false;
    }
    return dueAt(now, System.nanoTime()) && pending.compareAndSet(false, true);
  }

  /**
   * Whether the schedule makes a check due at {@code nanos}, from the search's counts ({@code
   * distinct} minus {@code queue}: the states expanded, what TLC's graph holds as done).
   */
  private boolean dueAt(SearchStats now, long nanos) {
    return LivenessSchedule.due(expandedAtLast, now.distinct() - now.queue(), checkingNanos,
        nanos - startNanos);
  }

  /**
   * From a worker, after it expanded {@code n} more states: whether that makes a check forced by
   * {@link LivenessSchedule#everyStates} due.
   */
  boolean expanded(long n) {
    long every = schedule.everyStates();
    if (every <= 0 || abandoned || sinceForced.addAndGet(n) < every) {
      return false;
    }
    sinceForced.set(0);
    forced = true;
    pending.set(true);
    return true;
  }

  /**
   * Checks the temporal properties on the states of {@code recording} expanded so far; call on
   * the search's thread while no worker runs. True when a counterexample was found ({@link
   * #lasso}): the search must end. A check that runs out of memory, or whose graph is too large
   * for the checker, gives up the checks of the graph so far; the search and the final check go
   * on.
   */
  boolean check(BehaviorGraph recording, SearchStats now) {
    try {
      return checkNow(recording, now);
    } finally {
      settle();
    }
  }

  private boolean checkNow(BehaviorGraph recording, SearchStats now) {
    boolean wasForced = forced;
    forced = false;
    long t0 = System.nanoTime();
    // exact now that no worker runs: the timer's estimate may have counted states whose
    // expansion was not recorded yet
    if (abandoned || !wasForced && !dueAt(now, t0)) {
      return false;
    }
    boolean announced = false;
    try (SpillContext spill = SpillContext.create(options.spill(), options.queueMemoryBytes(),
        options.metaDir())) {
      BehaviorGraph g = recording.expandedSoFar(spill);
      int branches = plan.branches().size();
      listener.checkingLivenessSoFar((long) g.size() * branches, branches);
      announced = true;
      LivenessChecker checker = new LivenessChecker(g);
      LivenessChecker.Lasso found = checker.check(plan, options.workers());
      peakBytes = Math.max(peakBytes, checker.peakBytes());
      expandedAtLast = g.size();
      if (found != null) {
        lasso = found;
        graph = g;
      }
      return found != null;
    } catch (OutOfMemoryError | LivenessException e) {
      abandoned = true;
      return false;
    } finally {
      long spent = System.nanoTime() - t0;
      checkingNanos += spent;
      if (announced) {
        listener.livenessCheckedSoFar(spent / 1_000_000, lasso != null);
      }
    }
  }

  /**
   * On the timer: waits while a requested check has not run to its end (the workers stop for it
   * at their next claim). False when the wait was interrupted: the search ended meanwhile.
   */
  boolean awaitPendingCheck() {
    synchronized (pending) {
      while (pending.get()) {
        try {
          pending.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Ends a pending check (run, skipped or the search over) for {@link #awaitPendingCheck}. */
  private void settle() {
    synchronized (pending) {
      pending.set(false);
      pending.notifyAll();
    }
  }

  /**
   * What decides when the next check of the graph so far comes, kept in a checkpoint: the
   * states expanded at the last check, the time the checks took and the run's time so far
   * (growth and time share), the states expanded since the last check forced by a count, and
   * whether the checks were given up.
   */
  record State(long expandedAtLast, long checkingNanos, long elapsedNanos, long sinceForced,
      boolean abandoned, long peakBytes) {
    void writeTo(java.io.DataOutput out) throws java.io.IOException {
      out.writeLong(expandedAtLast);
      out.writeLong(checkingNanos);
      out.writeLong(elapsedNanos);
      out.writeLong(sinceForced);
      out.writeBoolean(abandoned);
      out.writeLong(peakBytes);
    }

    static State readFrom(java.io.DataInput in) throws java.io.IOException {
      return new State(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
          in.readBoolean(), in.readLong());
    }
  }

  /** Writes the schedule's {@link State} (call on the search's thread while no worker runs). */
  void writeTo(java.io.DataOutput out) throws java.io.IOException {
    new State(expandedAtLast, checkingNanos, System.nanoTime() - startNanos, sinceForced.get(),
        abandoned, peakBytes).writeTo(out);
  }

  /** Goes on from {@code s}, a checkpoint's schedule, as if the run had not been interrupted. */
  void restore(State s) {
    expandedAtLast = s.expandedAtLast();
    checkingNanos = s.checkingNanos();
    startNanos = System.nanoTime() - s.elapsedNanos();
    sinceForced.set(s.sinceForced());
    abandoned = s.abandoned();
    peakBytes = s.peakBytes();
  }

  /** The counterexample a check found (its states are numbers of {@link #graph}), or null. */
  LivenessChecker.Lasso lasso() {
    return lasso;
  }

  /** The graph the counterexample was found in. */
  BehaviorGraph graph() {
    return graph;
  }

  /** What the largest check held on the heap (0 before one ran). */
  long peakBytes() {
    return peakBytes;
  }
}
