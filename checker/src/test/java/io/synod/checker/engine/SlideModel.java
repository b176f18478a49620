package io.synod.checker.engine;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import java.util.List;

/**
 * Java version of fixture 33_bench_slide (W = 3): the 3x3 sliding puzzle, 181,440 reachable
 * boards; TLC: 483,841 generated, depth 32.
 */
final class SlideModel implements SpecModel {
  private static final int W = 3;
  private static final Span SLIDE = new Span("Slide", "Slide.tla", 23, 13, 25, 26);

  @Override
  public List<String> variables() {
    return List.of("board", "blank");
  }

  @Override
  public void initialStates(EvalContext ctx, StateSink sink) {
    Value[] b = new Value[W * W];
    for (int i = 1; i <= W * W; i++) {
      b[i - 1] = IntValue.of(i % (W * W));
    }
    sink.accept(new Value[] {TupleValue.of(b), IntValue.of(W * W)});
  }

  @Override
  public void successors(Value[] s, EvalContext ctx, SuccessorSink sink) {
    TupleValue board = (TupleValue) s[0];
    int blank = ((IntValue) s[1]).intValue();
    for (int j = 1; j <= W * W; j++) {
      int dr = Math.abs((blank - 1) / W - (j - 1) / W);
      int dc = Math.abs((blank - 1) % W - (j - 1) % W);
      if (dr + dc == 1) {
        Value[] b = board.toArray();
        b[blank - 1] = board.get(j);
        b[j - 1] = IntValue.ZERO;
        ActionLabel label = new ActionLabel("Slide", List.of(IntValue.of(j)), SLIDE);
        if (!sink.accept(new Value[] {TupleValue.of(b), IntValue.of(j)}, label)) {
          return;
        }
      }
    }
  }

  @Override
  public List<String> invariants() {
    return List.of("BlankOk", "ParityOk");
  }

  @Override
  public int firstViolatedInvariant(Value[] s, EvalContext ctx) {
    TupleValue board = (TupleValue) s[0];
    int blank = ((IntValue) s[1]).intValue();
    if (((IntValue) board.get(blank)).value() != 0) {
      return 0;
    }
    int inv = 0;
    for (int p = 0; p < W * W; p++) {
      for (int q = p + 1; q < W * W; q++) {
        long a = ((IntValue) board.get(p + 1)).value();
        long b = ((IntValue) board.get(q + 1)).value();
        if (a != 0 && b != 0 && a > b) {
          inv++;
        }
      }
    }
    return inv % 2 == 0 ? -1 : 1;
  }
}
