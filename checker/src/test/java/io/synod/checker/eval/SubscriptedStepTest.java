package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code <<A>>_v} and {@code [A]_v} are steps: under ENABLED (TLC's suite test20 asks
 * {@code ENABLED <<x'=1 /\ y'=y>>_<<x,y>>} in an invariant) and as a next-state relation, A makes
 * the assignments and v is compared on the step they made. Synod evaluated them as plain
 * expressions, so v' was read before any assignment and the check stopped with an error.
 */
class SubscriptedStepTest {
  private static final String MODULE = """
      ---- MODULE Test ----
      EXTENDS Naturals
      VARIABLES p, q
      Init == p = 0 /\\ q = 5
      Up == p < 2 /\\ p' = p + 1 /\\ q' = q
      Angle == <<Up>>_<<p, q>>
      Box == [Up]_<<p, q>>
      Probes == /\\ ~ENABLED <<p' = p /\\ q' = q>>_<<p, q>>
                /\\ ENABLED <<q' = 6 /\\ p' = p>>_q
                /\\ ENABLED [FALSE /\\ p' = p]_p
      ====
      """;

  private static MiniBfs run(String next) {
    CompiledSpec spec = Fixtures.inline(MODULE, "INIT Init\nNEXT " + next + "\n", new ArrayList<>());
    return MiniBfs.run(spec, List.of("Probes"), List.of(), List.of());
  }

  @Test
  void angleStepsAssignThenCompareTheSubscript() {
    MiniBfs r = run("Angle");
    assertEquals(3, r.distinct);
    assertEquals(3, r.generated);
  }

  @Test
  void boxStepsAlsoStutter() {
    MiniBfs r = run("Box");
    assertEquals(3, r.distinct);
    // the initial state, then each state's Up step (if any) and its stuttering step
    assertEquals(6, r.generated);
  }
}
