package io.synod.sim;

import java.util.EnumSet;
import java.util.Set;

/**
 * Parameters of one simulation run. Everything else (timing, fault rates) is fixed in
 * {@link Timing} so that a seed alone reproduces a run.
 *
 * @param seed seed of the run's single random source
 * @param nodes number of protocol nodes (2PC: one transaction manager plus nodes-1 resource
 *     managers)
 * @param clients concurrent clients
 * @param ops operations to issue in total
 * @param keys number of distinct keys (kv protocols)
 * @param faults faults to inject
 * @param bugs bug switches turned on in the nodes
 * @param maxTimeNanos stop at this virtual time even if operations remain
 * @param stopOnViolation end the run at the first invariant violation
 */
public record SimConfig(
    long seed,
    int nodes,
    int clients,
    int ops,
    int keys,
    EnumSet<Fault> faults,
    Set<String> bugs,
    long maxTimeNanos,
    boolean stopOnViolation) {

  public SimConfig {
    faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    bugs = Set.copyOf(bugs);
  }

  /** A configuration with every fault and the given seed, handy in tests. */
  public static SimConfig of(long seed, int nodes, int clients, int ops) {
    return new SimConfig(
        seed, nodes, clients, ops, 3, EnumSet.allOf(Fault.class), Set.of(), 120_000_000_000L, false);
  }

  public SimConfig withBugs(Set<String> b) {
    return new SimConfig(seed, nodes, clients, ops, keys, faults, b, maxTimeNanos, stopOnViolation);
  }

  public SimConfig withFaults(EnumSet<Fault> f) {
    return new SimConfig(seed, nodes, clients, ops, keys, f, bugs, maxTimeNanos, stopOnViolation);
  }

  public SimConfig withSeed(long s) {
    return new SimConfig(s, nodes, clients, ops, keys, faults, bugs, maxTimeNanos, stopOnViolation);
  }

  public SimConfig stoppingOnViolation() {
    return new SimConfig(seed, nodes, clients, ops, keys, faults, bugs, maxTimeNanos, true);
  }

  public boolean has(Fault f) {
    return faults.contains(f);
  }
}
