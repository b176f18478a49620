package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code I!Op} passed for an operator parameter, with the instance's substitution applied. */
class InstanceOperatorArgumentTest {

  private static final String SPEC = """
      ---- MODULE Outer ----
      EXTENDS Naturals
      CONSTANT Max
      VARIABLE n
      L == INSTANCE Bound WITH limit <- Max
      All(P(_), S) == \\A e \\in S : P(e)
      Init == n = 0
      Next == n' = (n + 1) % 3
      Inv == All(L!Within, {n})
      ====
      ---- MODULE Bound ----
      EXTENDS Naturals
      CONSTANT limit
      Within(e) == e <= limit
      ====
      """;

  @TempDir Path dir;

  @Test
  void theInstancesDefinitionIsApplied() throws Exception {
    CheckResult r = SpecRun.check(dir, "Outer", SPEC, "INIT Init\nNEXT Next\nINVARIANT Inv\nCONSTANT Max = 2\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(3, r.stats().distinct());
  }

  @Test
  void itsSubstitutionDecides() throws Exception {
    // limit <- Max = 1: n = 2 violates the invariant in the third state
    CheckResult r = SpecRun.check(dir, "Outer", SPEC, "INIT Init\nNEXT Next\nINVARIANT Inv\nCONSTANT Max = 1\n");
    assertEquals(Verdict.INVARIANT, r.verdict());
    assertEquals(3, r.firstFailure().trace().size());
  }
}
