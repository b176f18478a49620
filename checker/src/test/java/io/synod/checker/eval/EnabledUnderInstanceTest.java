package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ENABLED written in a module instantiated with substitutions, as TLC computes it: the
 * substitutions made before the ENABLED do not reach the primed variables inside it, which are
 * variables of the probed next state in their own right (by name); unprimed ones are replaced
 * as usual, and substitutions met inside the ENABLED ({@code ENABLED I!A}) apply to both. An
 * argument passed for a parameter under ENABLED is the action its caller wrote, in its context.
 */
class EnabledUnderInstanceTest {

  @TempDir Path dir;

  private static final String PAIR = """
      ---- MODULE Host ----
      EXTENDS Naturals
      VARIABLE n
      P == INSTANCE Pair WITH lo <- n, hi <- n
      Init == n = 0
      Next == n' = 1 - n
      Inv == P!Settable /\\ ~P!Apart /\\ P!Shift
      Outside == ~ENABLED P!Set
      ====
      ---- MODULE Pair ----
      EXTENDS Naturals
      VARIABLES lo, hi
      Set == lo' = 0 /\\ hi' = 1
      Settable == ENABLED Set
      Apart == ENABLED (lo # hi /\\ lo' = 0)
      Shift == ENABLED (UNCHANGED lo /\\ hi' = lo' + 1)
      ====
      """;

  @Test
  void primedVariablesUnderAnInstancesEnabledAreItsOwn() throws Exception {
    // Set is enabled in Pair whatever lo and hi are, so P!Settable holds although n' cannot be
    // both 0 and 1; lo # hi is n # n, false; UNCHANGED lo gives lo' the value of n, not n'
    CheckResult r = SpecRun.check(dir, "Host", PAIR, "INIT Init\nNEXT Next\nINVARIANT Inv\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(3, r.stats().generated());
    assertEquals(2, r.stats().distinct());
  }

  @Test
  void substitutionsMetInsideTheEnabledApply() throws Exception {
    // ENABLED P!Set written in Host: n' = 0 /\ n' = 1 has no step
    CheckResult r = SpecRun.check(dir, "Host", PAIR, "INIT Init\nNEXT Next\nINVARIANT Outside\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
  }

  private static String plant(String next, String fairness) {
    return """
        ---- MODULE Plant ----
        EXTENDS Naturals
        VARIABLE n
        Quiet == n = 5
        D == INSTANCE Detector WITH busy <- n, seen <- Quiet
        Init == n = 0
        Next == %s
        Spec == Init /\\ [][Next]_n %s
        Watch == D!Fair
        ====
        ---- MODULE Detector ----
        EXTENDS Naturals
        VARIABLES busy, seen
        Detect == busy = 0 /\\ seen' = TRUE /\\ UNCHANGED busy
        Fair == WF_<<busy, seen>>(Detect)
        ====
        """.formatted(next, fairness);
  }

  @Test
  void fairnessOfAnInstanceWhoseVariableIsAStateFunction() throws Exception {
    // at n = 0 Detect is enabled in Detector (seen is FALSE there and may become TRUE), but no
    // step of Plant makes Quiet true: stuttering at n = 0 violates the fairness
    CheckResult r = SpecRun.check(dir, "Plant", plant("n' = n", ""), "SPECIFICATION Spec\nPROPERTY Watch\n");
    assertEquals(Verdict.LIVENESS, r.verdict(), String.valueOf(r.failures()));
  }

  @Test
  void fairnessOfAnInstanceHoldsWhenTheActionIsNotKeptEnabled() throws Exception {
    CheckResult r = SpecRun.check(dir, "Plant", plant("n < 5 /\\ n' = n + 1", "/\\ WF_n(Next)"),
        "SPECIFICATION Spec\nPROPERTY Watch\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(6, r.stats().distinct());
  }

  private static final String LOW = """
      ---- MODULE Top ----
      EXTENDS Naturals
      VARIABLE x
      J == INSTANCE Low WITH u <- x, v <- x
      Init == x \\in 1..2
      Next == x' = 3 - x
      Can == J!Able(Next)
      Own == J!Direct
      Given == ~J!Able(J!Step)
      Passed == J!Through
      ====
      ---- MODULE Low ----
      EXTENDS Naturals
      VARIABLES u, v
      Step == u' = u /\\ v' = v + 1
      Able(a) == ENABLED a
      Through == Able(Step)
      Direct == ENABLED Step
      ====
      """;

  @Test
  void anActionPassedForAParameterUnderEnabledIsTheCallersAction() throws Exception {
    // Able(Next) is a state predicate, and ENABLED of Next; J!Step is x' = x /\ x' = x + 1
    CheckResult r = SpecRun.check(dir, "Top", LOW, "INIT Init\nNEXT Next\nINVARIANT Can Own Given\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(2, r.stats().distinct());
  }

  @Test
  void anArgumentWrittenOutsideTheEnabledKeepsItsSubstitutions() throws Exception {
    // Through passes Step from Low's body: TLC evaluates it with J's substitutions, as J!Step
    CheckResult r = SpecRun.check(dir, "Top", LOW, "INIT Init\nNEXT Next\nINVARIANT Passed\n");
    assertEquals(Verdict.INVARIANT, r.verdict());
    assertEquals("Passed", r.firstFailure().name());
    assertEquals(1, r.firstFailure().trace().size());
  }
}
