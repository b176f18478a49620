package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SpillMode;
import io.synod.checker.engine.TraceStep;
import io.synod.checker.engine.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SYMMETRY with a temporal property about one element of the symmetry set. A graph state stands
 * for every permutation of itself; TLC decides the property's tableau on the successor each step
 * generated, not on the state kept for the class, so the permutation a step actually reached
 * counts. Synod decided it on the kept state, where the element the property names never waits
 * forever, and reported no error for a property TLC finds violated (as in TLC's
 * ChooseTableauSymmetryTestA).
 */
class SymmetryLivenessTest {
  @TempDir Path dir;

  // two processes count 0 -> 1 -> 2 -> 0; fairness only for the processes taken together, so
  // one of them may sit at 1 forever while the other goes round
  private static final String SPEC = """
      ---- MODULE SymServe ----
      EXTENDS Naturals, TLC
      CONSTANTS P, x, y
      VARIABLE st
      Init == st = [p \\in P |-> 0]
      Step(p) == st' = [st EXCEPT ![p] = (st[p] + 1) % 3]
      Spec == Init /\\ [][\\E p \\in P : Step(p)]_st /\\ WF_st(\\E p \\in P : Step(p))
      Pick == CHOOSE p \\in P : TRUE
      Other == CHOOSE p \\in P : p # Pick
      OtherServed == (st[Other] = 1) ~> (st[Other] = 0)
      SomeoneMoves == <>(\\E p \\in P : st[p] = 1)
      Sym == Permutations(P)
      ====
      """;

  private CheckResult check(String properties, int workers, SpillMode spill) throws Exception {
    Path spec = Files.writeString(dir.resolve("SymServe.tla"), SPEC);
    Path cfg = Files.writeString(dir.resolve("SymServe.cfg"), """
        CONSTANTS x = x
          y = y
          P = {x, y}
        SYMMETRY Sym
        SPECIFICATION Spec
        PROPERTY\s""" + properties + "\n");
    CheckOptions o = CheckOptions.defaults().withWorkers(workers).withFpIndex(0).withSpill(spill);
    return new ModelChecker(Checker.prepare(spec, cfg, List.of(), Output.NONE), o,
        new SearchListener() {}, Output.NONE).run();
  }

  @ParameterizedTest
  @CsvSource({"1, NEVER", "2, NEVER", "1, ALWAYS", "2, ALWAYS"})
  void aProcessWaitingInAnotherPermutationIsFound(int workers, SpillMode spill)
      throws Exception {
    CheckResult r = check("OtherServed", workers, spill);
    assertEquals(Verdict.LIVENESS, r.verdict());
    assertEquals(13, r.exitCode());
    assertEquals(6, r.stats().distinct());
    CheckResult.Failure f = r.firstFailure();
    assertEquals("OtherServed", f.name());
    assertEquals("Temporal property OtherServed was violated.", f.message());
    assertNotNull(f.loop());
    List<String> states = new ArrayList<>();
    for (TraceStep st : f.trace()) {
      states.add(st.state()[0].toString());
    }
    // the printed lasso is a behaviour of the spec in which y (Other) waits at 1 on the cycle
    assertEquals(List.of("(x :> 0 @@ y :> 0)", "(x :> 1 @@ y :> 0)", "(x :> 1 @@ y :> 1)",
        "(x :> 2 @@ y :> 1)", "(x :> 0 @@ y :> 1)"), states);
    assertEquals(2, f.loop().backTo());
  }

  @ParameterizedTest
  @CsvSource({"1, NEVER", "2, ALWAYS"})
  void aPropertyThatHoldsInEveryPermutationStillHolds(int workers, SpillMode spill)
      throws Exception {
    CheckResult r = check("SomeoneMoves", workers, spill);
    assertEquals(Verdict.SUCCESS, r.verdict(), () -> String.valueOf(r.firstFailure()));
    assertTrue(r.stats().distinct() > 0);
  }
}
