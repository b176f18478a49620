package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SPECIFICATION or PROPERTY written as a part of a theorem ({@code Thm!1}, {@code I!Thm!1}) is
 * analysed like the part itself (TLC suite test216): before, the specification was refused as
 * "not of the form Init /\ [][Next]_vars /\ Fairness" and an instantiated theorem's
 * {@code [][A]_v} part was taken for a liveness formula with actions.
 */
class TheoremPartSpecTest {

  @TempDir Path dir;

  @Test
  void partsOfTheoremsAreSpecificationsAndProperties() throws Exception {
    Files.writeString(dir.resolve("Lap.tla"), """
        ---- MODULE Lap ----
        EXTENDS Naturals
        VARIABLE k
        Step == k' = (k + 1) % 3
        THEOREM LapThm == [][Step]_k => [](k < 3)
        ====
        """);
    CheckResult r = SpecRun.check(dir, "Track", """
        ---- MODULE Track ----
        EXTENDS Naturals
        VARIABLE k
        Spec == k = 0 /\\ [][k' = (k + 1) % 3]_k /\\ WF_k(k' = (k + 1) % 3)
        THEOREM Main == Spec => []<>(k = 2)
        L == INSTANCE Lap
        Live == Main!2
        Steps == L!LapThm!1
        Whole == Main!1
        ====
        """, "SPECIFICATION Whole\nPROPERTIES Live Steps\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(3, r.stats().distinct());
  }

  @Test
  void aTheoremPartThatFailsIsStillFound() throws Exception {
    CheckResult r = SpecRun.check(dir, "Stuck", """
        ---- MODULE Stuck ----
        EXTENDS Naturals
        VARIABLE k
        Spec == k = 0 /\\ [][k' = (k + 1) % 3]_k
        THEOREM Main == Spec => []<>(k = 2)
        Live == Main!2
        Whole == Main!1
        ====
        """, "SPECIFICATION Whole\nPROPERTY Live\n");
    // no fairness: stuttering forever at k = 0 violates []<>(k = 2)
    assertEquals(Verdict.LIVENESS, r.verdict(), String.valueOf(r.failures()));
  }
}
