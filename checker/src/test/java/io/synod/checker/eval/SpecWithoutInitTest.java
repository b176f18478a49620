package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.engine.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SPECIFICATION with no initial predicate: as TLC, acceptable when nothing needs one (no
 * variable, no invariant, no property), and then there is no state at all and only the ASSUMEs
 * are checked.
 */
class SpecWithoutInitTest {

  @TempDir Path dir;

  private static String module(String name, String body) {
    return "---- MODULE " + name + " ----\nEXTENDS Naturals\n" + body + "\n====\n";
  }

  @Test
  void aModuleWithoutVariablesHasNoStateAndItsAssumptionsAreChecked() throws Exception {
    CheckResult r = SpecRun.check(dir, "Facts", module("Facts", "ASSUME 2 + 2 = 4\nSpec == [][TRUE]_<<>>"),
        "SPECIFICATION Spec\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(0, r.stats().generated());
    assertEquals(0, r.stats().distinct());
  }

  @Test
  void aFalseAssumptionIsStillReported() throws Exception {
    CheckResult r = SpecRun.check(dir, "Wrong", module("Wrong", "ASSUME 2 + 2 = 5\nSpec == [][TRUE]_<<>>"),
        "SPECIFICATION Spec\n");
    assertEquals(10, r.exitCode());
  }

  @Test
  void aModuleWithVariablesNeedsAnInitialPredicate() {
    FrontendException e = assertThrows(FrontendException.class, () -> SpecRun.check(dir, "Var",
        module("Var", "VARIABLE x\nSpec == [][x' = x + 1]_x"), "SPECIFICATION Spec\n"));
    assertEquals(151, e.exitCode());
  }

  @Test
  void anInvariantNeedsAnInitialPredicate() {
    FrontendException e = assertThrows(FrontendException.class, () -> SpecRun.check(dir, "Inv",
        module("Inv", "Spec == [][TRUE]_<<>>\nTrue == TRUE"), "SPECIFICATION Spec\nINVARIANT True\n"));
    assertEquals(151, e.exitCode());
  }
}
