package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.engine.ActionLabel;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SuccessorSink;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A constant-level definition that draws at random (K == RandomElement(S)) is evaluated once per
 * check, and its value must not depend on where it is first needed: each member of a cluster
 * check evaluates it for itself, one while expanding a state, another while checking the
 * invariant of a state it was sent. When the value followed the draws of whatever was being
 * evaluated, the members disagreed and the invariant x \in {0, K} was reported violated for a
 * spec that satisfies it.
 */
class ConstantDrawsTest {
  private static final String SPEC = """
      ---- MODULE Test ----
      EXTENDS Naturals, TLC
      VARIABLES x
      K == RandomElement(1..1000000)
      L == RandomElement(1..1000000)
      Init == x = 0
      Next == x' = K \\/ x' = L + 1000000
      KeepsK == x \\in {0, K, L + 1000000}
      ====
      """;

  private static EvalModel model() {
    String cfg = "INIT Init\nNEXT Next\nINVARIANT KeepsK\n";
    return new EvalModel(Fixtures.inline(SPEC, cfg, Fixtures.sink()),
        Fixtures.config(() -> ConfigReader.read("Test.cfg", cfg)));
  }

  private static EvalContext context(int worker, long seed) {
    EvalContext ctx = new EvalContext(worker, Output.NONE);
    ctx.drawSeed = seed;
    return ctx;
  }

  /** The values of x' from the initial state: K and L + 1000000. */
  private static List<Value> successorsOfInit(EvalModel m, EvalContext ctx) {
    List<Value[]> init = new ArrayList<>();
    m.initialStates(ctx, s -> init.add(s));
    List<Value> out = new ArrayList<>();
    m.successors(init.get(0), ctx, new SuccessorSink() {
      @Override
      public boolean accept(Value[] t, ActionLabel action) {
        out.add(t[0]);
        return true;
      }
    });
    return out;
  }

  @Test
  void theValueDoesNotDependOnWhereItIsFirstNeeded() {
    // first needed while expanding the initial state
    List<Value> expanding = successorsOfInit(model(), context(0, 7));
    // first needed by the invariant of a state another member sent, in another worker's context
    EvalModel m = model();
    EvalContext other = context(1, 7);
    assertEquals(0, m.firstViolatedInvariant(new Value[] {IntValue.of(3)}, other));
    List<Value> checkingFirst = successorsOfInit(m, other);
    assertEquals(expanding, checkingFirst);
    // and the state's successors draw the same with the constants evaluated ahead of them
    assertEquals(2, expanding.size());
  }

  @Test
  void theValueFollowsTheSeedAndEachDefinitionDrawsItsOwn() {
    List<Value> seven = successorsOfInit(model(), context(0, 7));
    List<Value> eight = successorsOfInit(model(), context(0, 8));
    assertNotEquals(seven, eight);
    long k = ((IntValue) seven.get(0)).value();
    long l = ((IntValue) seven.get(1)).value() - 1000000;
    assertNotEquals(k, l);
  }
}
