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
 * longer one. Each lasso is re-validated on the spec's own formulas.
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

  /**
   * Three lamps, each flipped only in its turn; the property's tableau (three promises under a
   * leads-to) has several nodes over the same states, between which the walk went back and
   * forth, printing the same two states again and again.
   */
  private static final String LAMPS = """
      ---- MODULE Lamps ----
      EXTENDS Naturals
      VARIABLES on, turn
      vars == <<on, turn>>
      Init == on = [i \\in 1..3 |-> FALSE] /\\ turn = 1
      Flip(i) == turn = i /\\ on' = [on EXCEPT ![i] = ~@] /\\ UNCHANGED turn
      Pass == turn' = (IF turn = 3 THEN 1 ELSE turn + 1) /\\ UNCHANGED on
      Next == Pass \\/ \\E i \\in 1..3 : Flip(i)
      Spec == Init /\\ [][Next]_vars /\\ WF_vars(Pass)
      AllLit == (\\A i \\in 1..3 : []<> on[i]) ~> (turn = 0)
      ====
      """;

  private CheckResult.Failure counterexample(String module, String text, String cfg,
      SpecModel[] model) throws Exception {
    Path spec = tmp.resolve(module + ".tla");
    Files.writeString(spec, text);
    Path c = tmp.resolve(module + ".cfg");
    Files.writeString(c, cfg);
    SpecModel m = Checker.prepare(spec, c, List.of(), Output.NONE);
    model[0] = m;
    CheckResult r = new ModelChecker(m, CheckOptions.defaults().withWorkers(1),
        new SearchListener() {}, Output.NONE).run();
    assertEquals(Verdict.LIVENESS, r.verdict());
    return r.firstFailure();
  }

  @Test
  void theCycleGoesTheShortWayRound() throws Exception {
    SpecModel[] m = new SpecModel[1];
    CheckResult.Failure f = counterexample("Errand", ERRAND,
        "SPECIFICATION Spec\nPROPERTY StaysOut\n", m);
    List<String> states = CheckpointRecoveryTest.render(f.trace());
    // home, corner, gate and back to home (the long way printed home, lane1..3, gate)
    assertEquals(3, states.size(), states.toString());
    assertTrue(states.get(1).contains("corner"), states.toString());
    assertFalse(f.loop().stuttering());
    assertEquals(0, f.loop().backTo());
    Lassos.revalidate(m[0], f);
  }

  @Test
  void theCycleDoesNotRepeatStatesForTheTableausSake() throws Exception {
    SpecModel[] m = new SpecModel[1];
    CheckResult.Failure f = counterexample("Lamps", LAMPS,
        "SPECIFICATION Spec\nPROPERTY AllLit\n", m);
    // each lamp on and off again in its turn and three passes: nine states (18 before, lamp 3
    // flipped five times over in one turn)
    List<String> states = CheckpointRecoveryTest.render(f.trace());
    assertEquals(9, states.size(), states.toString());
    assertFalse(f.loop().stuttering());
    assertEquals(0, f.loop().backTo());
    Lassos.revalidate(m[0], f);
  }
}
