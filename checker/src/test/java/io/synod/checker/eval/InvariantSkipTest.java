package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.Output;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import org.junit.jupiter.api.Test;

/**
 * Invariants whose variables a successor shares with its parent are not evaluated again
 * (EvalModel.firstViolatedInvariant with a parent). The parents below break that method's
 * contract on purpose (they violate the invariant), so that whether an invariant was skipped
 * shows in the result. The test JVM runs with {@code synod.verifyInvariantSkips}, under which a
 * skipped invariant is still evaluated and a false one is an error: that error is how a skip
 * shows here, and it is what makes every other check in the test suite verify the skips.
 */
class InvariantSkipTest {
  private static final String SPEC = """
      ---- MODULE Test ----
      EXTENDS Naturals
      VARIABLES x, y
      Init == x = 0 /\\ y = 0
      Next == x' = x + 1 /\\ y' = y
      Small == x < 3
      YSmall == y < 3
      RECURSIVE Down(_)
      Down(n) == IF n = 0 THEN x < 3 ELSE Down(n - 1)
      ViaRecursion == Down(2)
      Apply(Op(_)) == Op(x)
      ViaOperatorArgument == Apply(LAMBDA v : v < 3)
      ViaEnabled == ENABLED (x' = x /\\ x < 3 /\\ y' = y)
      ====
      """;

  private static EvalModel model(String invariant) {
    CompiledSpec spec = Fixtures.inline(SPEC, "INIT Init\nNEXT Next\nINVARIANT " + invariant + "\n",
        Fixtures.sink());
    return new EvalModel(spec, Fixtures.config(() -> ConfigReader.read("Test.cfg",
        "INIT Init\nNEXT Next\nINVARIANT " + invariant + "\n")));
  }

  private static Value[] state(Value x, long y) {
    return new Value[] {x, IntValue.of(y)};
  }

  @Test
  void anInvariantOfUnchangedVariablesIsSkipped() {
    assertTrue(Boolean.getBoolean("synod.verifyInvariantSkips"),
        "the build runs tests with -Dsynod.verifyInvariantSkips=true");
    EvalModel m = model("Small");
    EvalContext ctx = new EvalContext(0, Output.NONE);
    Value five = IntValue.of(5);
    // x is the same object in both: Small is skipped, and verification finds it false
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> m.firstViolatedInvariant(state(five, 0), state(five, 1), ctx));
    assertTrue(e.getMessage().contains("Small"), e.getMessage());
    // x changed: evaluated, violated
    assertEquals(0, m.firstViolatedInvariant(state(IntValue.of(1), 0), state(five, 0), ctx));
    // no parent: always evaluated
    assertEquals(0, m.firstViolatedInvariant(state(five, 0), ctx));
  }

  @Test
  void anInvariantOfOtherVariablesIsEvaluated() {
    EvalModel m = model("YSmall");
    EvalContext ctx = new EvalContext(0, Output.NONE);
    Value one = IntValue.of(1);
    // only x is shared; y changed from 0 to 7
    assertEquals(0, m.firstViolatedInvariant(state(one, 0), state(one, 7), ctx));
  }

  @Test
  void recursionOperatorArgumentsAndEnabledAreAlwaysEvaluated() {
    EvalContext ctx = new EvalContext(0, Output.NONE);
    Value five = IntValue.of(5);
    for (String inv : new String[] {"ViaRecursion", "ViaOperatorArgument", "ViaEnabled"}) {
      EvalModel m = model(inv);
      assertEquals(0, m.firstViolatedInvariant(state(five, 0), state(five, 1), ctx), inv);
    }
  }
}
