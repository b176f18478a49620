package io.synod.sim;

import java.util.EnumMap;
import java.util.Map;

/** Counters of one run, for the summary. */
public final class Stats {
  public long sent;
  public long delivered;
  public long dropped;
  public long duplicated;
  public long steps;
  public long leaderChanges;
  public long ok;
  public long fail;
  public long info;
  public long invoked;
  public long simulatedNanos;
  public long crashes;
  public long partitions;
  public final Map<Fault, Long> faults = new EnumMap<>(Fault.class);

  void fault(Fault f) {
    faults.merge(f, 1L, Long::sum);
  }
}
