package io.synod.checker.engine;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.util.List;

/**
 * Java version of fixture 22_action_property: a ratchet that slips back once; the action
 * property [][x' >= x]_x fails; TLC: 6 / 6 / 1 left / depth 5, trace of 5.
 */
final class RatchetModel implements SpecModel {
  static final Span UP = new Span("Ratchet", "Ratchet.tla", 14, 7, 14, 44);
  static final Span SLIP = new Span("Ratchet", "Ratchet.tla", 15, 9, 15, 62);
  static final Span REST = new Span("Ratchet", "Ratchet.tla", 16, 9, 16, 38);
  private final boolean asInvariant;

  /** @param asInvariant check [](slips = 1 => x >= 2) (Ratchet_box) instead of the action property */
  RatchetModel(boolean asInvariant) {
    this.asInvariant = asInvariant;
  }

  private static long v(Value x) {
    return ((IntValue) x).value();
  }

  private static Value[] st(long x, long slips) {
    return new Value[] {IntValue.of(x), IntValue.of(slips)};
  }

  @Override
  public List<String> variables() {
    return List.of("x", "slips");
  }

  @Override
  public void initialStates(EvalContext ctx, StateSink sink) {
    sink.accept(st(0, 0));
  }

  @Override
  public void successors(Value[] s, EvalContext ctx, SuccessorSink sink) {
    long x = v(s[0]);
    long slips = v(s[1]);
    if (x < 4 && !sink.accept(st(x + 1, slips), new ActionLabel("Up", List.of(), UP))) {
      return;
    }
    if (x == 3 && slips < 1 && !sink.accept(st(x - 2, slips + 1),
        new ActionLabel("Slip", List.of(), SLIP))) {
      return;
    }
    if (x == 4) {
      sink.accept(s, new ActionLabel("Rest", List.of(), REST));
    }
  }

  @Override
  public List<String> invariants() {
    return asInvariant ? List.of("StaysHigh") : List.of("SlipsBounded");
  }

  @Override
  public int firstViolatedInvariant(Value[] s, EvalContext ctx) {
    if (asInvariant) {
      return v(s[1]) == 1 && v(s[0]) < 2 ? 0 : -1;
    }
    return v(s[1]) <= 1 ? -1 : 0;
  }

  @Override
  public List<String> actionProperties() {
    return asInvariant ? List.of() : List.of("Monotone");
  }

  @Override
  public int firstViolatedActionProperty(Value[] s, Value[] t, EvalContext ctx) {
    if (asInvariant) {
      return -1;
    }
    return v(t[0]) >= v(s[0]) || v(t[0]) == v(s[0]) ? -1 : 0;
  }
}
