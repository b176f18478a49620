package io.synod.checker.eval;

import io.synod.checker.value.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The per-worker evaluation context: the current state, the next state under construction, the
 * BFS level, TLC registers and the random source. Not thread-safe: each worker owns one
 * ({@link CompiledSpec#newContext}).
 */
public final class Ctx {
  final CompiledSpec spec;
  /** Values of the current state by variable slot (the state under construction in Init). */
  Value[] cur;
  /** Values of the next state by variable slot (null where not yet assigned). */
  Value[] nxt;
  int level;
  final Map<Value, Value> registers = new HashMap<>();
  final SplittableRandom random;
  EvalHost host;

  Ctx(CompiledSpec spec, long seed, EvalHost host) {
    this.spec = spec;
    this.random = new SplittableRandom(seed);
    this.host = host;
  }

  /** Where this worker's Print output and statistics come from. */
  public void setHost(EvalHost host) {
    this.host = host;
  }

  /** Sets the BFS level {@code TLCGet("level")} reports (0 while computing initial states). */
  public void setLevel(int level) {
    this.level = level;
  }

  public int level() {
    return level;
  }
}
