package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SpecError;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TLC's rules for invariants met before and while computing the initial states: a
 * constant-level invariant is evaluated up front and draws a warning only when that evaluation
 * succeeds; an initial state's invariants are checked from within Init, so an error there lists
 * the positions of Init under evaluation before the invariant's own.
 */
class InitialStateChecksTest {
  private static final String SPEC = """
      ---- MODULE Test ----
      EXTENDS Naturals
      VARIABLES x, y
      Init == x = 0 /\\ y \\in {1, 2}
      Next == UNCHANGED <<x, y>>
      Broken == 10 \\div (y - y) = 1
      ConstFails == 1 \\div 0 = 0
      ConstHolds == 1 + 1 = 2
      ====
      """;

  private static EvalModel model(String invariant) {
    String cfg = "INIT Init\nNEXT Next\nINVARIANT " + invariant + "\n";
    return new EvalModel(Fixtures.inline(SPEC, cfg, Fixtures.sink()),
        Fixtures.config(() -> ConfigReader.read("Test.cfg", cfg)));
  }

  @Test
  void aConstantInvariantThatEvaluatesIsWarnedAbout() {
    List<String> w = model("ConstHolds").warnings();
    assertEquals(1, w.size(), w.toString());
    assertTrue(w.get(0).startsWith("Warning: The invariant ConstHolds is a constant-level formula"), w.get(0));
  }

  @Test
  void aConstantInvariantWhoseEvaluationFailsIsNotWarnedAbout() {
    assertTrue(model("ConstFails").warnings().isEmpty());
  }

  @Test
  void anInitialStateInvariantErrorListsInitsPositionsFirst() {
    EvalModel m = model("Broken");
    EvalContext ctx = new EvalContext(0, Output.NONE);
    // the invariant's own positions, evaluated outside Init
    List<Span> own = assertThrows(SpecError.class,
        () -> m.firstViolatedInvariant(new Value[] {IntValue.of(0), IntValue.of(1)}, ctx)).stack();
    assertFalse(own.isEmpty());
    SpecError e = assertThrows(SpecError.class, () -> m.initialStates(ctx, s -> {
      m.firstViolatedInvariant(s, ctx);
      return true;
    }));
    List<Span> stack = e.stack();
    assertTrue(stack.size() > own.size(), stack.toString());
    assertEquals(own, stack.subList(stack.size() - own.size(), stack.size()));
    List<Span> init = stack.subList(0, stack.size() - own.size());
    for (Span s : init) {
      assertEquals(4, s.beginLine(), init.toString());
    }
    // innermost: the conjunct that completed the state, y \in {1, 2}
    Span last = init.get(init.size() - 1);
    assertEquals(18, last.beginCol(), init.toString());
    assertEquals(29, last.endCol(), init.toString());
  }

  @Test
  void aReceiversStopIsNotAnError() {
    EvalModel m = model("Broken");
    int[] seen = {0};
    m.initialStates(new EvalContext(0, Output.NONE), s -> {
      seen[0]++;
      return false;
    });
    assertEquals(1, seen[0]);
  }
}
