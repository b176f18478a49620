package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ASSUME whose evaluation fails: TLC reports any error there as "Evaluating assumption ...
 * failed." with the exit code of a false assumption (10), never as an unexpected exception (75),
 * and without a nested-expression stack (TLC suite ETest12..ETest15).
 */
class AssumptionEvaluationErrorTest {

  @TempDir Path dir;

  private static String module(String name, String body) {
    return "---- MODULE " + name + " ----\nEXTENDS Naturals, FiniteSets, TLC\n" + body + "\n====\n";
  }

  private CheckResult.Failure failure(String name, String body) throws Exception {
    CheckResult r = SpecRun.check(dir, name, module(name, body), "");
    assertEquals(10, r.exitCode(), String.valueOf(r.failures()));
    assertEquals(Verdict.ASSUMPTION, r.verdict());
    CheckResult.Failure f = r.failures().get(0);
    assertTrue(f.stack().isEmpty(), String.valueOf(f.stack()));
    return f;
  }

  @Test
  void aChooseWithNoWitnessInAnAssumeIsAnAssumptionFailure() throws Exception {
    CheckResult.Failure f = failure("NoWitness", "ASSUME (CHOOSE n \\in 1..3 : n > 7) = 1");
    assertEquals("Evaluating assumption line 3, col 8 to line 3, col 38 of module NoWitness failed.\n"
        + "Attempted to compute the value of an expression of form\n"
        + "CHOOSE x \\in S: P, but no element of S satisfied P.\n"
        + "line 3, col 9 to line 3, col 33 of module NoWitness", f.message());
  }

  @Test
  void aFailedAssertInAnAssumeIsAnAssumptionFailureToo() throws Exception {
    CheckResult.Failure f = failure("Asserted", "ASSUME Assert(1 > 2, \"nope\")");
    assertTrue(f.message().startsWith("Evaluating assumption line 3, col 8 to line 3, col 28 of module "
        + "Asserted failed.\nThe first argument of Assert evaluated to FALSE"), f.message());
  }

  @Test
  void theCardinalityOfASetBeyondTlcsIntegersOverflowsInsteadOfCounting() throws Exception {
    // 1000^4 elements: a long holds the count, a TLC integer does not
    CheckResult.Failure f = failure("Huge", "ASSUME Cardinality([1..4 -> 1..1000]) > 0");
    assertEquals("Evaluating assumption line 3, col 8 to line 3, col 41 of module Huge failed.\n"
        + "Attempted to apply the operator overridden by the Java method\n"
        + "public static tlc2.value.impl.IntValue tlc2.module.FiniteSets.Cardinality(tlc2.value.impl.Value),\n"
        + "but it produced the following error:\n"
        + "Overflow when computing the number of elements in:\n"
        + "[1..4 -> 1..1000]", f.message());
  }

  @Test
  void theLargestCountATlcIntegerHoldsIsStillAnswered() throws Exception {
    // 2^31 - 1 would need a set of that size; 2^30 = [1..30 -> 1..2] is well inside
    CheckResult r = SpecRun.check(dir, "Big", module("Big",
        "ASSUME Cardinality([1..30 -> 1..2]) = 1073741824"), "");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
  }

  @Test
  void membershipOfANonNumberInNatIsTlcsElementOfError() throws Exception {
    CheckResult.Failure f = failure("NotNat", "ASSUME \"a\" \\in Nat");
    assertTrue(f.message().endsWith("Attempted to check if the value:\n\"a\"\nis an element of Nat."),
        f.message());
  }
}
