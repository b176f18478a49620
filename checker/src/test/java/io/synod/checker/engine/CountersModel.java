package io.synod.checker.engine;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.util.List;

/**
 * Hand-written Java version of fixture 01_counters (Limit = 10, Step = 3): two counters walking
 * towards each other, TLC's counts 193 generated / 104 distinct / depth 18.
 */
final class CountersModel implements SpecModel {
  static final Span RAISE = new Span("Counters", "Counters.tla", 14, 12, 17, 26);
  static final Span LOWER = new Span("Counters", "Counters.tla", 19, 12, 22, 28);
  static final Span RESET = new Span("Counters", "Counters.tla", 24, 10, 27, 26);
  private final int limit;
  private final int step;

  CountersModel(int limit, int step) {
    this.limit = limit;
    this.step = step;
  }

  private static long v(Value x) {
    return ((IntValue) x).value();
  }

  private static Value[] st(long lo, long hi, long turns) {
    return new Value[] {IntValue.of(lo), IntValue.of(hi), IntValue.of(turns)};
  }

  @Override
  public List<String> variables() {
    return List.of("lo", "hi", "turns");
  }

  @Override
  public void initialStates(EvalContext ctx, StateSink sink) {
    sink.accept(st(0, limit, 0));
  }

  @Override
  public void successors(Value[] s, EvalContext ctx, SuccessorSink sink) {
    long lo = v(s[0]);
    long hi = v(s[1]);
    long turns = v(s[2]);
    if (lo + step <= hi && !sink.accept(st(lo + step, hi, (turns + 1) % 4),
        new ActionLabel("RaiseLo", List.of(), RAISE))) {
      return;
    }
    if (hi > lo && !sink.accept(st(lo, hi - 1, (turns + 1) % 4),
        new ActionLabel("LowerHi", List.of(), LOWER))) {
      return;
    }
    if (hi - lo < step) {
      sink.accept(st(0, limit, turns), new ActionLabel("Reset", List.of(), RESET));
    }
  }

  @Override
  public List<String> invariants() {
    return List.of("TypeOK", "Ordered", "LoIsMultiple");
  }

  @Override
  public int firstViolatedInvariant(Value[] s, EvalContext ctx) {
    long lo = v(s[0]);
    long hi = v(s[1]);
    long turns = v(s[2]);
    if (lo < 0 || lo > limit || hi < 0 || hi > limit || turns < 0 || turns > 3) {
      return 0;
    }
    if (lo > hi) {
      return 1;
    }
    return lo % step == 0 ? -1 : 2;
  }
}
