package io.synod.checker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.Checker;
import io.synod.checker.Lassos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cycle of a liveness counterexample is the shortest one through the component's root when
 * TLC's greedy walk (last successor first, a step meeting an open condition at once) gives a
 * longer one: here the walk's first step from home meets the fairness condition on the long
 * way round, so it printed five states where three do.
 */
class ShortestLassoTest {
  @TempDir Path tmp;

  /** Two ways from home to the gate, the long one generated first; only the gate leads back. */
  private static final String ERRAND = """
      ---- MODULE Errand ----
      VARIABLE at
      Init == at = "home"
      Long == at = "home" /\\ at' = "lane1"
      Short == at = "home" /\\ at' = "corner"
      Walk == \\/ at = "lane1" /\\ at' = "lane2"
              \\/ at = "lane2" /\\ at' = "lane3"
              \\/ at = "lane3" /\\ at' = "gate"
              \\/ at = "corner" /\\ at' = "gate"
      Back == at = "gate" /\\ at' = "home"
      Next == Long \\/ Short \\/ Walk \\/ Back
      Spec == Init /\\ [][Next]_at /\\ WF_at(Next)
      StaysOut == <>[][~Back]_at
      ====
      """;

  @Test
  void theCycleGoesTheShortWayRound() throws Exception {
    Path spec = tmp.resolve("Errand.tla");
    Files.writeString(spec, ERRAND);
    Path cfg = tmp.resolve("Errand.cfg");
    Files.writeString(cfg, "SPECIFICATION Spec\nPROPERTY StaysOut\n");
    SpecModel m = Checker.prepare(spec, cfg, List.of(), Output.NONE);
    CheckResult r = new ModelChecker(m, CheckOptions.defaults().withWorkers(1),
        new SearchListener() {}, Output.NONE).run();
    assertEquals(Verdict.LIVENESS, r.verdict());
    CheckResult.Failure f = r.firstFailure();
    List<String> states = CheckpointRecoveryTest.render(f.trace());
    // home, corner, gate and back to home (the long way printed home, lane1..3, gate)
    assertEquals(3, states.size(), states.toString());
    assertTrue(states.get(1).contains("corner"), states.toString());
    assertFalse(f.loop().stuttering());
    assertEquals(0, f.loop().backTo());
    Lassos.revalidate(m, f);
  }
}
