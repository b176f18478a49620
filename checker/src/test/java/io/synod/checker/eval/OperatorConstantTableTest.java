package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator constant the configuration defines point by point ({@code CONSTANT Succ(0) = 1}):
 * as TLC, an application looks its arguments up in that table.
 */
class OperatorConstantTableTest {

  private static final String SPEC = """
      ---- MODULE Table ----
      EXTENDS Naturals
      CONSTANT Succ(_), Add(_, _)
      VARIABLE n
      Init == n = 0
      Next == n' = Succ(n)
      Below == n < 3
      Sum == Add(1, 2) = 3 /\\ Add(2, 1) = 30
      ====
      """;

  @TempDir Path dir;

  @Test
  void applicationsLookUpTheConfiguredPoints() throws Exception {
    // 0 -> 1 -> 3: the invariant n < 3 fails in the third state
    CheckResult r = SpecRun.check(dir, "Table", SPEC, "INIT Init\nNEXT Next\nINVARIANT Below\n"
        + "CONSTANT\n  Succ(0) = 1\n  Succ(1) = 3\n  Succ(3) = 3\n  Add(1, 2) = 3\n  Add(2, 1) = 30\n");
    assertEquals(Verdict.INVARIANT, r.verdict());
    assertEquals(3, r.firstFailure().trace().size());
  }

  @Test
  void anOperatorOfSeveralArgumentsTellsItsPointsApart() throws Exception {
    CheckResult r = SpecRun.check(dir, "Table", SPEC, "INIT Init\nNEXT Next\nINVARIANT Sum\n"
        + "CONSTANT\n  Succ(0) = 0\n  Add(1, 2) = 3\n  Add(2, 1) = 30\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(1, r.stats().distinct());
  }

  @Test
  void anArgumentOffTheTableIsAnEvaluationError() throws Exception {
    CheckResult r = SpecRun.check(dir, "Table", SPEC, "INIT Init\nNEXT Next\n"
        + "CONSTANT\n  Succ(0) = 1\n  Add(1, 2) = 3\n");
    assertEquals(75, r.exitCode());
    assertTrue(String.valueOf(r.failures()).contains("Succ"), String.valueOf(r.failures()));
  }
}
