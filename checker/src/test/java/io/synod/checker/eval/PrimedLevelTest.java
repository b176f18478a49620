package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.Verdict;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code TLCGet("level")'} is evaluated in the next state, whose level is one more than the
 * step's first state's (TLC reads the level off the state the expression is evaluated in), in
 * the next-state relation as in an ACTION_CONSTRAINT.
 */
class PrimedLevelTest {

  private static CheckResult check(String defs, String cfg) throws Exception {
    String spec = "---- MODULE Test ----\nEXTENDS Naturals, Sequences, TLC\nVARIABLES n, seen\n"
        + "Init == n = 0 /\\ seen = <<>>\n"
        + "Next == n < 3 /\\ n' = n + 1 /\\ seen' = Append(seen, TLCGet(\"level\")')\n"
        + defs + "\n====\n";
    CompiledSpec compiled = Fixtures.inline(spec, cfg, new ArrayList<>());
    EvalModel model = new EvalModel(compiled, ConfigReader.read("Test.cfg", cfg));
    return new ModelChecker(model, CheckOptions.defaults().withWorkers(1).withDeadlockOff(true),
        new SearchListener() {}, line -> { }).run();
  }

  @Test
  void thePrimedLevelIsTheSuccessorsInTheNextStateRelation() throws Exception {
    // the k-th step leads from level k to level k + 1
    CheckResult r = check("Inv == seen = [i \\in 1..Len(seen) |-> i + 1]",
        "INIT Init\nNEXT Next\nINVARIANT Inv\n");
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(4, r.stats().distinct());
  }

  @Test
  void anActionConstraintSeesBothLevels() throws Exception {
    CheckResult deeper = check("Deeper == TLCGet(\"level\")' = TLCGet(\"level\") + 1",
        "INIT Init\nNEXT Next\nACTION_CONSTRAINT Deeper\n");
    assertEquals(Verdict.SUCCESS, deeper.verdict(), String.valueOf(deeper.failures()));
    assertEquals(4, deeper.stats().distinct());
    // the levels differ in every step, so a constraint demanding equal ones admits no successor
    CheckResult same = check("Same == TLCGet(\"level\")' = TLCGet(\"level\")",
        "INIT Init\nNEXT Next\nACTION_CONSTRAINT Same\n");
    assertEquals(Verdict.SUCCESS, same.verdict(), String.valueOf(same.failures()));
    assertEquals(1, same.stats().distinct());
    assertEquals(2, same.stats().generated());
  }
}
