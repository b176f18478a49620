package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.LivenessModel;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SpecModel;
import io.synod.checker.engine.TraceStep;
import io.synod.checker.liveness.LiveExpr;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Liveness counterexamples judged independently of the search that found them. */
public final class Lassos {
  private Lassos() {}

  /**
   * Asserts that the counterexample {@code f} is a behaviour of {@code m}: its first state is
   * initial, each state a successor of the one before (the loop's closing step included, unless
   * it ends stuttering); that it satisfies the fairness and violates the property it names,
   * judged by evaluating the formulas anew on its states.
   */
  public static void revalidate(SpecModel m, CheckResult.Failure f) {
    assertNotNull(f.loop());
    List<Value[]> states = f.trace().stream().map(TraceStep::state).toList();
    EvalContext ctx = new EvalContext(0, Output.NONE);
    List<Value[]> inits = new ArrayList<>();
    m.initialStates(ctx, s -> inits.add(s) || true);
    assertTrue(inits.stream().anyMatch(s -> Arrays.equals(s, states.get(0))), "initial state");
    int n = states.size();
    int loop = f.loop().stuttering() ? n - 1 : f.loop().backTo();
    for (int i = 0; i < n; i++) {
      Value[] to = states.get(i + 1 < n ? i + 1 : loop);
      if (i + 1 == n && f.loop().stuttering()) {
        continue;
      }
      List<Value[]> succ = new ArrayList<>();
      m.successors(states.get(i), ctx, (t, a) -> succ.add(t) || true);
      int step = i + 1;
      assertTrue(succ.stream().anyMatch(t -> Arrays.equals(t, to)), () -> "step " + step);
    }
    LivenessModel live = m.liveness();
    long[] stateBits = new long[n];
    long[] actionBits = new long[n];
    for (int i = 0; i < n; i++) {
      Value[] to = states.get(i + 1 < n ? i + 1 : loop);
      stateBits[i] = live.allStateAtoms(states.get(i), ctx);
      actionBits[i] = live.actionAtoms(states.get(i), to, ctx);
    }
    assertTrue(LiveExpr.holdsOnLasso(live.negatedFormula(), stateBits, actionBits, loop),
        "the behaviour is fair and violates a property");
    LiveExpr prop = live.properties().stream().filter(p -> p.name().equals(f.name()))
        .findFirst().orElseThrow().formula();
    assertFalse(LiveExpr.holdsOnLasso(prop, stateBits, actionBits, loop), f.name() + " holds");
  }
}
