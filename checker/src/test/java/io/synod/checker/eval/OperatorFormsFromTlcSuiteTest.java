package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forms TLC accepts that Synod refused or got wrong (TLC suite test202, test204, test208): each
 * ASSUME must hold, so a refusal or a wrong value fails the check.
 */
class OperatorFormsFromTlcSuiteTest {

  @TempDir Path dir;

  private void holds(String name, String body) throws Exception {
    CheckResult r = SpecRun.check(dir, name,
        "---- MODULE " + name + " ----\nEXTENDS Naturals\n" + body + "\n====\n", "");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
  }

  @Test
  void userDefinitionsOfSubsetSupsetAndSupseteqAreTheOnesUsed() throws Exception {
    // these three are user-definable symbols, not TLA+'s own; Synod applied set inclusion
    holds("Incl", """
        a \\subset b == a + b
        a \\supset b == a * b
        a \\supseteq b == a - b
        ASSUME (2 \\subset 3) = 5 /\\ (2 \\supset 3) = 6 /\\ (3 \\supseteq 2) = 1""");
  }

  @Test
  void aPostfixOperatorAndMinusDotCanBeCalledAsOrdinaryOperators() throws Exception {
    holds("Calls", """
        n ^+ == n + 10
        n ^# == n * 3
        -. n == 100 - n
        ASSUME ^+(5) = 15 /\\ ^#(4) = 12 /\\ -.(1) = 99 /\\ 5^+ = 15""");
  }

  @Test
  void keywordsAreRecordFieldNamesAfterADot() throws Exception {
    holds("Fields", """
        r == [x |-> 1]
        Keys == /\\ r.NEW = r.BY /\\ r.WF_ = r.SF_ /\\ r.QED = r.IF
                /\\ [r EXCEPT !.CASE = 2] = [r EXCEPT !.THEN = 3]
        ASSUME r.x = 1""");
  }

  @Test
  void aRecursiveNameWithoutArgumentsMayBeDefinedAsAFunction() throws Exception {
    holds("RecFun", """
        RECURSIVE half
        twice[n \\in Nat] == IF n = 0 THEN 0 ELSE 2 + half[n - 1]
        half[n \\in Nat] == IF n = 0 THEN 0 ELSE twice[n - 1]
        ASSUME twice[3] = 4 /\\ half[4] = 4""");
  }
}
