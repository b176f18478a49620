package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state variable passed to an operator whose body assigns the parameter ({@code Set(v, k) ==
 * v = k} applied as {@code Set(a, 1)} in Init, {@code Step(v) == v' = v + 1} as {@code Step(a)}
 * in Next): as TLC substitutes the argument, the body assigns the variable.
 */
class VariableArgumentTest {

  private static final String SPEC = """
      ---- MODULE Args ----
      EXTENDS Naturals
      VARIABLES a, b
      Set(v, k) == v = k
      Pick(v, S) == v \\in S
      Some(v, S) == \\E k \\in S : v = k
      Step(v) == v' = v + 1
      Keep(v) == v' = v
      Init == Set(a, 1) /\\ Pick(b, {2, 3})
      Init2 == Some(a, {1}) /\\ Some(b, {2, 3})
      Next == a < 3 /\\ Step(a) /\\ Keep(b)
      ====
      """;

  @TempDir Path dir;

  @Test
  void parametersBoundToVariablesAreAssignedInInitAndNext() throws Exception {
    // (1,2) (1,3) -> (2,_) -> (3,_); a = 3 has no successor
    CheckResult r = SpecRun.check(dir, "Args", SPEC, "INIT Init\nNEXT Next\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(6, r.stats().distinct());
    assertEquals(2 + 2 + 2, r.stats().generated());
    assertEquals(3, r.stats().depth());
  }

  @Test
  void anExistentialInsideTheOperatorAssignsTheVariableToo() throws Exception {
    CheckResult r = SpecRun.check(dir, "Args", SPEC, "INIT Init2\nNEXT Next\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(6, r.stats().distinct());
  }
}
