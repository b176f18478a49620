package io.synod.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The outcome of a sweep over seeds {@code from..to} that stops after its first
 * {@code maxFailures} failing seeds (0: no limit), from results arriving in any order: it hands
 * them on in seed order and ends where a run of the seeds one after another would have ended,
 * so that a sweep on many machines reports what the sweep on one reports.
 */
public final class SweepTally {
  private final long to;
  private final int maxFailures;
  private final BiConsumer<Long, String> inOrder;
  /** Results that arrived ahead of {@link #next} (null values are passes). */
  private final Map<Long, String> ahead = new HashMap<>();
  /** Failing seeds known so far, in or ahead of the ordered prefix. */
  private final TreeSet<Long> failing = new TreeSet<>();
  private final List<Long> reported = new ArrayList<>();
  private long next;
  private long last;
  private boolean stopped;

  /** {@code inOrder} receives each seed's result (null: passed) in seed order. */
  public SweepTally(long from, long to, int maxFailures, BiConsumer<Long, String> inOrder) {
    if (from > to) {
      throw new IllegalArgumentException("empty seed range " + from + ".." + to);
    }
    this.next = from;
    this.last = from - 1;
    this.to = to;
    this.maxFailures = maxFailures;
    this.inOrder = inOrder;
  }

  /** Records a seed's result; a seed already recorded (run twice after a loss) is ignored. */
  public void add(long seed, String failure) {
    if (stopped || seed < next || ahead.containsKey(seed) || seed > to) {
      return;
    }
    ahead.put(seed, failure);
    if (failure != null) {
      failing.add(seed);
    }
    while (!stopped && ahead.containsKey(next)) {
      String f = ahead.remove(next);
      inOrder.accept(next, f);
      last = next;
      if (f != null) {
        reported.add(next);
        stopped = maxFailures > 0 && reported.size() == maxFailures;
      }
      if (next == to) {
        stopped = true;
      } else {
        next++;
      }
    }
  }

  /**
   * Whether {@code seed} can still change the outcome: not when {@code maxFailures} seeds below
   * it are already known to fail.
   */
  public boolean needed(long seed) {
    if (stopped || seed > to) {
      return false;
    }
    if (maxFailures == 0 || failing.size() < maxFailures) {
      return true;
    }
    int i = 0;
    for (long f : failing) {
      if (++i == maxFailures) {
        return seed < f;
      }
    }
    return true;
  }

  /** Whether the outcome is complete. */
  public boolean finished() {
    return stopped;
  }

  /** The failing seeds reported, in seed order. */
  public List<Long> failingSeeds() {
    return List.copyOf(reported);
  }

  /** The last seed reported (the sweep covered its first seed up to this one). */
  public long lastSeed() {
    return last;
  }
}
