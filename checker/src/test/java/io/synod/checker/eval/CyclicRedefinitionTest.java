package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration's {@code Name <- Def} where Def uses Name: as in TLC, Def's own use of Name is
 * the definition Def replaces, while every other use of Name is Def (TLC's cyclic redefinition).
 */
class CyclicRedefinitionTest {

  private static final String SPEC = """
      ---- MODULE Counter ----
      EXTENDS Lib, Naturals
      WiderStart == Start \\/ n = 10
      BoundedStep == Step /\\ n < 2
      Twice(k) == Double(k) + 0
      ====
      ---- MODULE Lib ----
      EXTENDS Naturals
      VARIABLE n
      Start == n = 0
      Double(k) == 2 * k
      Step == n' = Double(n) + 1
      Next == Step
      ====
      """;

  @TempDir Path dir;

  private CheckResult check(String cfg) throws Exception {
    return SpecRun.check(dir, "Counter", SPEC, cfg);
  }

  @Test
  void aReplacedSubActionIsTheOriginalInsideItsReplacementAndTheReplacementElsewhere()
      throws Exception {
    // Start <- WiderStart: initial states n = 0 and n = 10. Step <- BoundedStep, which Next (of
    // Lib) calls: n = 0 -> 1 -> 3, then n < 2 fails; n = 10 has no successor.
    CheckResult r = check("INIT Start\nNEXT Next\nCONSTANT Start <- WiderStart\nCONSTANT Step <- BoundedStep\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(4, r.stats().distinct());
    assertEquals(2 + 1 + 1, r.stats().generated());
    assertEquals(3, r.stats().depth());
  }

  @Test
  void anOperatorWithParametersMayBeReplacedByOneThatCallsIt() throws Exception {
    // Double <- Twice, Twice calling Double: Step stays n' = 2n + 1, bounded by BoundedStep.
    CheckResult r = check("INIT Start\nNEXT Next\nCONSTANT Double <- Twice\nCONSTANT Step <- BoundedStep\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(3, r.stats().distinct());
    assertEquals(3, r.stats().generated());
  }

  @Test
  void aReplacementSeesADefinitionTheConfigurationSetsToAValue() throws Exception {
    // None is an unbounded CHOOSE that TLC cannot evaluate; None = None (a model value)
    // replaces it, and so it must be inside Start's replacement too (as TLC's MCMemory-style
    // models do: InitMem <- MCInitMem with MCInitMem reading NoVal = NoVal).
    CheckResult r = SpecRun.check(dir, "Pick", """
        ---- MODULE Pick ----
        EXTENDS Naturals
        VARIABLE n
        None == CHOOSE v : v \\notin Nat
        Start == n = 0
        OrNone == n \\in {0, None}
        Next == UNCHANGED n
        ====
        """, "INIT Start\nNEXT Next\nCONSTANT Start <- OrNone\nCONSTANT None = None\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(2, r.stats().distinct());
  }
}
