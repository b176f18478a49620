package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inside ENABLED the next state is partial: a primed expression that reads a variable the action
 * has not assigned yet finds no such name (TLC's "undefined or not an operator", with where the
 * name was read), whereas an ordinary action reports the variable as not yet assigned.
 */
class EnabledPartialStateTest {
  private static final String MODULE = """
      ---- MODULE Test ----
      EXTENDS Naturals
      VARIABLES a, b
      Init == a = 0 /\\ b = 0
      Next == a' = a /\\ b' = b
      Step == (a + b)' = 1 /\\ a' = 1 /\\ b' = 0
      Assigned == a' = 1 /\\ (a + 1)' = 2 /\\ b' = 0
      Probe == ENABLED Step
      Fine == ENABLED Assigned
      ====
      """;

  private static CompiledSpec spec() {
    return Fixtures.inline(MODULE, "INIT Init\nNEXT Next\n", new ArrayList<>());
  }

  @Test
  void unassignedVariableUnderPrimeInEnabledIsAnUndefinedName() {
    CompiledSpec spec = spec();
    EvalException e = assertThrows(EvalException.class,
        () -> MiniBfs.run(spec, List.of("Probe"), List.of(), List.of()));
    assertEquals(EvalException.Kind.EVAL, e.kind());
    assertEquals("In evaluation, the identifier a is either undefined or not an operator.\n"
        + "line 6, col 10 to line 6, col 10 of module Test", e.getMessage());
  }

  @Test
  void assignedVariableUnderPrimeInEnabledIsRead() {
    // the invariant holds in the only reachable state, so the search completes
    MiniBfs r = MiniBfs.run(spec(), List.of("Fine"), List.of(), List.of());
    assertEquals(1, r.distinct);
  }
}
