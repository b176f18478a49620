package io.synod.checker.engine;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.util.List;

/**
 * Java version of fixture 02_intwalk (Bound = 8): x moves by -3 or +2 within -Bound..Bound, y is
 * derived; invariant x^3 > -100 fails at depth 3 with TLC's counts 4 / 4 / 1 left on queue.
 */
final class WalkModel implements SpecModel {
  static final Span NEXT = new Span("IntWalk", "IntWalk.tla", 30, 11, 32, 39);
  private static final ActionLabel LABEL = new ActionLabel("Next", List.of(), NEXT);

  @Override
  public List<String> variables() {
    return List.of("x", "y");
  }

  private static long v(Value x) {
    return ((IntValue) x).value();
  }

  @Override
  public void initialStates(EvalContext ctx, StateSink sink) {
    sink.accept(new Value[] {IntValue.of(0), IntValue.of(1)});
  }

  @Override
  public void successors(Value[] s, EvalContext ctx, SuccessorSink sink) {
    long x = v(s[0]);
    long y = v(s[1]);
    for (long d : new long[] {-3, 2}) {
      if (x + d >= -8 && x + d <= 8) {
        long y2 = Math.floorMod(y * d + x, 7) - 3;
        if (!sink.accept(new Value[] {IntValue.of(x + d), IntValue.of(y2)}, LABEL)) {
          return;
        }
      }
    }
  }

  @Override
  public List<String> invariants() {
    return List.of("NotTooCold");
  }

  @Override
  public int firstViolatedInvariant(Value[] s, EvalContext ctx) {
    long x = v(s[0]);
    return x * x * x > -100 ? -1 : 0;
  }
}
