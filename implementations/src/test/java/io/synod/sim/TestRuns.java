package io.synod.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/** Runs seeds and gathers what went wrong, for the protocol tests. */
public final class TestRuns {
  private TestRuns() {}

  /** What is wrong with one run: monitor violations and, for kv, linearizability. */
  public static List<String> problems(SimResult r, boolean kv) {
    List<String> out = new ArrayList<>(r.violations());
    if (kv) {
      String lin = RegisterLinearizability.check(r.history());
      if (lin != null) {
        out.add("not linearizable: " + lin);
      }
    }
    return out;
  }

  public static <M> SimResult run(Protocol<M> p, SimConfig cfg) {
    return new Simulation<>(p, cfg, null).run();
  }

  /** Seeds in [from, to] whose run has a problem. */
  public static <M> List<Long> failingSeeds(
      Protocol<M> p, LongFunction<SimConfig> cfg, long from, long to, boolean kv) {
    List<Long> out = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      if (!problems(run(p, cfg.apply(s)), kv).isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The first seed in [from, to] whose run has a problem, or -1: a bounded bug hunt. */
  public static <M> long firstFailingSeed(
      Protocol<M> p, LongFunction<SimConfig> cfg, long from, long to, boolean kv) {
    for (long s = from; s <= to; s++) {
      if (!problems(run(p, cfg.apply(s)), kv).isEmpty()) {
        return s;
      }
    }
    return -1;
  }

  /** The configuration of the bug tests: all faults, the given bug. */
  public static SimConfig bugConfig(long seed, int nodes, int ops, String bug) {
    return bugConfig(seed, nodes, 4, ops, bug);
  }

  /** As {@link #bugConfig(long, int, int, String)} with {@code clients} clients. */
  public static SimConfig bugConfig(long seed, int nodes, int clients, int ops, String bug) {
    return SimConfig.of(seed, nodes, clients, ops).withBugs(Set.of(bug));
  }
}
