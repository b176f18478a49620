package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many states a composition {@code A \cdot B} in the next-state relation generates: as TLC
 * counts them, the successors B leads to and also the states A reaches on the way, for the
 * outermost composition only (TLC collects an inner one's states without counting them).
 */
class CompositionCountTest {

  private static final String SPEC = """
      ---- MODULE Steps ----
      EXTENDS Naturals
      VARIABLE n
      Init == n = 0
      Inc == n' \\in {n + 1, n + 2}
      Double == n' = 2 * n
      Once == n = 0 /\\ (Inc \\cdot Double)
      Twice == n = 0 /\\ (Inc \\cdot Inc \\cdot Double)
      Small == n < 10
      ====
      """;

  @TempDir Path dir;

  private CheckResult check(String next) throws Exception {
    return SpecRun.check(dir, "Steps", SPEC, "INIT Init\nNEXT " + next + "\nINVARIANT Small\n");
  }

  @Test
  void theStatesTheFirstActionReachesCountAsGenerated() throws Exception {
    // 0 -Inc-> 1, 2 -Double-> 2, 4: one initial state, two on the way, two successors
    CheckResult r = check("Once");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(3, r.stats().distinct());
    assertEquals(1 + 2 + 2, r.stats().generated());
  }

  @Test
  void onlyTheOutermostCompositionCountsItsWay() throws Exception {
    // (Inc \cdot Inc) reaches 2, 3, 3, 4 from 0 (counted), through 1 and 2 (not counted);
    // Double leads on to 4, 6, 6, 8
    CheckResult r = check("Twice");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(4, r.stats().distinct());
    assertEquals(1 + 4 + 4, r.stats().generated());
  }
}
