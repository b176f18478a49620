package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SpecError;
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
 *
 * <p>Action properties {@code [A]_v} reading only variables a step leaves unchanged take their
 * value on the stuttering step, computed once per state; that is exact, so the tests here show
 * that failures still surface exactly as when every step is evaluated.
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
      Both ==
        /\\ x < 3
        /\\ y < 3
      Failing ==
        /\\ x < 3
        /\\ 10 \\div y = 1
      NotBoolean ==
        /\\ x < 3
        /\\ y + 1
      ====
      """;

  /** The model of {@code spec} with Init, Next and the config line {@code checks}. */
  private static EvalModel model(String spec, String checks) {
    String cfg = "INIT Init\nNEXT Next\n" + checks + "\n";
    return new EvalModel(Fixtures.inline(spec, cfg, Fixtures.sink()),
        Fixtures.config(() -> ConfigReader.read("Test.cfg", cfg)));
  }

  private static EvalModel model(String invariant) {
    return model(SPEC, "INVARIANT " + invariant);
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

  private static final String STEPS = """
      ---- MODULE Test ----
      EXTENDS Naturals
      VARIABLES x, y, z
      Init == x = 0 /\\ y = 0 /\\ z = 0
      Next == z' = z + 1 /\\ UNCHANGED <<x, y>>
      Grows == [][x' >= x]_x
      FailsWhenXStays == [][(x' = x) => (10 \\div y = 1)]_x
      ====
      """;

  private static EvalModel steps(String property) {
    return model(STEPS, "PROPERTY " + property);
  }

  private static Value[] st(long x, long y, long z) {
    return new Value[] {IntValue.of(x), IntValue.of(y), IntValue.of(z)};
  }

  private static Value[] withZ(Value[] s, long z) {
    return new Value[] {s[0], s[1], IntValue.of(z)};
  }

  @Test
  void anActionPropertyOfUnchangedVariablesTakesItsStutteringValue() {
    EvalModel m = steps("Grows");
    EvalContext ctx = new EvalContext(0, Output.NONE);
    Value[] s = st(3, 0, 0);
    assertEquals(-1, m.firstViolatedActionProperty(s, withZ(s, 1), ctx));
    assertEquals(-1, m.firstViolatedActionProperty(s, withZ(s, 2), ctx));
    // x changes (and decreases): evaluated, violated
    assertEquals(0, m.firstViolatedActionProperty(s, st(2, 0, 1), ctx));
  }

  @Test
  void aStepThatFailsStillFailsWhenItsVariablesAreUnchanged() {
    EvalModel m = steps("FailsWhenXStays");
    EvalContext ctx = new EvalContext(0, Output.NONE);
    Value[] zeroY = st(1, 0, 0);
    Value[] tenY = st(1, 10, 0);
    // y = 0: the stuttering step divides by zero, so the real step is evaluated and fails
    SpecError e = assertThrows(SpecError.class,
        () -> m.firstViolatedActionProperty(zeroY, withZ(zeroY, 1), ctx));
    assertTrue(e.getMessage().contains("The second argument of \\div is 0."), e.getMessage());
    // another state: its own stuttering value (true) is used
    assertEquals(-1, m.firstViolatedActionProperty(tenY, withZ(tenY, 1), ctx));
    // back to the first state: still fails
    assertThrows(SpecError.class, () -> m.firstViolatedActionProperty(zeroY, withZ(zeroY, 2), ctx));
  }

  @Test
  void theConjunctsOfAnInvariantAreSkippedOneByOne() {
    EvalModel m = model("Both");
    EvalContext ctx = new EvalContext(0, Output.NONE);
    Value five = IntValue.of(5);
    // y changed, x did not: the conjunct x < 3 is skipped (and verification finds it false)
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> m.firstViolatedInvariant(state(five, 0), state(five, 1), ctx));
    assertTrue(e.getMessage().contains("Both"), e.getMessage());
    // y < 3 is evaluated on its own
    Value one = IntValue.of(1);
    assertEquals(0, m.firstViolatedInvariant(state(one, 0), state(one, 7), ctx));
    assertEquals(-1, m.firstViolatedInvariant(state(one, 0), state(one, 2), ctx));
  }

  @Test
  void aConjunctFailsWithTheSameMessageAndLocationsAsTheWholeInvariant() {
    for (String inv : new String[] {"Failing", "NotBoolean"}) {
      EvalModel m = model(inv);
      EvalContext ctx = new EvalContext(0, Output.NONE);
      Value one = IntValue.of(1);
      SpecError whole = assertThrows(SpecError.class,
          () -> m.firstViolatedInvariant(state(one, 0), ctx));
      SpecError byConjunct = assertThrows(SpecError.class,
          () -> m.firstViolatedInvariant(state(one, 5), state(one, 0), ctx));
      assertEquals(whole.getMessage(), byConjunct.getMessage(), inv);
      assertEquals(whole.stack(), byConjunct.stack(), inv);
      assertTrue(!whole.stack().isEmpty(), inv);
    }
  }

  @Test
  void theConjunctsOfAConstraintAreSkippedTheSameWay() {
    EvalModel m = model(SPEC, "CONSTRAINT Both");
    EvalContext ctx = new EvalContext(0, Output.NONE);
    Value five = IntValue.of(5);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> m.satisfiesConstraints(state(five, 0), state(five, 1), ctx));
    assertTrue(e.getMessage().contains("constraint Both"), e.getMessage());
    Value one = IntValue.of(1);
    assertTrue(!m.satisfiesConstraints(state(one, 0), state(one, 7), ctx));
    assertTrue(m.satisfiesConstraints(state(one, 0), state(one, 2), ctx));
    assertTrue(!m.satisfiesConstraints(state(five, 0), ctx));
  }
}
