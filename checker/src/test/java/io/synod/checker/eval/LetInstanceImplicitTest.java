package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An INSTANCE inside a LET substitutes implicitly, for a parameter of the instantiated module,
 * the LET's definition of the same name (TLC's suite test59: {@code LET x == y+1  M == INSTANCE
 * test59a IN ... M!xplus1}); Synod looked only at the module's names and refused the spec.
 */
class LetInstanceImplicitTest {

  private static final String SPEC = """
      ---- MODULE Host ----
      EXTENDS Naturals
      VARIABLE k
      Init == k = 0
      Next == LET step == k * 2 + 1
                  W == INSTANCE Wrap
              IN  k' = W!cut
      ====
      ---- MODULE Wrap ----
      EXTENDS Naturals
      CONSTANT step
      cut == step % 7
      ====
      """;

  @TempDir Path dir;

  @Test
  void theLetsNameFillsTheParameter() throws Exception {
    CheckResult r = SpecRun.check(dir, "Host", SPEC, "INIT Init\nNEXT Next\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    // 0 -> 1 -> 3 -> 0 (7 % 7)
    assertEquals(3, r.stats().distinct());
  }
}
